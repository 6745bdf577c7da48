/** A stand-in for the training worker in tests: records what it is sent, and sends what a test tells it to. */
import type { Command, FromWorker, ToWorker } from '../worker/protocol';
import type { TrainingWorkerPort } from './trainingClient';

export class FakeWorker implements TrainingWorkerPort {
  posted: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private ended: (() => void) | null = null;

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  watchEnd(ended: () => void): void {
    this.ended = ended;
  }
  /** Ends as a worker the browser closed would: no message, only its life lock let go (once it said it is alive). */
  end(): void {
    this.ended?.();
  }
  crash(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }
  lastType(): ToWorker['type'] | undefined {
    return this.posted.at(-1)?.type;
  }
  /** What was sent, without the command numbers. */
  commands(): Command[] {
    return this.posted.map(({ seq: _seq, ...command }) => command as Command);
  }
  /** The worker's confirmation of the latest command, as the real one sends it. */
  confirm(running: boolean, step = 0): void {
    this.send({ type: 'state', running, step, seq: this.posted.at(-1)?.seq ?? 0 });
  }
}
