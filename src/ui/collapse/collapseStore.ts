/**
 * The run's collapse state for anything that wants to show it (banner, charts, the sphere view):
 * a zustand vanilla store of { state, step } plus the latest figures behind the verdict.
 * `CollapseTracker` feeds it one snapshot at a time. Reach it as `client.recorder.collapse.store`
 * (in React: `useStore(useRecorder().collapse.store, selector)`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperimentConfig } from '../../core/config';
import type { MetricPoint } from '../history/metricPoint';
import { advanceCollapse, type CollapseState, type CollapseTracking, initialCollapseTracking } from './detectCollapse';
import { lossAtTrivialBound } from './trivialLoss';

export type { CollapseState };

export interface CollapseStatus {
  state: CollapseState;
  /** The step at which the current state began (collapsed at / partial from); null while healthy. */
  step: number | null;
  /** The latest snapshot's figures, to say why. */
  latest: Pick<MetricPoint, 'dim' | 'stdScaled' | 'uniformity' | 'effectiveRank'> | null;
}

export type CollapseStore = StoreApi<CollapseStatus>;

function healthyStatus(): CollapseStatus {
  return { state: 'healthy', step: null, latest: null };
}

export class CollapseTracker {
  readonly store: CollapseStore = createStore<CollapseStatus>()(healthyStatus);
  private tracking: CollapseTracking = initialCollapseTracking();

  /** Takes one more snapshot's figures, with the config they were trained under (it sets the loss's trivial bound). */
  observe(point: MetricPoint, config: ExperimentConfig): void {
    this.tracking = advanceCollapse(this.tracking, { ...point, lossAtBound: lossAtTrivialBound(point.loss, config) });
    const { state, since } = this.tracking.verdict;
    const { dim, stdScaled, uniformity, effectiveRank } = point;
    this.store.setState({ state, step: since, latest: { dim, stdScaled, uniformity, effectiveRank } });
  }

  reset(): void {
    this.tracking = initialCollapseTracking();
    this.store.setState(healthyStatus());
  }
}
