/**
 * Min/max decimation for line charts: a long series is cut into buckets and each bucket keeps only the
 * points holding its minimum and maximum (of every column), in order, plus the very first and last point.
 * Spikes and dips survive (a stride would skip them), and the chart draws at most `maxPoints` points
 * whatever the run's length.
 */

/** Row indices to draw, strictly increasing. `columns` are equally long; each contributes its own extremes. */
export function decimationIndices(columns: readonly ArrayLike<number>[], maxPoints: number): number[] {
  const count = columns[0]?.length ?? 0;
  const perBucket = 2 * columns.length;
  if (maxPoints < 2 + perBucket) throw new Error(`decimationIndices: maxPoints must be at least ${2 + perBucket}, got ${maxPoints}`);
  if (count <= maxPoints) return Array.from({ length: count }, (_, index) => index);

  const buckets = Math.floor((maxPoints - 2) / perBucket);
  const picked = [0];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const start = Math.floor((bucket * count) / buckets);
    const end = Math.floor(((bucket + 1) * count) / buckets);
    const extremes: number[] = [];
    for (const column of columns) {
      let minAt = start;
      let maxAt = start;
      for (let i = start + 1; i < end; i++) {
        if (column[i]! < column[minAt]!) minAt = i;
        if (column[i]! > column[maxAt]!) maxAt = i;
      }
      extremes.push(minAt, maxAt);
    }
    extremes.sort((a, b) => a - b);
    for (const index of extremes) if (index > picked.at(-1)!) picked.push(index);
  }
  if (picked.at(-1) !== count - 1) picked.push(count - 1);
  return picked;
}
