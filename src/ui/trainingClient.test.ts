import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig, type ExperimentConfig, switchMethod } from '../core/config';
import { setLocale } from '../i18n/locale';
import { figuresOf } from '../metrics/snapshotFigures';
import { fakeSnapshot } from '../testing/fakeSnapshot';
import type { FromWorker, Snapshot } from '../worker/protocol';
import { createLiveSnapshot } from './liveSnapshot';
import { createOwnImagesStore, missingImagesNotice, type OwnImages, type OwnImagesStore } from './ownImages/ownImagesStore';
import { createLabStore } from './store';
import { FakeWorker } from './testWorker';
import { SILENCE_LIMIT_MS, TrainingClient } from './trainingClient';

const ready: FromWorker = {
  type: 'ready',
  backend: { name: 'wasm', reason: 'forced by ?backend=wasm' },
  classNames: ['T-shirt', 'Trouser'],
  evalCount: 2,
  pointImages: new Uint8Array(2 * 28 * 28),
  imageSize: 28,
  imageChannels: 1,
  config: defaultConfig(),
  step: 0,
};

function snapshot(step: number): Snapshot {
  return {
    ...fakeSnapshot(step, { collapseStd: 0.4 }),
    embeddings: new Float32Array([1, 0, 0, 0, 1, 0]),
    labels: new Uint8Array([0, 1]),
    pairs: new Float32Array([1, 0, 0, 0, 1, 0]),
    pairCount: 1,
  };
}

