/**
 * Keeps the decoded images in this browser (IndexedDB) for the next visit: the 28×28 arrays, labels, class
 * names and the import summary, never the original files. One set at a time; "Forget my images" deletes it.
 */
import { messages } from '../../i18n/messages';
import type { Dataset } from '../../data/datasetFormat';
import type { ImportSummary } from '../../data/images/importProtocol';
import type { OwnImages } from './ownImagesStore';

const DB_NAME = 'hypersphere-lab';
const STORE = 'own-images';
const KEY = 'current';
/** The record's layout; a record of another version is dropped rather than misread. */
const RECORD_VERSION = 1;
/** The page waits this long for the kept images before it starts without them (a blocked database never answers). */
const LOAD_TIMEOUT_MS = 3000;

interface KeptRecord {
  version: number;
  train: Dataset;
  eval: Dataset;
  summary: ImportSummary;
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(messages().ownImages.storageRefused));
    request.onblocked = () => reject(new Error(messages().ownImages.storageBusy));
  });
}

async function transact<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error(messages().ownImages.storageFailed));
      transaction.onabort = () => reject(transaction.error ?? new Error(messages().ownImages.storageFull));
    });
  } finally {
    db.close();
  }
}

const isDataset = (value: unknown): value is Dataset => {
  const ds = value as Partial<Dataset> | null;
  return (
    !!ds &&
    ds.labels instanceof Uint8Array &&
    ds.pixels instanceof Uint8Array &&
    Array.isArray(ds.classNames) &&
    typeof ds.count === 'number' &&
    typeof ds.rows === 'number' &&
    ds.labels.length === ds.count &&
    ds.pixels.length === ds.count * (ds.channels ?? 1) * ds.rows * (ds.cols ?? 0)
  );
};

function readRecord(value: unknown): OwnImages | null {
  const record = value as Partial<KeptRecord> | undefined;
  if (!record || record.version !== RECORD_VERSION || !isDataset(record.train) || !isDataset(record.eval) || !record.summary) return null;
  // Images kept before colour were all grey, and say nothing of channels.
  const train: Dataset = { ...record.train, channels: record.train.channels ?? 1 };
  const evalSet: Dataset = { ...record.eval, channels: record.eval.channels ?? 1 };
  const summary = { ...record.summary, channels: record.summary.channels ?? train.channels, greyCount: record.summary.greyCount ?? train.count + evalSet.count };
  return { data: { train, eval: evalSet }, summary, keptFromEarlier: true };
}

/** The images kept on an earlier visit, or null (none, unreadable, no storage, or no answer in time). */
export async function loadKeptImages(): Promise<OwnImages | null> {
  if (typeof indexedDB === 'undefined') return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOAD_TIMEOUT_MS));
  const read = transact('readonly', (store) => store.get(KEY)).then(readRecord, () => null);
  return Promise.race([read, timeout]);
}

/** Keeps `images` for the next visit; rejects with the browser's reason (storage full, private mode). */
export async function keepImages(images: OwnImages): Promise<void> {
  const record: KeptRecord = { version: RECORD_VERSION, train: images.data.train, eval: images.data.eval, summary: images.summary };
  await transact('readwrite', (store) => store.put(record, KEY));
}

export async function forgetKeptImages(): Promise<void> {
  await transact('readwrite', (store) => store.delete(KEY));
}
