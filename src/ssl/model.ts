import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';
import type { Mode } from './layers';
import { Mlp } from './mlp';

export const INPUT_SIZE = 784;
const ENCODER_SIZES = [INPUT_SIZE, 256, 128];
const PROJECTOR_HIDDEN = 128;
const PREDICTOR_HIDDEN = 64;

/**
 * The networks every method shares: encoder MLP 784→256→128 (BN + ReLU after each layer), projector
 * 128→128→d (BN + ReLU hidden, linear output), predictor d→64→d (BN + ReLU hidden).
 */
export class SslModel {
  readonly encoder: Mlp;
  readonly projector: Mlp;
  readonly predictor: Mlp;

  constructor(readonly dim: number, rng: Rng) {
    this.encoder = new Mlp('encoder', ENCODER_SIZES, rng.fork('encoder'), { activateOutput: true, inputGrad: false });
    this.projector = new Mlp('projector', [ENCODER_SIZES.at(-1)!, PROJECTOR_HIDDEN, dim], rng.fork('projector'), {
      activateOutput: false,
      inputGrad: true,
    });
    this.predictor = new Mlp('predictor', [dim, PREDICTOR_HIDDEN, dim], rng.fork('predictor'), {
      activateOutput: false,
      inputGrad: true,
    });
  }

  /** Encoder then projector: z, the embedding shown on the sphere (before normalisation). */
  embed(x: tf.Tensor2D, mode: Mode): tf.Tensor2D {
    return this.projector.apply(this.encoder.apply(x, mode), mode);
  }

  /** Trainable variables; the predictor's only while it is used (tfjs rejects variables without a gradient). */
  trainableVariables(withPredictor: boolean): tf.Variable[] {
    const nets = withPredictor ? [this.encoder, this.projector, this.predictor] : [this.encoder, this.projector];
    return nets.flatMap((net) => net.variables());
  }

  dispose(): void {
    this.encoder.dispose();
    this.projector.dispose();
    this.predictor.dispose();
  }
}
