import type { MethodEngine } from '../method';

/** The untrained network: hosts take no step (info.ts `untrained`), so a loss asked for is a host's mistake. */
export const randomInitEngine: MethodEngine = {
  loss: () => {
    throw new Error('Random init trains nothing: the initialised network is evaluated as it is.');
  },
  model: () => ({ target: false, prototypes: null }),
  trains: () => ({ predictor: false, prototypes: false }),
};
