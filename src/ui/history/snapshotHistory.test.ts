import { describe, expect, it } from 'vitest';
import { SnapshotHistory } from './snapshotHistory';
import { fakeSnapshot } from '../../testing/fakeSnapshot';

describe('SnapshotHistory', () => {
  it('keeps every snapshot’s figures, unmeasured ones (kNN, the loss at step 0) as null', () => {
    const history = new SnapshotHistory();
    history.record(fakeSnapshot(0, { collapseStd: 1 / Math.sqrt(3) }));
    history.record(fakeSnapshot(10, { knn: 0.6 }));
    expect(history.metrics.length).toBe(2);
    expect(history.metrics.at(0)!.stdScaled).toBeCloseTo(1, 12);
    expect(history.metrics.at(0)).toMatchObject({ loss: null, knnZ: null, knnH: null });
    // In the columns the charts read, "not measured" is NaN.
    expect(history.metrics.column('knnZ')[0]).toBeNaN();
    expect(history.metrics.at(1)).toMatchObject({ step: 10, knnZ: 0.6, knnH: 0.6, uniformity: -1.5 });
    expect([...history.metrics.column('step')]).toEqual([0, 10]);
  });

  it('replaces a repeated step and starts over on an earlier one', () => {
    const history = new SnapshotHistory();
    history.record(fakeSnapshot(0));
    history.record(fakeSnapshot(10, { collapseStd: 0.2 }));
    expect(history.record(fakeSnapshot(10, { collapseStd: 0.3 })).newRun).toBe(false);
    expect(history.metrics.length).toBe(2);
    expect(history.kept.map((s) => s.collapseStd)).toEqual([0.5, 0.3]);
    expect(history.record(fakeSnapshot(0)).newRun).toBe(true);
    expect(history.metrics.length).toBe(1);
    expect(history.kept).toHaveLength(1);
  });

  it('keeps figures forever but thins old snapshots to the memory budget, keeping the first and latest', () => {
    const bytesEach = 100 * 3 * 4 + 100; // embeddings + labels
    const history = new SnapshotHistory(50 * bytesEach);
    for (let step = 0; step <= 2000; step += 10) history.record(fakeSnapshot(step, { count: 100 }));
    expect(history.metrics.length).toBe(201);
    expect(history.kept.length).toBeLessThanOrEqual(50);
    expect(history.kept.length).toBeGreaterThan(25);
    expect(history.kept[0]!.step).toBe(0);
    expect(history.kept.at(-1)!.step).toBe(2000);
    const steps = history.kept.map((s) => s.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('tells subscribers about every change and clears on request', () => {
    const history = new SnapshotHistory();
    let calls = 0;
    const unsubscribe = history.subscribe(() => calls++);
    history.record(fakeSnapshot(0));
    history.clear();
    expect(calls).toBe(2);
    expect(history.metrics.length).toBe(0);
    expect(history.kept).toHaveLength(0);
    unsubscribe();
    history.record(fakeSnapshot(0));
    expect(calls).toBe(2);
  });
});

describe('MetricSeries lookups', () => {
  it('finds the point at or before a step and the last measured kNN', () => {
    const history = new SnapshotHistory();
    for (let step = 0; step <= 100; step += 10) history.record(fakeSnapshot(step, { knn: step % 50 === 0 ? step / 100 : null }));
    const { metrics } = history;
    expect(metrics.indexAtOrBefore(35)).toBe(3);
    expect(metrics.indexAtOrBefore(-1)).toBe(-1);
    expect(metrics.indexAtOrBefore(1000)).toBe(10);
    expect(metrics.at(metrics.lastMeasured('knnZ', 9))!.step).toBe(50);
    expect(metrics.lastMeasured('knnZ', -1)).toBe(-1);
  });

  it('grows past its initial capacity', () => {
    const history = new SnapshotHistory();
    for (let step = 0; step < 1000; step++) history.record(fakeSnapshot(step));
    expect(history.metrics.length).toBe(1000);
    expect(history.metrics.at(999)!.step).toBe(999);
    expect(history.metrics.column('step')[500]).toBe(500);
  });
});