function setup(autoplay = false, { config = defaultConfig(), ownImages }: { config?: ExperimentConfig; ownImages?: OwnImagesStore } = {}) {
  const workers: FakeWorker[] = [];
  const store = createLabStore(config);
  const live = createLiveSnapshot();
  const client = new TrainingClient(store, {
    backend: { forced: 'wasm', threads: null },
    autoplay,
    live,
    dataUrl: '/data',
    ownImages,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  const worker = () => workers.at(-1)!;
  return { store, live, client, workers, worker };
}

describe('TrainingClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells the worker a new language, without waiting for it as for a run command', () => {
    const { worker, store } = setup();
    setLocale('zh-CN');
    setLocale('en');
    expect(worker().commands().slice(1)).toEqual([
      { type: 'locale', locale: 'zh-CN' },
      { type: 'locale', locale: 'en' },
    ]);
    expect(store.getState().commandPending).toBe(false);
  });

  it('sends init with the config, the forced backend, the data URL and the language', () => {
    const { worker, store } = setup();
    expect(worker().commands()).toEqual([{ type: 'init', config: defaultConfig(), backend: { forced: 'wasm', threads: null }, dataUrl: '/data', resume: null, locale: 'en' }]);
    expect(worker().posted[0]!.seq).toBe(1);
    expect(store.getState().status).toBe('loading');
  });

  it('becomes ready with the backend and class names, and autoplays once', () => {
    const { worker, store } = setup(true);
    worker().send(ready);
    expect(store.getState()).toMatchObject({ status: 'ready', backend: ready.backend, classNames: ['T-shirt', 'Trouser'] });
    expect(worker().lastType()).toBe('start');
    worker().send(ready);
    expect(worker().posted.filter((m) => m.type === 'start')).toHaveLength(1);
  });

  it('throttles per-step progress into the store', () => {
    const { worker, store } = setup();
    worker().send(ready);
    const seen: number[] = [];
    store.subscribe((state) => seen.push(state.step));
    for (let step = 1; step <= 100; step++) worker().send({ type: 'progress', step, loss: 1 / step, stepsPerSec: 20 });
    vi.advanceTimersByTime(1000);
    expect(seen.length).toBeLessThan(5);
    expect(store.getState()).toMatchObject({ step: 100, loss: 0.01, stepsPerSec: 20 });
  });

  it('puts snapshot arrays in the live snapshot and only scalars in the store', () => {
    const { worker, store, live } = setup();
    worker().send(ready);
    const version = live.version;
    worker().send({ type: 'snapshot', snapshot: snapshot(10) });
    expect(live.version).toBe(version + 1);
    expect(live.count).toBe(2);
    expect(store.getState()).toMatchObject({ collapseStd: 0.4, snapshotStep: 10, snapshotDim: 3 });
  });

  it('shows the running state the worker confirms, never one from before the latest command', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    client.start();
    expect(store.getState()).toMatchObject({ running: false, commandPending: true });
    worker().confirm(true);
    expect(store.getState()).toMatchObject({ running: true, commandPending: false });
    client.pause();
    client.start();
    // The worker's report on the pause arrives after the start was sent: it is not where things stand.
    worker().send({ type: 'state', running: false, step: 4, seq: worker().posted.at(-2)!.seq });
    expect(store.getState()).toMatchObject({ running: true, commandPending: true });
    worker().send({ type: 'progress', step: 5, loss: 1, stepsPerSec: 1 });
    worker().confirm(true, 5);
    client.pause();
    worker().confirm(false, 6);
    expect(store.getState()).toMatchObject({ running: false, commandPending: false, stepsPerSec: 0 });
  });

  it('posts live config changes without restarting, and reports a restart for other keys', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    worker().send({ type: 'progress', step: 5, loss: 1, stepsPerSec: 1 });
    client.setConfig({ stopGrad: false });
    expect(worker().commands().at(-1)).toEqual({ type: 'config', config: { ...defaultConfig(), stopGrad: false } });
    expect(store.getState()).toMatchObject({ step: 5, runNote: null });
    client.setConfig({ seed: 7 });
    expect(worker().lastType()).toBe('config');
    expect(store.getState()).toMatchObject({ step: 0, runNote: expect.stringContaining('seed') });
  });

  it('pauses on a restarting change and ignores reports still in flight from the old run', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    client.start();
    worker().confirm(true, 8);
    client.setConfig({ dim: 16 });
    expect(store.getState().running).toBe(false);
    worker().send({ type: 'state', running: true, step: 9, seq: worker().posted.at(-2)!.seq });
    expect(store.getState().running).toBe(false);
  });

  it('starts every later ready at step 0 without taking back settings changed since', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    worker().send({ type: 'progress', step: 40, loss: 0.3, stepsPerSec: 9 });
    client.setConfig({ dataset: 'mnist' });
    client.setConfig({ stopGrad: false }); // while the worker still rebuilds for the dataset
    worker().send({ ...ready, classNames: ['0', '1'], config: { ...defaultConfig(), dataset: 'mnist' } });
    expect(store.getState()).toMatchObject({ step: 0, running: false, classNames: ['0', '1'] });
    expect(store.getState().config).toMatchObject({ dataset: 'mnist', stopGrad: false });
  });

  it('keeps the last loss while a GPU backend has read none back', () => {
    const { worker, store } = setup();
    worker().send(ready);
    worker().send({ type: 'progress', step: 1, loss: 0.7, stepsPerSec: 5 });
    vi.advanceTimersByTime(1000);
    worker().send({ type: 'progress', step: 2, loss: NaN, stepsPerSec: 5 });
    vi.advanceTimersByTime(1000);
    expect(store.getState()).toMatchObject({ loss: 0.7, step: 2 });
  });

  it('clamps config values and shows the notice', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    client.setConfig({ dim: 1000 });
    expect(store.getState().config.dim).toBe(128);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('ignores a config change that changes nothing', () => {
    const { worker, client } = setup();
    worker().send(ready);
    const count = worker().posted.length;
    client.setConfig({ seed: defaultConfig().seed });
    expect(worker().posted).toHaveLength(count);
  });

  it('stops on finished', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    client.start();
    worker().confirm(true);
    worker().send({ type: 'finished', step: 3 });
    worker().confirm(false, 3);
    expect(store.getState()).toMatchObject({ running: false, step: 3, runNote: expect.stringContaining('Finished') });
  });

  it('notices a worker that went quiet, takes it back if it answers, and restarts from the last checkpoint', () => {
    const { worker, workers, store, client } = setup();
    worker().send(ready);
    for (const step of [10, 20, 30]) worker().send({ type: 'snapshot', snapshot: snapshot(step) });
    const checkpoint = { config: defaultConfig(), step: 20, params: new Float32Array(2), target: null, optimizer: { steps: 20, buffers: [] }, running: [], losses: { sum: 0, count: 0, latest: -0.5 } };
    worker().send({ type: 'checkpoint', checkpoint });
    vi.advanceTimersByTime(SILENCE_LIMIT_MS - 500);
    expect(store.getState().status).toBe('ready');
    vi.advanceTimersByTime(1000);
    expect(store.getState()).toMatchObject({ status: 'error', error: { kind: 'unresponsive' } });
    worker().send({ type: 'heartbeat', memory: null });
    expect(store.getState()).toMatchObject({ status: 'ready', error: null });
    vi.advanceTimersByTime(SILENCE_LIMIT_MS + 1000);
    expect(store.getState().error?.kind).toBe('unresponsive');
    expect(client.resumableStep).toBe(20);
    client.restart();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(worker().commands()[0]).toMatchObject({ type: 'init', resume: checkpoint });
    expect(client.recorder.history.kept.map((s) => s.step)).toEqual([10, 20]);
    worker().send({ ...ready, step: 20 });
    expect(store.getState()).toMatchObject({ status: 'ready', step: 20 });
    worker().send({ type: 'snapshot', snapshot: snapshot(30) });
    expect(client.recorder.history.kept.map((s) => s.step)).toEqual([10, 20, 30]);
  });

  it('sees a worker that ended at once by its life lock, however recently it spoke', () => {
    const { worker, store, client } = setup();
    worker().send({ type: 'alive' });
    worker().send(ready);
    worker().end();
    expect(store.getState()).toMatchObject({ status: 'error', error: { kind: 'crash', message: expect.stringContaining('it ended') } });
    expect(worker().terminated).toBe(true);
    // A worker the page replaced itself is let go without a word.
    client.restart();
    worker().send({ type: 'alive' });
    const replaced = worker();
    client.restart();
    replaced.end();
    expect(store.getState()).toMatchObject({ status: 'loading', error: null });
  });

  it('takes a slow start-up for what it is: phases shown, no alarm before SILENCE_LIMIT_MS of silence', () => {
    const { worker, store } = setup();
    worker().send({ type: 'alive' });
    worker().send({ type: 'phase', phase: 'engine', ms: null });
    vi.advanceTimersByTime(SILENCE_LIMIT_MS - 1000);
    expect(store.getState()).toMatchObject({ status: 'loading', error: null, phases: { active: ['engine'], times: {} } });
    worker().send({ type: 'phase', phase: 'engine', ms: 8000 });
    worker().send({ type: 'phase', phase: 'backend', ms: null });
    worker().send({ type: 'phase', phase: 'fetch', ms: null });
    expect(store.getState().phases).toEqual({ active: ['backend', 'fetch'], times: { engine: 8000 } });
    // The page's own thread stalled (a long task of its own): the worker's messages waited, it was not silent.
    vi.setSystemTime(Date.now() + 2 * SILENCE_LIMIT_MS);
    vi.advanceTimersByTime(500);
    expect(store.getState().status).toBe('loading');
  });

  it('resets a diverged run in place', () => {
    const { worker, workers, store, client } = setup();
    worker().send(ready);
    worker().send({ type: 'error', kind: 'nan', message: 'Loss became NaN at step 40.' });
    expect(store.getState()).toMatchObject({ status: 'ready', error: { kind: 'nan' } });
    client.reset();
    expect(workers).toHaveLength(1);
    expect(worker().lastType()).toBe('reset');
    expect(store.getState().error).toBeNull();
  });

  it('replaces the worker on Reset after a dataset error', () => {
    const { worker, workers, store, client } = setup();
    worker().send({ type: 'error', kind: 'dataset', message: 'HTTP 404' });
    expect(store.getState()).toMatchObject({ status: 'error', error: { kind: 'dataset', message: 'HTTP 404' } });
    client.reset();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(worker().lastType()).toBe('init');
    expect(store.getState()).toMatchObject({ status: 'loading', error: null });
  });

  it('reports a worker crash and recreates the worker on Reset', () => {
    const { worker, workers, store, client } = setup();
    worker().send(ready);
    worker().crash('Uncaught RangeError: boom');
    expect(store.getState()).toMatchObject({
      status: 'error',
      running: false,
      error: { kind: 'crash', message: 'The training worker crashed: Uncaught RangeError: boom' },
    });
    client.reset();
    expect(workers).toHaveLength(2);
    workers[0]!.send(ready); // a replaced worker is ignored
    expect(store.getState().status).toBe('loading');
    worker().send(ready);
    expect(store.getState().status).toBe('ready');
  });
});

