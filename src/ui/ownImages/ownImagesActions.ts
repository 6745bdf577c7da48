/** Importing a drop into the page's own images (through the import worker), and forgetting them. */
import { currentLocale } from '../../i18n/locale';
import { messages } from '../../i18n/messages';
import type { FromImportWorker, ImportOutcome, ImportSource, ToImportWorker } from '../../data/images/importProtocol';
import { forgetKeptImages, keepImages } from './imageStorage';
import type { OwnImages, OwnImagesStore } from './ownImagesStore';

function runImportWorker(source: ImportSource, onProgress: (done: number, total: number) => void): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('../../data/images/imageImport.worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      resolve({ ok: false, message: messages().ownImages.decoderNotStarted({ detail: (error as Error).message }), skippedCounts: [] });
      return;
    }
    const finish = (outcome: ImportOutcome): void => {
      worker.terminate();
      resolve(outcome);
    };
    worker.onmessage = ({ data }: MessageEvent<FromImportWorker>) => {
      if (data.type === 'progress') onProgress(data.done, data.total);
      else finish(data.outcome);
    };
    worker.onerror = (event) => finish({ ok: false, message: messages().ownImages.decoderStopped({ detail: event.message || null }), skippedCounts: [] });
    worker.postMessage({ type: 'import', source, locale: currentLocale() } satisfies ToImportWorker);
  });
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Decodes a drop; on success its images replace the page's (and every run switches to them) and are kept. */
export async function importOwnImages(store: OwnImagesStore, source: ImportSource): Promise<void> {
  if (store.getState().importing) return;
  store.setState({ importing: { done: 0, total: 0 }, problem: null });
  const outcome = await runImportWorker(source, (done, total) => store.setState({ importing: { done, total } }));
  if (!outcome.ok) {
    store.setState({ importing: null, problem: { message: outcome.message, skippedCounts: outcome.skippedCounts } });
    return;
  }
  const images: OwnImages = { data: outcome.data, summary: outcome.summary, keptFromEarlier: false };
  store.setState({ images, importing: null, problem: null, storageNote: null });
  try {
    await keepImages(images);
  } catch (error) {
    store.setState({ storageNote: messages().ownImages.notKept({ reason: reasonOf(error) }) });
  }
}

/** "Forget my images": gone from this page (runs on them switch to Fashion-MNIST) and from the browser's storage. */
export async function forgetOwnImages(store: OwnImagesStore): Promise<void> {
  store.setState({ images: null, problem: null, storageNote: null });
  try {
    await forgetKeptImages();
  } catch (error) {
    store.setState({ storageNote: messages().ownImages.notDeleted({ reason: reasonOf(error) }) });
  }
}
