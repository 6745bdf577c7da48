import { Rng } from '../core/rng';

/** `count` points uniform on the unit sphere in `dim` dimensions (normalised gaussians), row-major. */
export function uniformOnSphere(count: number, dim: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const rows = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      const v = rng.normal();
      rows[i * dim + j] = v;
      norm += v * v;
    }
    for (let j = 0; j < dim; j++) rows[i * dim + j]! /= Math.sqrt(norm);
  }
  return rows;
}
