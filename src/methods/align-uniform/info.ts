import type { MethodInfo } from '../method';

/** Only the alignment term counts: collapse then minimises the loss. */
const alignmentOnly = (config: { alignment: boolean; uniformity: boolean; lambda: number }) =>
  config.alignment && (!config.uniformity || config.lambda === 0);

export const alignUniformInfo: MethodInfo = {
  title: 'Alignment + uniformity',
  summary: 'Wang & Isola’s two terms directly: align positive pairs, spread all points uniformly on the sphere.',
  inactiveSwitches: (config) => (config.uniformity ? {} : { lambda: 'Acts only with the uniformity term on: λ is its weight.' }),
  // ||x − y||² = 2 − 2 cos for unit vectors; the uniformity term, when it counts, rules collapse out.
  positivePairCosine: (loss, config) => (alignmentOnly(config) ? 1 - loss / 2 : null),
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
    helpers: ['alignUniform'],
    needs: { predictor: false, target: false, prototypes: false },
    loss: String.raw`
    # Wang & Isola (2020): L = L_align + λ·L_uniform, the uniformity averaged over the two views' batches. A term
    # switched off keeps weight 0 rather than leaving the graph, so with both off nothing moves (no error).
    align = alignment_loss(out.z1, out.z2)
    uniform = 0.5 * (uniformity_loss(out.z1) + uniformity_loss(out.z2))
    return align * (1 if cfg['alignment'] else 0) + uniform * (cfg['lambda'] if cfg['uniformity'] else 0)`,
    positivePairCosine: String.raw`
    # ||x − y||² = 2 − 2 cos for unit vectors; the uniformity term, when it counts, rules collapse out.
    alignment_only = cfg['alignment'] and (not cfg['uniformity'] or cfg['lambda'] == 0)
    return 1 - loss / 2 if alignment_only else None`,
  },
};