describe('TrainingClient.load (lessons, imported files, edited links)', () => {
  it('opened while the worker starts, builds its settings once the worker is ready, and starts when asked', () => {
    const { worker, store, client } = setup();
    const lesson = { ...defaultConfig('byol'), seed: 7 };
    client.load(lesson, { start: true });
    client.setConfig({ lr: 0.01 });
    expect(worker().commands().map((command) => command.type)).toEqual(['init']);
    worker().send(ready);
    expect(worker().commands().slice(1)).toEqual([{ type: 'reset', config: { ...lesson, lr: 0.01 } }, { type: 'start' }]);
    expect(store.getState().config).toEqual({ ...lesson, lr: 0.01 });
  });

  it('restarts once with the whole new config, even when only live keys differ, and starts when asked', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    client.start();
    worker().send({ type: 'progress', step: 40, loss: 1, stepsPerSec: 1 });
    const preset = { ...defaultConfig(), stopGrad: false };
    client.load(preset, { start: true });
    expect(worker().commands().slice(-1)).toEqual([{ type: 'reset', config: preset }]);
    expect(store.getState()).toMatchObject({ config: preset, step: 0 });
    worker().send({ ...ready, config: preset });
    expect(worker().lastType()).toBe('start');
    worker().confirm(true);
    expect(store.getState().running).toBe(true);
  });

  it('leaves a loaded run paused unless asked to start', () => {
    const { worker, client } = setup();
    worker().send(ready);
    client.load({ ...defaultConfig('swav'), sinkhorn: false }, { start: false });
    worker().send(ready);
    expect(worker().lastType()).toBe('reset');
  });

  it('validates the config it is given', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    client.load({ ...defaultConfig(), batch: 1e9 }, { start: false });
    expect(store.getState().config.batch).toBe(1024);
    expect(store.getState().notices).toHaveLength(1);
  });
});

