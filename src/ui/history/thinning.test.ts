import { describe, expect, it } from 'vitest';
import { thinOldestHalf, thinToBudget } from './thinning';

const range = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('thinOldestHalf', () => {
  it('drops every other item of the oldest half, keeping the first and the newer half', () => {
    expect(thinOldestHalf(range(10))).toEqual([0, 2, 4, 5, 6, 7, 8, 9]);
    expect(thinOldestHalf(range(3))).toEqual([0, 2]);
  });

  it('never drops the first or the latest', () => {
    expect(thinOldestHalf([7])).toEqual([7]);
    expect(thinOldestHalf([7, 8])).toEqual([7, 8]);
  });
});

describe('thinToBudget', () => {
  it('leaves items within the budget alone', () => {
    expect(thinToBudget(range(5), () => 1, 5)).toEqual(range(5));
  });

  it('thins repeatedly until the items fit, keeping the first and the latest', () => {
    const kept = thinToBudget(range(100), () => 1, 40);
    expect(kept.length).toBeLessThanOrEqual(40);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(99);
    // Recent items are kept densely, old ones sparsely.
    expect(kept.slice(-20)).toEqual(range(20).map((i) => 80 + i));
  });

  it('stops at the first and the latest when even they exceed the budget', () => {
    expect(thinToBudget(range(6), () => 10, 5)).toEqual([0, 5]);
  });
});
