import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { compareSwitches, comparedConfigs, readCompareKey, switchStateLabel } from './compareSwitch';

describe('compare switches', () => {
  it('are the on/off switches of the method that act in these settings', () => {
    expect(compareSwitches(defaultConfig('simsiam'))).toEqual(['stopGrad', 'predictor', 'batchNorm']);
    expect(compareSwitches(defaultConfig('swav'))).toEqual(['sinkhorn', 'batchNorm']);
    // BYOL's stop-gradient acts only without an EMA target (τ = 0).
    expect(compareSwitches(defaultConfig('byol'))).toEqual(['predictor', 'batchNorm']);
    expect(compareSwitches({ ...defaultConfig('byol'), momentum: 0 })).toEqual(['predictor', 'stopGrad', 'batchNorm']);
  });

  it('fall back to one run, saying why, for a switch that does nothing in these settings', () => {
    const notices: string[] = [];
    expect(readCompareKey('stopGrad', defaultConfig('byol'), notices)).toBeNull();
    expect(notices).toEqual([
      'compare: Stop-gradient does nothing in these settings. Acts only at EMA momentum τ = 0: with τ > 0 the target is a separate EMA network that no gradient reaches anyway. Showing a single run.',
    ]);
  });

  it('read a valid key, trimmed, without a notice', () => {
    const notices: string[] = [];
    expect(readCompareKey(' stopGrad', defaultConfig('simsiam'), notices)).toBe('stopGrad');
    expect(readCompareKey(undefined, defaultConfig('simsiam'), notices)).toBeNull();
    expect(notices).toEqual([]);
  });

  it('fall back to one run with a notice for a key that is not a switch of the method', () => {
    for (const raw of ['negatives', 'seed', 'temperature', '<b>x</b>', '']) {
      const notices: string[] = [];
      expect(readCompareKey(raw, defaultConfig('simsiam'), notices)).toBeNull();
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/is not an on\/off switch of SimSiam \(stopGrad, predictor, batchNorm\); showing a single run\.$/);
    }
  });

  it('flip only the chosen switch for run B, and name each side', () => {
    const config = { ...defaultConfig('byol'), seed: 7 };
    const [a, b] = comparedConfigs(config, 'predictor');
    expect(a).toBe(config);
    expect(b).toEqual({ ...config, predictor: false });
    expect(switchStateLabel('stopGrad', true)).toBe('Stop-gradient on');
    expect(switchStateLabel('stopGrad', false)).toBe('Stop-gradient off');
  });
});
