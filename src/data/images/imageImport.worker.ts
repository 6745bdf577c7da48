/// <reference lib="webworker" />
/** The image import worker: decodes a drop off the page's thread and sends back the training data (transferred). */
import { DEFAULT_LOCALE, setLocale } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import { browserDecoder, canDecodeInWorker } from './browserDecoder';
import { importImages } from './importImages';
import type { FromImportWorker, ImportOutcome, ToImportWorker } from './importProtocol';
import { modelImageFormat } from './modelPixels';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromImportWorker, transfer: Transferable[] = []): void => self.postMessage(message, transfer);

/** Progress messages at most this often: a folder of 20,000 small files would otherwise flood the page. */
const PROGRESS_INTERVAL_MS = 100;

self.onmessage = async ({ data: message }: MessageEvent<ToImportWorker>) => {
  // The worker speaks the page's language: its outcome's message is shown as it comes.
  setLocale(message.locale ?? DEFAULT_LOCALE);
  if (!canDecodeInWorker()) {
    post({ type: 'done', outcome: { ok: false, message: messages().ownImages.noOffscreenCanvas, skippedCounts: [] } });
    return;
  }
  let lastProgress = 0;
  const progress = (done: number, total: number): void => {
    const now = performance.now();
    if (done < total && now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    post({ type: 'progress', done, total });
  };
  let outcome: ImportOutcome;
  try {
    outcome = await importImages(message.source, browserDecoder(modelImageFormat), modelImageFormat.side, progress);
  } catch (error) {
    outcome = { ok: false, message: messages().ownImages.importFailed({ detail: error instanceof Error ? error.message : String(error) }), skippedCounts: [] };
  }
  const transfer = outcome.ok ? [outcome.data.train.pixels.buffer, outcome.data.train.labels.buffer, outcome.data.eval.pixels.buffer, outcome.data.eval.labels.buffer] : [];
  post({ type: 'done', outcome }, transfer as Transferable[]);
};
