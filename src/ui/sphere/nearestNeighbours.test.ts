import { describe, expect, it } from 'vitest';
import { nearestByCosine } from './nearestNeighbours';

function unitRows(rows: number[][]): Float32Array {
  return new Float32Array(rows.flatMap((row) => row.map((x) => x / Math.hypot(...row))));
}

describe('nearestByCosine', () => {
  const rows = unitRows([
    [1, 0, 0],
    [1, 0.1, 0],
    [-1, 0, 0],
    [1, 0.5, 0],
    [0, 1, 0],
    [1, 0.2, 0.1],
  ]);

  it('finds the k largest cosines, nearest first, without the query', () => {
    const found = nearestByCosine(rows, 3, 6, 0, 3);
    expect(found.map((n) => n.index)).toEqual([1, 5, 3]);
    expect(found[0]!.cosine).toBeCloseTo(1 / Math.hypot(1, 0.1), 6);
    expect(found.every((n, i) => i === 0 || n.cosine <= found[i - 1]!.cosine)).toBe(true);
  });

  it('agrees with sorting every cosine, for random data in 16 dimensions', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const data = unitRows(Array.from({ length: 300 }, () => Array.from({ length: 16 }, random)));
    const cos = (a: number, b: number) => Array.from({ length: 16 }, (_, i) => data[a * 16 + i]! * data[b * 16 + i]!).reduce((x, y) => x + y);
    const expected = Array.from({ length: 300 }, (_, p) => p)
      .filter((p) => p !== 42)
      .sort((a, b) => cos(42, b) - cos(42, a))
      .slice(0, 5);
    expect(nearestByCosine(data, 16, 300, 42, 5).map((n) => n.index)).toEqual(expected);
  });

  it('returns fewer when there are fewer points, and skips rows that are not numbers', () => {
    const withNaN = new Float32Array([1, 0, NaN, NaN, 0, 1]);
    expect(nearestByCosine(withNaN, 2, 3, 0, 5).map((n) => n.index)).toEqual([2]);
  });
});