describe('TrainingClient.replay (an opened run report)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const reportConfig = { ...defaultConfig(), stopGrad: false, seed: 4 };
  const report = {
    config: reportConfig,
    backend: { name: 'cpu' as const, reason: 'forced' },
    classNames: ['a', 'b'],
    metrics: [0, 10, 20].map((step) => figuresOf(fakeSnapshot(step))),
    snapshots: [snapshot(0), snapshot(20)],
  };

  it('shows the report, keeps it while the worker rebuilds the model, and trains only after Reset', () => {
    const { worker, store, client, live } = setup();
    worker().send(ready);
    client.start();
    client.replay(report);
    expect(worker().commands().at(-1)).toEqual({ type: 'reset', config: reportConfig });
    expect(store.getState()).toMatchObject({ config: reportConfig, step: 20, snapshotStep: 20, running: false, replay: { backend: report.backend } });
    expect(client.recorder.history.metrics.length).toBe(3);
    expect(live.step).toBe(20);

    // The old run's last words and the fresh model's ready and step-0 snapshot leave the report on show.
    worker().send({ type: 'progress', step: 99, loss: 1, stepsPerSec: 5 });
    worker().send({ ...ready, config: reportConfig });
    worker().send({ type: 'snapshot', snapshot: snapshot(0) });
    vi.advanceTimersByTime(1000);
    expect(store.getState()).toMatchObject({ status: 'ready', step: 20, config: reportConfig, replay: { backend: report.backend } });
    expect(client.recorder.history.kept.map((s) => s.step)).toEqual([0, 20]);

    const posted = worker().posted.length;
    client.start();
    client.step();
    expect(worker().posted).toHaveLength(posted);

    client.reset();
    expect(store.getState()).toMatchObject({ step: 0, replay: null });
    expect(client.recorder.history.metrics.length).toBe(0);
    worker().send({ ...ready, config: reportConfig });
    client.start();
    expect(worker().lastType()).toBe('start');
  });

  it('ends the replay when a setting changes', () => {
    const { worker, store, client } = setup();
    worker().send(ready);
    client.replay(report);
    client.setConfig({ stopGrad: true });
    expect(worker().commands().at(-1)).toEqual({ type: 'reset', config: { ...reportConfig, stopGrad: true } });
    expect(store.getState()).toMatchObject({ replay: null, step: 0, runNote: 'Replay ended (stopGrad changed); press Start to train.' });
    expect(client.recorder.history.metrics.length).toBe(0);
  });

  it('opened while the worker starts, is shown once it is ready', () => {
    const { worker, store, client } = setup();
    expect(client.replay(report)).toBe(true);
    expect(store.getState().replay).toBeNull();
    worker().send(ready);
    expect(worker().commands().at(-1)).toEqual({ type: 'reset', config: reportConfig });
    expect(store.getState()).toMatchObject({ config: reportConfig, step: 20, replay: { backend: report.backend } });
  });

  it('is not taken without a worker (it crashed)', () => {
    const { worker, store, client } = setup();
    worker().crash('boom');
    expect(client.replay(report)).toBe(false);
    expect(store.getState().replay).toBeNull();
  });
});

