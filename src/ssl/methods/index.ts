import type * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig, MethodName } from '../../core/config';
import type { SslModel } from '../model';
import { alignUniformLoss } from './alignUniform';
import { byolAfterStep, byolLoss } from './byol';
import { simclrLoss } from './simclr';
import { simsiamLoss } from './simsiam';
import { renormalisePrototypes, swavLoss } from './swav';
import type { MethodEngine } from './types';

export type { LossInputs, MethodEngine } from './types';

/** The online network, plus the predictor while it is switched on (tfjs rejects variables without a gradient). */
function onlineAndPredictor(model: SslModel, config: ExperimentConfig): tf.Variable[] {
  return [...model.online.variables(), ...(config.predictor ? model.predictor.variables() : [])];
}

/**
 * Each method is one loss over the shared networks plus what it trains; the training loop is shared.
 * Switches are config fields the losses read (see src/core/methodCatalog.ts for the data side).
 */
export const methods: Record<MethodName, MethodEngine> = {
  simclr: {
    loss: simclrLoss,
    trainableVariables: (model) => model.online.variables(),
  },
  byol: {
    loss: byolLoss,
    trainableVariables: onlineAndPredictor,
    afterStep: byolAfterStep,
  },
  swav: {
    loss: swavLoss,
    trainableVariables: (model) => [...model.online.variables(), model.prototypes!],
    afterStep: renormalisePrototypes,
  },
  simsiam: {
    loss: simsiamLoss,
    trainableVariables: onlineAndPredictor,
  },
  'align-uniform': {
    loss: alignUniformLoss,
    trainableVariables: (model) => model.online.variables(),
  },
};
