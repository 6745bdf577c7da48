import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { knnAccuracy, knnAccuracyFromSimilarities } from './knn';

/** Points around `numClasses` random centres in `dim` dims, raw (not normalised), labels cycling 0, 1, 2, … */
function clusters(count: number, dim: number, numClasses: number, spread: number, seed: number) {
  const centres = new Rng(1000 + dim).fork('centres');
  const centre = Array.from({ length: numClasses * dim }, () => centres.normal());
  const rng = new Rng(seed);
  const rows = new Float32Array(count * dim);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % numClasses;
    labels[i] = c;
    const scale = rng.uniform(0.1, 10); // cosine similarity must not care about the norm
    for (let j = 0; j < dim; j++) rows[i * dim + j] = scale * (centre[c * dim + j]! + spread * rng.normal());
  }
  return { rows, labels };
}

/** Unit vectors at the given angles (radians) in the plane. */
function angles(...thetas: number[]): Float32Array {
  return Float32Array.from(thetas.flatMap((t) => [Math.cos(t), Math.sin(t)]));
}

/** The classifier written the slow, obvious way: full sort of all similarities per query. */
function naiveKnn(q: Float32Array, ql: Uint8Array, b: Float32Array, bl: Uint8Array, dim: number, k: number, classes: number) {
  const norm = (x: Float32Array, i: number) => Math.hypot(...x.subarray(i * dim, (i + 1) * dim));
  let correct = 0;
  for (let i = 0; i < ql.length; i++) {
    const sims = Array.from(bl, (_, r) => {
      let dot = 0;
      for (let j = 0; j < dim; j++) dot += q[i * dim + j]! * b[r * dim + j]!;
      return { r, sim: dot / (norm(q, i) * norm(b, r)) };
    });
    sims.sort((x, y) => y.sim - x.sim || x.r - y.r);
    const votes = new Array<number>(classes).fill(0);
    const sums = new Array<number>(classes).fill(0);
    for (const { r, sim } of sims.slice(0, k)) {
      votes[bl[r]!]!++;
      sums[bl[r]!]! += sim;
    }
    let best = 0;
    for (let c = 1; c < classes; c++) if (votes[c]! > votes[best]! || (votes[c] === votes[best] && sums[c]! > sums[best]!)) best = c;
    if (best === ql[i]) correct++;
  }
  return correct / ql.length;
}

