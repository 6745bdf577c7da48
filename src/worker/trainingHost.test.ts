import { beforeAll, describe, expect, it } from 'vitest';
import { configKeys, defaultConfig, type ExperimentConfig, liveKeys } from '../core/config';
import { Rng } from '../core/rng';
import type { BatchSpec } from '../data/batchPlan';
import { type BatchSource, LocalBatches } from '../data/batchSource';
import { fashionMnist } from '../testing/behaviour';
import { useBackend } from '../testing/tfBackend';
import { noGpu, selectBackend } from '../train/backend';
import type { Checkpoint } from '../train/checkpoint';
import type { TrainingData } from '../data/datasetFormat';
import type { EvaluationWorkerPort, FromEvaluationWorker } from '../train/evaluationSource';
import { startNodeEvaluationWorker } from '../train/nodeEvaluationWorker';
import type { Command, FromWorker, Snapshot } from './protocol';
import { type HostEnvironment, TrainingHost } from './trainingHost';

beforeAll(() => useBackend('wasm'));

/** Resolves once `condition` holds, looking again after every turn of the event loop (up to `ms`). */
async function until(condition: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A host on wasm, its messages recorded (and shown to `watch`, as they come). */
function harness(overrides: Partial<HostEnvironment> = {}, watch: (message: FromWorker) => void = () => {}) {
  const messages: FromWorker[] = [];
  const env: HostEnvironment = {
    post: (message) => {
      watch(message);
      messages.push(message);
    },
    loadData: () => fashionMnist(),
    startBackend: ({ forced }) => selectBackend(forced ?? 'wasm', noGpu),
    fallbackBackend: () => selectBackend('cpu', noGpu),
    yieldToMessages: () => new Promise((resolve) => setImmediate(resolve)),
    ...overrides,
  };
  const host = new TrainingHost(env);
  let seq = 0;
  const send = (command: Command) => host.handle({ ...command, seq: ++seq });
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const lastState = () => of('state').at(-1);
  const steps = () => of('progress').map((m) => m.step);
  /** The snapshots as the page keeps them: a repeat of a step takes its place (a kNN snapshot shows first without kNN). */
  const snapshots = () => of('snapshot').reduce<Snapshot[]>((kept, { snapshot }) => [...kept.filter((s) => s.step !== snapshot.step), snapshot], []);
  /** The state reports confirming command `n`, and where each stands among all messages. */
  const confirmationsOf = (n: number) => of('state').filter((m) => m.seq === n).map((m) => ({ ...m, at: messages.indexOf(m) }));
  return { host, messages, send, of, lastState, steps, snapshots, confirmationsOf, seq: () => seq };
}

const quick: ExperimentConfig = { ...defaultConfig('simsiam'), batch: 16, evalEvery: 1000 };

async function ready(h: ReturnType<typeof harness>, config = quick, resume: Checkpoint | null = null): Promise<void> {
  await h.send({ type: 'init', config, backend: { forced: 'wasm', threads: null }, dataUrl: '', resume });
  expect(h.of('ready')).toHaveLength(1);
}

describe('TrainingHost', () => {
  it('confirms a start at once and a pause once the step in flight is done; no step follows a pause', async () => {
    const h = harness();
    await ready(h);
    await h.send({ type: 'start' });
    expect(h.lastState()).toMatchObject({ running: true, seq: 2 });
    await until(() => h.steps().length >= 3);
    await h.send({ type: 'pause' });
    await until(() => h.lastState()!.running === false);
    const pausedAt = h.lastState()!.step;
    expect(h.lastState()!.seq).toBe(3);
    expect(h.steps().at(-1)).toBe(pausedAt);
    // The step the pause stopped at is shown.
    expect(h.snapshots().at(-1)!.step).toBe(pausedAt);
    await h.send({ type: 'preview', count: 2 });
    expect(h.steps().at(-1)).toBe(pausedAt);
    h.host.dispose();
  });

  it('confirms a Start behind a queued Reset once the new model trains, at step 0', async () => {
    const h = harness();
    await ready(h);
    await h.send({ type: 'step' });
    const reset = h.send({ type: 'reset', config: quick });
    const resetSeq = h.seq();
    const start = h.send({ type: 'start' });
    await Promise.all([reset, start]);
    const [confirmation] = h.confirmationsOf(h.seq());
    expect(confirmation).toMatchObject({ running: true, step: 0 });
    expect(confirmation!.at).toBeGreaterThan(h.messages.indexOf(h.of('ready')[1]!));
    // No report from the Reset on names the old model's step.
    expect(h.of('state').filter((m) => m.seq >= resetSeq).every((m) => m.step === 0)).toBe(true);
    await h.send({ type: 'pause' });
    h.host.dispose();
  });

  it('keeps a Start sent while a rebuild waits for its data, and trains once the data is there', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = harness({
      loadData: async (name) => {
        if (name === 'mnist') await gate;
        return fashionMnist();
      },
    });
    await ready(h);
    const change = h.send({ type: 'config', config: { ...quick, dataset: 'mnist' } });
    const start = h.send({ type: 'start' });
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(h.confirmationsOf(h.seq())).toEqual([]);
    release();
    await Promise.all([change, start]);
    expect(h.confirmationsOf(h.seq())).toMatchObject([{ running: true, step: 0 }]);
    await until(() => h.steps().length >= 2);
    await h.send({ type: 'pause' });
    h.host.dispose();
  });

  it('takes no step for a Start that a Pause overtook in the queue', async () => {
    const h = harness();
    await ready(h);
    await h.send({ type: 'step' });
    const reset = h.send({ type: 'reset', config: quick });
    const resetSeq = h.seq();
    const start = h.send({ type: 'start' });
    const pause = h.send({ type: 'pause' });
    await Promise.all([reset, start, pause]);
    expect(h.lastState()).toMatchObject({ running: false, step: 0, seq: h.seq() });
    expect(h.of('state').filter((m) => m.seq >= resetSeq).every((m) => m.step === 0 && !m.running)).toBe(true);
    await h.send({ type: 'preview', count: 1 });
    expect(h.steps()).toEqual([1]);
    h.host.dispose();
  });

  it('confirms live settings and a Reset each with their own number, after their effect', async () => {
    const h = harness();
    await ready(h);
    await h.send({ type: 'step' });
    await h.send({ type: 'config', config: { ...quick, stopGrad: false } });
    expect(h.confirmationsOf(h.seq())).toMatchObject([{ running: false, step: 1 }]);
    // Behind a step in flight, a Step and a live change that a Reset overtakes are moot: it alone is confirmed,
    // with its new model, never with a figure of the old one.
    const step = h.send({ type: 'step' });
    const live = h.send({ type: 'config', config: { ...quick, stopGrad: true } });
    const reset = h.send({ type: 'reset', config: quick });
    await Promise.all([step, live, reset]);
    expect(h.confirmationsOf(h.seq() - 1)).toEqual([]);
    const [resetConfirmation] = h.confirmationsOf(h.seq());
    expect(resetConfirmation).toMatchObject({ running: false, step: 0 });
    expect(resetConfirmation!.at).toBeGreaterThan(h.messages.indexOf(h.of('ready')[1]!));
    expect(h.steps()).toEqual([1]);
    h.host.dispose();
  });

  it('confirms a pause sent behind a Reset only once the Reset has rebuilt the model', async () => {
    const h = harness();
    await ready(h);
    await h.send({ type: 'step' });
    const reset = h.send({ type: 'reset', config: quick });
    await h.send({ type: 'pause' });
    // The pause's state report names both commands: by then the Reset has shown its model at step 0.
    expect(h.lastState()).toMatchObject({ running: false, step: 0, seq: h.seq() });
    expect(h.of('ready')).toHaveLength(2);
    await reset;
    h.host.dispose();
  });

  it('survives fifty quick Start/Pause pairs: one loop, no step after the last pause, the last state paused', async () => {
    const h = harness();
    await ready(h);
    for (let i = 0; i < 50; i++) {
      void h.send({ type: 'start' });
      void h.send({ type: 'pause' });
    }
    await until(() => h.lastState()!.seq === h.seq() && h.lastState()!.running === false);
    const settled = h.steps().length;
    const step = h.lastState()!.step;
    // Steps only ever count up by one: never two loops stepping at once.
    h.steps().forEach((s, i) => expect(s).toBe(i + 1));
    await h.send({ type: 'preview', count: 1 });
    expect(h.steps()).toHaveLength(settled);
    expect(step).toBe(settled);
    h.host.dispose();
  });

  it('skips queued Resets and settings changes that a later one supersedes', async () => {
    const h = harness();
    await ready(h);
    const resets = Array.from({ length: 10 }, () => h.send({ type: 'reset', config: quick }));
    await Promise.all(resets);
    expect(h.of('ready')).toHaveLength(2);
    const byol = { ...quick, method: 'byol' as const };
    const changes = [byol, quick, byol, { ...byol, stopGrad: false }].map((config) => h.send({ type: 'config', config }));
    await Promise.all(changes);
    expect(h.of('ready')).toHaveLength(3);
    expect(h.of('ready').at(-1)!.config).toEqual({ ...byol, stopGrad: false });
    // A settings change and then a Reset: one rebuild, with the Reset's settings.
    void h.send({ type: 'config', config: { ...byol, stopGrad: true } });
    await h.send({ type: 'reset', config: { ...byol, stopGrad: true } });
    expect(h.of('ready')).toHaveLength(4);
    h.host.dispose();
  });

  it('takes 80 random commands without a stuck queue, and ends in the last settings, paused', async () => {
    const h = harness();
    await ready(h);
    const rng = new Rng(2026);
    let config = quick;
    const handled: Promise<void>[] = [];
    for (let i = 0; i < 80; i++) {
      const pick = rng.int(5);
      if (pick === 0) handled.push(h.send({ type: rng.bernoulli(0.5) ? 'start' : 'pause' }));
      if (pick === 1) handled.push(h.send({ type: 'step' }));
      if (pick === 2) handled.push(h.send({ type: 'reset', config }));
      if (pick === 3) {
        config = { ...config, stopGrad: !config.stopGrad };
        handled.push(h.send({ type: 'config', config }));
      }
      if (pick === 4) {
        config = { ...defaultConfig(rng.bernoulli(0.5) ? 'simsiam' : 'byol'), batch: 16, evalEvery: 1000 };
        handled.push(h.send({ type: 'config', config }));
      }
      // Now and then the event loop turns, as between a user's clicks.
      if (rng.bernoulli(0.3)) await new Promise((resolve) => setImmediate(resolve));
    }
    await h.send({ type: 'pause' });
    await Promise.all(handled);
    await until(() => h.lastState()!.seq === h.seq() && h.lastState()!.running === false);
    expect(h.of('ready').at(-1)!.config).toEqual(config);
    const settled = h.steps().length;
    await h.send({ type: 'preview', count: 1 });
    expect(h.steps()).toHaveLength(settled);
    h.host.dispose();
  });

  it('takes 200 random commands, each confirmation what a page that sent them should believe', async () => {
    // The page: it waits for its latest command's confirmation, ignoring older ones (trainingClient.ts).
    const sent: Command[] = [];
    let awaited = 2;
    let acceptedPaused = true;
    let commandSinceAccepted = false;
    const problems: string[] = [];
    // What the commands up to each one, applied in order, leave: running, and the step where it is exact.
    const model: { running: boolean; step: number | null }[] = [];
    let running = false;
    let step: number | null = 0;
    let config = quick;
    const h = harness({}, (message) => {
      if (message.type === 'progress' && acceptedPaused && !commandSinceAccepted) problems.push(`step ${message.step} after a confirmed pause`);
      if (message.type === 'state' && message.seq >= awaited) {
        // Command 1 is the init (the model at step 0, paused); the commands below begin at 2.
        const expected = model[message.seq - 2];
        if (!expected) problems.push(`a report of command ${message.seq}, never sent`);
        else {
          if (message.running !== expected.running) problems.push(`command ${message.seq} (${sent[message.seq - 2]!.type}): running ${message.running}`);
          if (expected.step !== null && message.step !== expected.step) problems.push(`command ${message.seq}: step ${message.step}, expected ${expected.step}`);
        }
        acceptedPaused = !message.running;
        commandSinceAccepted = false;
      }
    });
    await ready(h);
    const send = (command: Command) => {
      sent.push(command);
      if (command.type === 'start') [running, step] = [true, null];
      if (command.type === 'pause') running = false;
      if (command.type === 'step') [running, step] = [false, step === null ? null : step + 1];
      if (command.type === 'reset') [running, step, config] = [false, 0, command.config];
      if (command.type === 'config') {
        const rebuilds = configKeys.some((key) => command.config[key] !== config[key] && !liveKeys.has(key));
        if (rebuilds) [running, step] = [false, 0];
        config = command.config;
      }
      model.push({ running, step });
      awaited = h.seq() + 1;
      commandSinceAccepted = true;
      return h.send(command);
    };
    const rng = new Rng(18);
    const handled: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      const pick = rng.int(6);
      if (pick <= 1) handled.push(send({ type: pick === 0 ? 'start' : 'pause' }));
      if (pick === 2) handled.push(send({ type: 'step' }));
      if (pick === 3) handled.push(send({ type: 'reset', config }));
      if (pick === 4) handled.push(send({ type: 'config', config: { ...config, stopGrad: !config.stopGrad } }));
      if (pick === 5) handled.push(send({ type: 'config', config: { ...defaultConfig(rng.bernoulli(0.5) ? 'simsiam' : 'byol'), batch: 16, evalEvery: 1000 } }));
      // Now and then the event loop turns, as between a user's clicks.
      if (rng.bernoulli(0.4)) await new Promise((resolve) => setImmediate(resolve));
    }
    handled.push(send({ type: 'pause' }));
    await Promise.all(handled);
    await until(() => h.lastState()!.seq === h.seq());
    expect(problems).toEqual([]);
    expect(h.lastState()!.running).toBe(false);
    const settled = h.steps().length;
    await h.send({ type: 'preview', count: 1 });
    expect(h.steps()).toHaveLength(settled);
    h.host.dispose();
  });

  it('skips the linear probe on a GPU backend running on a software adapter (kNN still measured)', async () => {
    const h = harness({ startBackend: async () => ({ ...(await selectBackend('wasm', noGpu)), software: true }) });
    await ready(h);
    expect(h.snapshots()[0]!).toMatchObject({ linearZ: null, linearH: null, knnZ: expect.any(Number) });
    h.host.dispose();
  });

  it('takes exactly one step per Step, with its snapshot, while paused', async () => {
    const h = harness();
    await ready(h);
    await h.send({ type: 'step' });
    await h.send({ type: 'step' });
    expect(h.steps()).toEqual([1, 2]);
    expect(h.snapshots().map((s) => s.step)).toEqual([0, 1, 2]);
    expect(h.lastState()).toMatchObject({ running: false, step: 2, seq: 3 });
    h.host.dispose();
  });

  it('applies live settings in place and rebuilds for the others; Reset starts again at step 0', async () => {
    const h = harness();
    await ready(h);
    await h.send({ type: 'step' });
    await h.send({ type: 'config', config: { ...quick, stopGrad: false } });
    expect(h.of('ready')).toHaveLength(1);
    // Every command that concerns the run is answered with where it stands, a live change too.
    expect(h.lastState()!.seq).toBe(h.seq());
    await h.send({ type: 'step' });
    expect(h.steps().at(-1)).toBe(2);
    await h.send({ type: 'config', config: { ...quick, stopGrad: false, dim: 8 } });
    expect(h.of('ready')).toHaveLength(2);
    expect(h.snapshots().at(-1)!).toMatchObject({ step: 0, dim: 8 });
    await h.send({ type: 'step' });
    await h.send({ type: 'reset', config: quick });
    expect(h.of('ready').at(-1)).toMatchObject({ step: 0, config: quick });
    expect(h.lastState()).toMatchObject({ running: false, step: 0 });
    h.host.dispose();
  });

  it('stops on a diverged loss with a plain message, and a later Start takes no step', async () => {
    // Images with an infinite pixel: the loss is NaN from the first step.
    const poisoned = (spec: BatchSpec): BatchSource => {
      const local = new LocalBatches(spec);
      return { take: async (step, augment) => ({ ...(await local.take(step, augment)), views: new Float32Array(2 * spec.batch * 784).fill(Infinity) }), dispose: () => {} };
    };
    const h = harness({ batches: poisoned });
    await ready(h);
    await h.send({ type: 'start' });
    await until(() => h.of('error').length > 0);
    expect(h.of('error')[0]).toMatchObject({ kind: 'nan', message: expect.stringMatching(/(loss became NaN at step 1|weights became non-finite by step 1): training diverged/) });
    await until(() => h.lastState()!.running === false);
    const stepsSoFar = h.steps().length;
    await h.send({ type: 'start' });
    await until(() => h.lastState()!.running === false && h.lastState()!.seq === h.seq());
    expect(h.steps()).toHaveLength(stepsSoFar);
    h.host.dispose();
  });

  it('falls back to another backend when a step fails, restarting the run', async () => {
    let built = 0;
    const failingFirst = (spec: BatchSpec): BatchSource =>
      built++ === 0 ? { take: () => Promise.reject(new Error('the device was lost')), dispose: () => {} } : new LocalBatches(spec);
    const h = harness({ batches: failingFirst });
    await ready(h);
    await h.send({ type: 'step' });
    expect(h.of('error')[0]).toMatchObject({ kind: 'backend', message: expect.stringContaining('The wasm backend failed (the device was lost). Switched to cpu') });
    expect(h.of('ready').at(-1)).toMatchObject({ step: 0, backend: { name: 'cpu' } });
    h.host.dispose();
    await useBackend('wasm');
  });

  it('resumes from a checkpoint it sent: the same step, the same next losses', async () => {
    const config = { ...quick, evalEvery: 10 };
    const first = harness();
    await ready(first, config);
    await first.send({ type: 'start' });
    await until(() => first.of('checkpoint').length > 0 && first.steps().length >= 53);
    await first.send({ type: 'pause' });
    await until(() => first.lastState()!.running === false);
    const checkpoint = first.of('checkpoint')[0]!.checkpoint;
    expect(checkpoint.step).toBe(50);
    const lossAt = (h: ReturnType<typeof harness>, step: number) => h.of('progress').find((m) => m.step === step)!.loss;
    first.host.dispose();

    const second = harness();
    await ready(second, config, checkpoint);
    expect(second.of('ready')[0]!.step).toBe(50);
    for (let i = 0; i < 3; i++) await second.send({ type: 'step' });
    expect(second.steps()).toEqual([51, 52, 53]);
    for (const step of [51, 52, 53]) expect(lossAt(second, step)).toBe(lossAt(first, step));
    second.host.dispose();
  });

  it('past its memory budget stops kNN, frees its bank and says so', async () => {
    const h = harness({ memoryBudget: 1 });
    await ready(h);
    expect(h.of('notice')[0]!.message).toMatch(/Memory is running short.*kNN/);
    for (let i = 0; i < 3; i++) await h.send({ type: 'step' });
    expect(h.snapshots().slice(1).every((s) => s.knnZ === null)).toBe(true);
    expect(h.of('notice')).toHaveLength(1);
    h.host.dispose();
  });

  /** The first images of Fashion-MNIST as a folder of unlabelled images would arrive: one class, dataset 'own'. */
  async function unlabelledImages(): Promise<TrainingData> {
    const { train, eval: held } = await fashionMnist();
    const part = (ds: typeof train, count: number) => ({
      ...ds,
      name: 'own',
      count,
      classNames: ['images'],
      labels: new Uint8Array(count),
      pixels: ds.pixels.slice(0, count * ds.rows * ds.cols),
    });
    return { train: part(train, 200), eval: part(held, 50) };
  }

  it("trains on the page's own images, without kNN when they have no labels", async () => {
    const h = harness();
    const images = await unlabelledImages();
    await h.host.handle({ type: 'ownImages', data: images, seq: 0 });
    await ready(h, { ...quick, dataset: 'own' });
    expect(h.of('ready')[0]).toMatchObject({ classNames: ['images'], evalCount: 50 });
    // The first snapshot measures kNN on labelled data; with a single class there is nothing to measure.
    expect(h.snapshots()[0]!.knnZ).toBeNull();
    await h.send({ type: 'step' });
    expect(h.of('progress').at(-1)!.step).toBe(1);
    h.host.dispose();
  });

  it('builds no Supervised run on unlabelled own images, and says why', async () => {
    const h = harness();
    await h.host.handle({ type: 'ownImages', data: await unlabelledImages(), seq: 0 });
    await h.send({ type: 'init', config: { ...defaultConfig('supervised'), batch: 16, dataset: 'own' }, backend: { forced: 'wasm', threads: null }, dataUrl: '', resume: null });
    expect(h.of('ready')).toHaveLength(0);
    expect(h.of('error')).toEqual([{ type: 'error', kind: 'dataset', message: expect.stringContaining('needs labelled images') }]);
    await h.send({ type: 'start' });
    expect(h.lastState()).toMatchObject({ running: false });
  });

  it('shows Random init as built, kNN and the linear probe measured, and takes no step for Start or Step', async () => {
    const h = harness();
    await ready(h, { ...defaultConfig('random'), batch: 16 });
    expect(h.snapshots().map((s) => s.step)).toEqual([0]);
    expect(h.snapshots()[0]!).toMatchObject({ loss: null, knnZ: expect.any(Number), linearZ: expect.any(Number) });
    // The points and figures came first, before the kNN and probe scores.
    expect(h.of('snapshot').map((m) => [m.snapshot.step, m.snapshot.knnZ === null])).toEqual([[0, true], [0, false]]);
    await h.send({ type: 'start' });
    expect(h.lastState()).toMatchObject({ running: false, step: 0, seq: 2 });
    await h.send({ type: 'step' });
    expect(h.lastState()).toMatchObject({ running: false, step: 0, seq: 3 });
    expect(h.steps()).toEqual([]);
    expect(h.snapshots()).toHaveLength(1);
    h.host.dispose();
  });

  it('says plainly that no own images were sent, and builds nothing', async () => {
    const h = harness();
    await h.send({ type: 'init', config: { ...quick, dataset: 'own' }, backend: { forced: 'wasm', threads: null }, dataUrl: '', resume: null });
    expect(h.of('ready')).toHaveLength(0);
    expect(h.of('error')).toEqual([{ type: 'error', kind: 'dataset', message: expect.stringContaining('No images of your own are loaded') }]);
  });

  it('with an evaluation worker: the same snapshots while training goes on, a pause shows its step, a reset drops the old run’s', async () => {
    const config = { ...quick, evalEvery: 2, seed: 9 };
    const [here, there] = [harness(), harness({ evaluations: startNodeEvaluationWorker })];
    for (const h of [here, there]) {
      await ready(h, config);
      for (let i = 0; i < 3; i++) await h.send({ type: 'step' });
    }
    // A single step is confirmed once its snapshot is shown: the same snapshots, step for step, as measured here.
    const figures = (h: typeof here) => h.snapshots().map(({ evalMs, metricsMs, probeMs, ...rest }) => rest);
    expect(figures(there).map((s) => s.step)).toEqual([0, 1, 2, 3]);
    expect(figures(there)).toEqual(figures(here));
    here.host.dispose();

    await there.send({ type: 'start' });
    await until(() => there.steps().length >= 15);
    await there.send({ type: 'pause' });
    const pausedAt = there.lastState()!.step;
    const steps = there.snapshots().map((s) => s.step);
    expect(steps.at(-1)).toBe(pausedAt);
    expect(steps.every((step, i) => i === 0 || step > steps[i - 1]!)).toBe(true);

    // Snapshots of the old run still being measured when a Reset comes are never shown after the new run's.
    await there.send({ type: 'start' });
    await until(() => there.steps().at(-1)! >= pausedAt + 6);
    await there.send({ type: 'reset', config });
    await there.send({ type: 'step' });
    const afterReset = there.messages.slice(there.messages.indexOf(there.of('ready').at(-1)!));
    // Step 0 twice: first without its kNN and probe scores, then with them.
    expect(afterReset.flatMap((m) => (m.type === 'snapshot' ? [[m.snapshot.step, m.snapshot.knnZ === null]] : []))).toEqual([[0, true], [0, false], [1, true]]);
    there.host.dispose();
  });

  it('measures its snapshots itself once the evaluation worker stops, and does not ask it again after a Reset', async () => {
    // A worker that stops at its first measurement, as a dead worker's port says it.
    let listener: ((message: FromEvaluationWorker) => void) | null = null;
    const posted: string[] = [];
    const dying: EvaluationWorkerPort = {
      post: (message) => {
        posted.push(message.type);
        if (message.type === 'measure') queueMicrotask(() => listener?.({ type: 'error', run: null, message: 'gone' }));
      },
      listen: (next) => void (listener = next),
      terminate: () => void posted.push('terminated'),
    };
    const h = harness({ evaluations: () => dying });
    await ready(h);
    for (let i = 0; i < 2; i++) await h.send({ type: 'step' });
    expect(h.snapshots().map((s) => s.step)).toEqual([0, 1, 2]);
    expect(h.snapshots()[0]!.knnZ).toEqual(expect.any(Number));
    await h.send({ type: 'reset', config: quick });
    await h.send({ type: 'step' });
    const newRun = h.messages.slice(h.messages.indexOf(h.of('ready').at(-1)!));
    expect([...new Set(newRun.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot.step] : [])))]).toEqual([0, 1]);
    expect(posted).toEqual(['run', 'measure', 'terminated']);
    h.host.dispose();
  });
});
