/// <reference lib="webworker" />
/** The browser's evaluation worker: measures a training worker's snapshots on wasm, beside it (evaluationSource.ts). */
import '@tensorflow/tfjs-backend-wasm';
import { startEvaluationWorker, type ToEvaluationWorker } from '../train/evaluationSource';
import { configureWasm } from './wasmSetup';

declare const self: DedicatedWorkerGlobalScope;

// One thread: it runs beside the training thread, which keeps the wasm threads there are.
configureWasm(1);
const handle = startEvaluationWorker((message, transfer) => self.postMessage(message, transfer));
self.onmessage = (event: MessageEvent<ToEvaluationWorker>) => handle(event.data);
