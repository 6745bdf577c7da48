import type { Rng } from '../core/rng';

/** Batch indices drawn epoch by epoch from a seeded permutation (each image once per epoch). */
export class BatchSampler {
  private order: Uint32Array;
  private position: number;

  constructor(private readonly count: number, private readonly rng: Rng) {
    this.order = new Uint32Array(count);
    this.position = count;
  }

  next(batch: number): Int32Array {
    const out = new Int32Array(batch);
    for (let i = 0; i < batch; i++) {
      if (this.position === this.count) this.reshuffle();
      out[i] = this.order[this.position++]!;
    }
    return out;
  }

  private reshuffle(): void {
    for (let i = 0; i < this.count; i++) this.order[i] = i;
    this.rng.shuffle(this.order);
    this.position = 0;
  }
}
