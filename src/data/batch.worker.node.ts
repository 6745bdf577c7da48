/** The batch worker as a Node worker thread (CLI, benchmarks, tests): the same handler as the browser's. */
import { parentPort } from 'node:worker_threads';
import { batchWorkerHandler } from './batchSource';

const port = parentPort!;
const handle = batchWorkerHandler((message, transfer) => port.postMessage(message, transfer as ArrayBuffer[]));
port.on('message', handle);
