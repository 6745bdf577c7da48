/**
 * Run reports: one JSON file with a whole run — its settings, the backend it trained on, every snapshot's
 * figures and the first and latest embeddings — that the lab opens again to replay it:
 *
 *   {"format":"hypersphere-run","version":1,"config":{…},"backend":{"name":"wasm","reason":"…"},
 *    "classNames":[…],"metrics":[{"step":0,"dim":3,"loss":null,…},…],
 *    "snapshots":[{"step":0,"dim":3,"embeddings":[[x,y,z],…],"labels":[7,2,…]},{…latest…}]}
 *
 * The metrics entries are the snapshots' figures (SnapshotFigures) under their own names. The lab's "Run
 * report (JSON)" export and the CLI's `--report FILE` both write this, and the lab's "Open run report" replays
 * either. Reading one is as careful as reading a settings file. A file too large, not JSON, of another format, or
 * with any value out of shape applies nothing, and the notice names the first wrong value. The config is
 * read like a settings file's (a bad key is ignored with a notice); everything else must be exact.
 */
import type { ExperimentConfig } from '../core/config';
import { roundFloat32 } from '../core/numberText';
import { quoted } from '../core/notices';
import { isRecord, readableNotices, readConfigObject } from '../core/urlCodec';
import { messages } from '../i18n/messages';
import { renderNotice } from '../i18n/notices';
import { PAIR_DISTANCE_BINS } from '../metrics/pairDistances';
import { type FigureKey, occasionalFigures, type SnapshotFigures } from '../metrics/snapshotFigures';
import { type BackendInfo, backendNames } from './backendNames';
import type { Snapshot } from './snapshot';

const RUN_REPORT_FORMAT = 'hypersphere-run';
const RUN_REPORT_VERSION = 1;
/** Version 1 reports carry their settings in link format 1. */
const REPORT_CONFIG_VERSION = 1;
/** The largest real report (d = 128, the training images shown: 10,000 points twice) is about 30 MB. */
export const MAX_RUN_REPORT_BYTES = 48 * 1024 * 1024;
const MAX_POINTS = 20_000;
const MAX_METRICS = 250_000;
const MAX_CLASSES = 256;
const MAX_TEXT = 200;
const MAX_STEP = 1e9;
/** Coordinates of l2-normalised rows lie in [−1, 1]; a little slack for rounding. */
const UNIT_LIMIT = 1 + 1e-3;

export interface RunReport {
  config: ExperimentConfig;
  backend: BackendInfo | null;
  classNames: readonly string[];
  /** Every snapshot's figures, oldest first. */
  metrics: readonly SnapshotFigures[];
  /** Snapshots with their points, oldest first: a report keeps the first and the latest (no pairs). */
  snapshots: readonly Snapshot[];
}

export interface ReadRunReport {
  /** The report to replay, or null when nothing should be applied. */
  report: RunReport | null;
  notices: string[];
}

function snapshotRecord(snapshot: Snapshot) {
  const { step, dim, embeddings, labels } = snapshot;
  const rows = Array.from({ length: labels.length }, (_, point) => Array.from(embeddings.subarray(point * dim, (point + 1) * dim), roundFloat32));
  return { step, dim, embeddings: rows, labels: Array.from(labels) };
}

/** The report's text; of `report.snapshots` it writes the first and the latest. */
export function runReportText(report: RunReport): string {
  const { snapshots } = report;
  const ends = snapshots.length > 1 ? [snapshots[0]!, snapshots.at(-1)!] : snapshots;
  return JSON.stringify({
    format: RUN_REPORT_FORMAT,
    version: RUN_REPORT_VERSION,
    config: report.config,
    backend: report.backend,
    classNames: report.classNames,
    metrics: report.metrics,
    snapshots: ends.map(snapshotRecord),
  });
}

/** A value out of shape; its message names where, and is shown to the user. */
class ShapeError extends Error {}