describe('TrainingClient with own images', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const onOwn: ExperimentConfig = { ...defaultConfig(), dataset: 'own' };

  function ownImages(name: string): OwnImages {
    const dataset = (split: string) => ({ name: 'own', split, count: 1, rows: 28, cols: 28, channels: 1 as const, classNames: [name], labels: new Uint8Array(1), pixels: new Uint8Array(784) });
    const summary = { source: name, classes: [{ name, count: 2 }], labelled: false, grouped: [], trainCount: 1, evalCount: 1, channels: 1 as const, greyCount: 2, skippedCounts: [], skipped: [] };
    return { data: { train: dataset('train'), eval: dataset('eval') }, summary, keptFromEarlier: false };
  }

  it('opens a link to own images this page lacks on Fashion-MNIST, with the notice', () => {
    const { worker, store } = setup(false, { config: onOwn, ownImages: createOwnImagesStore() });
    expect(worker().commands()).toEqual([expect.objectContaining({ type: 'init', config: defaultConfig() })]);
    expect(store.getState().config.dataset).toBe('fashion-mnist');
    expect(store.getState().notices).toEqual([missingImagesNotice()]);
  });

  it('opens Supervised on unlabelled own images as the default method, with the notice saying why', () => {
    const kept = ownImages('kept');
    const { worker, store } = setup(false, { config: switchMethod(onOwn, 'supervised'), ownImages: createOwnImagesStore(kept) });
    expect(worker().commands().at(-1)).toEqual({ type: 'init', config: onOwn, backend: expect.anything(), dataUrl: expect.any(String), resume: null, locale: expect.any(String) });
    expect(store.getState().config).toEqual(onOwn);
    expect(store.getState().notices).toEqual([expect.stringContaining('Supervised needs labelled images')]);
  });

  it('sends the kept images before the init that trains on them', () => {
    const kept = ownImages('kept');
    const { worker, store } = setup(false, { config: onOwn, ownImages: createOwnImagesStore(kept) });
    expect(worker().commands().map((command) => command.type)).toEqual(['ownImages', 'init']);
    expect(worker().commands()[0]).toEqual({ type: 'ownImages', data: kept.data });
    expect(store.getState().notices).toEqual([]);
  });

  it('switches to newly imported images, resets on a second import, and goes back to Fashion-MNIST when they are forgotten', () => {
    const images = createOwnImagesStore();
    const { worker, store, client } = setup(false, { ownImages: images });
    worker().send(ready);
    const first = ownImages('first');
    images.setState({ images: first });
    expect(worker().commands().slice(-2)).toEqual([
      { type: 'ownImages', data: first.data },
      { type: 'config', config: onOwn },
    ]);
    const second = ownImages('second');
    images.setState({ images: second });
    expect(worker().commands().slice(-2)).toEqual([
      { type: 'ownImages', data: second.data },
      { type: 'reset', config: onOwn },
    ]);
    images.setState({ images: null });
    expect(worker().commands().slice(-2)).toEqual([
      { type: 'ownImages', data: null },
      { type: 'config', config: defaultConfig() },
    ]);
    // A report or settings file naming own images, now gone, opens on Fashion-MNIST too.
    client.load(onOwn, { start: false });
    expect(store.getState().config.dataset).toBe('fashion-mnist');
    expect(store.getState().notices).toContain(missingImagesNotice());
  });

  it('gives a worker still starting the new images, and trains on them once it is ready', () => {
    const images = createOwnImagesStore();
    const { workers, worker } = setup(false, { ownImages: images });
    const imported = ownImages('imported');
    images.setState({ images: imported });
    expect(workers).toHaveLength(1);
    expect(worker().commands().slice(1)).toEqual([{ type: 'ownImages', data: imported.data }]);
    worker().send(ready);
    expect(worker().commands().at(-1)).toEqual({ type: 'reset', config: onOwn });
  });

  it('stops following the images once disposed', () => {
    const images = createOwnImagesStore();
    const { worker, store, client } = setup(false, { ownImages: images });
    worker().send(ready);
    client.dispose();
    images.setState({ images: ownImages('late') });
    expect(store.getState().config.dataset).toBe('fashion-mnist');
  });
});
