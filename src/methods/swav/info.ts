import type { MethodInfo } from '../methodInfo';
import { swavPytorch } from './pytorch';

export const swavInfo: MethodInfo = {
  title: 'SwAV',
  summary: 'Clusters: each view predicts the other view’s code over k prototypes; Sinkhorn spreads codes evenly.',
  inactiveSwitches: (config) => (config.sinkhorn ? {} : { sinkhornIters: 'Acts only with Sinkhorn on: the plain softmax codes need no iterations.' }),
  // A cross-entropy over codes says nothing of the positive-pair cosine: the verdict reads SwAV's figures alone.
  positivePairCosine: () => null,
  pytorch: swavPytorch,
};
