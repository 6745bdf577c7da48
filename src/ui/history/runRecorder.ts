/**
 * Where the worker's snapshots go on the UI side: into the history, through collapse detection, and onto
 * the sphere (the live snapshot) unless the timeline is showing an earlier one. The training client owns
 * one and clears it whenever a run restarts.
 */
import type { ExperimentConfig } from '../../core/config';
import type { SnapshotFigures } from '../../metrics/snapshotFigures';
import type { Snapshot } from '../../worker/protocol';
import { CollapseTracker } from '../collapse/collapseStore';
import { type LiveSnapshot, publishSnapshot } from '../liveSnapshot';
import { SnapshotHistory } from './snapshotHistory';
import { Timeline } from './timeline';

export class RunRecorder {
  readonly history = new SnapshotHistory();
  readonly collapse = new CollapseTracker();
  readonly timeline: Timeline;

  constructor(private readonly live: LiveSnapshot) {
    this.timeline = new Timeline(this.history, live);
  }

  /** One snapshot from the worker, with the config it was trained under. */
  record(snapshot: Snapshot, config: ExperimentConfig): void {
    const { point, newRun } = this.history.record(snapshot);
    if (newRun) this.restartInstruments();
    this.collapse.observe(point, config);
    if (this.timeline.isLive()) publishSnapshot(this.live, snapshot);
  }

  /** Shows a saved run instead: its history, the collapse verdict over its figures, its latest snapshot on the sphere. */
  restore(points: readonly SnapshotFigures[], snapshots: readonly Snapshot[], config: ExperimentConfig): void {
    this.history.restore(points, snapshots);
    this.restartInstruments();
    for (const point of points) this.collapse.observe(point, config);
    const latest = snapshots.at(-1);
    if (latest) publishSnapshot(this.live, latest);
  }

  /** The run resumes from `step` (a restarted worker): what came after is forgotten, the rest stays on show. */
  resumeFrom(step: number, config: ExperimentConfig): void {
    this.history.truncateAfter(step);
    const points = Array.from({ length: this.history.metrics.length }, (_, i) => this.history.metrics.at(i)!);
    this.restore(points, [...this.history.kept], config);
  }

  /** A run restarted: forget its history, its collapse verdict and any scrubbed position. */
  clear(): void {
    this.history.clear();
    this.restartInstruments();
  }

  private restartInstruments(): void {
    this.collapse.reset();
    this.timeline.reset();
  }
}
