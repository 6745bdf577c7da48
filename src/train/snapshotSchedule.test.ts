import { describe, expect, it } from 'vitest';
import { KNN_EVERY_STEPS, KNN_QUERIES, SnapshotSchedule } from './snapshotSchedule';

/** The steps at which kNN runs when snapshots come every `evalEvery` steps up to `last`. */
function knnSteps(evalEvery: number, last: number): number[] {
  const schedule = new SnapshotSchedule();
  const steps: number[] = [];
  for (let step = 0; step <= last; step++) {
    if (schedule.snapshotDue(step, evalEvery) && schedule.knnQueriesAt(step) === KNN_QUERIES) steps.push(step);
  }
  return steps;
}

describe('SnapshotSchedule', () => {
  it('measures kNN at step 0 and every 50 steps when snapshots come every 10', () => {
    expect(KNN_EVERY_STEPS).toBe(50);
    expect(knnSteps(10, 200)).toEqual([0, 50, 100, 150, 200]);
  });

  it('keeps the 50-step cadence at the next snapshot whatever evalEvery is', () => {
    expect(knnSteps(30, 240)).toEqual([0, 60, 120, 180, 240]);
    expect(knnSteps(7, 120)).toEqual([0, 56, 112]);
  });

  it('starts again at a new run', () => {
    const schedule = new SnapshotSchedule();
    expect(schedule.knnQueriesAt(0)).toBe(KNN_QUERIES);
    expect(schedule.knnQueriesAt(10)).toBe(0);
    schedule.reset();
    expect(schedule.knnQueriesAt(10)).toBe(KNN_QUERIES);
  });
});
