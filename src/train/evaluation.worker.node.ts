/** The evaluation worker as a Node worker thread (tests, benchmarks): the same handler as the browser's, on wasm. */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { evaluationWorkerHandler, type ToEvaluationWorker } from './evaluationSource';

const port = parentPort!;
const handle = evaluationWorkerHandler((message, transfer) => port.postMessage(message, transfer as ArrayBuffer[]));
const started = tf.setBackend('wasm').then(() => tf.ready());
port.on('message', (message: ToEvaluationWorker) => void started.then(() => handle(message)));
