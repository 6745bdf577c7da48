/**
 * Training speed, printed as figures (never a timed test): ms per SimSiam step (batch 256, d = 3) split into its
 * phases — batch preparation, forward + backward, optimiser, BatchNorm statistics, after-step hooks (EMA,
 * prototypes), loss readback — with kernels and loss readbacks per step and snapshot ms (split into embedding and
 * metrics; and "hand-off", what a snapshot costs the training thread when the evaluation worker measures it, as the
 * lab does on wasm), per backend: in Node (wasm, cpu) and in Chromium (wasm, webgl, webgpu, in a worker as the lab trains), on
 * Fashion-MNIST's 28×28 grey images, and in Node (wasm) on Shapes & colours' 32×32 colour images (3,072 inputs). Then the engine against
 * PyTorch on one core of this machine, alternating runs (../shared/reference/pytorch/bench_simsiam.py, with
 * serial OpenBLAS and its CPU core named).
 *
 *   npm run bench:train [-- --node-only | --browser-only | --no-pytorch] [--steps 30] [--rounds 5] [--method simsiam]
 *   npm run bench:train -- --grid [--method simclr] [--rounds 3] [--steps 10]
 *   npm run bench:train -- --floor [--rounds 5]
 *
 * --grid: only the engine against PyTorch as the work grows, batch 256 and 1024 × d 3 and 128, compute alone
 * (ms/step less the batch phase; PyTorch's forward, backward and optimiser) and end to end, one thread each,
 * alternating (scripts/bench/torch_step.py).
 * --floor: only where the compute goes against PyTorch (also printed last by a full run): the step's kernels split
 * into matMuls and the rest, and the matMul throughput of both engines (scripts/bench/torch_matmul.py).
 *
 * Phases are timed on steps that wait for each phase to finish (on WebGPU/WebGL that adds stalls a plain step
 * avoids), so they add up to more than the plain ms/step there.
 */
