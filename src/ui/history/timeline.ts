/**
 * The timeline over the kept snapshots: show an earlier one on the sphere (the live snapshot then stops
 * following the worker), replay from there a few snapshots a second, or go back to live. State for React
 * is a small zustand store; the snapshots themselves go straight into the live snapshot object.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type LiveSnapshot, publishSnapshot } from '../liveSnapshot';
import type { SnapshotHistory } from './snapshotHistory';

export interface TimelineState {
  /** The step shown on the sphere while scrubbed back; null = live (the latest snapshot). */
  shownStep: number | null;
  playing: boolean;
}

/** Replay speed: a few snapshots a second, slow enough to follow the points. */
export const REPLAY_INTERVAL_MS = 250;

export class Timeline {
  readonly store: StoreApi<TimelineState> = createStore<TimelineState>()(() => ({ shownStep: null, playing: false }));
  private replayTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly history: SnapshotHistory,
    private readonly live: LiveSnapshot,
  ) {}

  isLive(): boolean {
    return this.store.getState().shownStep === null;
  }

  /** Index of the shown snapshot among the kept ones (the latest when live). */
  shownIndex(): number {
    const { shownStep } = this.store.getState();
    const kept = this.history.kept;
    if (shownStep === null) return kept.length - 1;
    // Thinning may have dropped the shown snapshot: point at the last kept one before it.
    let index = kept.length - 1;
    while (index > 0 && kept[index]!.step > shownStep) index--;
    return index;
  }

  /** Shows the kept snapshot at `index` (a user scrubbing stops a replay); the last one means live. */
  scrubTo(index: number): void {
    this.stopReplay();
    this.showIndex(index);
  }

  /** Moves `delta` kept snapshots back (negative) or forward from the shown one; past the last one is live. */
  moveBy(delta: number): void {
    if (this.history.kept.length < 2) return;
    this.scrubTo(Math.max(0, this.shownIndex() + delta));
  }

  goLive(): void {
    this.stopReplay();
    const latest = this.history.kept.at(-1);
    if (latest && !this.isLive()) publishSnapshot(this.live, latest);
    this.store.setState({ shownStep: null });
  }

  /** Replays the kept snapshots from the shown one (from the first when live), then goes live at the end. */
  play(): void {
    if (this.replayTimer !== null || this.history.kept.length < 2) return;
    if (this.isLive()) this.showIndex(0);
    this.replayTimer = setInterval(() => this.showIndex(this.shownIndex() + 1), REPLAY_INTERVAL_MS);
    this.store.setState({ playing: true });
  }

  pause(): void {
    this.stopReplay();
  }

  /** A new run: back to live with nothing to replay. */
  reset(): void {
    this.stopReplay();
    this.store.setState({ shownStep: null });
  }

  private showIndex(index: number): void {
    const kept = this.history.kept;
    if (index >= kept.length - 1) {
      this.goLive();
      return;
    }
    const snapshot = kept[Math.max(0, index)];
    if (!snapshot) return;
    publishSnapshot(this.live, snapshot);
    this.store.setState({ shownStep: snapshot.step });
  }

  private stopReplay(): void {
    if (this.replayTimer !== null) clearInterval(this.replayTimer);
    this.replayTimer = null;
    if (this.store.getState().playing) this.store.setState({ playing: false });
  }
}
