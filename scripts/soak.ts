/**
 * Memory over a long run, as figures: trains in Node (wasm) as the app's training worker does on wasm (the loss
 * read every step, a snapshot every evalEvery steps with kNN on the app's SnapshotSchedule and, for Barlow Twins
 * and VICReg, their redundancy views; a checkpoint every 50 steps) and prints tensor count, tensor bytes, wasm
 * heap and RSS every 1,000 steps. `--method` takes one method, a comma list or `all`: each trains `--steps` in
 * turn, with its own figures (`--dim 128` reads the redundancy views back at their largest). `--resets N` instead
 * builds and disposes N Trainers, a method change each (cycling through every method, Barlow Twins and VICReg
 * included), with a step and a snapshot each (kNN every 10th).
 *
 *   npm run soak -- --steps 20000 [--method simsiam | barlow-twins,vicreg | all] [--batch 256] [--dim 3]
 *   npm run soak -- --resets 200
 *
 * Flat means: after the first quarter of the reports (warm-up), max − min of each figure under 5% of its mean.
 * Each report first runs a full garbage collection, so that RSS shows what is kept, not garbage awaiting collection.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { defaultConfig, methodNames, switchMethod, type MethodName } from '../src/core/config';
import { loadDatasetFromDisk } from '../src/data/diskDataset';
import { methodCatalog } from '../src/methods/catalog';
import { readMemory } from '../src/train/memory';
import type { Snapshot } from '../src/train/snapshot';
import { SnapshotSchedule } from '../src/train/snapshotSchedule';
import { Trainer } from '../src/train/trainer';
import { CHECKPOINT_EVERY } from '../src/worker/trainingHost';
import { methodsOption, numberOption } from './lib/options';

// A full collection before each reading (the flag must be set before a context is made to expose gc in it).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const MB = 1024 * 1024;
type Row = { tensors: number; tensorMB: number; heapMB: number; rssMB: number };
let rows: Row[] = [];

function report(label: string, extra = ''): void {
  collectGarbage();
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

/** Counts snapshots and those carrying the redundancy views, and checks each method gets them exactly when it shows them. */
class RedundancyTally {
  snapshots = 0;
  withViews = 0;
  wrong: string[] = [];
  last: Snapshot['redundancy'] = null;

  add(method: MethodName, snapshot: Snapshot): void {
    this.snapshots += 1;
    if (snapshot.redundancy) {
      this.withViews += 1;
      this.last = snapshot.redundancy;
    }
    const wanted = methodCatalog[method].redundancyViews !== undefined;
    if (wanted !== (snapshot.redundancy !== null) && this.wrong.length < 5) this.wrong.push(`${method} at step ${snapshot.step}`);
  }

  line(): string {
    const { last } = this;
    const shape = last ? ` (last: C ${last.size}×${last.size}, covariance ${last.size}×${last.size}, ${last.std.length} stds)` : '';
    const wrong = this.wrong.length > 0 ? `; WRONG for ${this.wrong.join(', ')}` : '';
    return `snapshots ${this.snapshots}, with redundancy views ${this.withViews}${shape}${wrong}`;
  }
}

await tf.setBackend('wasm');
await tf.ready();
const data = { train: await loadDatasetFromDisk('fashion-mnist', 'train'), eval: await loadDatasetFromDisk('fashion-mnist', 'eval') };
const resets = numberOption('resets', 0);

if (resets > 0) {
  // Each Reset is a method change, as a student picking another method in Settings makes (switchMethod keeps the
  // shared settings): every consecutive pair differs, and every method (Barlow Twins and VICReg included) comes up.
  const tally = new RedundancyTally();
  const built = new Map<MethodName, number>();
  let config = { ...defaultConfig(methodNames[0]), batch: 64 };
  report('start');
  for (let i = 1; i <= resets; i++) {
    const method = methodNames[i % methodNames.length]!;
    config = switchMethod(config, method);
    const trainer = new Trainer(config, data);
    built.set(method, (built.get(method) ?? 0) + 1);
    // Random init is built and evaluated like the others, but takes no step.
    if (!methodCatalog[method].untrained) await trainer.trainStep();
    tally.add(method, await trainer.snapshot({ knnQueries: i % 10 === 0 ? 100 : 0 }));
    trainer.dispose();
    if (i % Math.max(1, Math.floor(resets / 20)) === 0) report(`reset ${i}`, `  (${method})`);
  }
  console.log(`method switches: ${resets} (${[...built].map(([method, count]) => `${method} ${count}`).join(', ')}); ${tally.line()}`);
  summary();
} else {
  const steps = numberOption('steps', 20000);
  const methods = methodsOption('simsiam');
  for (const method of methods) {
    rows = [];
    const views = methodCatalog[method].redundancyViews;
    const base = defaultConfig(method);
    const config = { ...base, batch: numberOption('batch', base.batch), dim: numberOption('dim', base.dim) };
    console.log(`— ${method}${views ? ` (redundancy views: ${views.join(', ')})` : ''}, ${steps} steps, batch ${config.batch}, d ${config.dim}`);
    const trainer = new Trainer(config, data);
    const schedule = new SnapshotSchedule();
    const tally = new RedundancyTally();
    // As the training worker on wasm (TrainingHost.stepOnce): the loss read every step, a snapshot when due (kNN on
    // the schedule), a checkpoint every CHECKPOINT_EVERY steps.
    tally.add(method, await trainer.snapshot({ knnQueries: schedule.knnQueriesAt(0) }));
    report('step 0');
    let windowStart = performance.now();
    while (trainer.step < steps) {
      await trainer.trainStep();
      await trainer.readLosses();
      if (schedule.snapshotDue(trainer.step, config.evalEvery)) tally.add(method, await trainer.snapshot({ knnQueries: schedule.knnQueriesAt(trainer.step) }));
      if (trainer.step % CHECKPOINT_EVERY === 0) await trainer.checkpoint();
      if (trainer.step % 1000 === 0) {
        const rate = 1000 / ((performance.now() - windowStart) / 1000);
        report(`step ${trainer.step}`, `  ${rate.toFixed(1)} steps/s`);
        windowStart = performance.now();
      }
    }
    trainer.dispose();
    console.log(`${tally.line()}; tensors left after dispose ${tf.memory().numTensors}`);
    summary();
  }
}
process.exit(0);
