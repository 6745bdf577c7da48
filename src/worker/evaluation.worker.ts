/// <reference lib="webworker" />
/** The browser's evaluation worker: measures a training worker's snapshots on wasm, beside it (evaluationSource.ts). */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { evaluationWorkerHandler, type ToEvaluationWorker } from '../train/evaluationSource';
import { configureWasm } from './wasmSetup';

declare const self: DedicatedWorkerGlobalScope;

const handle = evaluationWorkerHandler((message, transfer) => self.postMessage(message, transfer));
// One thread: it runs beside the training thread, which keeps the wasm threads there are.
configureWasm(1);
const started = tf.setBackend('wasm').then(() => tf.ready());
self.onmessage = (event: MessageEvent<ToEvaluationWorker>) => void started.then(() => handle(event.data));
