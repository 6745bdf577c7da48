import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig, methodNames } from '../core/config';
import { loadDatasetFromDisk } from '../data/diskDataset';
import { methodCatalog } from '../methods/catalog';
import { useBackend } from '../testing/tfBackend';
import { blockConstantCount } from '../ssl/blocks';
import type { TrainingData } from '../data/datasetFormat';
import { Trainer } from './trainer';

let data: TrainingData;
beforeAll(async () => {
  data = { train: await loadDatasetFromDisk('fashion-mnist', 'train'), eval: await loadDatasetFromDisk('fashion-mnist', 'eval') };
});

async function losses(config: ExperimentConfig, steps: number): Promise<number[]> {
  const trainer = new Trainer(config, data);
  for (let i = 0; i < steps; i++) await trainer.trainStep();
  const out = await trainer.readLosses();
  trainer.dispose();
  return out;
}

describe('Trainer', () => {
  it('reproduces the same losses for the same seed on the cpu backend, and others for another seed', async () => {
    await useBackend('cpu');
    const config = { ...defaultConfig(), batch: 32, seed: 3 };
    const first = await losses(config, 4);
    const again = await losses(config, 4);
    const otherSeed = await losses({ ...config, seed: 4 }, 4);
    expect(again).toEqual(first);
    expect(otherSeed).not.toEqual(first);
  });

  it('keeps the tensor count flat across 300 steps with snapshots and kNN evaluations', async () => {
    await useBackend('wasm');
    const trainer = new Trainer({ ...defaultConfig(), batch: 16 }, data);
    await trainer.trainStep();
    const measured = await trainer.snapshot({ knnQueries: 50 });
    // The linear probes run with kNN, on the same bank and queries, and their cost is kept apart.
    for (const accuracy of [measured.knnZ, measured.knnH, measured.linearZ, measured.linearH]) {
      expect(accuracy).toBeGreaterThanOrEqual(0);
      expect(accuracy).toBeLessThanOrEqual(1);
    }
    expect(measured.probeMs).toBeGreaterThan(0);
    expect(measured.metricsMs).toBeGreaterThan(measured.probeMs!);
    const baseline = tf.memory().numTensors;
    for (let i = 1; i < 300; i++) {
      await trainer.trainStep();
      if (i % 50 === 0) await trainer.snapshot({ knnQueries: 50 });
      else if (i % 10 === 0) {
        const plain = await trainer.snapshot();
        expect([plain.linearZ, plain.linearH, plain.probeMs]).toEqual([null, null, null]);
      }
    }
    await trainer.readLosses();
    expect(tf.memory().numTensors).toBe(baseline);
    trainer.dispose();
  });

  it('frees every tensor it made when disposed, over 20 create/train/dispose cycles through every method', async () => {
    await useBackend('wasm');
    // The blocks' few fixed matrices (one set per batch size) are kept for the process, not per Trainer.
    const held = () => tf.memory().numTensors - blockConstantCount();
    const before = held();
    for (let cycle = 0; cycle < 20; cycle++) {
      const method = methodNames[cycle % methodNames.length]!;
      const firstOfMethod = cycle < methodNames.length;
      const trainer = new Trainer({ ...defaultConfig(method), batch: 16, showTrain: firstOfMethod }, data);
      // Random init refuses a step: the refusal leaves nothing behind either.
      const step = () => (methodCatalog[method].untrained ? expect(trainer.trainStep()).rejects.toThrow(/trains nothing/) : trainer.trainStep());
      await step();
      await trainer.snapshot({ knnQueries: firstOfMethod ? 20 : 0 });
      const during = tf.memory().numTensors;
      await step();
      await trainer.snapshot({ knnQueries: firstOfMethod ? 20 : 0 });
      expect(tf.memory().numTensors, `${method}: a step and a snapshot leave nothing behind`).toBe(during);
      trainer.dispose();
      expect(held(), `${method}: dispose frees everything`).toBe(before);
    }
  });

  it.each(['byol', 'swav', 'supervised'] as const)('%s resumed from a checkpoint takes exactly the steps the original run takes', async (method) => {
    await useBackend('wasm');
    const config = { ...defaultConfig(method), batch: 32, seed: 5 };
    const original = new Trainer(config, data);
    for (let i = 0; i < 12; i++) await original.trainStep();
    const straight = await original.readLosses();
    const finalParams = (await original.checkpoint()).params;
    original.dispose();

    const first = new Trainer(config, data);
    for (let i = 0; i < 6; i++) await first.trainStep();
    const before = await first.readLosses();
    const checkpoint = await first.checkpoint();
    first.dispose();
    const resumed = new Trainer(config, data);
    resumed.restore(checkpoint);
    expect(resumed.step).toBe(6);
    for (let i = 0; i < 6; i++) await resumed.trainStep();
    expect([...before, ...(await resumed.readLosses())]).toEqual(straight);
    expect((await resumed.checkpoint()).params).toEqual(finalParams);
    resumed.dispose();
  });

  it('refuses a checkpoint of other settings', async () => {
    await useBackend('wasm');
    const trainer = new Trainer({ ...defaultConfig(), batch: 16 }, data);
    const checkpoint = await trainer.checkpoint();
    trainer.dispose();
    const other = new Trainer({ ...defaultConfig(), batch: 16, dim: 8 }, data);
    expect(() => other.restore(checkpoint)).toThrow(/does not fit/);
    other.dispose();
  });

  it('snapshots the 2,000 evaluation images as unit vectors with a calibrated step-0 spread', async () => {
    await useBackend('wasm');
    const trainer = new Trainer({ ...defaultConfig(), dim: 3 }, data);
    const snapshot = await trainer.snapshot();
    expect(snapshot.step).toBe(0);
    expect(snapshot.embeddings.length).toBe(2000 * 3);
    expect(snapshot.labels.length).toBe(2000);
    for (let i = 0; i < 2000; i += 97) {
      const [x, y, z] = snapshot.embeddings.subarray(i * 3, i * 3 + 3);
      expect(Math.hypot(x!, y!, z!)).toBeCloseTo(1, 4);
    }
    // The reference reads ≈ 0.72 × 1/√d at step 0 once BatchNorm is calibrated (uncalibrated: 0.18–0.31).
    expect(snapshot.collapseStd * Math.sqrt(3)).toBeGreaterThan(0.55);
    // The alignment histogram: 40 shares of the 2,000 positive pairs, its mean (from the bin centres) within half a
    // bin of the alignment it breaks down.
    const shares = snapshot.pairDistances!;
    expect(shares).toHaveLength(40);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
    for (const share of shares) expect(share * 2000).toBeCloseTo(Math.round(share * 2000), 6);
    const mean = shares.reduce((sum, share, bin) => sum + share * (bin + 0.5) * 0.1, 0);
    expect(Math.abs(mean - snapshot.alignment)).toBeLessThanOrEqual(0.05);
    trainer.dispose();
  });

  it('applies live switches without a restart and asks for one for structural changes', async () => {
    await useBackend('wasm');
    const config = { ...defaultConfig(), batch: 16 };
    const trainer = new Trainer(config, data);
    expect(trainer.updateConfig({ ...config, stopGrad: false })).toBe(true);
    expect(trainer.config.stopGrad).toBe(false);
    expect(trainer.updateConfig({ ...config, stopGrad: false, dim: 8 })).toBe(false);
    trainer.dispose();
  });
});
