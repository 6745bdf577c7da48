/** The banner's words for a collapse verdict: what happened, in plain words, and the figures that show it. */
import { messages } from '../../i18n/messages';
import { uniformityBound } from '../../metrics/collapseVerdict';
import type { CollapseStatus } from './collapseStore';

export interface CollapseMessage {
  headline: string;
  evidence: string;
}

export function collapseMessage({ state, step, latest }: CollapseStatus): CollapseMessage | null {
  if (state === 'healthy' || step === null || latest === null) return null;
  const m = messages().collapse;
  const evidence = m.evidence({
    std: m.std({ value: latest.stdScaled }),
    uniformity: m.uniformity({ value: latest.uniformity, best: uniformityBound(latest.dim) }),
    rank: m.rank({ value: latest.effectiveRank, dim: latest.dim }),
    topShare: latest.topShare === null ? '' : m.topShare({ share: latest.topShare, flat: 1 / latest.dim }),
  });
  // 'dimensional' — the lesson of this state: the usual collapse metric still reads healthy.
  return { headline: m[state]({ step }), evidence };
}
