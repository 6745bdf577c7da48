import type { MethodInfo } from '../methodInfo';
import { byolPytorch } from './pytorch';

export const byolInfo: MethodInfo = {
  title: 'BYOL',
  summary: 'Positives only: an online network predicts a slowly moving (EMA) target network.',
  inactiveSwitches: (config) =>
    config.momentum > 0
      ? { stopGrad: 'Acts only at EMA momentum τ = 0: with τ > 0 the target is a separate EMA network that no gradient reaches anyway.' }
      : { momentumSchedule: 'Acts only with EMA momentum τ > 0: at τ = 0 the target is the online network itself.' },
  // 2 − 2 cos, averaged over both directions.
  positivePairCosine: (loss) => 1 - loss / 2,
  pytorch: byolPytorch,
};
