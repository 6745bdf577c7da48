/// <reference lib="webworker" />
/**
 * The training worker's entry. It speaks at once — takes its life lock (lifeLock.ts) and beats every second — and
 * only then loads the engine (trainingEngine.ts: tfjs, megabytes of code whose evaluation blocks this thread, the
 * 'engine' start-up phase). Commands that arrive meanwhile wait for it, in order; the dataset the init names
 * downloads meanwhile.
 */
import { OWN_DATASET } from '../core/config';
import { beginPhase, type PhaseListener } from '../train/startupPhases';
import { type DatasetDownload, downloadDataset } from './datasetDownload';
import { holdLifeLock } from './lifeLock';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const HEARTBEAT_MS = 1000;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const phases: PhaseListener = (phase, ms) => post({ type: 'phase', phase, ms });
const early: ToWorker[] = [];
let download: DatasetDownload | null = null;
self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  early.push(message);
  if (message.type === 'init' && !download && message.config.dataset !== OWN_DATASET) {
    download = downloadDataset(message.config.dataset, message.dataUrl, phases);
  }
};
let beat = (): void => post({ type: 'heartbeat', memory: null });
setInterval(() => beat(), HEARTBEAT_MS);
holdLifeLock(self.name, () => post({ type: 'alive' }));

const engineLoaded = beginPhase(phases, 'engine');
const { startTrainingHost } = await import('./trainingEngine');
engineLoaded();
const host = startTrainingHost(post, download);
beat = () => host.heartbeat();

function handle(message: ToWorker): void {
  host.handle(message).catch((error) => post({ type: 'error', kind: 'internal', message: error instanceof Error ? error.message : String(error) }));
}
self.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
early.forEach(handle);
