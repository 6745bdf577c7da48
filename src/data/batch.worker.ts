/// <reference lib="webworker" />
/** The browser's batch worker: makes training batches ahead of the training worker (see batchSource.ts). */
import { batchWorkerHandler } from './batchSource';

declare const self: DedicatedWorkerGlobalScope;

const handle = batchWorkerHandler((message, transfer) => self.postMessage(message, transfer));
self.onmessage = (event) => handle(event.data);
