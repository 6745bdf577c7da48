export { alignment } from './alignment';
export { collapseStd } from './collapse';
export { effectiveRank, symmetricEigenvalues } from './effectiveRank';
export { knnAccuracy, knnAccuracyFromSimilarities } from './knn';
export { UNIFORMITY_BOUND_S2, uniformSphereUniformity, uniformity } from './uniformity';
