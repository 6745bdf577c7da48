import { browserWorkerPort } from '../core/workerPort';
import type { EvaluationWorkerPort, FromEvaluationWorker, ToEvaluationWorker } from '../train/evaluationSource';

/** Starts the evaluation worker as a module Web Worker (from the training worker). */
export function startBrowserEvaluationWorker(): EvaluationWorkerPort {
  return browserWorkerPort<ToEvaluationWorker, FromEvaluationWorker>(new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module' }), 'evaluation worker');
}
