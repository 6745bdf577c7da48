/**
 * Some objectives are minimised by collapse itself: when every image maps to one point, both views agree
 * perfectly and the loss sits at its trivial bound (−1 for SimSiam, 0 for BYOL, −1/τ for SimCLR without
 * negatives, 0 for the alignment term alone). Each method says how its loss reads as the mean cosine between
 * the two views' outputs (MethodInfo.positivePairCosine), so one threshold serves them all.
 */
import type { ExperimentConfig } from '../core/config';
import { methodCatalog } from '../methods/catalog';

/** A mean positive-pair cosine above this is "at the trivial bound" (SimSiam loss below −0.999). */
export const AT_BOUND_COSINE = 0.999;

/** The mean cosine between positive pairs that `loss` implies, or null when collapse does not minimise the objective. */
export function positivePairCosine(loss: number, config: ExperimentConfig): number | null {
  return methodCatalog[config.method].positivePairCosine(loss, config);
}

/** Whether the loss sits at its trivial bound; never for a loss not measured (null) or not finite. */
export function lossAtTrivialBound(loss: number | null, config: ExperimentConfig): boolean {
  if (loss === null || !Number.isFinite(loss)) return false;
  const cosine = positivePairCosine(loss, config);
  return cosine !== null && cosine > AT_BOUND_COSINE;
}
