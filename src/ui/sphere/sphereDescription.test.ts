import { describe, expect, it } from 'vitest';
import { uniformityBound } from '../../metrics/collapseVerdict';
import { describeSphere, signedNumber } from './sphereDescription';

const spread = { step: 400, dim: 3, stdScaled: 0.98, uniformity: -1.9, effectiveRank: 2.9, spectrum: [0.4, 0.33, 0.27] };

describe('describeSphere', () => {
  it('says the points are spread, with the figures against their best values', () => {
    expect(describeSphere(spread, 2000)).toBe(
      `Step 400: 2,000 points spread over the sphere; uniformity \u22121.90 of ${signedNumber(uniformityBound(3), 2)} best, ` +
        'collapse std × √d 0.98 (1 when spread), effective rank 2.9 of 3.',
    );
    expect(signedNumber(uniformityBound(3), 2)).toBe('\u22122.08');
  });

  it('names each way of collapsing, worst first', () => {
    expect(describeSphere({ ...spread, stdScaled: 0.03, uniformity: -0.004 }, 2000)).toContain('points gathered in one spot;');
    expect(describeSphere({ ...spread, stdScaled: 0.3, uniformity: -0.3 }, 2000)).toContain('crowded into a small part of the sphere');
    // Spread (std high) but along a line or a ring: the effective rank is under its floor of 1.5.
    expect(describeSphere({ ...spread, effectiveRank: 1.2 }, 2000)).toContain('spread along fewer directions than the sphere offers');
    // Dimensional collapse as Barlow Twins without its off-diagonal term shows it: the std high, one direction dominant.
    expect(describeSphere({ ...spread, uniformity: -0.75, effectiveRank: 1.8, spectrum: [0.84, 0.1, 0.06] }, 2000)).toContain(
      'lined up along one direction, which holds 84% of the spread',
    );
  });

  it('speaks of a circle for d = 2 and of the projection for d > 3', () => {
    expect(describeSphere({ ...spread, dim: 2, uniformity: -1.2, effectiveRank: 1.9 }, 2000)).toContain('spread over the circle');
    const d16 = describeSphere({ ...spread, dim: 16, uniformity: uniformityBound(16) * 0.9, effectiveRank: 12 }, 10000);
    expect(d16).toMatch(/^Step 400: 10,000 points spread over the sphere;.* of 16\. Projected from 16 dimensions to three\.$/);
  });

  it('says when there is nothing to see yet', () => {
    expect(describeSphere(null, 0)).toBe('No points yet: they appear with the first snapshot.');
    expect(describeSphere(spread, 0)).toBe('No points yet: they appear with the first snapshot.');
  });
});
