/**
 * The headless runner: `npm run train -- --method simsiam --steps 300 --json`. Same engine as the
 * browser worker, on the tfjs wasm backend in Node (cpu as fallback).
 */
import '@tensorflow/tfjs-backend-wasm';
import { accessSync, constants, existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { BuiltInDatasetName } from '../core/config';
import { DatasetError } from '../data/datasetFormat';
import { pytorchScript } from '../pytorch/pytorchScript';
import { loadDatasetFromDisk } from '../data/diskDataset';
import { prefetchedInWorkerThread } from '../data/nodeBatchWorker';
import { verdictText } from '../metrics/collapseVerdict';
import { figuresOf, type SnapshotFigures } from '../metrics/snapshotFigures';
import { methodCatalog } from '../methods/catalog';
import { noGpu, selectBackend } from '../train/backend';
import { type EvalRecord, runExperiment } from '../train/runExperiment';
import { runReportText } from '../train/runReport';
import { NonFiniteLossError } from '../train/trainer';
import { type CliOptions, parseArgs, UsageError, usage } from './args';

function fmt(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** The human-readable table: title, width, cell. */
const columns: [string, number, (r: EvalRecord) => string][] = [
  ['step', 6, (r) => String(r.step)],
  ['loss', 9, (r) => fmt(r.loss, 4)],
  ['std', 7, (r) => fmt(r.collapseStd, 4)],
  ['std×√d', 7, (r) => fmt(r.stdScaled, 3)],
  ['align', 7, (r) => fmt(r.alignment, 3)],
  ['unif', 7, (r) => fmt(r.uniformity, 3)],
  ['erank', 6, (r) => fmt(r.effectiveRank, 2)],
  ['top', 5, (r) => fmt(r.spectrum?.[0] ?? null, 2)],
  ['knn z', 6, (r) => fmt(r.knnZ, 3)],
  ['knn h', 6, (r) => fmt(r.knnH, 3)],
  ['lin z', 6, (r) => fmt(r.linearZ, 3)],
  ['lin h', 6, (r) => fmt(r.linearH, 3)],
  ['steps/s', 8, (r) => fmt(r.stepsPerSec, 1)],
  ['verdict', 9, (r) => r.verdict.state],
];

/** The last linear probes' cost, where they ran (they run with kNN). */
function probeCost(record: EvalRecord): string {
  return record.probeMs === null ? '' : `, linear probes ${record.probeMs.toFixed(0)} ms`;
}

function progressBar(step: number, total: number): string {
  const width = 30;
  const filled = Math.round((step / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${step}/${total}`;
}

async function main(options: CliOptions): Promise<void> {
  const { config } = options;
  // A report that cannot be written is said now, not after the run.
  const reportPath = options.report === null ? null : writableFile(options.report, 'the run report');
  const backend = await selectBackend(options.backend ?? 'wasm', noGpu);
  // parseArgs refuses the user's own images, which live only in a browser.
  const dataset = config.dataset as BuiltInDatasetName;
  const [train, evalSet] = await Promise.all([loadDatasetFromDisk(dataset, 'train'), loadDatasetFromDisk(dataset, 'eval')]);
  const out = process.stdout;
  const untrained = methodCatalog[config.method].untrained === true;
  const showBar = !options.json && !untrained && process.stderr.isTTY;
  // On stderr, so that --json output stays one JSON object per line.
  if (untrained) process.stderr.write(`${config.method} trains nothing: --steps is ignored; the initialised network is evaluated once, at step 0.\n`);
  if (!options.json) {
    const steps = untrained ? 'no training' : `${config.steps} steps`;
    out.write(`${config.method} on ${config.dataset}, d=${config.dim}, seed ${config.seed}, ${steps}, backend ${backend.name}\n`);
    out.write(`${columns.map(([title, width]) => title.padStart(width)).join(' ')}\n`);
  }
  const figures: SnapshotFigures[] = [];
  const onEval = (r: EvalRecord) => {
    figures.push(figuresOf(r));
    if (options.json) {
      out.write(`${JSON.stringify(r)}\n`);
      return;
    }
    if (showBar) process.stderr.write('\r\x1b[K');
    out.write(`${columns.map(([, width, cell]) => cell(r).padStart(width)).join(' ')}\n`);
    if (showBar) process.stderr.write(progressBar(r.step, config.steps));
  };
  const { ends, ...summary } = await runExperiment(config, { train, eval: evalSet }, onEval, { knnQueries: options.knnQueries, batches: prefetchedInWorkerThread });
  if (showBar) process.stderr.write('\r\x1b[K');
  const verdict = verdictText(summary.final.verdict);
  if (options.json) {
    out.write(`${JSON.stringify({ summary: true, backend: backend.name, config, ...summary, verdict })}\n`);
  } else {
    const timing = untrained
      ? `evaluated at step 0 (eval ${summary.final.evalMs.toFixed(1)} ms${probeCost(summary.final)})`
      : `${summary.steps} steps, median ${summary.medianStepMs.toFixed(1)} ms/step, eval ${summary.medianEvalMs.toFixed(1)} ms${probeCost(summary.final)}`;
    out.write(`done: ${timing}, final std×√d ${summary.final.stdScaled.toFixed(3)}; ${verdict}\n`);
  }
  if (reportPath !== null) {
    const report = runReportText({ config, backend, classNames: evalSet.classNames, metrics: figures, snapshots: ends });
    writeOrExit(reportPath, report, 'the run report');
    // On stderr, so that --json output stays one JSON object per line.
    process.stderr.write(`Wrote the run report to ${reportPath}; open it in the lab with "Open run report".\n`);
  }
}

const writeProblems: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'that is a folder; give a file name',
  EACCES: 'permission denied',
  EROFS: 'the file system is read-only',
};

function cannotWrite(target: string, what: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = writeProblems[code ?? ''] ?? (error as Error).message;
  process.stderr.write(`Cannot write ${what} to "${target}": ${reason}.\n`);
  process.exit(1);
}

function writeOrExit(target: string, text: string, what: string): void {
  try {
    writeFileSync(target, text);
  } catch (error) {
    cannotWrite(target, what, error);
  }
}

/** The absolute path of a file to write later, after checking that its folder exists and takes files. */
function writableFile(path: string, what: string): string {
  const target = resolve(path);
  try {
    accessSync(dirname(target), constants.W_OK);
    if (existsSync(target) && statSync(target).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
  } catch (error) {
    cannotWrite(target, what, error);
  }
  return target;
}

/** `--export-pytorch FILE`: writes the experiment the other flags describe as a PyTorch script, and exits. */
function exportPytorch(path: string, { config }: CliOptions): never {
  const target = resolve(path);
  writeOrExit(target, pytorchScript(config), 'the PyTorch script');
  process.stdout.write(
    `Wrote ${config.method} as a PyTorch script to ${target}\n` +
      `Run it from the project folder (it reads public/data): python3 ${path} --steps ${config.steps}\n`,
  );
  process.exit(0);
}

let options: CliOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`${error.message}\nRun \`npm run train -- --help\` for the flags.\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${usage()}\n`);
  process.exit(0);
}
if (options.exportPytorch !== null) exportPytorch(options.exportPytorch, options);
main(options).then(
  () => process.exit(0),
  (error: unknown) => {
    const known = error instanceof DatasetError || error instanceof NonFiniteLossError;
    process.stderr.write(`${known ? '' : 'Unexpected error: '}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
