import type { MethodInfo } from '../method';

export const swavInfo: MethodInfo = {
  title: 'SwAV',
  summary: 'Clusters: each view predicts the other view’s code over k prototypes; Sinkhorn spreads codes evenly.',
  inactiveSwitches: (config) => (config.sinkhorn ? {} : { sinkhornIters: 'Acts only with Sinkhorn on: the plain softmax codes need no iterations.' }),
  // A cross-entropy over codes says nothing of the positive-pair cosine: the verdict reads SwAV's figures alone.
  positivePairCosine: () => null,
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
    helpers: ['sinkhorn'],
    needs: { predictor: false, target: false, prototypes: true },
    loss: String.raw`
    # SwAV (Caron et al. 2020): each view's code (no gradient) is predicted from the other view's scores.
    q1, q2 = swav_codes(out.s1, cfg), swav_codes(out.s2, cfg)
    temperature = cfg['temperature']
    return 0.5 * (swapped_cross_entropy(q1, out.s2, temperature) + swapped_cross_entropy(q2, out.s1, temperature))`,
    positivePairCosine: String.raw`
    # Collapse does not minimise SwAV's loss.
    return None`,
  },
};
