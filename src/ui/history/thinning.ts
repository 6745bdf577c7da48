/**
 * Thinning the stored embedding snapshots when they outgrow their memory budget: old snapshots matter less
 * than recent ones, so each pass drops every other snapshot in the oldest half. The first snapshot (the
 * untrained start) and the latest are always kept.
 */

export function thinOldestHalf<T>(items: readonly T[]): T[] {
  const oldestHalf = Math.ceil(items.length / 2);
  return items.filter((_, index) => index === 0 || index >= oldestHalf || index % 2 === 0);
}

/** Thins until the items fit `budget` (by `sizeOf`), or until only the first and the latest are left. */
export function thinToBudget<T>(items: readonly T[], sizeOf: (item: T) => number, budget: number): T[] {
  let kept = [...items];
  let total = kept.reduce((sum, item) => sum + sizeOf(item), 0);
  while (total > budget) {
    const thinner = thinOldestHalf(kept);
    if (thinner.length === kept.length) break;
    kept = thinner;
    total = kept.reduce((sum, item) => sum + sizeOf(item), 0);
  }
  return kept;
}
