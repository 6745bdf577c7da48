/** The banner's words for a collapse verdict: what happened, in plain words, and the figures that show it. */
import { uniformityBound } from '../../metrics/collapseVerdict';
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
  const topShare = latest.topShare === null ? '' : `, top direction ${percent(latest.topShare)} of the spectrum (flat: ${percent(1 / latest.dim)})`;
  const evidence = `Now: ${std} (healthy ≈ 1), ${uniformity}, ${rank}${topShare}.`;
  switch (state) {
    case 'collapsed':
      return { headline: `Collapsed at step ${step}: every image maps to nearly the same point.`, evidence };
    case 'partial':
      return { headline: `Partial collapse from step ${step}: the points crowd into a small part of the sphere.`, evidence };
    case 'dimensional':
      // The lesson of this state: the usual collapse metric still reads healthy.
      return {
        headline: `Dimensional collapse from step ${step}: the points line up along fewer directions than the sphere offers, though the collapse std still looks healthy.`,
        evidence,
      };
  }
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
