/**
 * Collapse std (SimSiam paper, §4.1): the per-dimension standard deviation of the l2-normalised
 * output, averaged over dimensions. ≈ 1/√d when the points spread over the sphere, 0 when every input
 * maps to one point. `rows` must already be l2-normalised, row-major `count × dim`.
 */
export function collapseStd(rows: Float32Array, dim: number): number {
  const count = rows.length / dim;
  if (count < 2) return 0;
  let total = 0;
  for (let j = 0; j < dim; j++) {
    let mean = 0;
    for (let i = 0; i < count; i++) mean += rows[i * dim + j]!;
    mean /= count;
    let sq = 0;
    for (let i = 0; i < count; i++) {
      const dev = rows[i * dim + j]! - mean;
      sq += dev * dev;
    }
    total += Math.sqrt(sq / (count - 1));
  }
  return total / dim;
}