function fail(path: string, problem: string): never {
  throw new ShapeError(messages().files.shape.at({ path, problem }));
}

/** The words of the shape problems, in the current language. */
const shape = () => messages().files.shape;

function list(value: unknown, path: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) fail(path, shape().notList);
  if (value.length < min || value.length > max) fail(path, shape().entries({ count: value.length, expected: shape().range({ min, max }) }));
  return value;
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) fail(path, shape().notObject);
  return value;
}

function wholeNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail(path, shape().notWhole({ min, max }));
  return value;
}

/** A measured figure: a finite number, or null for the figures that are not measured at every snapshot. */
function figure(value: unknown, path: string, mayBeNull: boolean): number | null {
  if (value === null && mayBeNull) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, mayBeNull ? shape().notFiniteOrNull : shape().notFinite);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length > MAX_TEXT) fail(path, shape().notText({ max: MAX_TEXT }));
  return value;
}

function readBackend(value: unknown): BackendInfo | null {
  if (value === null) return null;
  const backend = record(value, 'backend');
  const name = backendNames.find((known) => known === backend.name);
  if (!name) fail('backend.name', shape().notOneOf({ names: backendNames.join(', ') }));
  return { name, reason: text(backend.reason, 'backend.reason') };
}

function readFigures(value: unknown, index: number, dim: number): SnapshotFigures {
  const path = `metrics[${index}]`;
  const point = record(value, path);
  if (point.dim !== dim) fail(`${path}.dim`, shape().notDim({ dim }));
  const read = (key: Exclude<FigureKey, 'step' | 'dim'>) => figure(point[key], `${path}.${key}`, occasionalFigures.has(key));
  return {
    step: wholeNumber(point.step, `${path}.step`, 0, MAX_STEP),
    dim,
    loss: read('loss'),
    collapseStd: read('collapseStd')!,
    stdScaled: read('stdScaled')!,
    alignment: read('alignment')!,
    uniformity: read('uniformity')!,
    effectiveRank: read('effectiveRank')!,
    knnZ: read('knnZ'),
    knnH: read('knnH'),
    // Reports written before the lab had the linear probe have none: not measured.
    linearZ: point.linearZ === undefined ? null : read('linearZ'),
    linearH: point.linearH === undefined ? null : read('linearH'),
    // Reports written before the lab measured the spectrum have none.
    spectrum:
      point.spectrum === undefined || point.spectrum === null
        ? null
        : list(point.spectrum, `${path}.spectrum`, dim, dim).map((share, k) => {
            if (typeof share !== 'number' || !(share >= 0 && share <= 1)) fail(`${path}.spectrum[${k}]`, shape().notShare);
            return share;
          }),
    // Nor do reports written before the lab measured the alignment histogram.
    pairDistances:
      point.pairDistances === undefined || point.pairDistances === null
        ? null
        : list(point.pairDistances, `${path}.pairDistances`, PAIR_DISTANCE_BINS, PAIR_DISTANCE_BINS).map((share, k) => {
            if (typeof share !== 'number' || !(share >= 0 && share <= 1)) fail(`${path}.pairDistances[${k}]`, shape().notShare);
            return share;
          }),
  };
}

