/**
 * Collapse detection from the metric history, one snapshot at a time (a pure reducer). kNN accuracy is
 * deliberately not used: collapsed runs at d ≥ 16 still score 0.52–0.69 on z, because kNN only ranks
 * neighbours, and the tiny spread left around the collapsed point still orders them by class.
 *
 * - collapsed: collapse std × √d under 0.1 and falling, or uniformity above −0.01 (all pairs nearly
 *   coincide), or the loss sitting at its trivial bound for two snapshots in a row (see trivialLoss.ts).
 * - partial: the points still spread, but over too little of the sphere: std × √d under 0.5, or
 *   uniformity under 30% of the best value for d, or an effective rank under max(1.5, 0.75·√d) (healthy
 *   runs use ~2.5 of 3, 7–9 of 16, 14–20 of 64 directions). In dimensional collapse (Jing et al. 2022) the
 *   std stays high while the points fall onto a line or a few directions; uniformity and effective rank see it.
 * - Leaving a state needs a clear margin (hysteresis), so a run at a threshold does not flicker.
 * Calibrated on the PyTorch reference curves (see referenceRuns.test.ts). `CollapseDetector` runs the reducer
 * over a run's snapshots for every host: the UI's banner, the CLI's verdict column, the behaviour tests.
 */
import type { ExperimentConfig } from '../core/config';
import type { SnapshotFigures } from './snapshotFigures';
import { lossAtTrivialBound } from './trivialBound';
import { uniformSphereUniformity } from './uniformity';

export type CollapseState = 'healthy' | 'partial' | 'collapsed';

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
  /** The effective-rank floor is max(1.5, 0.75·√d); leaving partial needs 10% above it. */
  rankFloorMin: 1.5,
  rankFloorPerSqrtDim: 0.75,
  healthyRankMargin: 1.1,
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
  return Math.max(t.rankFloorMin, t.rankFloorPerSqrtDim * Math.sqrt(dim));
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

/** Spread over too little of the sphere; `leaving` asks the stricter test a flagged run must pass to count as healthy again. */
function spreadTooLittle(evidence: CollapseEvidence, leaving: boolean): boolean {
  const share = evidence.uniformity / uniformityBound(evidence.dim);
  const rankFloor = effectiveRankFloor(evidence.dim) * (leaving ? t.healthyRankMargin : 1);
  return (
    evidence.stdScaled < (leaving ? t.healthyStd : t.partialStd) ||
    share < (leaving ? t.healthyUniformityShare : t.partialUniformityShare) ||
    evidence.effectiveRank < rankFloor
  );
}

function nextState(evidence: CollapseEvidence, tracking: CollapseTracking): CollapseState {
  const current = tracking.verdict.state;
  if (looksCollapsed(evidence, tracking)) return 'collapsed';
  if (current === 'collapsed' && staysCollapsed(evidence)) return 'collapsed';
  return spreadTooLittle(evidence, current !== 'healthy') ? 'partial' : 'healthy';
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

  get verdict(): CollapseVerdict {
    return this.tracking.verdict;
  }

  observe(figures: SnapshotFigures, config: ExperimentConfig): CollapseVerdict {
    this.tracking = advanceCollapse(this.tracking, { ...figures, lossAtBound: lossAtTrivialBound(figures.loss, config) });
    return this.tracking.verdict;
  }

  reset(): void {
    this.tracking = initialCollapseTracking();
  }
}

/** A verdict in words, as the CLI prints it: "healthy", "collapsed at step 75", "partial collapse from step 50". */
export function verdictText({ state, since }: CollapseVerdict): string {
  if (state === 'collapsed') return `collapsed at step ${since}`;
  if (state === 'partial') return `partial collapse from step ${since}`;
  return 'healthy';
}
