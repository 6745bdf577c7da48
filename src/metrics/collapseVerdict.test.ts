import { describe, expect, it } from 'vitest';
import { advanceCollapse, type CollapseEvidence, type CollapseTracking, effectiveRankFloor, initialCollapseTracking, uniformityBound } from './collapseVerdict';

/** A healthy d = 3 snapshot, with the given figures changed. */
function evidence(step: number, changes: Partial<CollapseEvidence> = {}): CollapseEvidence {
  return { step, dim: 3, stdScaled: 0.9, uniformity: -1.6, effectiveRank: 2.7, lossAtBound: false, ...changes };
}

function run(points: CollapseEvidence[]): CollapseTracking[] {
  let tracking = initialCollapseTracking();
  return points.map((point) => (tracking = advanceCollapse(tracking, point)));
}

const states = (trackings: CollapseTracking[]) => trackings.map(({ verdict }) => verdict.state);

describe('advanceCollapse', () => {
  it('keeps a spread run healthy', () => {
    expect(states(run([evidence(0), evidence(10), evidence(20)]))).toEqual(['healthy', 'healthy', 'healthy']);
  });

  it('flags collapse where collapse std × √d falls under 0.1, with that step', () => {
    const trackings = run([evidence(0), evidence(10, { stdScaled: 0.3 }), evidence(20, { stdScaled: 0.08 })]);
    expect(trackings.at(-1)!.verdict).toEqual({ state: 'collapsed', since: 20 });
  });

  it('does not call a low std collapsed while it is rising, and ignores the untrained step 0', () => {
    const trackings = run([evidence(0, { stdScaled: 0.02, uniformity: -0.001 }), evidence(10, { stdScaled: 0.05, uniformity: -0.3 })]);
    expect(states(trackings)).toEqual(['healthy', 'partial']);
  });

  it('flags collapse when uniformity reaches ~0 or the loss sits at its trivial bound twice in a row', () => {
    expect(run([evidence(0), evidence(10, { uniformity: -0.005 })]).at(-1)!.verdict.state).toBe('collapsed');
    const atBound = run([evidence(0), evidence(10, { lossAtBound: true }), evidence(20, { lossAtBound: true })]);
    expect(states(atBound)).toEqual(['healthy', 'healthy', 'collapsed']);
  });

  it('flags partial collapse from std, uniformity far from its bound, or a low effective rank', () => {
    expect(run([evidence(0), evidence(10, { stdScaled: 0.35 })]).at(-1)!.verdict).toEqual({ state: 'partial', since: 10 });
    const farFromBound = 0.2 * uniformityBound(16);
    expect(run([evidence(0), evidence(10, { dim: 16, uniformity: farFromBound, effectiveRank: 7 })]).at(-1)!.verdict.state).toBe('partial');
    expect(run([evidence(0), evidence(10, { effectiveRank: 1.3 })]).at(-1)!.verdict.state).toBe('partial');
  });

  it('keeps a flagged run flagged until it clears the thresholds by a margin', () => {
    const trackings = run([
      evidence(0),
      evidence(10, { stdScaled: 0.45 }),
      evidence(20, { stdScaled: 0.55 }), // above the entry threshold, not clear of it
      evidence(30, { stdScaled: 0.7 }),
    ]);
    expect(trackings.map(({ verdict }) => verdict)).toEqual([
      { state: 'healthy', since: null },
      { state: 'partial', since: 10 },
      { state: 'partial', since: 10 },
      { state: 'healthy', since: null },
    ]);
  });

  it('stays collapsed while the std stays low, and reports partial when it recovers part-way', () => {
    const trackings = run([
      evidence(0),
      evidence(10, { stdScaled: 0.05 }),
      evidence(20, { stdScaled: 0.12, uniformity: -0.2 }), // rising, but still under the recovery bar
      evidence(30, { stdScaled: 0.3, uniformity: -0.3 }),
    ]);
    expect(trackings.map(({ verdict }) => verdict)).toEqual([
      { state: 'healthy', since: null },
      { state: 'collapsed', since: 10 },
      { state: 'collapsed', since: 10 },
      { state: 'partial', since: 30 },
    ]);
  });
});

describe('thresholds for d', () => {
  it('uses the best uniformity of the sphere and an effective-rank floor growing with √d', () => {
    expect(uniformityBound(3)).toBeCloseTo(-2.08, 2);
    expect(effectiveRankFloor(3)).toBe(1.5);
    expect(effectiveRankFloor(64)).toBe(6);
  });
});
