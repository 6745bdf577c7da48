/// <reference lib="webworker" />
/**
 * The training worker's entry. It speaks at once — takes its life lock (lifeLock.ts) and beats every second — and
 * only then loads the engine (trainingEngine.ts: tfjs, megabytes of code whose evaluation blocks this thread, the
 * 'engine' start-up phase). Commands that arrive meanwhile wait for it, in order.
 */
import { beginPhase } from '../train/startupPhases';
import { holdLifeLock } from './lifeLock';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const HEARTBEAT_MS = 1000;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const early: ToWorker[] = [];
self.onmessage = (event: MessageEvent<ToWorker>) => early.push(event.data);
let beat = (): void => post({ type: 'heartbeat', memory: null });
setInterval(() => beat(), HEARTBEAT_MS);
holdLifeLock(self.name, () => post({ type: 'alive' }));

const engineLoaded = beginPhase((phase, ms) => post({ type: 'phase', phase, ms }), 'engine');
const { startTrainingHost } = await import('./trainingEngine');
engineLoaded();
const host = startTrainingHost(post);
beat = () => host.heartbeat();

function handle(message: ToWorker): void {
  host.handle(message).catch((error) => post({ type: 'error', kind: 'internal', message: error instanceof Error ? error.message : String(error) }));
}
self.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
early.forEach(handle);
