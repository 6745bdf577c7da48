/**
 * What a method is, in two halves. MethodInfo is data, free of tfjs: the words the page shows, why a switch does
 * nothing in some settings, where its loss sits when everything collapses, and its part of the PyTorch export; the
 * page lists the methods from it (catalog.ts) without loading the engine. MethodEngine is the training side, in
 * tfjs (engines.ts, loaded by the training worker, the CLI and the tests): the loss, what the model holds and
 * trains, the after-step hook. A method's settings (the keys it honours, its own defaults) are
 * src/core/config.ts's methodSettings. Only types here: importing them loads nothing.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ConfigKey, ExperimentConfig } from '../core/config';
import type { LossInputs, SslModel } from '../ssl/model';
import type { HelperName } from './pytorchHelpers';

export interface MethodInfo {
  title: string;
  summary: string;
  /**
   * The switches that have no effect under `config`, each with the reason (the UI disables the control
   * and shows the reason instead of its help).
   */
  inactiveSwitches?: (config: ExperimentConfig) => Partial<Record<ConfigKey, string>>;
  /**
   * The mean cosine between positive pairs that a loss value implies, or null when collapse does not
   * minimise the objective. The collapse verdict calls a loss "at its trivial bound" from this.
   */
  positivePairCosine: (loss: number, config: ExperimentConfig) => number | null;
  /**
   * True for the random-init baseline: nothing trains. Hosts evaluate the initialised network once (kNN and the
   * linear probe included) and take no step; Start and Step have nothing to do.
   */
  untrained?: boolean;
  /** True when the loss reads the images' classes: unavailable on images without labels (a folder with no class folders). */
  needsLabels?: boolean;
  /** Redundancy reduction's views the lab draws for this method (each snapshot then measures them). */
  redundancyViews?: RedundancyView[];
  /** Its part of the exported PyTorch script, written beside the words so that both stay tfjs-free. */
  pytorch: PytorchParts;
}

/**
 * crossCorrelation: the two views' cross-correlation matrix (Barlow Twins drives it to the identity);
 * dimensionStd: each dimension's std against VICReg's hinge at 1; covariance: view 1's covariance matrix.
 */
export type RedundancyView = 'crossCorrelation' | 'dimensionStd' | 'covariance';

/** A method's part of the exported PyTorch script; the rest of the script is the one shared template. */
interface PytorchParts {
  helpers: HelperName[];
  /**
   * The predictor MLP (used while the predictor switch is on), BYOL's EMA target (while τ > 0), SwAV's prototypes,
   * the supervised baseline's linear classifier (its logits `out.logits`; the batch's classes are `out.labels`).
   */
  needs: { predictor: boolean; target: boolean; prototypes: boolean; classifier?: boolean };
  /** Body of `method_loss(out, targets, cfg)`, indented by four spaces. */
  loss: string;
  /** Body of `positive_pair_cosine(loss, cfg)`: positivePairCosine in Python. */
  positivePairCosine: string;
}

/** A method's training side: its loss, what its model holds and trains, and what it does after each optimiser step. */
export interface MethodEngine {
  /** Absent for the method that trains nothing (random init, `untrained` in its info.ts): the Trainer refuses a step. */
  loss?: (inputs: LossInputs) => tf.Scalar;
  /**
   * The parts the model needs beyond the embedding network and the predictor; `classifier`: a linear classifier on
   * the l2-normalised z, one output per class of the data (always trained), and the batch's labels in LossInputs.
   */
  model: (config: ExperimentConfig) => { target: boolean; prototypes: number | null; classifier?: boolean };
  /** Which optional parts get gradients this step (the embedding network always does). */
  trains: (config: ExperimentConfig) => { predictor: boolean; prototypes: boolean };
  /** E.g. BYOL's EMA update of the target, SwAV's renormalisation of the prototypes. */
  afterStep?: (model: SslModel, config: ExperimentConfig, step: number) => void;
}
