import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../i18n/locale';
import { pairDistanceLayout, pairDistanceSummary } from './pairDistanceBars';

afterEach(() => setLocale('en'));

/** 40 bins with the given shares at the given bins. */
function histogram(shares: Record<number, number>): number[] {
  return Array.from({ length: 40 }, (_, bin) => shares[bin] ?? 0);
}

describe('pairDistanceLayout', () => {
  it('draws a bar per bin, grouped by run, on an axis up to the tallest share, with each run mean marked', () => {
    const aligned = histogram({ 0: 0.5, 1: 0.3, 2: 0.2 });
    const spread = histogram({ 15: 0.25, 20: 0.35, 25: 0.4 });
    const layout = pairDistanceLayout([aligned, spread], [0.1, 2.1], 260, 100);
    expect(layout.bars).toHaveLength(80);
    expect(layout.top).toBeCloseTo(0.5);
    const first = layout.bars[0]!;
    const otherFirst = layout.bars[40]!;
    expect(first).toMatchObject({ run: 0, bin: 0, share: 0.5 });
    // The tallest bar reaches the top; the other run's bar of the same bin sits beside it, empty.
    expect(first.y).toBeCloseTo(0);
    expect(first.height).toBeCloseTo(100);
    expect(otherFirst.x).toBeCloseTo(first.x + first.width);
    expect(otherFirst.height).toBeCloseTo(0);
    expect(layout.bars[60]!.height).toBeCloseTo(70);
    expect(layout.bars[60]!.y + layout.bars[60]!.height).toBeCloseTo(100);
    // Bins of 0.1 over [0, 4]: bin 20 starts at distance 2, half way across.
    expect(layout.bars[20]!.x).toBeGreaterThan(130);
    expect(layout.bars[20]!.x).toBeLessThan(130 + 260 / 40);
    expect(layout.means).toEqual([
      { run: 0, value: 0.1, x: 6.5 },
      { run: 1, value: 2.1, x: 136.5 },
    ]);
    expect(layout.xTicks.map(({ value, x }) => [value, x])).toEqual([[0, 0], [1, 65], [2, 130], [3, 195], [4, 260]]);
    expect(layout.yTicks.map(({ value, y }) => [value, y])).toEqual([[0.5, 0], [0, 100]]);
  });

  it('rounds the axis up to a tenth, and draws nothing and no mean before a histogram is measured', () => {
    expect(pairDistanceLayout([histogram({ 3: 0.31, 4: 0.69 })], [0.45], 200, 90).top).toBeCloseTo(0.7);
    expect(pairDistanceLayout([histogram({ 3: 0.3, 4: 0.7 })], [0.45], 200, 90).top).toBeCloseTo(0.7);
    expect(pairDistanceLayout([null], [null], 200, 90)).toMatchObject({ bars: [], means: [], top: 0.1 });
  });
});

describe('pairDistanceSummary', () => {
  it('names the mean and the bin where most pairs lie, and says when there is nothing to show', () => {
    const shares = histogram({ 1: 0.2, 2: 0.45, 3: 0.35 });
    expect(pairDistanceSummary(shares, 0.2634)).toBe(
      'Mean 0.263 (the alignment; 0 when both views coincide, 4 when opposite); most pairs at 0.2–0.3 (45% of them).',
    );
    expect(pairDistanceSummary(null, null)).toBe('Not measured yet.');
    expect(pairDistanceSummary(histogram({}).fill(NaN), NaN)).toBe('Not measured: the embeddings are not finite.');
    setLocale('zh-CN');
    expect(pairDistanceSummary(shares, 0.2634)).toBe('均值 0.263（即对齐值；两个视图重合时为 0，相反时为 4）；大多数样本对在 0.2–0.3（占 45%）。');
  });
});
