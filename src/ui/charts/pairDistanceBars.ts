/**
 * The alignment histogram's geometry: the shares of the positive pairs in the fixed bins of ‖f(x) − f(y)‖²
 * over [0, 4] on a linear axis from 0 to the tallest share (rounded up to a tenth), bars grouped when runs are
 * overlaid, each run's mean (its alignment) marked as a vertical line. Pure, so the picture is tested without a
 * browser.
 */
import { messages } from '../../i18n/messages';
import { PAIR_DISTANCE_MAX } from '../../metrics/pairDistances';

interface PairDistanceBar {
  run: number;
  bin: number;
  share: number;
  x: number;
  width: number;
  /** From the top; height reaches the zero line. */
  y: number;
  height: number;
}

export interface PairDistanceLayout {
  bars: PairDistanceBar[];
  /** Each run's mean, where it has one, and its x. */
  means: { run: number; value: number; x: number }[];
  /** The share at the top of the axis: the tallest bar's, rounded up to a tenth (0.1 at least). */
  top: number;
  /** The y axis's ticks (0 and the top) and the x axis's (the squared distances 0 … 4). */
  yTicks: { value: number; y: number }[];
  xTicks: { value: number; x: number }[];
}

type Histogram = readonly number[] | Float64Array;

/**
 * Bars for each run's histogram (null = not measured) and a line at each run's mean (null = none) across
 * `width` × `height`.
 */
export function pairDistanceLayout(histograms: readonly (Histogram | null)[], means: readonly (number | null)[], width: number, height: number): PairDistanceLayout {
  const bins = Math.max(0, ...histograms.map((h) => h?.length ?? 0));
  let tallest = 0;
  for (const histogram of histograms) for (const share of histogram ?? []) if (share > tallest) tallest = share;
  const top = Math.max(0.1, Math.ceil(Math.round(tallest * 1e6) / 1e5) / 10);
  const xOf = (distance: number) => (Math.min(PAIR_DISTANCE_MAX, Math.max(0, distance)) / PAIR_DISTANCE_MAX) * width;
  const yOf = (share: number) => height - (Math.min(top, Math.max(0, Number.isFinite(share) ? share : 0)) / top) * height;
  const xTicks = [0, 1, 2, 3, 4].map((value) => ({ value, x: xOf(value) }));
  const yTicks = [top, 0].map((value) => ({ value, y: yOf(value) }));
  const marks = meanMarks(means, xOf);
  if (bins === 0) return { bars: [], means: marks, top, yTicks, xTicks };
  const slot = width / bins;
  const groupWidth = slot * 0.9;
  const barWidth = groupWidth / histograms.length;
  const bars = histograms.flatMap((histogram, run) =>
    Array.from(histogram ?? [], (share, bin) => {
      const y = yOf(share);
      return { run, bin, share, x: bin * slot + (slot - groupWidth) / 2 + run * barWidth, width: barWidth, y, height: height - y };
    }),
  );
  return { bars, means: marks, top, yTicks, xTicks };
}

function meanMarks(values: readonly (number | null)[], xOf: (distance: number) => number): PairDistanceLayout['means'] {
  return values.flatMap((value, run) => (value !== null && Number.isFinite(value) ? [{ run, value, x: xOf(value) }] : []));
}

/** The chart in words, for its accessible name's description: the mean (the alignment) and where most pairs lie. */
export function pairDistanceSummary(histogram: Histogram | null, mean: number | null): string {
  const m = messages().pairDistances;
  if (!histogram || histogram.length === 0) return m.notYet;
  if (mean === null || !Number.isFinite(mean) || histogram.some((share) => !Number.isFinite(share))) return m.notFinite;
  let mode = 0;
  histogram.forEach((share, bin) => {
    if (share > histogram[mode]!) mode = bin;
  });
  const binWidth = PAIR_DISTANCE_MAX / histogram.length;
  return m.summary({ mean, from: mode * binWidth, to: (mode + 1) * binWidth, share: histogram[mode]! });
}