/** A snapshot as the history keeps it, its figures from the metrics entry of its step. */
function readSnapshot(value: unknown, index: number, dim: number, classCount: number, metrics: readonly SnapshotFigures[]): Snapshot {
  const path = `snapshots[${index}]`;
  const snapshot = record(value, path);
  const step = wholeNumber(snapshot.step, `${path}.step`, 0, MAX_STEP);
  const point = metrics.find((candidate) => candidate.step === step);
  if (!point) fail(`${path}.step`, shape().noMetricsStep({ step }));
  if (snapshot.dim !== dim) fail(`${path}.dim`, shape().notDim({ dim }));
  const rows = list(snapshot.embeddings, `${path}.embeddings`, 1, MAX_POINTS);
  const labelList = list(snapshot.labels, `${path}.labels`, rows.length, rows.length);
  const embeddings = new Float32Array(rows.length * dim);
  const labels = new Uint8Array(rows.length);
  // Paths are built only on failure: a report can hold millions of coordinates.
  rows.forEach((row, p) => {
    if (!Array.isArray(row) || row.length !== dim) fail(`${path}.embeddings[${p}]`, shape().notRow({ dim }));
    for (let axis = 0; axis < dim; axis++) {
      const coordinate: unknown = row[axis];
      if (typeof coordinate !== 'number' || !(Math.abs(coordinate) <= UNIT_LIMIT)) {
        fail(`${path}.embeddings[${p}][${axis}]`, shape().notUnit);
      }
      embeddings[p * dim + axis] = coordinate;
    }
    labels[p] = wholeNumber(labelList[p], `${path}.labels[${p}]`, 0, classCount - 1);
  });
  return {
    ...point,
    embeddings,
    labels,
    pairs: new Float32Array(0),
    pairCount: 0,
    // A report keeps the figures and the points; the redundancy matrices are live views only.
    redundancy: null,
    evalMs: NaN,
    metricsMs: NaN,
    probeMs: null,
  };
}

function increasing(steps: readonly number[], path: string): void {
  steps.forEach((step, index) => {
    if (index > 0 && step <= steps[index - 1]!) fail(`${path}[${index}].step`, shape().notLater);
  });
}

/** Checks parsed JSON against the report format; never throws. */
export function parseRunReport(data: unknown): ReadRunReport {
  try {
    if (!isRecord(data) || data.format !== RUN_REPORT_FORMAT) {
      const format = isRecord(data) && typeof data.format === 'string' ? quoted(data.format) : null;
      return rejected(messages().files.notReport({ format }));
    }
    if (data.version !== RUN_REPORT_VERSION) {
      return rejected(messages().files.reportVersion({ raw: quoted(String(data.version)), version: RUN_REPORT_VERSION }));
    }
    const { config, notices } = readConfigObject(record(data.config, 'config'), REPORT_CONFIG_VERSION);
    const backend = readBackend(data.backend ?? null);
    const classNames = list(data.classNames, 'classNames', 2, MAX_CLASSES).map((name, index) => text(name, `classNames[${index}]`));
    const metrics = list(data.metrics, 'metrics', 1, MAX_METRICS).map((point, index) => readFigures(point, index, config.dim));
    increasing(metrics.map((point) => point.step), 'metrics');
    const snapshots = list(data.snapshots, 'snapshots', 1, 2).map((snapshot, index) =>
      readSnapshot(snapshot, index, config.dim, classNames.length, metrics),
    );
    increasing(snapshots.map((snapshot) => snapshot.step), 'snapshots');
    if (snapshots.some((snapshot) => snapshot.labels.length !== snapshots[0]!.labels.length)) {
      fail('snapshots[1].embeddings', shape().pointCounts);
    }
    return { report: { config, backend, classNames, metrics, snapshots }, notices: readableNotices(notices).map(renderNotice) };
  } catch (err) {
    if (err instanceof ShapeError) return rejected(messages().files.malformed({ problem: err.message }));
    throw err;
  }
}

function rejected(reason: string): ReadRunReport {
  return { report: null, notices: [messages().files.nothingOpened({ reason })] };
}

/** Reads a run report file (a File from an input, or any Blob); never throws. */
export async function readRunReport(file: Blob): Promise<ReadRunReport> {
  if (file.size > MAX_RUN_REPORT_BYTES) {
    // Rounded up, so that a file just over the limit never reads as the limit itself.
    const megabytes = (bytes: number) => messages().files.megabytes({ megabytes: Math.ceil((bytes / 1024 / 1024) * 10) / 10 });
    return rejected(messages().files.reportTooLarge({ size: megabytes(file.size), max: megabytes(MAX_RUN_REPORT_BYTES) }));
  }
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return rejected(messages().files.notJson);
  }
  return parseRunReport(data);
}
