import { nodeWorkerPort } from '../core/nodeWorkerPort';
import type { EvaluationWorkerPort, FromEvaluationWorker, ToEvaluationWorker } from './evaluationSource';

/** Starts the evaluation worker as a Node worker thread (tests, benchmarks). */
export function startNodeEvaluationWorker(): EvaluationWorkerPort {
  return nodeWorkerPort<ToEvaluationWorker, FromEvaluationWorker>(new URL('./evaluation.worker.node.ts', import.meta.url));
}
