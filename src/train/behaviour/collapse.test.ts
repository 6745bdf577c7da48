import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../testing/tfBackend';
import { collapseCurve } from '../../testing/behaviour';

/**
 * Each collapsing ablation collapses: collapse std × √d under 0.1 (reference PyTorch runs at d = 3:
 * SimCLR without negatives by ~25 steps, BYOL τ 0 without stop-gradient by ~125, SwAV without Sinkhorn
 * by ~50, SimSiam without stop-gradient by ~100–125 and without predictor by ~25–50, alignment only by
 * ~25). Sized for CI, asserted with margins: each run lasts at least 1.5× the step by which it collapses
 * here at seeds 0–2 (SimCLR without negatives, SimSiam without predictor and alignment only by 25–50,
 * SwAV without Sinkhorn by 25–75, BYOL τ 0 without stop-gradient by 75–175, SimSiam without stop-gradient
 * by 75–175), and all end at 0.08 or below.
 */
beforeAll(() => useBackend('wasm'));

describe('ablations collapse (collapse std × √d < 0.1, d = 3)', () => {
  it.each([
    ['simclr', { negatives: false }, 75],
    ['byol', { momentum: 0, stopGrad: false }, 200],
    ['swav', { sinkhorn: false }, 150],
    ['simsiam', { stopGrad: false }, 200],
    ['simsiam', { predictor: false }, 75],
    ['align-uniform', { uniformity: false }, 75],
  ] as const)('%s %j within %i steps', async (method, overrides, steps) => {
    const curve = await collapseCurve(method, steps, overrides);
    expect(curve[0]!.stdScaled).toBeGreaterThan(0.5);
    const collapsedAt = curve.find((r) => r.stdScaled < 0.1)?.step;
    expect(collapsedAt).toBeDefined();
    expect(curve.at(-1)!.stdScaled).toBeLessThan(0.15);
  });
});
