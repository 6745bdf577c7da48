import type { MethodInfo } from '../methodInfo';
import { barlowTwinsPytorch } from './pytorch';

export const barlowTwinsInfo: MethodInfo = {
  title: 'Barlow Twins',
  summary: 'Redundancy reduction: push the two views’ cross-correlation matrix to the identity, so each dimension agrees across the views and different dimensions decorrelate.',
  inactiveSwitches: (config) => (config.offDiagonal ? {} : { barlowLambda: 'Acts only with the off-diagonal term on: λ is its weight.' }),
  // A loss on correlations, not on the positive-pair cosine; a collapsed batch (C = 0, L = d) does not minimise it.
  positivePairCosine: () => null,
  redundancyViews: ['crossCorrelation'],
  pytorch: barlowTwinsPytorch,
};
