import { describe, expect, it } from 'vitest';
import type { CollapseStatus } from '../collapse/collapseStore';
import { CollapseAnnouncer, FIGURES_INTERVAL_MS, FiguresAnnouncer, type FiguresReading } from './announcements';

const figures = { step: 40, dim: 3, loss: -0.5123, stdScaled: 0.97, uniformity: -1.85, effectiveRank: 2.8, spectrum: null };
const running = (step: number): FiguresReading => ({ running: true, step, figures: { ...figures, step } });

describe('FiguresAnnouncer', () => {
  it('says when training starts and pauses, and the figures at most every interval in between', () => {
    const announcer = new FiguresAnnouncer();
    expect(announcer.next({ running: false, step: 0, figures: null }, 0)).toBeNull();
    expect(announcer.next(running(0), 1000)).toBe('Training from step 0.');
    // Ticks and snapshots within the interval: silent.
    for (let t = 1100; t < 1000 + FIGURES_INTERVAL_MS; t += 250) expect(announcer.next(running(10), t)).toBeNull();
    expect(announcer.next(running(60), 1000 + FIGURES_INTERVAL_MS)).toBe(
      'Step 60: loss \u22120.512, collapse std × √d 0.97, uniformity \u22121.85 of \u22122.08 best.',
    );
    expect(announcer.next(running(61), 1100 + FIGURES_INTERVAL_MS)).toBeNull();
    expect(announcer.next({ running: false, step: 70, figures: { ...figures, step: 70 } }, 1200 + FIGURES_INTERVAL_MS)).toMatch(
      /^Paused\. Step 70: loss/,
    );
    expect(announcer.next({ running: false, step: 70, figures }, 10 * FIGURES_INTERVAL_MS)).toBeNull();
  });
});

describe('CollapseAnnouncer', () => {
  const latest = { dim: 3, stdScaled: 0.04, uniformity: -0.005, effectiveRank: 1.1, topShare: null };
  const collapsed = (step: number, stdScaled = 0.04): CollapseStatus => ({ state: 'collapsed', step, latest: { ...latest, stdScaled } });
  const reset: CollapseStatus = { state: 'healthy', step: null, latest: null };

  it('announces a collapse once per run, however its figures move', () => {
    const announcer = new CollapseAnnouncer();
    expect(announcer.next({ state: 'healthy', step: null, latest: { ...latest, stdScaled: 1 } }, 20)).toBeNull();
    expect(announcer.next(collapsed(120), 120)).toBe('Collapsed at step 120: every image maps to nearly the same point.');
    expect(announcer.next(collapsed(120, 0.03), 130)).toBeNull();
    // Recovering and collapsing again in the same run: still once.
    expect(announcer.next({ state: 'healthy', step: null, latest: { ...latest, stdScaled: 1 } }, 140)).toBeNull();
    expect(announcer.next(collapsed(150), 150)).toBeNull();
  });

  it('announces partial and full collapse once each, and again after a new run', () => {
    const announcer = new CollapseAnnouncer();
    const partial: CollapseStatus = { state: 'partial', step: 50, latest: { ...latest, stdScaled: 0.4, uniformity: -0.5, effectiveRank: 2, topShare: null } };
    expect(announcer.next(partial, 50)).toMatch(/^Partial collapse from step 50/);
    expect(announcer.next({ ...partial, latest: { ...partial.latest!, stdScaled: 0.35 } }, 60)).toBeNull();
    expect(announcer.next(collapsed(80), 80)).toMatch(/^Collapsed at step 80/);
    // A restarted worker resumes the run: the verdict is rebuilt from its history, not announced again.
    expect(announcer.next(reset, 80)).toBeNull();
    expect(announcer.next(collapsed(80), 80)).toBeNull();
    // Reset: a new run from step 0 empties the region, and the same words are announced again.
    expect(announcer.next(reset, null)).toBe('');
    expect(announcer.next(collapsed(80), 80)).toMatch(/^Collapsed at step 80/);
  });
});
