import { describe, expect, it } from 'vitest';
import { decimationIndices } from './decimate';

function noisySeries(count: number): Float64Array {
  // A deterministic wiggle with a few sharp spikes that a stride would miss.
  const values = Float64Array.from({ length: count }, (_, i) => Math.sin(i / 50) + 0.1 * Math.sin(i * 1.7));
  values[4_321] = 9;
  values[12_345] = -7;
  return values;
}

describe('decimationIndices', () => {
  it('keeps every point of a short series', () => {
    expect(decimationIndices([[3, 1, 2]], 10)).toEqual([0, 1, 2]);
    expect(decimationIndices([[]], 10)).toEqual([]);
  });

  it('draws at most maxPoints of 20,000, in order, from the first to the last', () => {
    const indices = decimationIndices([noisySeries(20_000)], 1000);
    expect(indices.length).toBeLessThanOrEqual(1000);
    expect(indices.length).toBeGreaterThan(900);
    expect(indices[0]).toBe(0);
    expect(indices.at(-1)).toBe(19_999);
    for (let i = 1; i < indices.length; i++) expect(indices[i]!).toBeGreaterThan(indices[i - 1]!);
  });

  it('keeps the spikes and dips of every column', () => {
    const first = noisySeries(20_000);
    const second = first.map((v) => -v);
    second[777] = 50;
    const indices = decimationIndices([first, second], 1000);
    expect(indices.length).toBeLessThanOrEqual(1000);
    expect(indices).toContain(4_321);
    expect(indices).toContain(12_345);
    expect(indices).toContain(777);
  });

  it('rejects a budget too small for one bucket', () => {
    expect(() => decimationIndices([[1, 2, 3], [1, 2, 3]], 5)).toThrow(/at least 6/);
  });
});
