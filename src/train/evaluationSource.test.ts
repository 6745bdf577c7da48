import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../core/config';
import type { TrainingData } from '../data/datasetFormat';
import { fashionMnist } from '../testing/behaviour';
import { useBackend } from '../testing/tfBackend';
import { type EvaluationWorkerPort, type FromEvaluationWorker, RemoteEvaluation, startEvaluationWorker } from './evaluationSource';
import { startNodeEvaluationWorker } from './nodeEvaluationWorker';
import type { Snapshot } from './snapshot';
import { Evaluator, Trainer } from './trainer';

let data: TrainingData;
const port = startNodeEvaluationWorker();
beforeAll(async () => {
  await useBackend('wasm');
  data = await fashionMnist();
});
afterAll(() => port.terminate());

/** Everything a snapshot measures (timings aside). */
function measured(snapshot: Snapshot) {
  const { evalMs, metricsMs, probeMs, ...figures } = snapshot;
  expect([evalMs, metricsMs]).toEqual([expect.any(Number), expect.any(Number)]);
  return { ...figures, probeMs: probeMs === null ? null : 'measured' };
}

describe('snapshots measured in an evaluation worker', () => {
  it('are the Trainer’s own snapshots: the same figures, points and kNN/probe scores from the weights alone', async () => {
    // A method with BatchNorm and a predictor; live augmentation settings changed mid-run; the training points shown.
    const config: ExperimentConfig = { ...defaultConfig('simsiam'), batch: 32, seed: 5, showTrain: true };
    const trainer = new Trainer(config, data);
    for (let i = 0; i < 3; i++) await trainer.trainStep();
    expect(trainer.updateConfig({ ...config, cropMinArea: 0.5 })).toBe(true);
    await trainer.trainStep();
    const remote = new RemoteEvaluation(port, config, data);
    const options = { knnQueries: 100, linearProbe: true };
    const state = await trainer.evaluationState();
    expect(state.config.cropMinArea).toBe(0.5);
    const { measured: elsewhere } = await remote.request(state, options);
    // The Trainer's snapshot of the same step (its loss window was closed by the state above: loss null).
    const here = await trainer.snapshot(options);
    const there = (await elsewhere).snapshot;
    expect(there.step).toBe(4);
    expect(state.loss).toBeGreaterThan(-10);
    expect(measured({ ...there, loss: null })).toEqual(measured(here));
    expect(there.knnZ).not.toBeNull();
    expect(there.embeddings.length).toBe((data.eval.count + data.train.count) * config.dim);
    remote.dispose();
    trainer.dispose();
  });

  it('come back in the order asked, and a worker that fails leaves them measured here, with the same figures', async () => {
    const config: ExperimentConfig = { ...defaultConfig('simclr'), batch: 32, seed: 6 };
    const trainer = new Trainer(config, data);
    // A port whose worker fails at the second measurement: it says so, as a dead worker's port does.
    let measurements = 0;
    let listener: ((message: FromEvaluationWorker) => void) | null = null;
    const failing: EvaluationWorkerPort = {
      post: (message, transfer) => {
        if (message.type === 'measure' && ++measurements === 2) queueMicrotask(() => listener?.({ type: 'error', run: null, message: 'gone' }));
        else port.post(message, transfer);
      },
      listen: (next) => {
        listener = next;
        port.listen(next);
      },
      terminate: () => undefined,
    };
    const remote = new RemoteEvaluation(failing, config, data);
    const asked: Promise<Snapshot>[] = [];
    const here: Snapshot[] = [];
    for (let i = 0; i < 4; i++) {
      await trainer.trainStep();
      const options = { knnQueries: 0, linearProbe: false };
      const { measured } = await remote.request(await trainer.evaluationState(), options);
      asked.push(measured.then((m) => m.snapshot));
      here.push(await trainer.snapshot(options));
    }
    await remote.settled();
    expect(remote.workerFailed).toBe(true);
    const snapshots = await Promise.all(asked);
    expect(snapshots.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    // The first measured by the worker, the others here after it failed: each the Trainer's own figures.
    snapshots.forEach((snapshot, i) => expect(measured({ ...snapshot, loss: null })).toEqual(measured(here[i]!)));
    remote.dispose();
    trainer.dispose();
  });

  it('an Evaluator keeps the tensor count flat over snapshots with kNN and runs replaced, and frees all it made', async () => {
    const config: ExperimentConfig = { ...defaultConfig('byol'), batch: 16, seed: 7 };
    const trainer = new Trainer(config, data);
    await trainer.trainStep();
    const state = await trainer.evaluationState();
    const baseline = tf.memory().numTensors;
    let afterFirst = 0;
    // Each run's Evaluator replaces the previous one's, as the worker does on every Reset.
    for (let run = 0; run < 3; run++) {
      const evaluator = new Evaluator(config, data);
      evaluator.prepare(config, true);
      for (let i = 0; i < 4; i++) await evaluator.snapshot(state, { knnQueries: i % 2 === 0 ? 50 : 0, linearProbe: true }, () => undefined);
      if (run === 0) afterFirst = tf.memory().numTensors;
      else expect(tf.memory().numTensors).toBe(afterFirst);
      evaluator.dispose();
      expect(tf.memory().numTensors).toBe(baseline);
    }
    trainer.dispose();
  });

  it('a worker whose backend cannot start answers every message with its own failure (the training thread then measures)', async () => {
    const config: ExperimentConfig = { ...defaultConfig('simsiam'), batch: 16 };
    const replies: FromEvaluationWorker[] = [];
    let replied: () => void = () => undefined;
    const handle = startEvaluationWorker((message) => {
      replies.push(message);
      if (replies.length === 2) replied();
    }, 'no-such-backend');
    const both = new Promise<void>((resolve) => (replied = resolve));
    handle({ type: 'run', run: 1, config, data });
    handle({ type: 'releaseKnnBank', run: 1 });
    await both;
    expect(replies).toEqual([expect.objectContaining({ type: 'error', run: null }), expect.objectContaining({ type: 'error', run: null })]);
    expect(tf.getBackend()).toBe('wasm');
  });
});
