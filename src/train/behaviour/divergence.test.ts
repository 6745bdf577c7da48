import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { setLocale } from '../../i18n/locale';
import { collapseCurve, fashionMnist } from '../../testing/behaviour';
import { useBackend } from '../../testing/tfBackend';
import { runExperiment } from '../runExperiment';
import { NonFiniteLossError } from '../trainer';

/**
 * What diverges, and what the message says. SwAV at the smallest Sinkhorn ε the settings allow trains: at ε 0.01,
 * seed 1, Sinkhorn in float32 on exp(s/ε) made the loss NaN at step 17 (a sample's whole row underflowed to 0);
 * on log codes 300 steps run without NaN and stay spread (collapse std × √d 0.77–0.94 after step 50). Sized for
 * CI: 75 steps, a NaN throws. VICReg with SGD diverges within a few steps at lr 0.1 (its term weights scale each
 * step), and the message says so.
 */
beforeAll(() => useBackend('wasm'));
afterEach(() => setLocale('en'));

describe('divergence', () => {
  it('SwAV at Sinkhorn ε 0.01 trains without NaN and stays spread', async () => {
    const curve = await collapseCurve('swav', 75, { epsilon: 0.01, seed: 1 });
    expect(curve.at(-1)!.step).toBe(75);
    expect(Math.min(...curve.filter((r) => r.step >= 50).map((r) => r.stdScaled))).toBeGreaterThan(0.6);
  });

  it('VICReg with SGD at lr 0.1 diverges, and the message names its term weights besides the learning rate', async () => {
    const config = { ...defaultConfig('vicreg'), optimizer: 'sgd' as const, lr: 0.1, steps: 20 };
    await expect(runExperiment(config, await fashionMnist())).rejects.toThrow(/lower the learning rate \(or, with SGD, the term weights/);
  });

  it('names the learning rate alone for the other methods, in both languages', () => {
    expect(new NonFiniteLossError(17, NaN, 'swav').message).toMatch(/Training is paused; lower the learning rate or press Reset\.$/);
    setLocale('zh-CN');
    expect(new NonFiniteLossError(17, NaN, 'swav').message).toMatch(/请调低学习率或按“重置”。$/);
    expect(new NonFiniteLossError(4, NaN, 'vicreg').message).toMatch(/请调低学习率（使用 SGD 时也可调低各项的权重/);
  });
});
