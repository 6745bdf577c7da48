/**
 * Collapse detection from the metric history, one snapshot at a time (a pure reducer). kNN accuracy is
 * deliberately not used: collapsed runs at d ≥ 16 still score 0.52–0.69 on z, because kNN only ranks
 * neighbours, and the tiny spread left around the collapsed point still orders them by class.
 *
 * - collapsed (complete collapse): collapse std × √d under 0.1 and falling, or uniformity above −0.01 (all
 *   pairs nearly coincide), or the loss sitting at its trivial bound for two snapshots in a row (trivialBound.ts).
 * - partial: the points crowd into too little of the sphere: std × √d under 0.5, or (with the directions
 *   intact) uniformity under 30% of the best value for d.
 * - dimensional (Jing et al. 2022): the std looks healthy but the points line up along fewer directions than
 *   d: the spectrum's top share above 0.45 + 1/d (0.78 at d = 3, 0.51 at d = 16; healthy reference runs peak
 *   at 0.37–0.70 at d = 3, SimSiam with SGD the highest, and stay under 0.25 at d = 16; Barlow Twins without
 *   its off-diagonal term reads 0.84–0.89 and 0.68–0.71, VICReg without covariance 0.86–0.91 and 0.77), or an
 *   effective rank under its floor (effectiveRankFloor). Below 8 dimensions the effective rank alone cannot
 *   tell: at d = 3 SimSiam with SGD stays healthy at 1.8–2.0, as low as Barlow Twins without off-diagonal
 *   (1.5–1.9), so only a line (1.5) is flagged there and the top share decides. From d = 8 the floor is
 *   1.25·√d: 5 at d = 16, where healthy reference runs keep 6.9–15.7 and the lined-up ones 3.1–4.3; 10 at
 *   d = 64 (healthy 14–60).
 * - Leaving a state needs a clear margin (hysteresis), so a run at a threshold does not flicker.
 * Calibrated on the PyTorch reference curves (referenceRuns.test.ts). `CollapseDetector` runs the reducer over
 * a run's snapshots for every host: the UI's banner, the CLI's verdict column, the behaviour tests.
 */
import type { ExperimentConfig } from '../core/config';
import type { SnapshotFigures } from './snapshotFigures';
import { lossAtTrivialBound } from './trivialBound';
import { uniformSphereUniformity } from './uniformity';

export type CollapseState = 'healthy' | 'partial' | 'dimensional' | 'collapsed';

export interface CollapseVerdict {
  state: CollapseState;
  /** The step at which the current state began; null while healthy. */
  since: number | null;
}

/** The verdict plus what the detector remembers of the previous snapshot. */
export interface CollapseTracking {
  verdict: CollapseVerdict;
  previousStdScaled: number;
  previousLossAtBound: boolean;
}

/** What one snapshot tells the detector. */
export type CollapseEvidence = Pick<SnapshotFigures, 'step' | 'dim' | 'stdScaled' | 'uniformity' | 'effectiveRank'> & {
  /** The spectrum's top share; null where the spectrum was not measured. */
  topShare: number | null;
  /** The loss sits at its method's trivial bound (lossAtTrivialBound). */
  lossAtBound: boolean;
};

export const collapseThresholds = {
  collapsedStd: 0.1,
  collapsedUniformity: -0.01,
  /** A collapsed run counts as recovering only above both of these. */
  recoveredStd: 0.2,
  recoveredUniformity: -0.05,
  partialStd: 0.5,
  healthyStd: 0.6,
  /** Uniformity as a share of the best possible value for d (1 = perfectly spread, 0 = one point). */
  partialUniformityShare: 0.3,
  healthyUniformityShare: 0.35,
  /** The effective-rank floor: 1.5 under 8 dimensions, 1.25·√d from 8; leaving dimensional needs 10% above it. */
  rankFloorMin: 1.5,
  rankFloorFromDim: 8,
  rankFloorPerSqrtDim: 1.25,
  healthyRankMargin: 1.1,
  /** The top-share limit is 0.45 + 1/d (1/d is a flat spectrum's); leaving dimensional needs 0.05 under it. */
  topShareOverFlat: 0.45,
  healthyTopShareMargin: 0.05,
} as const;

const t = collapseThresholds;

export function initialCollapseTracking(): CollapseTracking {
  return { verdict: { state: 'healthy', since: null }, previousStdScaled: NaN, previousLossAtBound: false };
}

const bestUniformity = new Map<number, number>();

/** The uniformity of points spread perfectly over the sphere in d dimensions (−2.08 for d = 3). */
export function uniformityBound(dim: number): number {
  let bound = bestUniformity.get(dim);
  if (bound === undefined) {
    bound = uniformSphereUniformity(dim);
    bestUniformity.set(dim, bound);
  }
  return bound;
}

