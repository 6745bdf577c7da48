import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { fakeSnapshot } from '../testing/fakeSnapshot';
import {
  advanceCollapse,
  CollapseDetector,
  type CollapseEvidence,
  type CollapseTracking,
  effectiveRankFloor,
  initialCollapseTracking,
  topShareLimit,
  uniformityBound,
  verdictText,
} from './collapseVerdict';

/** A healthy d = 3 snapshot, with the given figures changed. */
function evidence(step: number, changes: Partial<CollapseEvidence> = {}): CollapseEvidence {
  return { step, dim: 3, stdScaled: 0.9, uniformity: -1.6, effectiveRank: 2.7, topShare: 0.45, lossAtBound: false, ...changes };
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

  it('flags partial collapse from a low std, or uniformity far from its bound', () => {
    expect(run([evidence(0), evidence(10, { stdScaled: 0.35 })]).at(-1)!.verdict).toEqual({ state: 'partial', since: 10 });
    const farFromBound = 0.2 * uniformityBound(16);
    expect(run([evidence(0), evidence(10, { dim: 16, uniformity: farFromBound, effectiveRank: 7, topShare: 0.2 })]).at(-1)!.verdict.state).toBe('partial');
  });

  it('flags dimensional collapse where the std stays healthy but the spectrum puts most variance on one direction', () => {
    // Barlow Twins without its off-diagonal term at d = 3: std × √d 0.97, top share 0.84–0.89, rank 1.5–1.9.
    expect(run([evidence(0), evidence(10, { topShare: 0.86, effectiveRank: 1.8 })]).at(-1)!.verdict).toEqual({ state: 'dimensional', since: 10 });
    // A line at d = 3, or d = 16 with the rank of 16 down to 4 (same run at d = 16: 3.9–4.3).
    expect(run([evidence(0), evidence(10, { effectiveRank: 1.3, topShare: null })]).at(-1)!.verdict.state).toBe('dimensional');
    expect(run([evidence(0), evidence(10, { dim: 16, uniformity: -3.5, effectiveRank: 4.1, topShare: null })]).at(-1)!.verdict.state).toBe('dimensional');
    // SimSiam with SGD at d = 3 keeps a rank of 1.8–2.0 and is healthy: the rank alone does not flag it.
    expect(run([evidence(0), evidence(10, { effectiveRank: 1.85 })]).at(-1)!.verdict.state).toBe('healthy');
  });

  it('reports a lined-up run whose std falls as partial, then collapsed: the std speaks first', () => {
    const trackings = run([evidence(0), evidence(10, { topShare: 0.9 }), evidence(20, { stdScaled: 0.3, topShare: 0.9 }), evidence(30, { stdScaled: 0.05 })]);
    expect(states(trackings)).toEqual(['healthy', 'dimensional', 'partial', 'collapsed']);
  });

  it('leaves dimensional collapse only with a margin under the top-share limit', () => {
    const limit = topShareLimit(3);
    const trackings = run([evidence(0), evidence(10, { topShare: limit + 0.02 }), evidence(20, { topShare: limit - 0.02 }), evidence(30, { topShare: limit - 0.1 })]);
    expect(states(trackings)).toEqual(['healthy', 'dimensional', 'dimensional', 'healthy']);
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
  it('uses the best uniformity of the sphere, an effective-rank floor growing with √d from d = 8 and a top-share limit over a flat spectrum', () => {
    expect(uniformityBound(3)).toBeCloseTo(-2.08, 2);
    expect(effectiveRankFloor(3)).toBe(1.5);
    expect(effectiveRankFloor(16)).toBe(5);
    expect(effectiveRankFloor(64)).toBe(10);
    expect(topShareLimit(3)).toBeCloseTo(0.783, 3);
    expect(topShareLimit(16)).toBeCloseTo(0.5125, 4);
  });
});

describe('verdictText', () => {
  it('says each state in the words the CLI and the exported script print', () => {
    expect(verdictText({ state: 'healthy', since: null })).toBe('healthy');
    expect(verdictText({ state: 'collapsed', since: 75 })).toBe('collapsed at step 75');
    expect(verdictText({ state: 'partial', since: 50 })).toBe('partial collapse from step 50');
    expect(verdictText({ state: 'dimensional', since: 100 })).toBe('dimensional collapse from step 100');
  });
});

describe('CollapseDetector', () => {
  it('takes a second snapshot of the same step (its kNN measured later) in place of the first, not after it', () => {
    const config = defaultConfig('simsiam');
    // SimSiam's loss at its trivial bound, −1, counts once it has been there at two steps in a row.
    const steps = [fakeSnapshot(0), { ...fakeSnapshot(10), loss: -1 }, { ...fakeSnapshot(20), loss: -1 }];
    const once = new CollapseDetector();
    const twice = new CollapseDetector();
    for (const snapshot of steps) {
      once.observe(snapshot, config);
      // Each step twice, as the worker sends a kNN snapshot: first without its scores, then with them.
      twice.observe(snapshot, config);
      twice.observe({ ...snapshot, knnZ: 0.3 }, config);
      expect(twice.verdict).toEqual(once.verdict);
    }
    expect(once.verdict).toEqual({ state: 'collapsed', since: 20 });
  });
});
