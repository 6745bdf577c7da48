import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';
import { type Mode, variableFrom } from './layers';
import { l2Normalize } from './losses';
import { Mlp } from './mlp';

export const INPUT_SIZE = 784;
const ENCODER_SIZES = [INPUT_SIZE, 256, 128];
const PROJECTOR_HIDDEN = 128;
const PREDICTOR_HIDDEN = 64;

export interface ModelOptions {
  dim: number;
  batchNorm: boolean;
  /** SwAV's prototype count K; null when the method has none. */
  prototypes: number | null;
  /** BYOL's EMA target network (a copy of encoder + projector); false when the method has none. */
  target: boolean;
}

/** Encoder + projector: the part of the model that maps an image to its embedding z. */
export class EmbeddingNet {
  readonly encoder: Mlp;
  readonly projector: Mlp;

  constructor(name: string, options: ModelOptions, rng: Rng) {
    const { dim, batchNorm } = options;
    // The same rng labels for online and target: the target starts as an exact copy.
    this.encoder = new Mlp(`${name}/encoder`, ENCODER_SIZES, rng.fork('encoder'), { activateOutput: true, inputGrad: false, batchNorm });
    this.projector = new Mlp(`${name}/projector`, [ENCODER_SIZES.at(-1)!, PROJECTOR_HIDDEN, dim], rng.fork('projector'), {
      activateOutput: false,
      inputGrad: true,
      batchNorm,
    });
  }

  embed(x: tf.Tensor2D, mode: Mode): tf.Tensor2D {
    return this.projector.apply(this.encoder.apply(x, mode), mode);
  }

  variables(): tf.Variable[] {
    return [...this.encoder.variables(), ...this.projector.variables()];
  }

  dispose(): void {
    this.encoder.dispose();
    this.projector.dispose();
  }
}

/**
 * The networks every method shares: encoder MLP 784→256→128 (BN + ReLU after each layer), projector
 * 128→128→d (BN + ReLU hidden, linear output), predictor d→64→d (BN + ReLU hidden); plus, per method,
 * SwAV's prototypes and BYOL's target network.
 */
export class SslModel {
  readonly online: EmbeddingNet;
  readonly predictor: Mlp;
  readonly target: EmbeddingNet | null;
  /** d × K, unit-length columns (SwAV). */
  readonly prototypes: tf.Variable | null;

  constructor(readonly options: ModelOptions, rng: Rng) {
    const { dim, batchNorm } = options;
    this.online = new EmbeddingNet('online', options, rng);
    this.predictor = new Mlp('predictor', [dim, PREDICTOR_HIDDEN, dim], rng.fork('predictor'), { activateOutput: false, inputGrad: true, batchNorm });
    this.target = options.target ? new EmbeddingNet('target', options, rng) : null;
    this.prototypes = options.prototypes ? variableFrom(randomPrototypes(dim, options.prototypes, rng.fork('prototypes')), true, uniquePrototypeName()) : null;
  }

  /** Encoder then projector of the online network: z, the embedding shown on the sphere. */
  embed(x: tf.Tensor2D, mode: Mode): tf.Tensor2D {
    return this.online.embed(x, mode);
  }

  dispose(): void {
    this.online.dispose();
    this.predictor.dispose();
    this.target?.dispose();
    this.prototypes?.dispose();
  }
}

let prototypeCounter = 0;
function uniquePrototypeName(): string {
  prototypeCounter += 1;
  return `prototypes_${prototypeCounter}`;
}

/** K random directions on the sphere, as the columns of a d × K matrix. */
function randomPrototypes(dim: number, count: number, rng: Rng): tf.Tensor2D {
  const values = Float32Array.from({ length: dim * count }, () => rng.normal());
  return tf.tidy(() => tf.transpose(l2Normalize(tf.tensor2d(values, [count, dim]))));
}
