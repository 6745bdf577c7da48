/**
 * What the page says to screen readers, and when: the live figures politely and sparingly (when training
 * starts or pauses, and at most every FIGURES_INTERVAL_MS while it runs — never every tick), and a collapse
 * verdict once per run (each of partial and full collapse at most once, however the figures move after).
 */
import { messages } from '../../i18n/messages';
import { uniformityBound } from '../../metrics/collapseVerdict';
import { collapseMessage } from '../collapse/collapseMessage';
import type { CollapseState, CollapseStatus } from '../collapse/collapseStore';
import { formatFixed } from '../format';
import { signedNumber, type SphereFigures } from '../sphere/sphereDescription';

/** While training, the figures are announced at most this often. */
export const FIGURES_INTERVAL_MS = 15_000;

export interface FiguresReading {
  running: boolean;
  step: number;
  /** The latest snapshot's figures, with its loss; null before the first. */
  figures: (SphereFigures & { loss: number | null }) | null;
}

function figuresSentence({ step, figures }: FiguresReading): string {
  const m = messages().a11y;
  if (figures === null) return m.stepOnly({ step });
  const { loss, stdScaled, uniformity, dim } = figures;
  return m.figures({
    step,
    loss: loss === null ? formatFixed(loss, 3) : signedNumber(loss, 3),
    stdScaled,
    uniformity: signedNumber(uniformity, 2),
    best: signedNumber(uniformityBound(dim), 2),
  });
}

/** Decides, reading by reading, whether to announce the figures now; returns the sentence or null. */
export class FiguresAnnouncer {
  private wasRunning = false;
  private lastAt = -Infinity;

  next(reading: FiguresReading, now: number): string | null {
    const { running } = reading;
    const started = running && !this.wasRunning;
    const paused = !running && this.wasRunning;
    this.wasRunning = running;
    if (started) {
      this.lastAt = now;
      return messages().a11y.training({ step: reading.step });
    }
    if (paused) return messages().a11y.paused({ figures: figuresSentence(reading) });
    if (!running || now - this.lastAt < FIGURES_INTERVAL_MS || reading.figures === null) return null;
    this.lastAt = now;
    return figuresSentence(reading);
  }
}

/** Announces each collapse verdict once per run; a new run (the verdict reset at step 0 or before) re-arms it. */
export class CollapseAnnouncer {
  private announced = new Set<CollapseState>();

  /**
   * What the alert region should say after this status: a headline to announce, '' to empty it for a new
   * run (so that the same words, from a rerun with the same seed, are announced again), or null to leave it.
   * `latestStep`: the step of the run's latest snapshot, null before the first.
   */
  next(status: CollapseStatus, latestStep: number | null): string | null {
    // A reset verdict with a history past step 0 is the same run shown again (a restarted worker resuming).
    if (status.latest === null && (latestStep === null || latestStep === 0)) {
      this.announced.clear();
      return '';
    }
    const message = collapseMessage(status);
    if (message === null || this.announced.has(status.state)) return null;
    this.announced.add(status.state);
    return message.headline;
  }
}
