/**
 * Memory over a long run, as figures: trains in Node (wasm) with the app's own snapshot and kNN schedule and
 * prints tensor count, tensor bytes, wasm heap and RSS every 1,000 steps; `--resets N` instead builds and
 * disposes N Trainers (a Reset or a method change each), cycling through the methods.
 *
 *   npm run soak -- --steps 20000 [--method simsiam] [--batch 256]
 *   npm run soak -- --resets 200
 *
 * Flat means: after the first quarter of the reports (warm-up), max − min of each figure under 5% of its mean.
 */
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { defaultConfig, methodNames, type MethodName } from '../src/core/config';
import { loadDatasetFromDisk } from '../src/data/diskDataset';
import { readMemory } from '../src/train/memory';
import { SnapshotSchedule } from '../src/train/snapshotSchedule';
import { Trainer } from '../src/train/trainer';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const MB = 1024 * 1024;
const rows: { tensors: number; tensorMB: number; heapMB: number; rssMB: number }[] = [];

function report(label: string, extra = ''): void {
  const memory = readMemory();
  const row = { tensors: memory.tensors, tensorMB: memory.tensorBytes / MB, heapMB: (memory.wasmHeapBytes ?? 0) / MB, rssMB: process.memoryUsage().rss / MB };
  rows.push(row);
  console.log(
    `${label.padStart(12)}  tensors ${String(row.tensors).padStart(5)}  tensor MB ${row.tensorMB.toFixed(1).padStart(7)}  ` +
      `wasm heap MB ${row.heapMB.toFixed(0).padStart(5)}  RSS MB ${row.rssMB.toFixed(0).padStart(5)}${extra}`,
  );
}

function summary(): void {
  const settled = rows.slice(Math.max(1, Math.floor(rows.length / 4)));
  if (settled.length < 2) return;
  for (const key of ['tensors', 'tensorMB', 'heapMB', 'rssMB'] as const) {
    const values = settled.map((row) => row[key]);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const spread = Math.max(...values) - Math.min(...values);
    const share = mean > 0 ? (100 * spread) / mean : 0;
    console.log(`${key.padEnd(9)} after warm-up: min ${Math.min(...values).toFixed(1)}  max ${Math.max(...values).toFixed(1)}  spread ${share.toFixed(1)}% of mean ${share < 5 ? '(flat)' : '(NOT flat)'}`);
  }
}

await tf.setBackend('wasm');
await tf.ready();
const data = { train: await loadDatasetFromDisk('fashion-mnist', 'train'), eval: await loadDatasetFromDisk('fashion-mnist', 'eval') };
const resets = Number(flag('resets', '0'));

if (resets > 0) {
  report('start');
  for (let i = 1; i <= resets; i++) {
    const method = methodNames[i % methodNames.length] as MethodName;
    const trainer = new Trainer({ ...defaultConfig(method), batch: 64 }, data);
    await trainer.trainStep();
    await trainer.snapshot({ knnQueries: i % 10 === 0 ? 100 : 0 });
    trainer.dispose();
    if (i % Math.max(1, Math.floor(resets / 20)) === 0) report(`reset ${i}`);
  }
} else {
  const steps = Number(flag('steps', '20000'));
  const config = { ...defaultConfig(flag('method', 'simsiam') as MethodName), batch: Number(flag('batch', '256')) };
  const trainer = new Trainer(config, data);
  const schedule = new SnapshotSchedule();
  await trainer.snapshot({ knnQueries: schedule.knnQueriesAt(0) });
  report('step 0');
  let windowStart = performance.now();
  while (trainer.step < steps) {
    await trainer.trainStep();
    if (schedule.snapshotDue(trainer.step, config.evalEvery)) await trainer.snapshot({ knnQueries: schedule.knnQueriesAt(trainer.step) });
    if (trainer.step % 1000 === 0) {
      const rate = 1000 / ((performance.now() - windowStart) / 1000);
      report(`step ${trainer.step}`, `  ${rate.toFixed(1)} steps/s`);
      windowStart = performance.now();
    }
  }
  trainer.dispose();
}
summary();
process.exit(0);
