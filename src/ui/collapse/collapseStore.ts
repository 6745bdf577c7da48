/**
 * The run's collapse state for anything that wants to show it (banner, charts, the sphere view):
 * a zustand vanilla store of { state, step } plus the latest figures behind the verdict.
 * `CollapseTracker` feeds it one snapshot at a time through the shared CollapseDetector. Reach it as
 * `client.recorder.collapse.store` (in React: `useStore(useRecorder().collapse.store, selector)`).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperimentConfig } from '../../core/config';
import { CollapseDetector, type CollapseState } from '../../metrics/collapseVerdict';
import type { SnapshotFigures } from '../../metrics/snapshotFigures';

export type { CollapseState };

export interface CollapseStatus {
  state: CollapseState;
  /** The step at which the current state began (collapsed at / partial or dimensional from); null while healthy. */
  step: number | null;
  /** The latest snapshot's figures, to say why; topShare is the spectrum's largest share (null if not measured). */
  latest: (Pick<SnapshotFigures, 'dim' | 'stdScaled' | 'uniformity' | 'effectiveRank'> & { topShare: number | null }) | null;
}

export type CollapseStore = StoreApi<CollapseStatus>;

function healthyStatus(): CollapseStatus {
  return { state: 'healthy', step: null, latest: null };
}

export class CollapseTracker {
  readonly store: CollapseStore = createStore<CollapseStatus>()(healthyStatus);
  private readonly detector = new CollapseDetector();

  /** Takes one more snapshot's figures, with the config they were trained under. */
  observe(figures: SnapshotFigures, config: ExperimentConfig): void {
    const { state, since } = this.detector.observe(figures, config);
    const { dim, stdScaled, uniformity, effectiveRank, spectrum } = figures;
    const latest = { dim, stdScaled, uniformity, effectiveRank, topShare: spectrum?.[0] ?? null };
    this.store.setState({ state, step: since, latest });
  }

  reset(): void {
    this.detector.reset();
    this.store.setState(healthyStatus());
  }
}
