import type { ConfigKey } from '../../core/config';
import type { MethodInfo } from '../methodInfo';
import { vicregPytorch } from './pytorch';

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
  pytorch: vicregPytorch,
};
