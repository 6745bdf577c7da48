/**
 * Snapshots measured in an evaluation worker (a Web Worker in the browser, a worker thread in Node) while the
 * training thread goes on: the training thread reads its weights back (a few milliseconds) and the worker, with a
 * model and an evaluation set of its own (Evaluator), embeds the evaluation set, runs kNN and the linear probe and
 * computes the metrics. Same weights, same code, same numbers as Trainer.snapshot() — measured in another thread.
 *
 * Snapshots come back in the order asked. At most MAX_PENDING are outstanding: beyond that the training thread
 * waits for the oldest, so the figures never fall far behind the run and nothing is ever skipped. If the worker
 * fails, the outstanding snapshots and every later one are measured in this thread instead.
 */
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../core/config';
import type { WorkerPort } from '../core/workerPort';
import type { TrainingData } from '../data/datasetFormat';
import { readMemory } from './memory';
import type { Snapshot } from './snapshot';
import { type EvaluationState, Evaluator } from './trainer';

export interface MeasureOptions {
  knnQueries: number;
  linearProbe: boolean;
}

/** Messages to an evaluation worker: a run's data (once per run), then the states to measure. */
export type ToEvaluationWorker =
  | { type: 'run'; run: number; config: ExperimentConfig; data: TrainingData }
  | { type: 'measure'; run: number; id: number; state: EvaluationState; options: MeasureOptions }
  | { type: 'releaseKnnBank'; run: number };

export type FromEvaluationWorker =
  /** A kNN snapshot without its kNN and probe scores, sent ahead of them (the same step's full snapshot follows). */
  | { type: 'early'; run: number; id: number; snapshot: Snapshot }
  /** `heapBytes`: the worker's wasm heap after the snapshot (null off wasm). */
  | { type: 'snapshot'; run: number; id: number; snapshot: Snapshot; heapBytes: number | null }
  /** `run` null: the worker itself failed. */
  | { type: 'error'; run: number | null; message: string };

/** An evaluation worker as the source sees it, whichever kind of worker it is. */
export type EvaluationWorkerPort = WorkerPort<ToEvaluationWorker, FromEvaluationWorker>;

/** A measured snapshot, with the evaluation worker's wasm heap (what the memory budget watches; null: measured here). */
export interface MeasuredSnapshot {
  snapshot: Snapshot;
  heapBytes: number | null;
}

export const snapshotTransfers = (snapshot: Snapshot): Transferable[] => [snapshot.embeddings.buffer, snapshot.labels.buffer, snapshot.pairs.buffer];

/**
 * The worker side: measures each state in order, one at a time (a measurement awaits its read-backs). States of a
 * run that a newer one replaced (a Reset) are skipped, even those queued before it came: nobody shows them.
 */
