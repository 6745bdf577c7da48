import type { MethodName } from '../../core/config';
import { alignUniformLoss } from './alignUniform';
import { byolAfterStep, byolLoss } from './byol';
import { simclrLoss } from './simclr';
import { simsiamLoss } from './simsiam';
import { renormalisePrototypes, swavLoss } from './swav';
import type { MethodEngine } from './types';

export type { LossInputs, MethodEngine } from './types';

const plainModel = () => ({ target: false, prototypes: null });
const embeddingOnly = () => ({ predictor: false, prototypes: false });

/**
 * Each method is one loss over the shared networks plus what it trains; the training loop is shared.
 * Switches are config fields the losses read (see src/core/methodCatalog.ts for the data side).
 */
export const methods: Record<MethodName, MethodEngine> = {
  simclr: { loss: simclrLoss, model: plainModel, trains: embeddingOnly },
  byol: {
    loss: byolLoss,
    model: (config) => ({ target: config.momentum > 0, prototypes: null }),
    trains: (config) => ({ predictor: config.predictor, prototypes: false }),
    afterStep: byolAfterStep,
  },
  swav: {
    loss: swavLoss,
    model: (config) => ({ target: false, prototypes: config.prototypes }),
    trains: () => ({ predictor: false, prototypes: true }),
    afterStep: renormalisePrototypes,
  },
  simsiam: { loss: simsiamLoss, model: plainModel, trains: (config) => ({ predictor: config.predictor, prototypes: false }) },
  'align-uniform': { loss: alignUniformLoss, model: plainModel, trains: embeddingOnly },
};
