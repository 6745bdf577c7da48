import { describe, expect, it } from 'vitest';
import { SnapshotHistory } from '../history/snapshotHistory';
import { fakeSnapshot } from '../history/testSnapshots';
import { chartColumns } from './chartData';

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
