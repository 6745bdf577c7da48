/**
 * Every method the lab trains, as data (MethodInfo, method.ts; no tfjs): one line each. Adding a method is its
 * folder here (info.ts, engine.ts), its settings in src/core/config.ts and its line in this record and in
 * engines.ts; see docs/architecture.md.
 */
import type { ConfigKey, ExperimentConfig, MethodName } from '../core/config';
import { alignUniformInfo } from './align-uniform/info';
import { barlowTwinsInfo } from './barlow-twins/info';
import { byolInfo } from './byol/info';
import type { MethodInfo } from './method';
import { randomInitInfo } from './random/info';
import { simclrInfo } from './simclr/info';
import { simsiamInfo } from './simsiam/info';
import { supervisedInfo } from './supervised/info';
import { swavInfo } from './swav/info';
import { vicregInfo } from './vicreg/info';

export const methodCatalog: Record<MethodName, MethodInfo> = {
  simclr: simclrInfo,
  byol: byolInfo,
  swav: swavInfo,
  simsiam: simsiamInfo,
  'align-uniform': alignUniformInfo,
  'barlow-twins': barlowTwinsInfo,
  vicreg: vicregInfo,
  supervised: supervisedInfo,
  random: randomInitInfo,
};

/** Why `key` has no effect under `config` (the control is shown disabled with this reason), or null when it acts. */
export function inactiveReason(config: ExperimentConfig, key: ConfigKey): string | null {
  return methodCatalog[config.method].inactiveSwitches?.(config)[key] ?? null;
}
