import type { ConfigKey } from '../../core/config';
import type { MethodInfo } from '../method';

const termOff = (term: string) => `Acts only with the ${term} term on: it is that term’s weight.`;

export const vicregInfo: MethodInfo = {
  title: 'VICReg',
  summary:
    'Redundancy reduction in three terms: variance keeps each dimension’s std up, invariance makes the two views agree, covariance decorrelates dimensions.',
  inactiveSwitches: (config) => {
    const reasons: Partial<Record<ConfigKey, string>> = {};
    if (!config.invariance) reasons.invarianceWeight = termOff('invariance');
    if (!config.variance) reasons.varianceWeight = termOff('variance');
    if (!config.covariance) reasons.covarianceWeight = termOff('covariance');
    return reasons;
  },
  // A loss on distances, variances and covariances, not on the positive-pair cosine (even where collapse minimises
  // it, with the variance term off): the verdict reads the figures alone.
  positivePairCosine: () => null,
  redundancyViews: ['dimensionStd', 'covariance'],
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
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
  },
};
