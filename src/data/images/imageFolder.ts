/**
 * A dropped folder (or zip) as a plan: which files are images, which class folder each belongs to, and which
 * are skipped and why. Pure: it sees only paths and sizes, so it runs before a single byte is read.
 *
 * Classes are the first folder level under the folder the images share (`pets/cats/1.png`, `pets/dogs/2.png` →
 * cats, dogs); deeper folders belong to their top class folder. When no image sits in a sub-folder, the images
 * have no labels. The limits keep a seeded, class-proportional subset rather than the first files in path order,
 * which could drop whole classes.
 */
import { Rng } from '../../core/rng';

export interface FileEntry {
  /** Path inside the drop, `/`-separated (a leading `/` is ignored). */
  path: string;
  /** Bytes. */
  size: number;
}

/** What the lab reads at most, and the fewest images it trains on. */
export const importLimits = {
  maxImages: 20_000,
  maxBytes: 200 * 1024 * 1024,
  minImages: 100,
  /** Colours the sphere tells apart; more classes are grouped (see ownDataset.ts). */
  maxClasses: 10,
} as const;

export const skipReasons = {
  'system-file': 'a system file, not a picture',
  'not-image': 'not a PNG, JPEG, WebP or GIF image',
  'outside-classes': 'not in a class folder (the other images are)',
  'over-count': `over the limit of ${importLimits.maxImages.toLocaleString('en')} images`,
  'over-bytes': `over the limit of ${importLimits.maxBytes / 1024 / 1024} MB read`,
  unreadable: 'could not be read',
  damaged: 'damaged: it could not be decoded as an image',
} as const;

export type SkipReason = keyof typeof skipReasons;

export interface SkippedFile {
  path: string;
  reason: SkipReason;
}

interface PlannedImage {
  /** Index into the entries given to planImageFolder. */
  entry: number;
  path: string;
  label: number;
}

export interface FolderPlan {
  /** Class folder names in natural order (`class2` before `class10`); one unnamed class when unlabelled. */
  classNames: string[];
  /** False when the images sit in no class folders: nothing to score kNN accuracy against. */
  labelled: boolean;
  /** The images to read, in path order. */
  images: PlannedImage[];
  skipped: SkippedFile[];
}

/** The class of a flat folder's images (one colour on the sphere). */
export const UNLABELLED_CLASS = 'images';

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jfif', 'webp', 'gif']);
/** Files operating systems leave in folders and archives; no user means them as pictures. */
const SYSTEM_NAMES = new Set(['thumbs.db', 'desktop.ini']);

// One collator for all comparisons: localeCompare with options builds one per call (seconds for 20,000 paths).
const collator = new Intl.Collator('en', { numeric: true });
const naturalOrder = (a: string, b: string): number => collator.compare(a, b);

function parts(path: string): string[] {
  return path.split('/').filter((part) => part !== '');
}

function isSystemFile(segments: string[]): boolean {
  const name = segments.at(-1)!.toLowerCase();
  // Hidden files and folders (.DS_Store, ._photo.jpg, .git/…) and macOS's resource forks in zips.
  return SYSTEM_NAMES.has(name) || segments.some((part) => part.startsWith('.') || part === '__MACOSX');
}

function hasImageExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMAGE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** How many leading folders every path shares (the dropped folder itself, and any single folder inside it). */
function sharedFolderDepth(paths: string[][]): number {
  if (paths.length === 0) return 0;
  const first = paths[0]!;
  let depth = 0;
  while (depth < first.length - 1 && paths.every((segments) => segments.length - 1 > depth && segments[depth] === first[depth])) depth++;
  return depth;
}

/** Plans the import of `entries`; `seed` picks the subset kept when a limit is reached. */
export function planImageFolder(entries: readonly FileEntry[], seed = 0): FolderPlan {
  const skipped: SkippedFile[] = [];
  const candidates: { entry: number; path: string; segments: string[] }[] = [];
  entries.forEach(({ path }, entry) => {
    const segments = parts(path);
    if (segments.length === 0) return;
    if (isSystemFile(segments)) skipped.push({ path, reason: 'system-file' });
    else if (!hasImageExtension(segments.at(-1)!)) skipped.push({ path, reason: 'not-image' });
    else candidates.push({ entry, path, segments });
  });

  const depth = sharedFolderDepth(candidates.map((c) => c.segments));
  const relative = candidates.map((c) => ({ ...c, segments: c.segments.slice(depth) }));
  const labelled = relative.some((c) => c.segments.length > 1);
  const inClasses = relative.filter((c) => {
    if (!labelled || c.segments.length > 1) return true;
    skipped.push({ path: c.path, reason: 'outside-classes' });
    return false;
  });

  const kept = withinLimits(inClasses, entries, seed, skipped);
  const classNames = labelled ? [...new Set(kept.map((c) => c.segments[0]!))].sort(naturalOrder) : [UNLABELLED_CLASS];
  const labelOf = new Map(classNames.map((name, label) => [name, label]));
  const images = kept
    .map((c) => ({ entry: c.entry, path: c.path, label: labelled ? labelOf.get(c.segments[0]!)! : 0 }))
    .sort((a, b) => naturalOrder(a.path, b.path));
  return { classNames, labelled, images, skipped };
}

/** A seeded shuffle of the candidates, kept while under both limits; the rest are skipped with the limit's reason. */
function withinLimits<T extends { entry: number; path: string }>(candidates: T[], entries: readonly FileEntry[], seed: number, skipped: SkippedFile[]): T[] {
  // Sorted first: browsers list a dropped folder in no fixed order, and the subset must not depend on it.
  const order = [...candidates].sort((a, b) => naturalOrder(a.path, b.path));
  new Rng(seed).fork('import limits').shuffle(order);
  const kept: T[] = [];
  let bytes = 0;
  for (const candidate of order) {
    const size = entries[candidate.entry]!.size;
    if (kept.length >= importLimits.maxImages) skipped.push({ path: candidate.path, reason: 'over-count' });
    else if (bytes + size > importLimits.maxBytes) skipped.push({ path: candidate.path, reason: 'over-bytes' });
    else {
      kept.push(candidate);
      bytes += size;
    }
  }
  return kept;
}

export interface SkippedCount {
  reason: SkipReason;
  count: number;
}

/** Skipped files counted per reason, most frequent first. */
export function countSkipped(skipped: readonly SkippedFile[]): SkippedCount[] {
  const counts = new Map<SkipReason, number>();
  for (const { reason } of skipped) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
