/**
 * One import, start to end, as the import worker runs it: list the drop, plan it (imageFolder.ts), read and
 * decode the planned images a few at a time, and build the training data (ownDataset.ts). Every file that
 * cannot be used is skipped with its reason; nothing a user drops makes it throw.
 */
import { messages } from '../../i18n/messages';
import { countSkipped, type FileEntry, importLimits, planImageFolder, type SkippedFile } from './imageFolder';
import type { ImportOutcome, ImportSource } from './importProtocol';
import { imageTypeOf } from './imageSignature';
import { buildOwnDataset, type DecodedImage, TooFewImagesError } from './ownDataset';
import { extractZip, listZip, ZipError } from './zipArchive';

/** Turns an image file's bytes into planes R, G, B of side × side model bytes; throws when the image cannot be decoded. */
export type ImageDecoder = (bytes: Uint8Array) => Promise<Uint8Array>;

/** Files read and decoded at once: enough to keep the browser's decoder busy, few enough to bound memory. */
const CONCURRENT_DECODES = 4;
/** Skipped files listed by name in the summary (all are counted). */
const LISTED_SKIPPED = 50;

interface Drop {
  entries: FileEntry[];
  /** A reader of the planned entries' bytes (a zip inflates just those); it throws for one that cannot be read. */
  reader(planned: ReadonlySet<string>): (entry: number) => Promise<Uint8Array>;
}

const megabytes = (bytes: number): string => messages().files.megabytes({ megabytes: Math.round(bytes / 1024 / 1024) });

async function openDrop(source: ImportSource): Promise<Drop> {
  if (source.kind === 'files') {
    return {
      entries: source.files.map(({ path, file }) => ({ path, size: file.size })),
      reader: () => async (entry) => new Uint8Array(await source.files[entry]!.file.arrayBuffer()),
    };
  }
  if (source.file.size > importLimits.maxBytes) {
    throw new ZipError(source.name, messages().ownImages.zipTooLarge({ size: megabytes(source.file.size), max: megabytes(importLimits.maxBytes) }));
  }
  const archive = new Uint8Array(await source.file.arrayBuffer());
  const entries = listZip(archive, source.name);
  return {
    entries,
    reader: (planned) => {
      const extracted = extractZip(archive, source.name, planned);
      return async (entry) => {
        const bytes = extracted.get(entries[entry]!.path);
        if (!bytes) throw new Error('stored with a compression method that cannot be read');
        return bytes;
      };
    },
  };
}

export async function importImages(source: ImportSource, decode: ImageDecoder, side: number, onProgress: (done: number, total: number) => void): Promise<ImportOutcome> {
  let drop: Drop;
  try {
    drop = await openDrop(source);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), skippedCounts: [] };
  }
  const plan = planImageFolder(drop.entries);
  const skipped: SkippedFile[] = [...plan.skipped];
  let read: (entry: number) => Promise<Uint8Array>;
  try {
    read = drop.reader(new Set(plan.images.map((image) => image.path)));
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), skippedCounts: countSkipped(skipped) };
  }
  const decoded: (DecodedImage | null)[] = plan.images.map(() => null);
  let next = 0;
  let done = 0;
  onProgress(0, plan.images.length);
  const worker = async (): Promise<void> => {
    while (next < plan.images.length) {
      const index = next++;
      const image = plan.images[index]!;
      let bytes: Uint8Array | null = null;
      try {
        bytes = await read(image.entry);
      } catch {
        skipped.push({ path: image.path, reason: 'unreadable' });
      }
      if (bytes && !imageTypeOf(bytes)) skipped.push({ path: image.path, reason: 'not-image' });
      else if (bytes) {
        try {
          decoded[index] = { label: image.label, pixels: await decode(bytes) };
        } catch {
          skipped.push({ path: image.path, reason: 'damaged' });
        }
      }
      onProgress(++done, plan.images.length);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_DECODES }, worker));

  const skippedCounts = countSkipped(skipped);
  const images = decoded.filter((image): image is DecodedImage => image !== null);
  if (images.length === 0) {
    return { ok: false, message: messages().ownImages.noImages({ name: source.name, empty: drop.entries.length === 0 }), skippedCounts };
  }
  try {
    const { data, groups, classCounts, greyCount } = buildOwnDataset(images, plan.classNames, side);
    return {
      ok: true,
      data,
      summary: {
        source: source.name,
        classes: groups.classNames.map((name, label) => ({ name, count: classCounts[label]! })),
        labelled: plan.labelled,
        grouped: groups.grouped,
        trainCount: data.train.count,
        evalCount: data.eval.count,
        channels: data.train.channels,
        greyCount,
        skippedCounts,
        skipped: [...skipped].sort((a, b) => a.path.localeCompare(b.path)).slice(0, LISTED_SKIPPED),
      },
    };
  } catch (error) {
    if (error instanceof TooFewImagesError) return { ok: false, message: error.message, skippedCounts };
    throw error;
  }
}
