/** vicreg's part of the exported PyTorch script (see src/export/pytorchScript.ts); it follows engine.ts. */
import type { PytorchParts } from '../methodInfo';

export const vicregPytorch: PytorchParts = {
  helpers: ['offDiagonal', 'vicreg'],
  needs: { predictor: false, target: false, prototypes: false },
  loss: String.raw`
    # VICReg (Bardes et al. 2022): L = w_inv·s(z1, z2) + w_var·[v(z1) + v(z2)] + w_cov·[c(z1) + c(z2)] on the raw
    # projections (no l2 normalisation). A term switched off keeps weight 0 rather than leaving the graph.
    weight = lambda term, key: cfg[key] if cfg[term] else 0
    return (weight('invariance', 'invarianceWeight') * vicreg_invariance(out.z1, out.z2)
            + weight('variance', 'varianceWeight') * (vicreg_variance(out.z1) + vicreg_variance(out.z2))
            + weight('covariance', 'covarianceWeight') * (vicreg_covariance(out.z1) + vicreg_covariance(out.z2)))`,
  positivePairCosine: String.raw`
    # A loss on distances, variances and covariances says nothing of the positive-pair cosine.
    return None`,
};
