/**
 * The headless runner: `npm run train -- --method simsiam --steps 300 --json`. Same engine as the
 * browser worker, on the tfjs wasm backend in Node (cpu as fallback).
 */
import '@tensorflow/tfjs-backend-wasm';
import { DatasetError } from '../data/datasetFormat';
import { loadDatasetFromDisk } from '../data/diskDataset';
import { selectBackend } from '../train/backend';
import { type EvalRecord, runExperiment } from '../train/runExperiment';
import { NonFiniteLossError } from '../train/trainer';
import { type CliOptions, parseArgs, UsageError, usage } from './args';

function fmt(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

function progressBar(step: number, total: number): string {
  const width = 30;
  const filled = Math.round((step / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${step}/${total}`;
}

async function main(options: CliOptions): Promise<void> {
  const { config } = options;
  const backend = await selectBackend(options.backend ?? 'wasm', { kind: 'none' });
  const [train, evalSet] = await Promise.all([
    loadDatasetFromDisk(config.dataset, 'train'),
    loadDatasetFromDisk(config.dataset, 'eval'),
  ]);
  const out = process.stdout;
  const showBar = !options.json && process.stderr.isTTY;
  if (!options.json) {
    out.write(`${config.method} on ${config.dataset}, d=${config.dim}, seed ${config.seed}, ${config.steps} steps, backend ${backend.name}\n`);
    out.write(`${'step'.padStart(6)} ${'loss'.padStart(9)} ${'std'.padStart(7)} ${'std×√d'.padStart(7)} ${'steps/s'.padStart(8)}\n`);
  }
  const onEval = (r: EvalRecord) => {
    if (options.json) {
      out.write(`${JSON.stringify(r)}\n`);
      return;
    }
    if (showBar) process.stderr.write('\r\x1b[K');
    out.write(`${String(r.step).padStart(6)} ${fmt(r.loss, 4).padStart(9)} ${fmt(r.std, 4).padStart(7)} ${fmt(r.stdScaled, 3).padStart(7)} ${fmt(r.stepsPerSec, 1).padStart(8)}\n`);
    if (showBar) process.stderr.write(progressBar(r.step, config.steps));
  };
  const summary = await runExperiment(config, { train, eval: evalSet }, onEval);
  if (showBar) process.stderr.write('\r\x1b[K');
  if (options.json) {
    out.write(`${JSON.stringify({ summary: true, backend: backend.name, config, ...summary })}\n`);
  } else {
    out.write(
      `done: ${summary.steps} steps, median ${summary.medianStepMs.toFixed(1)} ms/step, ` +
        `eval ${summary.medianEvalMs.toFixed(1)} ms, final std×√d ${summary.final.stdScaled.toFixed(3)}\n`,
    );
  }
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
main(options).then(
  () => process.exit(0),
  (error: unknown) => {
    const known = error instanceof DatasetError || error instanceof NonFiniteLossError;
    process.stderr.write(`${known ? '' : 'Unexpected error: '}${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
