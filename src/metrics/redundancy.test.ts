import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { REDUNDANCY_BLOCK, redundancyFigures } from './redundancy';

function gaussianRows(count: number, dim: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: count * dim }, () => rng.normal());
}

describe('redundancyFigures', () => {
  it('matches naive float64 definitions on random views', () => {
    const count = 50;
    const dim = 4;
    const a = gaussianRows(count, dim, 1);
    const b = gaussianRows(count, dim, 2);
    const at = (rows: Float32Array, r: number, k: number) => rows[r * dim + k]!;
    const mean = (rows: Float32Array, k: number) => Array.from({ length: count }, (_, r) => at(rows, r, k)).reduce((s, v) => s + v, 0) / count;
    const figures = redundancyFigures(a, b, count, dim);
    expect(figures.size).toBe(dim);
    for (let i = 0; i < dim; i++) {
      const meanI = mean(a, i);
      const biasedI = Array.from({ length: count }, (_, r) => (at(a, r, i) - meanI) ** 2).reduce((s, v) => s + v, 0) / count;
      expect(figures.std[i]).toBeCloseTo(Math.sqrt((biasedI * count) / (count - 1) + 1e-4), 6);
      for (let j = 0; j < dim; j++) {
        const meanJa = mean(a, j);
        const meanJb = mean(b, j);
        let cov = 0;
        let cross = 0;
        let varJb = 0;
        for (let r = 0; r < count; r++) {
          cov += (at(a, r, i) - meanI) * (at(a, r, j) - meanJa);
          cross += (at(a, r, i) - meanI) * (at(b, r, j) - meanJb);
          varJb += (at(b, r, j) - meanJb) ** 2;
        }
        expect(figures.covariance[i * dim + j]).toBeCloseTo(cov / (count - 1), 6);
        expect(figures.crossCorrelation[i * dim + j]).toBeCloseTo(cross / count / Math.sqrt((biasedI + 1e-5) * (varJb / count + 1e-5)), 6);
      }
    }
  });

  it('reads the identity for two identical views with independent dimensions, and 1 everywhere when they all carry one signal', () => {
    const count = 4000;
    const independent = gaussianRows(count, 3, 3);
    const c = redundancyFigures(independent, independent, count, 3).crossCorrelation;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(c[i * 3 + j]).toBeCloseTo(i === j ? 1 : 0, 1);
    // Every dimension a copy of the first: the redundancy Barlow Twins' off-diagonal term removes.
    const redundant = Float32Array.from({ length: count * 3 }, (_, index) => independent[Math.floor(index / 3) * 3]!);
    for (const value of redundancyFigures(redundant, redundant, count, 3).crossCorrelation) expect(value).toBeCloseTo(1, 3);
  });

  it('keeps the top-left block of large matrices and every dimension’s std', () => {
    const dim = 40;
    const figures = redundancyFigures(gaussianRows(20, dim, 4), gaussianRows(20, dim, 5), 20, dim);
    expect(figures.size).toBe(REDUNDANCY_BLOCK);
    expect(figures.crossCorrelation).toHaveLength(REDUNDANCY_BLOCK ** 2);
    expect(figures.std).toHaveLength(dim);
  });

  it('gives a std of √ε and zero correlations, not NaN, when every image lands on the same point', () => {
    const same = new Float32Array(30).fill(0.5);
    const figures = redundancyFigures(same, same, 10, 3);
    for (const value of figures.std) expect(value).toBeCloseTo(0.01, 6);
    for (const value of figures.crossCorrelation) expect(value).toBeCloseTo(0, 6);
  });
});
