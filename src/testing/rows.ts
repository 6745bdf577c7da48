/** Small float64 batches for checking the lab's float32 losses against naive formulas. */
import type * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/rng';

export type Rows = number[][];

export function randomRows(n: number, d: number, seed: number): Rows {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => Array.from({ length: d }, () => rng.normal()));
}
export const unit = (v: number[]) => {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};
export const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
export const cos = (a: number[], b: number[]) => dot(unit(a), unit(b));
/** The first value of a tensor (a loss). */
export const value = async (t: tf.Tensor) => (await t.data())[0]!;
