/**
 * Puts d-dimensional unit embeddings on the 2-sphere for display. d = 3 is drawn as is, d = 2 on the
 * equator, d > 3 through a fixed random orthonormal projection (never PCA: a data-dependent view would
 * move on its own between snapshots and could hide or invent structure).
 */
import { Rng } from '../../core/rng';

/** A d×3 matrix, row-major, whose three columns are orthonormal: Gram–Schmidt on seeded gaussian vectors. */
export function randomOrthonormalProjection(dim: number, seed: number): Float64Array {
  if (!Number.isInteger(dim) || dim < 3) throw new RangeError(`A 3-D projection needs d ≥ 3, got ${dim}.`);
  const rng = new Rng(seed).fork('display-projection');
  const columns: Float64Array[] = [];
  while (columns.length < 3) {
    const v = Float64Array.from({ length: dim }, () => rng.normal());
    for (const u of columns) {
      const along = dot(v, u);
      for (let i = 0; i < dim; i++) v[i]! -= along * u[i]!;
    }
    const norm = Math.sqrt(dot(v, v));
    // A draw (nearly) inside the span of the previous columns has no usable new direction: draw again.
    if (norm < 1e-6) continue;
    columns.push(v.map((x) => x / norm));
  }
  const matrix = new Float64Array(dim * 3);
  columns.forEach((column, c) => column.forEach((x, r) => (matrix[r * 3 + c] = x)));
  return matrix;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * Writes `count` unit 3-vectors into `out` (count×3) from `count` rows of `embeddings` (count×dim).
 * `projection` (from randomOrthonormalProjection) is needed only for d > 3. Three.js has y up, so
 * d = 2 goes onto the xz-plane (the equator); rows with no direction (non-finite, or orthogonal to the
 * projection) are put at the centre.
 */
export function placeOnSphere(
  embeddings: Float32Array,
  count: number,
  dim: number,
  projection: Float64Array | null,
  out: Float32Array,
): void {
  if (dim > 3 && (!projection || projection.length !== dim * 3)) throw new RangeError(`d = ${dim} needs a ${dim}×3 projection.`);
  for (let p = 0; p < count; p++) {
    const row = p * dim;
    let x = 0;
    let y = 0;
    let z = 0;
    if (dim === 2) {
      x = embeddings[row]!;
      z = -embeddings[row + 1]!; // seen from above (+y), the embedding's axes keep their usual orientation
    } else if (dim === 3) {
      x = embeddings[row]!;
      y = embeddings[row + 1]!;
      z = embeddings[row + 2]!;
    } else {
      for (let i = 0; i < dim; i++) {
        const e = embeddings[row + i]!;
        x += e * projection![i * 3]!;
        y += e * projection![i * 3 + 1]!;
        z += e * projection![i * 3 + 2]!;
      }
    }
    writeUnit(out, p, x, y, z);
  }
}

/** Stores (x, y, z) renormalised to length 1 at point p, or the centre if it has no direction. */
export function writeUnit(out: Float32Array, p: number, x: number, y: number, z: number): void {
  const norm = Math.hypot(x, y, z);
  const hasDirection = Number.isFinite(norm) && norm > 1e-9;
  out[p * 3] = hasDirection ? x / norm : 0;
  out[p * 3 + 1] = hasDirection ? y / norm : 0;
  out[p * 3 + 2] = hasDirection ? z / norm : 0;
}
