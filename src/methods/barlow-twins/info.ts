import type { MethodInfo } from '../method';

export const barlowTwinsInfo: MethodInfo = {
  title: 'Barlow Twins',
  summary: 'Redundancy reduction: push the two views’ cross-correlation matrix to the identity, so each dimension agrees across the views and different dimensions decorrelate.',
  inactiveSwitches: (config) => (config.offDiagonal ? {} : { barlowLambda: 'Acts only with the off-diagonal term on: λ is its weight.' }),
  // A loss on correlations, not on the positive-pair cosine; a collapsed batch (C = 0, L = d) does not minimise it.
  positivePairCosine: () => null,
  redundancyViews: ['crossCorrelation'],
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
    helpers: ['offDiagonal', 'barlowTwins'],
    needs: { predictor: false, target: false, prototypes: false },
    loss: String.raw`
    # Barlow Twins (Zbontar et al. 2021): L = Σ_i (1 − C_ii)² + λ·Σ_{i≠j} C_ij² on the raw projections (no l2
    # normalisation). A term switched off keeps weight 0 rather than leaving the graph.
    c = cross_correlation(out.z1, out.z2)
    return barlow_invariance(c) + off_diagonal_square_sum(c) * (cfg['barlowLambda'] if cfg['offDiagonal'] else 0)`,
    positivePairCosine: String.raw`
    # A loss on correlations says nothing of the positive-pair cosine.
    return None`,
  },
};
