/**
 * The sphere's text alternative: what the picture shows, in one or two sentences, computed from the shown
 * snapshot's figures (collapse std × √d, uniformity, effective rank, the spectrum's top share) with the collapse
 * verdict's thresholds,
 * so that the words agree with the banner and the metrics panel.
 */
import { messages } from '../../i18n/messages';
import { collapseThresholds, effectiveRankFloor, topShareLimit, uniformityBound } from '../../metrics/collapseVerdict';
import type { SnapshotFigures } from '../../metrics/snapshotFigures';

export type SphereFigures = Pick<SnapshotFigures, 'step' | 'dim' | 'stdScaled' | 'uniformity' | 'effectiveRank' | 'spectrum'>;

/** A number with a true minus sign (U+2212), which screen readers say as "minus" rather than "dash". */
export function signedNumber(value: number, digits: number): string {
  return value.toFixed(digits).replace(/^-/, '\u2212');
}

/** How the points lie, from the figures: the same order of tests as the collapse verdict (worst first). */
function arrangement({ dim, stdScaled, uniformity, effectiveRank, spectrum }: SphereFigures): string {
  const m = messages().sphereWords;
  const surface = dim === 2 ? m.circle : m.sphere;
  const t = collapseThresholds;
  const crowded = m.crowded({ surface });
  if (stdScaled < t.collapsedStd || uniformity > t.collapsedUniformity) return m.gathered;
  if (stdScaled < t.partialStd) return crowded;
  const topShare = spectrum?.[0] ?? null;
  if (topShare !== null && topShare > topShareLimit(dim)) {
    return m.lined({ percent: Math.round(topShare * 100) });
  }
  if (effectiveRank < effectiveRankFloor(dim)) return m.fewer({ surface });
  if (uniformity / uniformityBound(dim) < t.partialUniformityShare) return crowded;
  return m.spread({ surface });
}

/** E.g. "Step 400: 2,000 points spread over the sphere; uniformity −1.90 of −2.08 best, …". Null figures: no points yet. */
export function describeSphere(figures: SphereFigures | null, pointCount: number): string {
  const m = messages().sphereWords;
  if (figures === null || pointCount === 0) return m.none;
  const { step, dim, stdScaled, uniformity, effectiveRank } = figures;
  const sentence = m.describe({
    step,
    points: pointCount,
    arrangement: arrangement(figures),
    uniformity: signedNumber(uniformity, 2),
    best: signedNumber(uniformityBound(dim), 2),
    stdScaled,
    rank: effectiveRank,
    dim,
  });
  return dim > 3 ? sentence + m.projected({ dim }) : sentence;
}
