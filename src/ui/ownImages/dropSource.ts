/**
 * What the user dropped or picked, as an ImportSource: a folder's files with their paths (drag and drop walks
 * the folders; `<input webkitdirectory>` gives webkitRelativePath), or a single .zip. Only listing happens
 * here, on the page's thread; reading and decoding are the import worker's.
 */
import { messages } from '../../i18n/messages';
import type { ImportSource } from '../../data/images/importProtocol';

/** A dropped folder is walked up to this many files: a drop of a whole disk would otherwise keep the page busy for minutes. */
const MAX_LISTED_FILES = 100_000;

const isZip = (file: File): boolean => /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';

/** Files from an `<input type=file>` (a folder picked with webkitdirectory, a zip, or loose images). */
export function sourceFromFiles(list: ArrayLike<File>): ImportSource | null {
  const files = Array.from(list);
  if (files.length === 0) return null;
  if (files.length === 1 && isZip(files[0]!)) return { kind: 'zip', name: files[0]!.name, file: files[0]! };
  const paths = files.map((file) => file.webkitRelativePath || file.name);
  const top = paths[0]!.includes('/') ? paths[0]!.split('/')[0]! : messages().ownImages.chosenFiles;
  // The browser has listed a picked folder already; the import's limits apply to all of it.
  return { kind: 'files', name: top, files: files.map((file, i) => ({ path: paths[i]!, file })) };
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries answers in batches (100 in Chrome) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = (): void =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

/** A drop on the drop zone: folders walked, or one zip; null when nothing usable was dropped. */
export async function sourceFromDrop(transfer: DataTransfer): Promise<ImportSource | null> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.() ?? null)
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0) return sourceFromFiles(transfer.files);
  if (entries.length === 1 && entries[0]!.isFile) {
    const file = await fileOf(entries[0] as FileSystemFileEntry);
    if (isZip(file)) return { kind: 'zip', name: file.name, file };
  }
  const files: { path: string; file: File }[] = [];
  const pending = [...entries];
  while (pending.length > 0 && files.length < MAX_LISTED_FILES) {
    const entry = pending.shift()!;
    if (entry.isDirectory) pending.push(...(await readAllEntries((entry as FileSystemDirectoryEntry).createReader())));
    else {
      // A file that vanished since the drop is left out here; the rest still import.
      const file = await fileOf(entry as FileSystemFileEntry).catch(() => null);
      if (file) files.push({ path: entry.fullPath, file });
    }
  }
  const name = entries.length === 1 ? entries[0]!.name : `${entries.length} dropped items`;
  return files.length === 0 ? null : { kind: 'files', name, files };
}
