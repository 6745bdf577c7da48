export { alignment } from './alignment';
export { collapseStd } from './collapse';
export { effectiveRank, singularValues, symmetricEigenvalues } from './effectiveRank';
export { spectrum } from './spectrum';
export { knnAccuracy, knnAccuracyFromSimilarities } from './knn';
export { UNIFORMITY_BOUND_S2, uniformSphereUniformity, uniformity } from './uniformity';
