import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { placeOnSphere, randomOrthonormalProjection } from './projection';

function column(matrix: Float64Array, dim: number, c: number): number[] {
  return Array.from({ length: dim }, (_, r) => matrix[r * 3 + c]!);
}

function dot(a: number[], b: number[]): number {
  return a.reduce((sum, x, i) => sum + x * b[i]!, 0);
}

function randomUnitRows(count: number, dim: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const rows = new Float32Array(count * dim);
  for (let p = 0; p < count; p++) {
    const v = Array.from({ length: dim }, () => rng.normal());
    const norm = Math.hypot(...v);
    v.forEach((x, i) => (rows[p * dim + i] = x / norm));
  }
  return rows;
}

function norms(points: Float32Array): number[] {
  return Array.from({ length: points.length / 3 }, (_, p) => Math.hypot(points[p * 3]!, points[p * 3 + 1]!, points[p * 3 + 2]!));
}

describe('randomOrthonormalProjection', () => {
  it.each([3, 4, 8, 16, 64, 128])('has orthonormal columns for d = %i', (dim) => {
    const matrix = randomOrthonormalProjection(dim, 42);
    expect(matrix).toHaveLength(dim * 3);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        expect(dot(column(matrix, dim, a), column(matrix, dim, b))).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(randomOrthonormalProjection(16, 7)).toEqual(randomOrthonormalProjection(16, 7));
    expect(randomOrthonormalProjection(16, 7)).not.toEqual(randomOrthonormalProjection(16, 8));
  });

  it('refuses d < 3', () => {
    expect(() => randomOrthonormalProjection(2, 0)).toThrow(RangeError);
  });
});

describe('placeOnSphere', () => {
  it('keeps d = 3 points as they are', () => {
    const rows = randomUnitRows(50, 3, 1);
    const out = new Float32Array(50 * 3);
    placeOnSphere(rows, 50, 3, null, out);
    out.forEach((x, i) => expect(x).toBeCloseTo(rows[i]!, 6));
  });

  it('puts d = 2 points on the equator circle', () => {
    const rows = randomUnitRows(50, 2, 2);
    const out = new Float32Array(50 * 3);
    placeOnSphere(rows, 50, 2, null, out);
    for (let p = 0; p < 50; p++) {
      expect(out[p * 3 + 1]).toBe(0);
      expect(Math.hypot(out[p * 3]!, out[p * 3 + 2]!)).toBeCloseTo(1, 6);
    }
  });

  it('projects d > 3 points and renormalises them to the sphere', () => {
    const dim = 16;
    const rows = randomUnitRows(100, dim, 3);
    const out = new Float32Array(100 * 3);
    placeOnSphere(rows, 100, dim, randomOrthonormalProjection(dim, 5), out);
    for (const n of norms(out)) expect(n).toBeCloseTo(1, 5);
  });

  it('projects a row lying in the projected subspace to its coordinates there', () => {
    const dim = 8;
    const projection = randomOrthonormalProjection(dim, 9);
    const row = new Float32Array(column(projection, dim, 1)); // the second basis vector
    const out = new Float32Array(3);
    placeOnSphere(row, 1, dim, projection, out);
    expect(Array.from(out).map((x) => Math.round(x * 1e5) / 1e5)).toEqual([0, 1, 0]);
  });

  it('puts rows without a direction at the centre instead of NaN', () => {
    const out = new Float32Array(3);
    placeOnSphere(new Float32Array([NaN, 0, 0]), 1, 3, null, out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });

  it('needs a projection for d > 3', () => {
    expect(() => placeOnSphere(new Float32Array(8), 1, 8, null, new Float32Array(3))).toThrow(RangeError);
  });
});
