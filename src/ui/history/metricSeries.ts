/**
 * Every snapshot's figures, kept for the whole run: the single numbers in growable Float64Array columns
 * (80 bytes a snapshot), which the charts read whole without copying, and each spectrum as a Float64Array of
 * its d shares, and each alignment histogram as a Float64Array of its 40 bins (320 bytes more a snapshot).
 * 100,000 snapshots at d = 3 take about 56 MB. A figure not measured (null) is kept as NaN in
 * its column and read back as null. Steps strictly increase from one point to the next.
 */
import { type FigureKey, figureKeys, occasionalFigures, type SnapshotFigures } from '../../metrics/snapshotFigures';

export type ColumnKey = FigureKey;

const INITIAL_CAPACITY = 256;

function emptyColumns(capacity: number): Record<ColumnKey, Float64Array> {
  return Object.fromEntries(figureKeys.map((key) => [key, new Float64Array(capacity)])) as Record<ColumnKey, Float64Array>;
}

export class MetricSeries {
  private columns = emptyColumns(INITIAL_CAPACITY);
  private spectra: (Float64Array | null)[] = [];
  private histograms: (Float64Array | null)[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(point: SnapshotFigures): void {
    if (this.count === this.columns.step.length) this.grow();
    this.write(this.count, point);
    this.count++;
  }

  /** Overwrites the latest point (a second snapshot of the same step). */
  replaceLast(point: SnapshotFigures): void {
    if (this.count === 0) throw new Error('MetricSeries.replaceLast: the series is empty');
    this.write(this.count - 1, point);
  }

  clear(): void {
    this.count = 0;
    this.spectra = [];
    this.histograms = [];
  }

  /** Keeps only the first `count` points. */
  truncate(count: number): void {
    this.count = Math.max(0, Math.min(this.count, count));
    this.spectra.length = this.count;
    this.histograms.length = this.count;
  }

  /** The filled part of a column, as a view (valid until the next push). */
  column(key: ColumnKey): Float64Array {
    return this.columns[key].subarray(0, this.count);
  }

  at(index: number): SnapshotFigures | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const value = (key: FigureKey) => {
      const stored = this.columns[key][index]!;
      return occasionalFigures.has(key) && Number.isNaN(stored) ? null : stored;
    };
    const scalars = Object.fromEntries(figureKeys.map((key) => [key, value(key)])) as Omit<SnapshotFigures, 'spectrum' | 'pairDistances'>;
    const spectrum = this.spectra[index]!;
    const histogram = this.histograms[index]!;
    return { ...scalars, spectrum: spectrum && Array.from(spectrum), pairDistances: histogram && Array.from(histogram) };
  }

  /** The spectrum of the point at `index` (a view: do not change it); null where it was not measured. */
  spectrumAt(index: number): Float64Array | null {
    return (index >= 0 && index < this.count && this.spectra[index]) || null;
  }

  /** The alignment histogram of the point at `index` (a view: do not change it); null where it was not measured. */
  pairDistancesAt(index: number): Float64Array | null {
    return (index >= 0 && index < this.count && this.histograms[index]) || null;
  }

  latest(): SnapshotFigures | undefined {
    return this.at(this.count - 1);
  }

  /** Index of the last point at or before `step`, or −1 when every point is later. */
  indexAtOrBefore(step: number): number {
    const steps = this.columns.step;
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (steps[mid]! <= step) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Index of the last point at or before `index` where `key` was measured (finite), or −1. */
  lastMeasured(key: ColumnKey, index: number): number {
    const values = this.columns[key];
    for (let i = Math.min(index, this.count - 1); i >= 0; i--) {
      if (Number.isFinite(values[i]!)) return i;
    }
    return -1;
  }

  private write(index: number, point: SnapshotFigures): void {
    for (const key of figureKeys) this.columns[key][index] = point[key] ?? NaN;
    this.spectra[index] = point.spectrum && Float64Array.from(point.spectrum);
    this.histograms[index] = point.pairDistances && Float64Array.from(point.pairDistances);
  }

  private grow(): void {
    const bigger = emptyColumns(this.columns.step.length * 2);
    for (const key of figureKeys) bigger[key].set(this.columns[key]);
    this.columns = bigger;
  }
}
