/** Nearest neighbours on the sphere: the largest cosines between one embedding and the others. */

export interface Neighbour {
  index: number;
  cosine: number;
}

/**
 * The `k` rows of `embeddings` (count × dim, unit rows) nearest to row `query` by cosine, nearest first,
 * the query itself left out. A brute-force scan: ~10,000 × d multiply-adds, run once per hovered point.
 */
export function nearestByCosine(embeddings: Float32Array, dim: number, count: number, query: number, k: number): Neighbour[] {
  const best: Neighbour[] = [];
  const q = query * dim;
  for (let p = 0; p < count; p++) {
    if (p === query) continue;
    let cosine = 0;
    for (let i = 0, r = p * dim; i < dim; i++, r++) cosine += embeddings[q + i]! * embeddings[r]!;
    if (!Number.isFinite(cosine) || (best.length === k && cosine <= best[k - 1]!.cosine)) continue;
    // Insert in order, dropping the farthest when full.
    let at = best.length;
    while (at > 0 && best[at - 1]!.cosine < cosine) at--;
    best.splice(at, 0, { index: p, cosine });
    if (best.length > k) best.pop();
  }
  return best;
}
