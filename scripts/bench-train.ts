/**
 * Training speed, printed as figures (never a timed test): ms per SimSiam step (batch 256, d = 3) split into its
 * phases — batch preparation, forward + backward, optimiser, BatchNorm statistics, after-step hooks (EMA,
 * prototypes), loss readback — with kernels and loss readbacks per step and snapshot ms, per backend: in Node
 * (wasm, cpu) and in Chromium (wasm, webgl, webgpu, in a worker as the lab trains), on Fashion-MNIST's 28×28 grey
 * images, and in Node (wasm) on Shapes & colours' 32×32 colour images (3,072 inputs). Then the engine against
 * PyTorch on one core of this machine, alternating runs (../shared/reference/pytorch/bench_simsiam.py, with
 * serial OpenBLAS and its CPU core named).
 *
 *   npm run bench:train [-- --node-only | --browser-only | --no-pytorch] [--steps 30] [--rounds 5] [--method simsiam]
 *
 * Phases are timed on steps that wait for each phase to finish (on WebGPU/WebGL that adds stalls a plain step
 * avoids), so they add up to more than the plain ms/step there.
 */
import '@tensorflow/tfjs-backend-wasm';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { type BuiltInDatasetName, defaultConfig, type MethodName } from '../src/core/config';
import { LocalBatches } from '../src/data/batchSource';
import { loadDatasetFromDisk } from '../src/data/diskDataset';
import { prefetchedInWorkerThread } from '../src/data/nodeBatchWorker';
import { stepPhases } from '../src/train/stepProfile';
import { measureTraining, type TrainingMeasurement } from './bench/measureTraining';
import { openApp } from './lib/browserApp';
import { flag, numberOption, option } from './lib/options';

const steps = numberOption('steps', 30);
const rounds = numberOption('rounds', 5);
const method = option('method', 'simsiam') as MethodName;
const config = defaultConfig(method);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const fixed = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits));

const phaseTitles = ['batch', 'fwd+bwd', 'optim', 'bn stats', 'hooks', 'readback'];
function header(): void {
  const cells = ['where', 'backend', 'ms/step', ...phaseTitles, 'kernels', 'reads/step', 'snapshot ms'];
  console.log(cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 36 : 8) : c.padStart(9))).join(' '));
}
function row(where: string, m: TrainingMeasurement): void {
  const phases = stepPhases.map((phase) => fixed(m.phases[phase]));
  const cells = [where.padEnd(36), m.backend.padEnd(8), fixed(m.msPerStep), ...phases, String(m.kernelsPerStep), fixed(m.readbacksPerStep, 2), fixed(m.snapshotMs, 0)];
  console.log(cells.map((c, i) => (i < 2 ? c : c.padStart(9))).join(' '));
}

async function nodeData(name: BuiltInDatasetName = 'fashion-mnist') {
  return { train: await loadDatasetFromDisk(name, 'train'), eval: await loadDatasetFromDisk(name, 'eval') };
}

async function benchNode(): Promise<void> {
  const data = await nodeData();
  await tf.setBackend('wasm');
  await tf.ready();
  row('node, 28×28 grey, batches prefetched', await measureTraining(config, data, { steps, readEvery: 1, batches: prefetchedInWorkerThread }));
  row('node, 28×28 grey, one thread', await measureTraining(config, data, { steps, readEvery: 1, batches: (spec) => new LocalBatches(spec) }));
  const colour = await nodeData('shapes-colours');
  const colourConfig = { ...config, dataset: 'shapes-colours' as const };
  row('node, 32×32 colour, batches prefetched', await measureTraining(colourConfig, colour, { steps, readEvery: 1, batches: prefetchedInWorkerThread }));
  row('node, 32×32 colour, one thread', await measureTraining(colourConfig, colour, { steps, readEvery: 1, batches: (spec) => new LocalBatches(spec) }));
  await tf.setBackend('cpu');
  await tf.ready();
  row('node, 28×28 grey, batches prefetched', await measureTraining(config, data, { steps: 3, readEvery: 1, batches: prefetchedInWorkerThread }));
}

