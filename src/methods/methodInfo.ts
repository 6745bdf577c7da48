/**
 * What a method is, in data: the words the UI shows (its settings are src/core/config.ts's methodSettings),
 * why a switch does nothing in some settings, where its loss sits when everything collapses, and its part of the PyTorch export. No tfjs here,
 * so the UI can list methods and their controls without loading the engine (that side is engineTypes.ts).
 */
import type { ConfigKey, ExperimentConfig } from '../core/config';
import type { HelperName } from '../export/pytorchHelpers';

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
  /** Redundancy reduction's views the lab draws for this method (each snapshot then measures them). */
  redundancyViews?: RedundancyView[];
  pytorch: PytorchParts;
}

/**
 * crossCorrelation: the two views' cross-correlation matrix (Barlow Twins drives it to the identity);
 * dimensionStd: each dimension's std against VICReg's hinge at 1; covariance: view 1's covariance matrix.
 */
export type RedundancyView = 'crossCorrelation' | 'dimensionStd' | 'covariance';

/** A method's part of the exported PyTorch script; the rest of the script is the one shared template. */
export interface PytorchParts {
  helpers: HelperName[];
  /** The predictor MLP (used while the predictor switch is on), BYOL's EMA target (while τ > 0), SwAV's prototypes. */
  needs: { predictor: boolean; target: boolean; prototypes: boolean };
  /** Body of `method_loss(out, targets, cfg)`, indented by four spaces. */
  loss: string;
  /** Body of `positive_pair_cosine(loss, cfg)`: positivePairCosine in Python. */
  positivePairCosine: string;
}
