import type { MethodEngine } from '../method';

/** The untrained network: no loss, so the Trainer refuses a step (hosts take none: info.ts says `untrained`). */
export const randomInitEngine: MethodEngine = {
  model: () => ({ target: false, prototypes: null }),
  trains: () => ({ predictor: false, prototypes: false }),
};