describe('knnAccuracy', () => {
  it('is 1 for two well-separated clusters, whatever the row norms', () => {
    const bank = clusters(400, 8, 2, 0.05, 1);
    const queries = clusters(101, 8, 2, 0.05, 2);
    expect(knnAccuracy(queries.rows, queries.labels, bank.rows, bank.labels, 8, 20, 2)).toBe(1);
  });

  it('ranks by cosine similarity, not euclidean distance', () => {
    // Query (1, 0): (100, 10) is far away but at cos ≈ 0.995; (0.5, 0.5) is close but at cos ≈ 0.707.
    const bank = Float32Array.from([0.5, 0.5, 100, 10]);
    expect(knnAccuracy(Float32Array.from([1, 0]), Uint8Array.from([1]), bank, Uint8Array.from([0, 1]), 2, 1, 2)).toBe(1);
  });

  it('is near chance (1/10) when the bank labels are shuffled, and well above it when they are not', () => {
    // Ten overlapping classes in d = 3.
    const bank = clusters(4000, 3, 10, 0.3, 3);
    const queries = clusters(1000, 3, 10, 0.3, 4);
    expect(knnAccuracy(queries.rows, queries.labels, bank.rows, bank.labels, 3)).toBeGreaterThan(0.75);
    const shuffled = Array.from(bank.labels);
    new Rng(5).shuffle(shuffled);
    const chance = knnAccuracy(queries.rows, queries.labels, bank.rows, Uint8Array.from(shuffled), 3);
    // Neighbouring queries share neighbours, so the spread exceeds the binomial 0.0095: over 40 shuffles the
    // mean was 0.098 and the sd 0.015. ±0.06 is 4 sd.
    expect(Math.abs(chance - 0.1)).toBeLessThan(0.06);
  });

  it('uses the whole bank when k exceeds it', () => {
    // Bank of three, k = 20: every query gets the votes 0, 0, 1 → class 0.
    const bank = angles(0, 2, 4);
    const queries = angles(0.1, 2.1, 4.1, 5);
    const bankLabels = Uint8Array.from([0, 0, 1]);
    expect(knnAccuracy(queries, Uint8Array.from([0, 0, 0, 0]), bank, bankLabels, 2, 20, 2)).toBe(1);
    expect(knnAccuracy(queries, Uint8Array.from([0, 0, 1, 1]), bank, bankLabels, 2, 20, 2)).toBe(0.5);
  });

  it('breaks a vote tie by summed similarity: 2 votes each, class 1 sums 1.1 > class 0 sums 1.0', () => {
    // Query (1, 0), k = 4. Class 0 has the best neighbour (cos 0.9) and a poor one (cos 0.1); class 1 has
    // cos 0.6 and 0.5. Class-0 rows come first in the bank, so order does not decide it.
    const bank = angles(Math.acos(0.9), Math.acos(0.1), Math.acos(0.6), Math.acos(0.5), Math.PI);
    const bankLabels = Uint8Array.from([0, 0, 1, 1, 0]);
    const query = angles(0);
    expect(knnAccuracy(query, Uint8Array.from([1]), bank, bankLabels, 2, 4, 2)).toBe(1);
    // With k = 3 (0.9, 0.6, 0.5) class 1 wins on votes alone; with k = 1 class 0 does.
    expect(knnAccuracy(query, Uint8Array.from([1]), bank, bankLabels, 2, 3, 2)).toBe(1);
    expect(knnAccuracy(query, Uint8Array.from([0]), bank, bankLabels, 2, 1, 2)).toBe(1);
  });

  it('breaks an exact tie (votes and sums) by the lowest class index, and equal neighbours by bank order', () => {
    // Mirror images (0.6, ±0.8) have bit-identical similarity 0.6 to the query (1, 0).
    const bank = Float32Array.from([0.6, 0.8, 0.6, -0.8]);
    const bankLabels = Uint8Array.from([3, 2]);
    const query = Float32Array.from([1, 0]);
    // k = 2: one vote each, equal sums → class 2 (lower index), though class 3's row comes first.
    expect(knnAccuracy(query, Uint8Array.from([2]), bank, bankLabels, 2, 2, 4)).toBe(1);
    // k = 1: the two rows tie for the single place → the earlier row (class 3) wins.
    expect(knnAccuracy(query, Uint8Array.from([3]), bank, bankLabels, 2, 1, 4)).toBe(1);
  });

  it('evaluates only the first maxQueries queries', () => {
    const bank = angles(0, Math.PI);
    const bankLabels = Uint8Array.from([0, 1]);
    const queries = angles(0.1, 3, 0.2, 0.3);
    const queryLabels = Uint8Array.from([0, 1, 1, 1]); // the last two are misclassified
    expect(knnAccuracy(queries, queryLabels, bank, bankLabels, 2, 1, 2, 2)).toBe(1);
    expect(knnAccuracy(queries, queryLabels, bank, bankLabels, 2, 1, 2)).toBe(0.5);
    expect(knnAccuracy(queries, queryLabels, bank, bankLabels, 2, 1, 2, 100)).toBe(0.5);
  });

  it.each([
    [1, 1, 1, 3],
    [5, 7, 3, 4],
    [13, 23, 5, 7],
    [37, 61, 20, 3],
    [50, 101, 10, 16],
  ])('matches a full-sort reference (%i queries, bank %i, k = %i, d = %i)', (nq, nb, k, dim) => {
    // Noisy classes so neighbourhoods mix and every tie rule and partial tile gets exercised.
    const bank = clusters(nb, dim, 5, 1.5, nb);
    const queries = clusters(nq, dim, 5, 1.5, nq + 500);
    const got = knnAccuracy(queries.rows, queries.labels, bank.rows, bank.labels, dim, k, 5);
    expect(got).toBe(naiveKnn(queries.rows, queries.labels, bank.rows, bank.labels, dim, k, 5));
    for (let i = 0; i < nq; i++) {
      const one = queries.rows.subarray(i * dim, (i + 1) * dim);
      const label = queries.labels.subarray(i, i + 1);
      expect(knnAccuracy(one, label, bank.rows, bank.labels, dim, k, 5)).toBe(naiveKnn(one, label, bank.rows, bank.labels, dim, k, 5));
    }
  });

  it('rejects malformed input', () => {
    const rows = new Float32Array(6);
    const labels = new Uint8Array(3);
    expect(() => knnAccuracy(new Float32Array(7), labels, rows, labels, 2)).toThrow(/queries .*multiple of dim/);
    expect(() => knnAccuracy(rows, labels, new Float32Array(7), labels, 2)).toThrow(/bank .*multiple of dim/);
    expect(() => knnAccuracy(rows, new Uint8Array(2), rows, labels, 2)).toThrow(/query labels/);
    expect(() => knnAccuracy(rows, labels, rows, new Uint8Array(4), 2)).toThrow(/bank labels/);
    expect(() => knnAccuracy(rows, labels, rows, labels, 2, 0)).toThrow(/k must be/);
    expect(() => knnAccuracy(rows, labels, rows, labels, 2, 20, 0)).toThrow(/numClasses/);
    expect(() => knnAccuracy(rows, labels, rows, labels, 2, 20, 10, 0)).toThrow(/maxQueries/);
    expect(() => knnAccuracy(new Float32Array(0), new Uint8Array(0), rows, labels, 2)).toThrow(/at least one query/);
    expect(() => knnAccuracy(rows, labels, new Float32Array(0), new Uint8Array(0), 2)).toThrow(/non-empty bank/);
    expect(() => knnAccuracy(rows, Uint8Array.from([0, 10, 0]), rows, labels, 2)).toThrow(/query label 10 at row 1/);
    expect(() => knnAccuracy(rows, labels, rows, Uint8Array.from([0, 0, 2]), 2, 20, 2)).toThrow(/bank label 2/);
    expect(() => knnAccuracy(rows, labels, rows, labels, 0)).toThrow(/dim/);
  });
});

