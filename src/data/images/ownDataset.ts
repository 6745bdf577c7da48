/**
 * Decoded images → the same TrainingData the built-in datasets give (a train and an eval Dataset), so nothing
 * after this point knows the images were the user's. The evaluation set is held out per class (stratified) from
 * a fixed seed, so the same folder always splits the same way; both sets are shuffled, because the lab draws
 * its pairs and kNN queries from the first evaluation images.
 */
import { messages } from '../../i18n/messages';
import { OWN_DATASET } from '../../core/config';
import { Rng } from '../../core/rng';
import type { Dataset, ImageChannels, TrainingData } from '../datasetFormat';
import { importLimits } from './imageFolder';

/** Share of each class held out for evaluation, as in the built-in datasets (8,000 + 2,000). */
const EVAL_FRACTION = 0.2;
/** The built-in datasets' evaluation size: a bigger one would only make every snapshot slower. */
export const MAX_EVAL_IMAGES = 2000;
const SPLIT_SEED = 0;

export interface DecodedImage {
  label: number;
  /** Planes R, G, B of side × side bytes. */
  pixels: Uint8Array;
}

/** An image whose three planes are the same: a grey picture, whatever file it came in. */
function isGrey(pixels: Uint8Array, area: number): boolean {
  for (let p = 0; p < area; p++) if (pixels[p] !== pixels[area + p] || pixels[p] !== pixels[2 * area + p]) return false;
  return true;
}

export interface ClassGroups {
  classNames: string[];
  /** New label of each original label. */
  labelOf: number[];
  /** The original classes shown together as the last class, when there were too many to colour apart. */
  grouped: string[];
}

/**
 * More classes than the sphere has colours: the largest keep their own (ties by name), the rest share one,
 * "other", so every colour on the sphere still means one thing.
 */
export function groupClasses(classNames: readonly string[], counts: readonly number[], maxClasses: number = importLimits.maxClasses): ClassGroups {
  if (classNames.length <= maxClasses) return { classNames: [...classNames], labelOf: classNames.map((_, i) => i), grouped: [] };
  const bySize = classNames.map((_, i) => i).sort((a, b) => counts[b]! - counts[a]! || a - b);
  const own = new Set(bySize.slice(0, maxClasses - 1));
  const keptInOrder = classNames.map((_, i) => i).filter((i) => own.has(i));
  const labelOf = classNames.map((_, i) => (own.has(i) ? keptInOrder.indexOf(i) : maxClasses - 1));
  const grouped = classNames.filter((_, i) => !own.has(i));
  return { classNames: [...keptInOrder.map((i) => classNames[i]!), `other (${grouped.length} classes)`], labelOf, grouped };
}

/** Which images are held out: per class, EVAL_FRACTION of them (at least one when the class has two or more). */
export function splitIndices(labels: readonly number[], classCount: number, seed: number = SPLIT_SEED): { train: number[]; eval: number[] } {
  const rng = new Rng(seed).fork('evaluation split');
  const byClass = Array.from({ length: classCount }, () => [] as number[]);
  labels.forEach((label, index) => byClass[label]!.push(index));
  const scale = Math.min(EVAL_FRACTION, MAX_EVAL_IMAGES / Math.max(1, labels.length));
  const train: number[] = [];
  const evalSet: number[] = [];
  for (const members of byClass) {
    rng.shuffle(members);
    const held = members.length < 2 ? 0 : Math.max(1, Math.round(members.length * scale));
    evalSet.push(...members.slice(0, held));
    train.push(...members.slice(held));
  }
  rng.shuffle(train);
  rng.shuffle(evalSet);
  return { train, eval: evalSet };
}

/** A grey dataset keeps each image's first plane (all three are the same). */
function datasetOf(split: 'train' | 'eval', indices: number[], images: readonly DecodedImage[], labelOfImage: number[], classNames: string[], side: number, channels: ImageChannels): Dataset {
  const values = channels * side * side;
  const pixels = new Uint8Array(indices.length * values);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, i) => {
    pixels.set(images[index]!.pixels.subarray(0, values), i * values);
    labels[i] = labelOfImage[index]!;
  });
  return { name: OWN_DATASET, split, count: indices.length, rows: side, cols: side, channels, classNames, labels, pixels };
}

export interface OwnDataset {
  data: TrainingData;
  groups: ClassGroups;
  /** Images per (grouped) class. */
  classCounts: number[];
  /** Grey images among them: all of them makes a grey dataset; some make a colour one with those few in grey. */
  greyCount: number;
}

/** The user's images as training data; throws TooFewImagesError below importLimits.minImages. */
export function buildOwnDataset(images: readonly DecodedImage[], classNames: readonly string[], side: number): OwnDataset {
  if (images.length < importLimits.minImages) throw new TooFewImagesError(images.length);
  const originalCounts = classNames.map(() => 0);
  for (const { label } of images) originalCounts[label]! += 1;
  // A class folder whose files were all skipped has no images: it gets no colour and no legend entry.
  const present = classNames.map((_, i) => i).filter((i) => originalCounts[i]! > 0);
  const groups = groupClasses(
    present.map((i) => classNames[i]!),
    present.map((i) => originalCounts[i]!),
  );
  const labelOf = classNames.map((_, i) => (present.includes(i) ? groups.labelOf[present.indexOf(i)]! : -1));
  const labels = images.map(({ label }) => labelOf[label]!);
  const { train, eval: held } = splitIndices(labels, groups.classNames.length);
  const classCounts = groups.classNames.map(() => 0);
  for (const label of labels) classCounts[label]! += 1;
  const greyCount = images.filter((image) => isGrey(image.pixels, side * side)).length;
  const channels: ImageChannels = greyCount === images.length ? 1 : 3;
  return {
    data: {
      train: datasetOf('train', train, images, labels, groups.classNames, side, channels),
      eval: datasetOf('eval', held, images, labels, groups.classNames, side, channels),
    },
    groups,
    classCounts,
    greyCount,
  };
}

/** Too few images to train on and measure; the message says why the lab needs more. */
export class TooFewImagesError extends Error {
  constructor(readonly count: number) {
    super(messages().ownImages.tooFew({ count, min: importLimits.minImages }));
    this.name = 'TooFewImagesError';
  }
}
