/** The banner's words for a collapse verdict: what happened, in plain words, and the figures that show it. */
import { collapseThresholds, uniformityBound } from '../../metrics/collapseVerdict';
import type { CollapseStatus } from './collapseStore';

export interface CollapseMessage {
  headline: string;
  evidence: string;
}

export function collapseMessage({ state, step, latest }: CollapseStatus): CollapseMessage | null {
  if (state === 'healthy' || step === null || latest === null) return null;
  const std = `collapse std × √d ${latest.stdScaled.toFixed(2)}`;
  const rank = `effective rank ${latest.effectiveRank.toFixed(1)} of ${latest.dim}`;
  const uniformity = `uniformity ${latest.uniformity.toFixed(2)} (best ${uniformityBound(latest.dim).toFixed(2)})`;
  const evidence = `Now: ${std} (healthy ≈ 1), ${uniformity}, ${rank}.`;
  if (state === 'collapsed') {
    return { headline: `Collapsed at step ${step}: every image maps to nearly the same point.`, evidence };
  }
  // Partial collapse shows either as crowding into one region or as a loss of directions (std still high).
  const crowded = latest.stdScaled < collapseThresholds.healthyStd;
  const what = crowded
    ? `the points crowd into a small part of the sphere (${std}; healthy ≈ 1)`
    : `the points spread along fewer directions than the sphere offers (${rank})`;
  return { headline: `Partial collapse from step ${step}: ${what}.`, evidence };
}
