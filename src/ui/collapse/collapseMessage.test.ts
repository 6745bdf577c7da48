import { describe, expect, it } from 'vitest';
import { collapseMessage } from './collapseMessage';

const latest = { dim: 3, stdScaled: 0.9, uniformity: -0.9, effectiveRank: 1.6, topShare: 0.86 };

describe('collapseMessage', () => {
  it('says nothing while healthy', () => {
    expect(collapseMessage({ state: 'healthy', step: null, latest })).toBeNull();
  });

  it('names the step and what happened', () => {
    expect(collapseMessage({ state: 'collapsed', step: 118, latest: { ...latest, stdScaled: 0.03 } })!.headline).toBe(
      'Collapsed at step 118: every image maps to nearly the same point.',
    );
    expect(collapseMessage({ state: 'partial', step: 50, latest: { ...latest, stdScaled: 0.25 } })!.headline).toBe(
      'Partial collapse from step 50: the points crowd into a small part of the sphere.',
    );
    expect(collapseMessage({ state: 'dimensional', step: 300, latest })!.headline).toBe(
      'Dimensional collapse from step 300: the points line up along fewer directions than the sphere offers, though the collapse std still looks healthy.',
    );
  });

  it('gives the figures behind the verdict, the top share where the spectrum was measured', () => {
    expect(collapseMessage({ state: 'dimensional', step: 300, latest })!.evidence).toBe(
      'Now: collapse std × √d 0.90 (healthy ≈ 1), uniformity -0.90 (best -2.08), effective rank 1.6 of 3, top direction 86% of the spectrum (flat: 33%).',
    );
    expect(collapseMessage({ state: 'partial', step: 50, latest: { ...latest, stdScaled: 0.3, topShare: null } })!.evidence).toBe(
      'Now: collapse std × √d 0.30 (healthy ≈ 1), uniformity -0.90 (best -2.08), effective rank 1.6 of 3.',
    );
  });
});
