import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../testing/tfBackend';
import { collapseCurve } from '../../testing/behaviour';

/**
 * Each method's default keeps the embeddings spread over the sphere (reference PyTorch runs of this
 * setup, collapse std × √d at d = 3: SimCLR 0.99, BYOL 0.98, SwAV 0.79, SimSiam 0.90, uniformity 0.92).
 * Sized for CI: a few hundred steps each; asserted with margins, not exact values. Barlow Twins and VICReg are
 * checked beside their ablations in redundancy.test.ts.
 */
beforeAll(() => useBackend('wasm'));

describe('defaults stay spread (collapse std × √d, d = 3)', () => {
  it.each([
    ['simclr', {}],
    ['byol', {}],
    ['swav', {}],
    ['simsiam', {}],
    ['align-uniform', {}],
    ['align-uniform', { alignment: false }],
  ] as const)('%s %j', async (method, overrides) => {
    const curve = await collapseCurve(method, 150, overrides);
    const late = curve.filter((r) => r.step >= 50);
    expect(Math.min(...late.map((r) => r.stdScaled))).toBeGreaterThan(0.6);
  });

  it('BYOL without the predictor ends clearly below BYOL with it', async () => {
    const withPredictor = (await collapseCurve('byol', 300)).at(-1)!.stdScaled;
    const without = (await collapseCurve('byol', 300, { predictor: false })).at(-1)!.stdScaled;
    expect(without).toBeLessThan(withPredictor - 0.15);
  });
});
