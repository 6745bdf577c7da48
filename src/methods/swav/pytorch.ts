/** swav's part of the exported PyTorch script (see src/export/pytorchScript.ts); it follows engine.ts. */
import type { PytorchParts } from '../methodInfo';

export const swavPytorch: PytorchParts = {
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
};
