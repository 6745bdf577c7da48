/**
 * When a running lab evaluates: a snapshot every `evalEvery` steps (and whenever training stops), and kNN — the
 * slow metric, which embeds all 8,000 training images — at the first snapshot at least KNN_EVERY_STEPS steps
 * after the previous kNN (and at step 0). Counting from the last kNN keeps the cadence whatever evalEvery is
 * (evalEvery 30 measures kNN at 0, 60, 120, …, not only where a multiple of 30 meets a multiple of 50).
 * One schedule for the browser worker, the soak benchmark and anything else that trains like the app.
 */
export const KNN_EVERY_STEPS = 50;
/** Evaluation images scored by kNN at each kNN snapshot. */
export const KNN_QUERIES = 500;

export class SnapshotSchedule {
  private lastKnnStep: number | null = null;

  /** A snapshot is due after this step (training stopping always takes one). */
  snapshotDue(step: number, evalEvery: number): boolean {
    return step % evalEvery === 0;
  }

  /** kNN queries for a snapshot taken at `step` (0 = no kNN this time); remembers that kNN ran. */
  knnQueriesAt(step: number): number {
    const due = this.lastKnnStep === null || step < this.lastKnnStep || step - this.lastKnnStep >= KNN_EVERY_STEPS;
    if (!due) return 0;
    this.lastKnnStep = step;
    return KNN_QUERIES;
  }

  /** A new run from step 0. */
  reset(): void {
    this.lastKnnStep = null;
  }
}
