/**
 * The run so far: every snapshot's scalar figures (for charts and collapse detection), and the full
 * snapshots (embeddings, labels, pairs) for the timeline, within a memory budget. Lives outside React;
 * readers subscribe and get told when it changed.
 */
import type { Snapshot } from '../../worker/protocol';
import { figuresOf, type SnapshotFigures } from '../../metrics/snapshotFigures';
import { MetricSeries } from './metricSeries';
import { thinToBudget } from './thinning';

/** 64 MB of snapshot arrays: ~2,200 snapshots at d = 3 (20,000 steps evaluated every 10), ~55 at d = 128. */
const SNAPSHOT_BUDGET_BYTES = 64 * 1024 * 1024;

function snapshotBytes(snapshot: Snapshot): number {
  return snapshot.embeddings.byteLength + snapshot.pairs.byteLength + snapshot.labels.byteLength;
}

export class SnapshotHistory {
  readonly metrics = new MetricSeries();
  private snapshots: Snapshot[] = [];
  private snapshotsBytes = 0;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly budgetBytes = SNAPSHOT_BUDGET_BYTES) {}

  /** The stored snapshots, oldest first (thinned when over budget; the first and latest always kept). */
  get kept(): readonly Snapshot[] {
    return this.snapshots;
  }

  /** Bumped on every change, for readers that redraw only when something moved. */
  getVersion(): number {
    return this.version;
  }

  /**
   * Adds a snapshot; a repeat of the latest step replaces it. An earlier step than the latest means a new
   * run began (steps only grow within one): the history starts over and `newRun` says so.
   */
  record(snapshot: Snapshot): { point: SnapshotFigures; newRun: boolean } {
    const point = figuresOf(snapshot);
    const latest = this.metrics.latest();
    const newRun = latest !== undefined && point.step < latest.step;
    if (newRun) this.forget();
    if (!newRun && latest && point.step === latest.step) {
      this.metrics.replaceLast(point);
      this.snapshotsBytes -= snapshotBytes(this.snapshots.pop()!);
    } else {
      this.metrics.push(point);
    }
    this.snapshots.push(snapshot);
    this.snapshotsBytes += snapshotBytes(snapshot);
    if (this.snapshotsBytes > this.budgetBytes) this.thin();
    this.changed();
    return { point, newRun };
  }

  clear(): void {
    this.forget();
    this.changed();
  }

  /** Forgets everything after `step` (a run resumed from there takes those steps again). */
  truncateAfter(step: number): void {
    this.metrics.truncate(this.metrics.indexAtOrBefore(step) + 1);
    this.snapshots = this.snapshots.filter((snapshot) => snapshot.step <= step);
    this.snapshotsBytes = this.snapshots.reduce((sum, snapshot) => sum + snapshotBytes(snapshot), 0);
    this.changed();
  }

  /** Replaces the history with a saved run's: its figures (steps increasing) and the snapshots kept of it, oldest first. */
  restore(points: readonly SnapshotFigures[], snapshots: readonly Snapshot[]): void {
    this.forget();
    for (const point of points) this.metrics.push(point);
    this.snapshots = [...snapshots];
    this.snapshotsBytes = this.snapshots.reduce((sum, snapshot) => sum + snapshotBytes(snapshot), 0);
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private thin(): void {
    this.snapshots = thinToBudget(this.snapshots, snapshotBytes, this.budgetBytes);
    this.snapshotsBytes = this.snapshots.reduce((sum, snapshot) => sum + snapshotBytes(snapshot), 0);
  }

  private forget(): void {
    this.metrics.clear();
    this.snapshots = [];
    this.snapshotsBytes = 0;
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
