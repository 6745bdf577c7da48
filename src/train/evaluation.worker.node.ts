/** The evaluation worker as a Node worker thread (tests, benchmarks): the same handler as the browser's, on wasm. */
import { parentPort } from 'node:worker_threads';
import '@tensorflow/tfjs-backend-wasm';
import { startEvaluationWorker, type ToEvaluationWorker } from './evaluationSource';

const port = parentPort!;
const handle = startEvaluationWorker((message, transfer) => port.postMessage(message, transfer as ArrayBuffer[]));
port.on('message', (message: ToEvaluationWorker) => handle(message));
