import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';
import { BatchNorm, Dense, type Mode } from './layers';

export interface MlpOptions {
  /** BatchNorm + ReLU after the last layer too (the encoder); otherwise the last layer is linear. */
  activateOutput: boolean;
  /** False for the first layer of the encoder: its input is data, so dx is never needed. */
  inputGrad: boolean;
  /** BatchNorm after the hidden layers (off: Dense → ReLU, with bias). */
  batchNorm: boolean;
}

interface Block {
  dense: Dense;
  /** Null for the linear output layer, or when BatchNorm is switched off. */
  norm: BatchNorm | null;
  /** ReLU after this block (all but a linear output layer). */
  activated: boolean;
}

/** A multilayer perceptron: Dense → BatchNorm → ReLU blocks (Dense has no bias where BN follows). */
export class Mlp {
  private readonly blocks: Block[];

  constructor(name: string, sizes: number[], rng: Rng, options: MlpOptions) {
    this.blocks = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      const isLast = i + 2 === sizes.length;
      const activated = !isLast || options.activateOutput;
      const normed = activated && options.batchNorm;
      const inputGrad = i > 0 || options.inputGrad;
      this.blocks.push({
        dense: new Dense(`${name}/dense${i}`, sizes[i]!, sizes[i + 1]!, rng, { bias: !normed, inputGrad }),
        norm: normed ? new BatchNorm(`${name}/bn${i}`, sizes[i + 1]!) : null,
        activated,
      });
    }
  }

  apply(x: tf.Tensor2D, mode: Mode): tf.Tensor2D {
    let h = x;
    for (const { dense, norm, activated } of this.blocks) {
      h = dense.apply(h);
      if (norm) h = norm.apply(h, mode);
      if (activated) h = tf.relu(h);
    }
    return h;
  }

  variables(): tf.Variable[] {
    return this.blocks.flatMap(({ dense, norm }) => [...dense.variables(), ...(norm ? norm.variables() : [])]);
  }

  dispose(): void {
    for (const { dense, norm } of this.blocks) {
      dense.dispose();
      norm?.dispose();
    }
  }
}