describe('knnAccuracyFromSimilarities', () => {
  it('gives the loop’s accuracy from the same cosine similarities, computed elsewhere', () => {
    const rng = new Rng(21);
    const dim = 16;
    const rows = (count: number) => Float32Array.from({ length: count * dim }, () => rng.normal());
    const labels = (count: number) => Uint8Array.from({ length: count }, () => rng.int(5));
    const [queries, queryLabels, bank, bankLabels] = [rows(40), labels(40), rows(300), labels(300)];
    const norm = (x: Float32Array, i: number) => Math.hypot(...x.subarray(i * dim, (i + 1) * dim)) || 1;
    const similarities = new Float32Array(40 * 300);
    for (let i = 0; i < 40; i++) {
      for (let r = 0; r < 300; r++) {
        let dot = 0;
        for (let j = 0; j < dim; j++) dot += queries[i * dim + j]! * bank[r * dim + j]!;
        similarities[i * 300 + r] = dot / (norm(queries, i) * norm(bank, r));
      }
    }
    for (const k of [1, 5, 20]) {
      expect(knnAccuracyFromSimilarities(similarities, queryLabels, bankLabels, k, 5)).toBe(knnAccuracy(queries, queryLabels, bank, bankLabels, dim, k, 5));
    }
    expect(() => knnAccuracyFromSimilarities(new Float32Array(3), queryLabels, bankLabels)).toThrow(/3 similarities for 40 queries/);
  });
});