async function benchBrowser(backends: [string, number, number][]): Promise<void> {
  // The dev server serves the benchmark page beside the app, with the app's cross-origin isolation headers.
  const app = await openApp({ serve: 'dev' });
  try {
    for (const [backend, count, threads] of backends) {
      const page = await app.newPage();
      await page.goto(`${app.url}scripts/bench/train-bench.html?backend=${backend}&steps=${count}&method=${method}&threads=${threads}`);
      const handle = await page.waitForFunction(() => (window as unknown as { benchResult?: unknown }).benchResult, null, { timeout: 900_000 });
      const result = (await handle.jsonValue()) as TrainingMeasurement | { error: string };
      if ('error' in result) console.log(`${'chromium'.padEnd(36)} ${backend.padEnd(8)} failed: ${result.error}`);
      else row(`chromium worker${backend === 'wasm' ? `, ${threads} thread${threads > 1 ? 's' : ''}` : ''}`, result);
      await page.close();
    }
  } finally {
    await app.close();
  }
}

const PYTORCH = '../shared/reference/pytorch/bench_simsiam.py';

/** The engine's plain ms/step on one thread (augmentation inline, as PyTorch's benchmark does it) against PyTorch's, alternating. */
async function benchAgainstPytorch(): Promise<void> {
  if (method !== 'simsiam' || !existsSync(PYTORCH) || !existsSync('/usr/bin/python3')) {
    console.log('\nPyTorch comparison skipped (it needs ../shared/reference/pytorch and /usr/bin/python3 with torch; SimSiam only).');
    return;
  }
  const run = promisify(execFile);
  const data = await nodeData();
  await tf.setBackend('wasm');
  await tf.ready();
  // The core fastblas.py names for OpenBLAS (from the same CPU flags), so that the figure says what was compared.
  const flags = readFileSync('/proc/cpuinfo', 'utf8');
  const core = / avx512f/.test(flags) ? 'SkylakeX' : / avx2/.test(flags) ? 'Haswell' : 'detected by OpenBLAS';
  const torch: number[] = [];
  const lab: number[] = [];
  const labPrefetched: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const { stdout } = await run('/usr/bin/python3', [PYTORCH, '40'], { timeout: 300_000 });
    torch.push(Number(/torch_ms ([\d.]+)/.exec(stdout)![1]));
    lab.push((await measureTraining(config, data, { steps, readEvery: 1, batches: (spec) => new LocalBatches(spec) })).msPerStep);
    labPrefetched.push((await measureTraining(config, data, { steps, readEvery: 1, batches: prefetchedInWorkerThread })).msPerStep);
  }
  console.log(`\nAgainst PyTorch (SimSiam, batch 256, d = 3, Adam; ${rounds} alternating rounds; OpenBLAS core ${core}):`);
  console.log(`  PyTorch, one thread (augmentation included)     ${fixed(median(torch))} ms/step   rounds: ${torch.map((v) => fixed(v)).join(' ')}`);
  console.log(`  lab wasm, one thread (augmentation inline)      ${fixed(median(lab))} ms/step   rounds: ${lab.map((v) => fixed(v)).join(' ')}   ratio ${fixed(median(lab) / median(torch), 2)}×`);
  console.log(`  lab wasm, augmentation in a second thread       ${fixed(median(labPrefetched))} ms/step   rounds: ${labPrefetched.map((v) => fixed(v)).join(' ')}   ratio ${fixed(median(labPrefetched) / median(torch), 2)}×`);
}

const nodeOnly = flag('node-only');
const browserOnly = flag('browser-only');
console.log(`${method}, batch ${config.batch}, d = ${config.dim}; medians over ${steps} steps (phases over ${Math.max(5, steps >> 1)})`);
header();
if (!browserOnly) await benchNode();
if (!nodeOnly) await benchBrowser([['wasm', steps, 1], ['wasm', steps, 2], ['webgl', 6, 1], ['webgpu', 4, 1]]);
if (!browserOnly && !flag('no-pytorch')) await benchAgainstPytorch();
process.exit(0);
