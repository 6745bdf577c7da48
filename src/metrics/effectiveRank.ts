/**
 * RankMe (Garrido et al. 2023, "RankMe: Assessing the Downstream Performance of Pretrained Self-Supervised
 * Representations by Their Rank", eq. 1): with σ_1..σ_min(N,K) the singular values of the embedding matrix
 * Z (N = count rows, K = dim columns), p_k = σ_k / ||σ||_1 + ε and RankMe(Z) = exp(−Σ_k p_k log p_k).
 * It runs from ≈ 1 (every row on one line: dimensional collapse) to min(N, K) (a flat spectrum).
 */

/** The paper's ε, sized for float32 embeddings. */
const RANKME_EPSILON = 1e-7;

/** Cyclic Jacobi converges quadratically (5–10 sweeps measured for dim ≤ 128); the cap only ends NaN input. */
const MAX_SWEEPS = 50;

/**
 * The singular values of the row-major `count × dim` matrix x (of x minus its column means when `centred`),
 * sorted descending: min(count, dim) of them. σ is found as √λ of the dim × dim Gram matrix XᵀX in float64
 * (cheap for count ≫ dim).
 */
export function singularValues(x: Float32Array, dim: number, { centred }: { centred: boolean }): Float64Array {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`singularValues: dim must be a positive integer, got ${dim}`);
  if (x.length % dim !== 0) throw new Error(`singularValues: x has length ${x.length}, not a multiple of dim ${dim}`);
  const count = x.length / dim;
  if (count === 0) throw new Error('singularValues: needs at least one row');

  const mean = new Float64Array(dim);
  if (centred) {
    for (let i = 0; i < count; i++) for (let j = 0; j < dim; j++) mean[j]! += x[i * dim + j]!;
    for (let j = 0; j < dim; j++) mean[j]! /= count;
  }
  // Gram matrix XᵀX, upper triangle only (the solver never reads the lower one).
  const gram = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < dim; j++) row[j] = x[i * dim + j]! - mean[j]!;
    for (let p = 0; p < dim; p++) {
      const xp = row[p]!;
      if (xp === 0) continue; // post-ReLU encoder features are often exactly zero
      const base = p * dim;
      for (let q = p; q < dim; q++) gram[base + q]! += xp * row[q]!;
    }
  }
  // X has min(N, K) singular values; when N < K the extra eigenvalues of XᵀX are zeros that are not its own.
  const eigenvalues = symmetricEigenvalues(gram, dim).sort((a, b) => b - a);
  // Rounding can leave a zero eigenvalue slightly negative.
  return Float64Array.from(eigenvalues.subarray(0, Math.min(count, dim)), (lambda) => Math.sqrt(Math.max(lambda, 0)));
}

/**
 * `x` is row-major `count × dim`. Follows the paper and uses the raw matrix, not a centred one: a cloud
 * sitting off the origin adds its mean direction as one large singular value, which is part of what RankMe
 * measures. Returns 0 for an all-zero matrix (rank 0, where the paper's formula would divide by zero) and NaN
 * for non-finite input.
 */
export function effectiveRank(x: Float32Array, dim: number): number {
  const sigma = singularValues(x, dim, { centred: false });
  let total = 0;
  for (const value of sigma) total += value;
  if (total === 0) return 0;
  let entropy = 0;
  for (const value of sigma) {
    const p = value / total + RANKME_EPSILON;
    entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}

/**
 * Eigenvalues (unsorted) of the symmetric n × n matrix whose upper triangle is `a` (row-major; the lower
 * triangle is ignored and `a` is overwritten). Cyclic Jacobi with Rutishauser's refinements (as in Numerical
 * Recipes' `jacobi`): a rotation threshold in the first sweeps, exact zeroing of off-diagonal entries too
 * small to change the diagonal, and diagonal updates accumulated separately for accuracy. Eigenvectors are
 * not accumulated, which halves the work.
 */
export function symmetricEigenvalues(a: Float64Array, n: number): Float64Array {
  if (a.length !== n * n) throw new Error(`symmetricEigenvalues: expected ${n * n} entries, got ${a.length}`);
  const d = new Float64Array(n);
  const b = new Float64Array(n);
  const z = new Float64Array(n);
  for (let p = 0; p < n; p++) d[p] = b[p] = a[p * n + p]!;

  for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n - 1; p++) for (let q = p + 1; q < n; q++) off += Math.abs(a[p * n + q]!);
    if (off === 0) break;
    // Early sweeps skip small entries: they would be undone by later rotations anyway.
    const threshold = sweep < 4 ? (0.2 * off) / (n * n) : 0;

    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        const g = 100 * Math.abs(apq);
        const dp = d[p]!;
        const dq = d[q]!;
        if (sweep > 4 && Math.abs(dp) + g === Math.abs(dp) && Math.abs(dq) + g === Math.abs(dq)) {
          a[p * n + q] = 0;
          continue;
        }
        if (Math.abs(apq) <= threshold) continue;

        // Rotation angle that zeroes a[p][q] (smaller root of t² + 2θt − 1 = 0, for stability).
        const diff = dq - dp;
        let t: number;
        if (Math.abs(diff) + g === Math.abs(diff)) {
          t = apq / diff;
        } else {
          const theta = (0.5 * diff) / apq;
          t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
          if (theta < 0) t = -t;
        }
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        const tau = s / (1 + c);
        const h = t * apq;
        z[p]! -= h;
        z[q]! += h;
        d[p] = dp - h;
        d[q] = dq + h;
        a[p * n + q] = 0;

        // Rotate the rest of rows/columns p and q, reading each entry from the upper triangle.
        for (let j = 0; j < p; j++) rotate(a, j * n + p, j * n + q, s, tau);
        for (let j = p + 1; j < q; j++) rotate(a, p * n + j, j * n + q, s, tau);
        for (let j = q + 1; j < n; j++) rotate(a, p * n + j, q * n + j, s, tau);
      }
    }
    for (let p = 0; p < n; p++) {
      b[p]! += z[p]!;
      d[p] = b[p]!;
      z[p] = 0;
    }
  }
  return d;
}

function rotate(a: Float64Array, i: number, j: number, s: number, tau: number): void {
  const g = a[i]!;
  const h = a[j]!;
  a[i] = g - s * (h + g * tau);
  a[j] = h + s * (g - h * tau);
}