import '@tensorflow/tfjs-backend-wasm';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { type BuiltInDatasetName, defaultConfig, type MethodName } from '../src/core/config';
import { LocalBatches } from '../src/data/batchSource';
import { loadDatasetFromDisk } from '../src/data/diskDataset';
import { prefetchedInWorkerThread } from '../src/data/nodeBatchWorker';
import { stepPhases } from '../src/train/stepProfile';
import { measureTraining, profileKernels, type TrainingMeasurement } from './bench/measureTraining';
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
  const cells = ['where', 'backend', 'ms/step', ...phaseTitles, 'kernels', 'reads/step', 'snapshot ms', 'embed', 'metrics', 'hand-off'];
  console.log(cells.map((c, i) => (i < 2 ? c.padEnd(i === 0 ? 36 : 8) : c.padStart(9))).join(' '));
}
function row(where: string, m: TrainingMeasurement): void {
  const phases = stepPhases.map((phase) => fixed(m.phases[phase]));
  const cells = [where.padEnd(36), m.backend.padEnd(8), fixed(m.msPerStep), ...phases, String(m.kernelsPerStep), fixed(m.readbacksPerStep, 2), fixed(m.snapshotMs, 0), fixed(m.snapshotEmbedMs, 0), fixed(m.snapshotMetricsMs, 0), fixed(m.snapshotHandOffMs, 1)];
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

/**
 * What a comparison with PyTorch needs — the reference script `script` and /usr/bin/python3 — with a runner for it and
 * the data on wasm; null (and a line saying so) without them.
 */
async function pytorchBeside(script: string, skipped: string) {
  if (!existsSync(script) || !existsSync('/usr/bin/python3')) {
    console.log(`${skipped} skipped (it needs ../shared/reference/pytorch and /usr/bin/python3 with torch).`);
    return null;
  }
  const data = await nodeData();
  await tf.setBackend('wasm');
  await tf.ready();
  return { run: promisify(execFile), data };
}

/** The engine's plain ms/step on one thread (augmentation inline, as PyTorch's benchmark does it) against PyTorch's, alternating. */
async function benchAgainstPytorch(): Promise<void> {
  if (method !== 'simsiam') return console.log('\nPyTorch comparison skipped (SimSiam only).');
  const beside = await pytorchBeside(PYTORCH, '\nPyTorch comparison');
  if (!beside) return;
  const { run, data } = beside;
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

/** Lab against PyTorch, batch 256/1024 × d 3/128, alternating rounds: compute alone and end to end, medians. */
async function benchGrid(gridMethod: MethodName): Promise<void> {
  // Absolute: the script moves to the reference folder, and fastblas re-runs it from there.
  const script = resolve('scripts/bench/torch_step.py');
  const beside = await pytorchBeside('../shared/reference/pytorch/train.py', 'Grid');
  if (!beside) return;
  const { run, data } = beside;
  console.log(`${gridMethod} against PyTorch, one thread each, ${rounds} alternating rounds, medians (ms/step)`);
  console.log(['batch', 'd', 'torch compute', 'lab compute', 'ratio', 'torch e2e', 'lab e2e', 'ratio'].map((c) => c.padStart(13)).join(' '));
  for (const [batch, dim] of [[256, 3], [1024, 3], [256, 128], [1024, 128]] as const) {
    const gridConfig = { ...defaultConfig(gridMethod), batch, dim };
    const torch = { compute: [] as number[], e2e: [] as number[] };
    const lab = { compute: [] as number[], e2e: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const { stdout } = await run('/usr/bin/python3', [script, gridMethod, String(batch), String(dim), String(steps)], { timeout: 600_000 });
      const [, aug, compute] = /aug_ms ([\d.]+) compute_ms ([\d.]+)/.exec(stdout)!.map(Number);
      torch.compute.push(compute!);
      torch.e2e.push(aug! + compute!);
      const m = await measureTraining(gridConfig, data, { steps, readEvery: 1, batches: (spec) => new LocalBatches(spec), snapshots: 0 });
      lab.compute.push(m.msPerStep - (m.phases.batch ?? 0));
      lab.e2e.push(m.msPerStep);
    }
    const [tc, lc, te, le] = [torch.compute, lab.compute, torch.e2e, lab.e2e].map(median) as [number, number, number, number];
    console.log([String(batch), String(dim), fixed(tc), fixed(lc), `${fixed(lc / tc, 2)}×`, fixed(te), fixed(le), `${fixed(le / te, 2)}×`].map((c) => c.padStart(13)).join(' '));
  }
}

/**
 * Where the compute goes, against PyTorch's (SimSiam, this config; wasm, one thread, batches prefetched so that
 * only the engine's kernels run): the step's kernel time (tf.profile) split into matrix products and the rest, and
 * the matMul throughput of both engines on the step's largest product (the first layer's forward, [2·batch, 784] ×
 * [784, 256] on Fashion-MNIST); alternating rounds, medians. The matMuls alone set a floor the rest of the engine cannot go under.
 */
async function benchComputeFloor(): Promise<void> {
  const beside = await pytorchBeside('../shared/reference/pytorch/train.py', '\nCompute floor');
  if (!beside) return;
  const { run, data } = beside;
  // Both views of a batch, the image's values, the encoder's first hidden width.
  const [m, k, n] = [2 * config.batch, data.train.rows * data.train.cols * data.train.channels, 256];
  const a = tf.randomNormal([m, k]) as tf.Tensor2D;
  const b = tf.randomNormal([k, n]) as tf.Tensor2D;
  const timeLabMatMul = async () => {
    const times: number[] = [];
    for (let i = 0; i < 35; i++) {
      const started = performance.now();
      const product = tf.matMul(a, b);
      await product.data();
      if (i >= 5) times.push(performance.now() - started);
      product.dispose();
    }
    return median(times);
  };
  const torch = { step: [] as number[], matMul: [] as number[] };
  const lab = { kernels: [] as number[], matMuls: [] as number[], matMul: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const step = await run('/usr/bin/python3', [resolve('scripts/bench/torch_step.py'), method, String(config.batch), String(config.dim), String(steps)], { timeout: 300_000 });
    torch.step.push(Number(/compute_ms ([\d.]+)/.exec(step.stdout)![1]));
    const product = await run('/usr/bin/python3', [resolve('scripts/bench/torch_matmul.py'), String(m), String(k), String(n)], { timeout: 300_000 });
    torch.matMul.push(Number(/matmul_ms ([\d.]+)/.exec(product.stdout)![1]));
    const kernels = await profileKernels(config, data, { steps: 10, batches: prefetchedInWorkerThread });
    lab.kernels.push(kernels.totalMs);
    lab.matMuls.push(kernels.byName.get('BatchMatMul') ?? 0);
    lab.matMul.push(await timeLabMatMul());
  }
  tf.dispose([a, b]);
  const [torchStep, torchMatMul, labKernels, labMatMuls, labMatMul] = [torch.step, torch.matMul, lab.kernels, lab.matMuls, lab.matMul].map(median) as number[];
  const gflops = (ms: number) => fixed((2 * m * k * n) / ms / 1e6);
  console.log(`\nWhere the compute goes (${method}, batch ${config.batch}, d = ${config.dim}, one thread each; ${rounds} alternating rounds, medians):`);
  console.log(`  lab wasm: kernels ${fixed(labKernels)} ms/step, of which matMul ${fixed(labMatMuls!)} ms (${fixed((100 * labMatMuls!) / labKernels!, 0)}%), the rest ${fixed(labKernels! - labMatMuls!)} ms`);
  console.log(`  PyTorch: forward, backward and Adam ${fixed(torchStep)} ms/step   (lab kernels ${fixed(labKernels! / torchStep!, 2)}×)`);
  console.log(`  matMul [${m}×${k}]·[${k}×${n}]: lab ${fixed(labMatMul, 2)} ms (${gflops(labMatMul!)} GFLOP/s), PyTorch ${fixed(torchMatMul, 2)} ms (${gflops(torchMatMul!)} GFLOP/s): ${fixed(labMatMul! / torchMatMul!, 1)}×`);
  console.log(`  floor: the lab's matMuls alone take ${fixed(labMatMuls! / torchStep!, 2)}× PyTorch's whole step`);
}

if (flag('grid')) {
  await benchGrid(option('method', 'simclr') as MethodName);
  process.exit(0);
}
if (flag('floor')) {
  await benchComputeFloor();
  process.exit(0);
}
const nodeOnly = flag('node-only');
const browserOnly = flag('browser-only');
console.log(`${method}, batch ${config.batch}, d = ${config.dim}; medians over ${steps} steps (phases over ${Math.max(5, steps >> 1)})`);
header();
if (!browserOnly) await benchNode();
if (!nodeOnly) await benchBrowser([['wasm', steps, 1], ['wasm', steps, 2], ['webgl', 6, 1], ['webgpu', 4, 1]]);
if (!browserOnly && !flag('no-pytorch')) {
  await benchAgainstPytorch();
  await benchComputeFloor();
}
process.exit(0);
