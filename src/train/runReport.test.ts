import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { Rng } from '../core/rng';
import { figuresOf } from '../metrics/snapshotFigures';
import { fakeSnapshot } from '../testing/fakeSnapshot';
import { MAX_RUN_REPORT_BYTES, parseRunReport, readRunReport, type RunReport, runReportText } from './runReport';
import type { Snapshot } from './snapshot';

const config = { ...defaultConfig('simsiam'), seed: 7, stopGrad: false };
const classNames = ['T-shirt', 'Trouser', 'Pullover'];
const backend = { name: 'wasm' as const, reason: 'forced by ?backend=wasm' };

/** A snapshot of `count` random unit vectors in d = 3, labelled 0, 1, 2, 0, … */
function unitSnapshot(step: number, count: number, rng: Rng) {
  const embeddings = new Float32Array(count * 3);
  for (let p = 0; p < count; p++) {
    const v = [rng.next() - 0.5, rng.next() - 0.5, rng.next() - 0.5];
    const norm = Math.hypot(...v);
    v.forEach((x, axis) => (embeddings[p * 3 + axis] = x / norm));
  }
  const labels = Uint8Array.from({ length: count }, (_, p) => p % 3);
  return { ...fakeSnapshot(step, { knn: step % 50 === 0 ? 0.6 : null, linear: step % 50 === 0 ? 0.7 : null }), embeddings, labels };
}

/** A run's report with a snapshot of 40 points at each step. */
function runOf(steps: number[]): RunReport {
  const rng = new Rng(3);
  const snapshots: Snapshot[] = steps.map((step) => unitSnapshot(step, 40, rng));
  return { config, backend, classNames, metrics: snapshots.map(figuresOf), snapshots };
}

function reportData(run = runOf([0, 10, 20, 30])): Record<string, unknown> {
  return JSON.parse(runReportText(run));
}

/** The report with one value replaced (by a path of keys and indices). */
function withValue(path: (string | number)[], value: unknown): unknown {
  const data = reportData();
  let target: Record<string | number, unknown> = data;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return data;
}

