import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { cellIndexOf, cellSolidAngle, columnLongitude, rowPolarAngle, SphereDensity, vmfNormaliser } from './sphereDensity';

const KAPPA = 30;
const WIDTH = 128;
const HEIGHT = 64;

function randomDirections(count: number, seed: number, spread = 1): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(count * 3);
  for (let p = 0; p < count; p++) {
    // spread < 1 pulls the points toward +x.
    const x = rng.normal() * spread + (1 - spread) * 3;
    const y = rng.normal() * spread;
    const z = rng.normal() * spread;
    const norm = Math.hypot(x, y, z);
    out.set([x / norm, y / norm, z / norm], p * 3);
  }
  return out;
}

function cellCentre(cell: number): [number, number, number] {
  const polar = rowPolarAngle(Math.floor(cell / WIDTH), HEIGHT);
  const longitude = columnLongitude(cell % WIDTH, WIDTH);
  return [-Math.cos(longitude) * Math.sin(polar), Math.cos(polar), Math.sin(longitude) * Math.sin(polar)];
}

function integral(density: Float32Array): number {
  let total = 0;
  for (let row = 0; row < HEIGHT; row++) {
    for (let column = 0; column < WIDTH; column++) total += density[row * WIDTH + column]! * cellSolidAngle(row, WIDTH, HEIGHT);
  }
  return total;
}

describe('the equirectangular grid', () => {
  it('puts each cell centre back into its own cell', () => {
    for (const cell of [0, 5, WIDTH - 1, 40 * WIDTH + 77, HEIGHT * WIDTH - 1]) expect(cellIndexOf(...cellCentre(cell), WIDTH, HEIGHT)).toBe(cell);
  });

  it('has row 0 at the south pole and cells that tile the sphere', () => {
    expect(cellIndexOf(0, -1, 0, WIDTH, HEIGHT)).toBeLessThan(WIDTH);
    expect(cellIndexOf(0, 1, 0, WIDTH, HEIGHT)).toBeGreaterThanOrEqual((HEIGHT - 1) * WIDTH);
    let total = 0;
    for (let row = 0; row < HEIGHT; row++) total += WIDTH * cellSolidAngle(row, WIDTH, HEIGHT);
    expect(total).toBeCloseTo(4 * Math.PI, 10);
  });
});

describe('SphereDensity', () => {
  const estimator = new SphereDensity(KAPPA, WIDTH, HEIGHT);

  it('integrates to 1 over the sphere, spread out or concentrated', () => {
    expect(integral(estimator.estimate(randomDirections(2000, 1), 2000, null))).toBeCloseTo(1, 2);
    expect(integral(estimator.estimate(randomDirections(500, 2, 0.05), 500, null))).toBeCloseTo(1, 2);
  });

  it('equals the direct sum of vMF kernels over the binned points', () => {
    const count = 300;
    const points = randomDirections(count, 3, 0.6);
    const density = estimator.estimate(points, count, null);
    const binned = Array.from({ length: count }, (_, p) => cellCentre(cellIndexOf(points[p * 3]!, points[p * 3 + 1]!, points[p * 3 + 2]!, WIDTH, HEIGHT)));
    for (const cell of [0, 1000, 4100, 4200, 6000, 8191]) {
      const [x, y, z] = cellCentre(cell);
      let direct = 0;
      for (const [bx, by, bz] of binned) direct += Math.exp(KAPPA * (x * bx + y * by + z * bz - 1));
      direct *= vmfNormaliser(KAPPA) / count;
      expect(density[cell]).toBeCloseTo(direct, 4);
    }
  });

  it('is near 1/4π everywhere for many uniform points, and peaks at C(κ) for a collapsed set', () => {
    const uniform = estimator.estimate(randomDirections(20000, 4), 20000, null);
    const equatorRow = uniform.subarray((HEIGHT / 2) * WIDTH, (HEIGHT / 2 + 1) * WIDTH);
    for (const value of equatorRow) expect(Math.abs(value * 4 * Math.PI - 1)).toBeLessThan(0.25);
    const collapsed = new Float32Array(Array.from({ length: 100 }, () => [1, 0, 0]).flat());
    const peak = Math.max(...estimator.estimate(collapsed, 100, null));
    expect(peak / vmfNormaliser(KAPPA)).toBeGreaterThan(0.95);
  });

  it('counts only the shown points, and gives zeros when none is shown', () => {
    const points = new Float32Array([1, 0, 0, -1, 0, 0]);
    const density = estimator.estimate(points, 2, new Uint8Array([1, 0]));
    expect(density[cellIndexOf(1, 0, 0, WIDTH, HEIGHT)]! / vmfNormaliser(KAPPA)).toBeGreaterThan(0.9);
    expect(density[cellIndexOf(-1, 0, 0, WIDTH, HEIGHT)]).toBeLessThan(1e-6);
    expect(estimator.estimate(points, 2, new Uint8Array([0, 0])).every((x) => x === 0)).toBe(true);
  });
});
