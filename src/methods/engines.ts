/**
 * The training side of every method (its loss, what its model holds and trains, its after-step hook), one
 * line each. This module loads tfjs; the data side (catalog.ts) does not. A method missing here is a type
 * error, since the record is keyed by every MethodName.
 */
import type { MethodName } from '../core/config';
import { alignUniformEngine } from './align-uniform/engine';
import { barlowTwinsEngine } from './barlow-twins/engine';
import { byolEngine } from './byol/engine';
import type { MethodEngine } from './method';
import { randomInitEngine } from './random/engine';
import { simclrEngine } from './simclr/engine';
import { simsiamEngine } from './simsiam/engine';
import { supervisedEngine } from './supervised/engine';
import { swavEngine } from './swav/engine';
import { vicregEngine } from './vicreg/engine';

export const methodEngines: Record<MethodName, MethodEngine> = {
  simclr: simclrEngine,
  byol: byolEngine,
  swav: swavEngine,
  simsiam: simsiamEngine,
  'align-uniform': alignUniformEngine,
  'barlow-twins': barlowTwinsEngine,
  vicreg: vicregEngine,
  supervised: supervisedEngine,
  random: randomInitEngine,
};