function evaluationWorkerHandler(send: (message: FromEvaluationWorker, transfer: Transferable[]) => void): (message: ToEvaluationWorker) => void {
  let evaluator: Evaluator | null = null;
  let run = -1;
  let newestRun = -1;
  let queue: Promise<void> = Promise.resolve();
  return (message) => {
    if (message.type === 'run') newestRun = message.run;
    queue = queue.then(async () => {
      try {
        if (message.type === 'run') {
          evaluator?.dispose();
          evaluator = null;
          run = message.run;
          evaluator = new Evaluator(message.config, message.data);
          // Ahead of the first snapshot, while the training thread still calibrates.
          evaluator.prepare(message.config, message.data.train.classNames.length > 1);
          return;
        }
        if (!evaluator || message.run !== run || run !== newestRun) return;
        if (message.type === 'releaseKnnBank') return evaluator.releaseKnnBank();
        const { id } = message;
        const early = (first: Snapshot) => send({ type: 'early', run, id, snapshot: first }, snapshotTransfers(first));
        const snapshot = await evaluator.snapshot(message.state, message.options, early);
        send({ type: 'snapshot', run, id, snapshot, heapBytes: readMemory().wasmHeapBytes }, snapshotTransfers(snapshot));
      } catch (error) {
        send({ type: 'error', run: message.run, message: errorText(error) }, []);
      }
    });
  };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * An evaluation worker's entry: starts `backend` (wasm; the name is a parameter for tests) and handles each message
 * once it has started. A backend that cannot start answers every message with the worker's failure, so that the
 * training thread measures its snapshots itself instead of waiting for answers that never come.
 */
export function startEvaluationWorker(send: (message: FromEvaluationWorker, transfer: Transferable[]) => void, backend = 'wasm'): (message: ToEvaluationWorker) => void {
  const handle = evaluationWorkerHandler(send);
  const started = tf.setBackend(backend).then((ok) => {
    if (!ok) throw new Error(`the evaluation worker could not start the ${backend} backend`);
    return tf.ready();
  });
  return (message) => void started.then(() => handle(message), (error) => send({ type: 'error', run: null, message: errorText(error) }, []));
}

/** How many snapshots may be outstanding before the training thread waits for the oldest. */
const MAX_PENDING = 3;

interface Pending {
  state: EvaluationState;
  options: MeasureOptions;
  resolve: (measured: MeasuredSnapshot) => void;
  reject: (error: Error) => void;
}

let runsStarted = 0;

/** One run's snapshots, measured in an evaluation worker (see the file's comment). */
export class RemoteEvaluation {
  private readonly run = ++runsStarted;
  private readonly pending = new Map<number, Pending>();
  private readonly order: Promise<MeasuredSnapshot>[] = [];
  private nextId = 0;
  /** Set when the worker failed: snapshots are then measured here, by `fallback` (made on first use), one at a time. */
  private failed = false;
  private fallback: Evaluator | null = null;
  private measuredHere: Promise<unknown> = Promise.resolve();
  private disposed = false;
  /** Set when the worker itself stopped (not one measurement): a host gives the port up. */
  workerFailed = false;

  /**
   * `data`: the images the run's Trainer is given (sent before it is built, so that the worker prepares meanwhile);
   * `early`: given a kNN snapshot without its kNN and probe scores ahead of the full one (see evaluate()).
   */
  constructor(
    private readonly port: EvaluationWorkerPort,
    private readonly config: ExperimentConfig,
    private readonly data: TrainingData,
    private readonly early: (snapshot: Snapshot) => void = () => undefined,
  ) {
    port.listen((message) => this.receive(message));
    // The worker gets its own copy of the images: transferring would take them from the Trainer.
    const copy = (ds: TrainingData['train']) => ({ ...ds, pixels: ds.pixels.slice(), labels: ds.labels.slice() });
    port.post({ type: 'run', run: this.run, config, data: { train: copy(data.train), eval: copy(data.eval) } });
  }

  /**
   * Asks for the snapshot of `state`; resolves, once it has been sent (after waiting for the oldest outstanding
   * one if MAX_PENDING are), to the snapshot to come (wrapped: a promise resolving to a promise would wait for it).
   */
  async request(state: EvaluationState, options: MeasureOptions): Promise<{ measured: Promise<MeasuredSnapshot> }> {
    while (this.order.length >= MAX_PENDING) await this.order[0]!.catch(() => undefined);
    // Measured here (the worker failed), a snapshot is measured before the training thread goes on, as a Trainer's.
    const measured = this.failed ? Promise.resolve(await this.measureHere(state, options)) : this.send(state, options);
    const tracked = measured.finally(() => this.order.splice(this.order.indexOf(tracked), 1));
    this.order.push(tracked);
    return { measured: tracked };
  }

  /** Resolves once every snapshot asked for so far has come back (or failed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.order]);
  }

  releaseKnnBank(): void {
    this.fallback?.releaseKnnBank();
    this.port.post({ type: 'releaseKnnBank', run: this.run });
  }

  /** Ends the run: outstanding snapshots are dropped (their promises never settle with a result to show). */
  dispose(): void {
    this.disposed = true;
    this.port.listen(null);
    for (const { reject } of this.pending.values()) reject(new Error('evaluation disposed'));
    this.pending.clear();
    this.fallback?.dispose();
    this.fallback = null;
  }

  private send(state: EvaluationState, options: MeasureOptions): Promise<MeasuredSnapshot> {
    const id = this.nextId++;
    const measured = new Promise<MeasuredSnapshot>((resolve, reject) => this.pending.set(id, { state, options, resolve, reject }));
    // The weights are copied, not transferred: if the worker fails, this thread measures them itself.
    this.port.post({ type: 'measure', run: this.run, id, state, options });
    return measured;
  }

  /** Measures in this thread, after every measurement here before it (they share one model). */
  private measureHere(state: EvaluationState, options: MeasureOptions): Promise<MeasuredSnapshot> {
    const measured = this.measuredHere.then(async () => {
      if (this.disposed) throw new Error('evaluation disposed');
      this.fallback ??= new Evaluator(this.config, this.data);
      return { snapshot: await this.fallback.snapshot(state, options, this.early), heapBytes: null };
    });
    this.measuredHere = measured.catch(() => undefined);
    return measured;
  }

  private receive(message: FromEvaluationWorker): void {
    if (message.run !== this.run && !(message.type === 'error' && message.run === null)) return;
    if (message.type === 'error') {
      // Everything outstanding is measured here, in the order asked, and so is every later snapshot.
      const outstanding = [...this.pending.values()];
      this.pending.clear();
      this.port.listen(null);
      this.failed = true;
      this.workerFailed = message.run === null;
      for (const { state, options, resolve, reject } of outstanding) this.measureHere(state, options).then(resolve, reject);
      return;
    }
    if (message.type === 'early') {
      if (this.pending.has(message.id)) this.early(message.snapshot);
      return;
    }
    const waiting = this.pending.get(message.id);
    this.pending.delete(message.id);
    waiting?.resolve({ snapshot: message.snapshot, heapBytes: message.heapBytes });
  }
}