export function effectiveRankFloor(dim: number): number {
  return dim < t.rankFloorFromDim ? t.rankFloorMin : t.rankFloorPerSqrtDim * Math.sqrt(dim);
}

export function topShareLimit(dim: number): number {
  return t.topShareOverFlat + 1 / dim;
}

function looksCollapsed(evidence: CollapseEvidence, tracking: CollapseTracking): boolean {
  const falling = evidence.stdScaled < tracking.previousStdScaled;
  return (
    (evidence.stdScaled < t.collapsedStd && falling) ||
    evidence.uniformity > t.collapsedUniformity ||
    (evidence.lossAtBound && tracking.previousLossAtBound)
  );
}

function staysCollapsed(evidence: CollapseEvidence): boolean {
  return evidence.stdScaled < t.recoveredStd || evidence.uniformity > t.recoveredUniformity || evidence.lossAtBound;
}

/** Along too few directions; `staying` asks the stricter test a dimensional run must pass to leave that state. */
function linedUp(evidence: CollapseEvidence, staying: boolean): boolean {
  const rankFloor = effectiveRankFloor(evidence.dim) * (staying ? t.healthyRankMargin : 1);
  const shareLimit = topShareLimit(evidence.dim) - (staying ? t.healthyTopShareMargin : 0);
  return evidence.effectiveRank < rankFloor || (evidence.topShare !== null && evidence.topShare > shareLimit);
}

function nextState(evidence: CollapseEvidence, tracking: CollapseTracking): CollapseState {
  const current = tracking.verdict.state;
  if (looksCollapsed(evidence, tracking)) return 'collapsed';
  if (current === 'collapsed' && staysCollapsed(evidence)) return 'collapsed';
  const wasPartial = current === 'partial';
  // Crowded into one region: the std says so whatever the spectrum (a collapsing cloud's spectrum is noise).
  if (evidence.stdScaled < (wasPartial ? t.healthyStd : t.partialStd)) return 'partial';
  if (linedUp(evidence, current === 'dimensional')) return 'dimensional';
  const share = evidence.uniformity / uniformityBound(evidence.dim);
  if (share < (wasPartial ? t.healthyUniformityShare : t.partialUniformityShare)) return 'partial';
  return 'healthy';
}

/** The tracking after one more snapshot. Step 0 never changes the verdict: it shows the initialisation, not training. */
export function advanceCollapse(tracking: CollapseTracking, evidence: CollapseEvidence): CollapseTracking {
  const remember = { previousStdScaled: evidence.stdScaled, previousLossAtBound: evidence.lossAtBound };
  if (evidence.step === 0) return { verdict: tracking.verdict, ...remember };
  const state = nextState(evidence, tracking);
  const verdict: CollapseVerdict =
    state === tracking.verdict.state ? tracking.verdict : { state, since: state === 'healthy' ? null : evidence.step };
  return { verdict, ...remember };
}

/** The verdict over a run, one snapshot at a time, with the config each was trained under (it sets the loss's trivial bound). */
export class CollapseDetector {
  private tracking = initialCollapseTracking();
  /** The tracking before the latest step observed, and that step: a repeat of it replaces it rather than follows it. */
  private beforeLatest = initialCollapseTracking();
  private latestStep: number | null = null;

  get verdict(): CollapseVerdict {
    return this.tracking.verdict;
  }

  observe(figures: SnapshotFigures, config: ExperimentConfig): CollapseVerdict {
    const evidence = { ...figures, topShare: figures.spectrum?.[0] ?? null, lossAtBound: lossAtTrivialBound(figures.loss, config) };
    // A second snapshot of the same step (its kNN and probe measured later) takes the first one's place.
    if (figures.step !== this.latestStep) this.beforeLatest = this.tracking;
    this.latestStep = figures.step;
    this.tracking = advanceCollapse(this.beforeLatest, evidence);
    return this.tracking.verdict;
  }

  reset(): void {
    this.tracking = initialCollapseTracking();
    this.beforeLatest = this.tracking;
    this.latestStep = null;
  }
}

/**
 * A verdict in words, as the CLI prints it: "healthy", "collapsed at step 75", "partial collapse from step 50",
 * "dimensional collapse from step 100".
 */
export function verdictText({ state, since }: CollapseVerdict): string {
  switch (state) {
    case 'collapsed':
      return `collapsed at step ${since}`;
    case 'partial':
      return `partial collapse from step ${since}`;
    case 'dimensional':
      return `dimensional collapse from step ${since}`;
    case 'healthy':
      return 'healthy';
  }
}
