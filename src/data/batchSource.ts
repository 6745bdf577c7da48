/**
 * Where the Trainer gets each step's two augmented views. LocalBatches makes them on the spot; PrefetchedBatches
 * has a batch worker (a Web Worker in the browser, a worker thread in Node) make the next steps' batches while the
 * current step trains, so augmentation leaves the training step's critical path. Both run the same BatchMaker on
 * the same plan, so a step's views are the same numbers whichever source made them and whenever.
 */
import type { WorkerPort } from '../core/workerPort';
import { type AugmentConfig, augmentationKey } from './augment';
import { BatchMaker, type BatchSpec, type TrainingBatch } from './batchPlan';

export interface BatchSource {
  /** The batch of training step `step` (0-based) under these augmentation settings. */
  take(step: number, augment: AugmentConfig): Promise<TrainingBatch>;
  dispose(): void;
}

export class LocalBatches implements BatchSource {
  private readonly maker: BatchMaker;

  constructor(spec: BatchSpec) {
    this.maker = new BatchMaker(spec);
  }

  take(step: number, augment: AugmentConfig): Promise<TrainingBatch> {
    return Promise.resolve(this.maker.make(step, augment));
  }

  dispose(): void {}
}

/** Messages to a batch worker: a run's spec (once per run), then requests for steps. */
export type ToBatchWorker =
  | { type: 'init'; run: number; spec: BatchSpec }
  | { type: 'make'; run: number; id: number; step: number; augment: AugmentConfig };

export type FromBatchWorker =
  | { type: 'batch'; run: number; id: number; batch: TrainingBatch }
  /** `run` null: the worker itself failed (its port reports it so). */
  | { type: 'error'; run: number | null; message: string };

/** A batch worker as the source sees it, whichever kind of worker it is. */
export type BatchWorkerPort = WorkerPort<ToBatchWorker, FromBatchWorker>;

/** The worker side: answers each request with its batch, in order. */
export function batchWorkerHandler(send: (message: FromBatchWorker, transfer: Transferable[]) => void): (message: ToBatchWorker) => void {
  let maker: BatchMaker | null = null;
  let run = -1;
  return (message) => {
    try {
      if (message.type === 'init') {
        maker = new BatchMaker(message.spec);
        run = message.run;
        return;
      }
      if (!maker || message.run !== run) return;
      const batch = maker.make(message.step, message.augment);
      send({ type: 'batch', run, id: message.id, batch }, [batch.views.buffer, batch.viewsT.buffer]);
    } catch (error) {
      send({ type: 'error', run: message.run, message: error instanceof Error ? error.message : String(error) }, []);
    }
  };
}

interface Request {
  id: number;
  key: string;
  batch: Promise<TrainingBatch>;
}

let runsStarted = 0;

export class PrefetchedBatches implements BatchSource {
  private readonly run = ++runsStarted;
  private readonly requests = new Map<number, Request>();
  private readonly waiting = new Map<number, { resolve: (batch: TrainingBatch) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  /** Set when the worker failed: batches are then made here, and training goes on. */
  private fallback: LocalBatches | null = null;

  constructor(
    private readonly port: BatchWorkerPort,
    private readonly spec: BatchSpec,
    private readonly depth = 2,
  ) {
    port.listen((message) => this.receive(message));
    // The worker gets its own copy of the images: transferring would take them from the Trainer.
    port.post({ type: 'init', run: this.run, spec: { ...spec, pixels: spec.pixels.slice() } });
  }

  async take(step: number, augment: AugmentConfig): Promise<TrainingBatch> {
    if (this.fallback) return this.fallback.take(step, augment);
    const key = augmentationKey(augment, this.spec.channels);
    for (const ahead of this.requests.keys()) if (ahead < step) this.requests.delete(ahead);
    for (let ahead = step; ahead <= step + this.depth; ahead++) {
      if (this.requests.get(ahead)?.key !== key) this.requests.set(ahead, this.request(ahead, augment, key));
    }
    const { batch } = this.requests.get(step)!;
    this.requests.delete(step);
    try {
      return await batch;
    } catch {
      return this.useFallback().take(step, augment);
    }
  }

  dispose(): void {
    this.port.listen(null);
    for (const { reject } of this.waiting.values()) reject(new Error('batch source disposed'));
    this.waiting.clear();
    this.requests.clear();
  }

  private request(step: number, augment: AugmentConfig, key: string): Request {
    const id = this.nextId++;
    const batch = new Promise<TrainingBatch>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // A request nobody awaits any more must not surface as an unhandled rejection.
    batch.catch(() => undefined);
    this.port.post({ type: 'make', run: this.run, id, step, augment: { ...augment } });
    return { id, key, batch };
  }

  private receive(message: FromBatchWorker): void {
    if (message.run !== this.run && !(message.type === 'error' && message.run === null)) return;
    if (message.type === 'error') {
      this.useFallback();
      for (const { reject } of this.waiting.values()) reject(new Error(message.message));
      this.waiting.clear();
      return;
    }
    this.waiting.get(message.id)?.resolve(message.batch);
    this.waiting.delete(message.id);
  }

  private useFallback(): LocalBatches {
    this.fallback ??= new LocalBatches(this.spec);
    return this.fallback;
  }
}