describe('run reports', () => {
  it('hold the config, backend, every metric point and the first and latest snapshots', () => {
    const data = reportData();
    expect(data).toMatchObject({ format: 'hypersphere-run', version: 1, config, backend, classNames });
    expect(data.metrics).toHaveLength(4);
    const snapshots = data.snapshots as { step: number; dim: number; embeddings: number[][]; labels: number[] }[];
    expect(snapshots.map((s) => s.step)).toEqual([0, 30]);
    expect(snapshots[0]!.embeddings).toHaveLength(40);
    expect(snapshots[0]!.embeddings[0]).toHaveLength(3);
    expect(snapshots[0]!.labels.slice(0, 4)).toEqual([0, 1, 2, 0]);
  });

  it('round-trip: the replayed run has the same figures and embeddings', async () => {
    const run = runOf([0, 10, 20, 50]);
    const text = runReportText(run);
    const { report, notices } = await readRunReport(new Blob([text]));
    expect(notices).toEqual([]);
    expect(report!.config).toEqual(config);
    expect(report!.backend).toEqual(backend);
    expect(report!.classNames).toEqual(classNames);
    expect(report!.metrics).toHaveLength(4);
    expect(report!.metrics).toEqual(run.metrics);
    const [first, latest] = report!.snapshots;
    const originals = [run.snapshots[0]!, run.snapshots.at(-1)!];
    [first!, latest!].forEach((snapshot, index) => {
      const original = originals[index]!;
      expect(snapshot.step).toBe(original.step);
      expect([...snapshot.labels]).toEqual([...original.labels]);
      snapshot.embeddings.forEach((x, i) => expect(x).toBeCloseTo(original.embeddings[i]!, 6));
      expect(snapshot.collapseStd).toBeCloseTo(original.collapseStd, 12);
      expect(figuresOf(snapshot)).toEqual(figuresOf(original));
    });
  });

  it('read a report written before the spectrum was measured, its spectra not measured (null)', () => {
    const data = reportData() as { metrics: Record<string, unknown>[] };
    for (const point of data.metrics) delete point.spectrum;
    const { report, notices } = parseRunReport(data);
    expect(notices).toEqual([]);
    expect(report!.metrics.map((point) => point.spectrum)).toEqual([null, null, null, null]);
  });

  it('keep the alignment histogram of each snapshot, and read one written before the histogram as not measured (null)', () => {
    const data = reportData() as { metrics: Record<string, unknown>[] };
    expect((data.metrics[0]!.pairDistances as number[])[4]).toBe(1);
    expect(parseRunReport(data).report!.metrics[0]!.pairDistances).toEqual(Array.from({ length: 40 }, (_, k) => (k === 4 ? 1 : 0)));
    for (const point of data.metrics) delete point.pairDistances;
    const { report, notices } = parseRunReport(data);
    expect(notices).toEqual([]);
    expect(report!.metrics.map((point) => point.pairDistances)).toEqual([null, null, null, null]);
    expect(report!.metrics[0]!.alignment).toBe(0.4);
  });

  it('read a report written before the linear probe, its accuracies not measured (null)', () => {
    const data = reportData() as { metrics: Record<string, unknown>[] };
    expect(data.metrics[0]).toMatchObject({ linearZ: 0.7, linearH: 0.7 });
    for (const point of data.metrics) {
      delete point.linearZ;
      delete point.linearH;
    }
    const { report, notices } = parseRunReport(data);
    expect(notices).toEqual([]);
    expect(report!.metrics.map((point) => [point.linearZ, point.linearH])).toEqual([[null, null], [null, null], [null, null], [null, null]]);
    expect(report!.metrics.map((point) => point.knnZ)).toEqual([0.6, null, null, null]);
  });

  it('keep a single snapshot once', () => {
    expect(reportData(runOf([0])).snapshots).toHaveLength(1);
  });

  it('apply the valid config keys and name the bad ones, like a settings file', () => {
    const { report, notices } = parseRunReport(withValue(['config', 'colour'], 'red'));
    expect(report!.config).toEqual(config);
    expect(notices).toEqual(['Unknown setting "colour" ignored.']);
  });

  it('reject a malformed report, applying nothing and naming the first wrong value', () => {
    const cases: [unknown, RegExp][] = [
      [null, /not a run report/],
      [[1, 2], /not a run report/],
      [{ ...reportData(), format: 'hypersphere-lab<b>' }, /not a run report \(its format is "hypersphere-lab<b>"\)/],
      [withValue(['version'], 2), /version "2" is not known/],
      [withValue(['config'], [1]), /config is not an object/],
      [withValue(['backend', 'name'], 'cuda'), /backend\.name is not one of webgpu, wasm, webgl, cpu/],
      [withValue(['classNames'], ['only one']), /classNames has 1 entry, not 2–256/],
      [withValue(['classNames', 1], { name: 'x' }), /classNames\[1\] is not a text/],
      [withValue(['metrics'], []), /metrics has 0 entries, not 1–250,000/],
      [withValue(['metrics', 2, 'step'], 10), /metrics\[2\]\.step is not later than the step before it/],
      [withValue(['metrics', 1, 'step'], 1.5), /metrics\[1\]\.step is not a whole number/],
      [withValue(['metrics', 1, 'uniformity'], '1'), /metrics\[1\]\.uniformity is not a finite number/],
      [withValue(['metrics', 1, 'alignment'], null), /metrics\[1\]\.alignment is not a finite number/],
      [withValue(['metrics', 0, 'linearH'], 'high'), /metrics\[0\]\.linearH is neither a finite number nor null/],
      [withValue(['metrics', 1, 'loss'], undefined), /metrics\[1\]\.loss is neither a finite number nor null/],
      [withValue(['metrics', 1, 'spectrum'], [0.5, 0.5]), /metrics\[1\]\.spectrum has 2 entries, not 3/],
      [withValue(['metrics', 1, 'spectrum', 2], 1.5), /metrics\[1\]\.spectrum\[2\] is not a share from 0 to 1/],
      [withValue(['metrics', 1, 'pairDistances'], [0.5, 0.5]), /metrics\[1\]\.pairDistances has 2 entries, not 40/],
      [withValue(['metrics', 1, 'pairDistances', 7], -0.1), /metrics\[1\]\.pairDistances\[7\] is not a share from 0 to 1/],
      [withValue(['metrics', 0, 'dim'], 16), /metrics\[0\]\.dim is not the settings' output dimension 3/],
      [withValue(['snapshots'], []), /snapshots has 0 entries, not 1–2/],
      [withValue(['snapshots', 1, 'step'], 35), /snapshots\[1\]\.step \(35\) is not the step of any metrics entry/],
      [withValue(['snapshots', 1, 'step'], 0), /snapshots\[1\]\.step is not later/],
      [withValue(['snapshots', 0, 'dim'], 129), /snapshots\[0\]\.dim is not the settings' output dimension 3/],
      [withValue(['snapshots', 0, 'embeddings', 5], [1, 0]), /snapshots\[0\]\.embeddings\[5\] is not a list of 3 numbers/],
      [withValue(['snapshots', 0, 'embeddings', 5, 2], 3), /snapshots\[0\]\.embeddings\[5\]\[2\] is not a coordinate of a unit vector/],
      [withValue(['snapshots', 0, 'embeddings', 5, 2], null), /snapshots\[0\]\.embeddings\[5\]\[2\] is not a coordinate/],
      [withValue(['snapshots', 0, 'labels', 7], 3), /snapshots\[0\]\.labels\[7\] is not a whole number from 0 to 2/],
      [withValue(['snapshots', 0, 'labels', 7], -1), /snapshots\[0\]\.labels\[7\]/],
      [withValue(['snapshots', 1, 'labels'], [0]), /snapshots\[1\]\.labels has 1 entry, not 40\./],
    ];
    for (const [data, problem] of cases) {
      const { report, notices } = parseRunReport(data);
      expect(report, String(problem)).toBeNull();
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(problem);
      expect(notices[0]).toMatch(/Nothing was opened\.$/);
    }
  });

  it('reject a snapshot with fewer points than the first, a file that is too large, and text that is not JSON', async () => {
    const data = reportData();
    const [, latest] = data.snapshots as { embeddings: number[][]; labels: number[] }[];
    latest!.embeddings = latest!.embeddings.slice(0, 10);
    latest!.labels = latest!.labels.slice(0, 10);
    expect(parseRunReport(data).notices[0]).toMatch(/snapshots\[1\]\.embeddings does not hold as many points as snapshots\[0\]/);

    const huge = { size: MAX_RUN_REPORT_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) } as unknown as Blob;
    expect((await readRunReport(huge)).notices[0]).toMatch(/^The file is 48.1 MB; a run report is at most 48 MB\. Nothing was opened\.$/);
    expect((await readRunReport(new Blob(['{"format":']))).notices).toEqual(['The file is not valid JSON. Nothing was opened.']);
    expect((await readRunReport(new Blob(['{"format":"hypersphere-run","version":1,"metrics":1e999}']))).report).toBeNull();
  });
});
