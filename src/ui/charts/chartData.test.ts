import { describe, expect, it } from 'vitest';
import { SnapshotHistory } from '../history/snapshotHistory';
import { fakeSnapshot } from '../../testing/fakeSnapshot';
import { alignRuns, chartColumns, type ChartColumns } from './chartData';

describe('chartColumns', () => {
  it('draws a metric only where it was measured', () => {
    const history = new SnapshotHistory();
    for (let step = 0; step <= 200; step += 10) history.record(fakeSnapshot(step, { knn: step % 50 === 0 ? 0.5 : null }));
    const [steps, knnZ, knnH] = chartColumns(history.metrics, ['knnZ', 'knnH']);
    expect([...steps]).toEqual([0, 50, 100, 150, 200]);
    expect([...knnZ!]).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(knnH).toHaveLength(5);
  });

  it('decimates a 20,000-step run to the point budget', () => {
    const history = new SnapshotHistory(0);
    for (let step = 0; step < 20_000; step++) history.record(fakeSnapshot(step, { collapseStd: 0.5 + 0.1 * Math.sin(step) }));
    const [steps, std] = chartColumns(history.metrics, ['stdScaled'], 1000);
    expect(steps.length).toBeLessThanOrEqual(1000);
    expect(std).toHaveLength(steps.length);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(19_999);
  });
});

describe('alignRuns', () => {
  const table = (steps: number[], ...values: number[][]): ChartColumns => [Float64Array.from(steps), ...values.map((column) => Float64Array.from(column))];

  it('returns a lone run as it is', () => {
    const lone = table([0, 10], [1, 2]);
    expect(alignRuns([lone])).toBe(lone);
  });

  it('puts two runs on the union of their steps, null where a run has no point', () => {
    const [steps, a1, a2, b1, b2] = alignRuns([table([0, 10, 20], [1, 2, 3], [4, 5, 6]), table([0, 5, 20, 30], [7, 8, 9, 10], [11, 12, 13, 14])]);
    expect([...steps]).toEqual([0, 5, 10, 20, 30]);
    expect(a1).toEqual([1, null, 2, 3, null]);
    expect(a2).toEqual([4, null, 5, 6, null]);
    expect(b1).toEqual([7, 8, null, 9, 10]);
    expect(b2).toEqual([11, 12, null, 13, 14]);
  });

  it('handles an empty run', () => {
    const [steps, a, b] = alignRuns([table([], []), table([0, 10], [1, 2])]);
    expect([...steps]).toEqual([0, 10]);
    expect(a).toEqual([null, null]);
    expect(b).toEqual([1, 2]);
  });
});
