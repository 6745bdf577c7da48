/**
 * The sphere's text alternative: what the picture shows, in one or two sentences, computed from the shown
 * snapshot's figures (collapse std × √d, uniformity, effective rank, the spectrum's top share) with the collapse
 * verdict's thresholds,
 * so that the words agree with the banner and the metrics panel.
 */
import { collapseThresholds, effectiveRankFloor, topShareLimit, uniformityBound } from '../../metrics/collapseVerdict';
import type { SnapshotFigures } from '../../metrics/snapshotFigures';

export type SphereFigures = Pick<SnapshotFigures, 'step' | 'dim' | 'stdScaled' | 'uniformity' | 'effectiveRank' | 'spectrum'>;

/** A number with a true minus sign (U+2212), which screen readers say as "minus" rather than "dash". */
export function signedNumber(value: number, digits: number): string {
  return value.toFixed(digits).replace(/^-/, '\u2212');
}

/** How the points lie, from the figures: the same order of tests as the collapse verdict (worst first). */
function arrangement({ dim, stdScaled, uniformity, effectiveRank, spectrum }: SphereFigures): string {
  const surface = dim === 2 ? 'circle' : 'sphere';
  const t = collapseThresholds;
  const crowded = `crowded into a small part of the ${surface}`;
  if (stdScaled < t.collapsedStd || uniformity > t.collapsedUniformity) return 'gathered in one spot';
  if (stdScaled < t.partialStd) return crowded;
  const topShare = spectrum?.[0] ?? null;
  if (topShare !== null && topShare > topShareLimit(dim)) {
    return `lined up along one direction, which holds ${Math.round(topShare * 100)}% of the spread`;
  }
  if (effectiveRank < effectiveRankFloor(dim)) return `spread along fewer directions than the ${surface} offers`;
  if (uniformity / uniformityBound(dim) < t.partialUniformityShare) return crowded;
  return `spread over the ${surface}`;
}

/** E.g. "Step 400: 2,000 points spread over the sphere; uniformity −1.90 of −2.08 best, …". Null figures: no points yet. */
export function describeSphere(figures: SphereFigures | null, pointCount: number): string {
  if (figures === null || pointCount === 0) return 'No points yet: they appear with the first snapshot.';
  const { step, dim, stdScaled, uniformity, effectiveRank } = figures;
  const projected = dim > 3 ? ` Projected from ${dim} dimensions to three.` : '';
  return (
    `Step ${step}: ${pointCount.toLocaleString('en')} points ${arrangement(figures)}; ` +
    `uniformity ${signedNumber(uniformity, 2)} of ${signedNumber(uniformityBound(dim), 2)} best, ` +
    `collapse std × √d ${stdScaled.toFixed(2)} (1 when spread), effective rank ${effectiveRank.toFixed(1)} of ${dim}.${projected}`
  );
}
