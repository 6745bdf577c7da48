/**
 * Some objectives are minimised by collapse itself: when every image maps to one point, both views agree
 * perfectly and the loss sits at its trivial bound (−1 for SimSiam, 0 for BYOL, −1/τ for SimCLR without
 * negatives, 0 for the alignment term alone). Each such loss is translated back to the mean cosine between
 * the two views' outputs, so one threshold serves them all.
 */
import type { ExperimentConfig } from '../../core/config';

/** A mean positive-pair cosine above this is "at the trivial bound" (SimSiam loss below −0.999). */
export const AT_BOUND_COSINE = 0.999;

/** The mean cosine between positive pairs that `loss` implies, or null when collapse does not minimise the objective. */
export function positivePairCosine(loss: number, config: ExperimentConfig): number | null {
  switch (config.method) {
    case 'simsiam':
      return -loss;
    case 'byol':
      // 2 − 2 cos, averaged over both directions.
      return 1 - loss / 2;
    case 'simclr':
      // Without negatives only −mean cos / τ is left.
      return config.negatives ? null : -loss * config.temperature;
    case 'align-uniform': {
      // ||x − y||² = 2 − 2 cos for unit vectors; the uniformity term, when it counts, rules collapse out.
      const alignmentOnly = config.alignment && (!config.uniformity || config.lambda === 0);
      return alignmentOnly ? 1 - loss / 2 : null;
    }
    case 'swav':
      return null;
  }
}

export function lossAtTrivialBound(loss: number, config: ExperimentConfig): boolean {
  if (!Number.isFinite(loss)) return false;
  const cosine = positivePairCosine(loss, config);
  return cosine !== null && cosine > AT_BOUND_COSINE;
}
