// The ".hsd" (hypersphere dataset) container shared by the browser app, the
// Node CLI and the build script. One gzip-compressed file per split; the
// uncompressed layout (little-endian) is:
//   "HSD1" | u32 count | u16 rows | u16 cols | u32 jsonLength | JSON header
//   | count label bytes | count*channels*rows*cols pixel bytes (per image: one row-major plane per
//   channel, R then G then B; 0 = black). The header's "channels" is 1 or 3; files written before colour
//   have none and are read as 1 channel.
// Only standard web APIs are used so the same decoder runs everywhere.

import type { BuiltInDatasetName } from '../core/config';

export type { BuiltInDatasetName };

const datasetSplits = ['train', 'eval'] as const;
export type DatasetSplit = (typeof datasetSplits)[number];

export interface Dataset {
  name: string;
  split: string;
  count: number;
  rows: number;
  cols: number;
  /** 1 (grey) or 3 (colour: an image's R, G and B planes one after the other). */
  channels: ImageChannels;
  classNames: string[];
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** What a run trains on: the training split, and the held-out split its snapshots are measured on. */
export interface TrainingData {
  train: Dataset;
  eval: Dataset;
}

/** A dataset file is missing, unreadable or malformed; the message is shown to end users. */
export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

export type ImageChannels = 1 | 3;

/** Luma weights (ITU-R 601), as torchvision's rgb_to_grayscale and most image tools: a colour pixel's grey. */
export const LUMA = [0.299, 0.587, 0.114] as const;

/** A dataset's images in grey (their luma), as "Train in grey" uses colour images; grey ones come back as they are. */
export function inGrey(ds: Dataset): Dataset {
  if (ds.channels === 1) return ds;
  const area = ds.rows * ds.cols;
  const pixels = new Uint8Array(ds.count * area);
  for (let n = 0; n < ds.count; n++) {
    const [r, g, b] = [0, 1, 2].map((c) => (n * 3 + c) * area);
    for (let p = 0; p < area; p++) {
      pixels[n * area + p] = Math.round(LUMA[0] * ds.pixels[r! + p]! + LUMA[1] * ds.pixels[g! + p]! + LUMA[2] * ds.pixels[b! + p]!);
    }
  }
  return { ...ds, channels: 1, pixels };
}

const MAGIC = 'HSD1';
const FIXED_HEADER_BYTES = 16;
// The shipped sides: 28x28 (the grey sets, own images) and 32x32 (the colour set); anything else is a wrong file.
const IMAGE_SIDES = [28, 32];
const REBUILD_HINT = 'Rebuild it with `npm run data`.';

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Serialises a dataset to the uncompressed .hsd layout (callers gzip it). */
export function encodeDataset(ds: Dataset, provenance: string): Uint8Array {
  const json = new TextEncoder().encode(
    // A grey file leaves "channels" out, so it stays byte-identical to the files written before colour.
    JSON.stringify({ name: ds.name, split: ds.split, classNames: ds.classNames, ...(ds.channels === 1 ? {} : { channels: ds.channels }), source: provenance }),
  );
  const out = new Uint8Array(FIXED_HEADER_BYTES + json.length + ds.labels.length + ds.pixels.length);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, ds.count, true);
  view.setUint16(8, ds.rows, true);
  view.setUint16(10, ds.cols, true);
  view.setUint32(12, json.length, true);
  out.set(json, FIXED_HEADER_BYTES);
  out.set(ds.labels, FIXED_HEADER_BYTES + json.length);
  out.set(ds.pixels, FIXED_HEADER_BYTES + json.length + ds.labels.length);
  return out;
}

/**
 * Decodes a .hsd file (gzip-compressed, or already decompressed by an HTTP
 * server) and validates every size and label, so a damaged file fails loudly
 * instead of training on garbage. `source` names the file in error messages.
 */
export async function decodeDataset(bytes: Uint8Array, source: string): Promise<Dataset> {
  const raw = isGzip(bytes) ? await gunzip(bytes, source) : bytes;
  const fail = (problem: string): never => {
    throw new DatasetError(`Dataset file "${source}" ${problem}. ${REBUILD_HINT}`);
  };

  if (raw.length < FIXED_HEADER_BYTES) {
    fail(`is truncated: expected at least ${FIXED_HEADER_BYTES} header bytes, found ${fmt(raw.length)}`);
  }
  if (new TextDecoder().decode(raw.subarray(0, 4)) !== MAGIC) {
    fail(`is not a hypersphere dataset (missing the "${MAGIC}" signature)`);
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const count = view.getUint32(4, true);
  const rows = view.getUint16(8, true);
  const cols = view.getUint16(10, true);
  const jsonLength = view.getUint32(12, true);
  if (rows !== cols || !IMAGE_SIDES.includes(rows)) {
    fail(`holds ${rows}x${cols} images, but the lab needs ${IMAGE_SIDES.map((side) => `${side}x${side}`).join(' or ')}`);
  }
  if (count === 0) fail('contains no images');

  const labelsStart = FIXED_HEADER_BYTES + jsonLength;
  const pixelsStart = labelsStart + count;
  if (raw.length < labelsStart) {
    fail(`is truncated: expected ${fmt(jsonLength)} header bytes, found ${fmt(raw.length - FIXED_HEADER_BYTES)}`);
  }
  const header = parseHeader(raw.subarray(FIXED_HEADER_BYTES, labelsStart), fail);
  const pixelBytes = count * header.channels * rows * cols;
  if (raw.length < pixelsStart) {
    fail(`is truncated: expected ${fmt(count)} label bytes, found ${fmt(raw.length - labelsStart)}`);
  }
  const found = raw.length - pixelsStart;
  if (found < pixelBytes) fail(`is truncated: expected ${fmt(pixelBytes)} pixel bytes, found ${fmt(found)}`);
  if (found > pixelBytes) fail(`has ${fmt(found - pixelBytes)} unexpected bytes after the last image`);

  const labels = raw.subarray(labelsStart, pixelsStart);
  const badIndex = labels.findIndex((label) => label >= header.classNames.length);
  if (badIndex >= 0) {
    fail(
      `is corrupt: image ${fmt(badIndex)} has label ${labels[badIndex]}, ` +
        `but only ${header.classNames.length} classes are defined`,
    );
  }

  return {
    name: header.name,
    split: header.split,
    count,
    rows,
    cols,
    channels: header.channels,
    classNames: header.classNames,
    labels,
    pixels: raw.subarray(pixelsStart),
  };
}

/** Guards against a file that decodes fine but is not the one that was asked for. */
export function assertIdentity(ds: Dataset, name: BuiltInDatasetName, split: DatasetSplit, source: string): void {
  if (ds.name !== name || ds.split !== split) {
    throw new DatasetError(
      `Dataset file "${source}" holds ${ds.name}/${ds.split}, but ${name}/${split} was expected. ${REBUILD_HINT}`,
    );
  }
}

/** Train and eval must describe the same images and classes, or accuracy numbers are meaningless. */
export function assertPair(train: Dataset, evalSet: Dataset): void {
  const pair = `"${train.name}/${train.split}" and "${evalSet.name}/${evalSet.split}"`;
  if (train.rows !== evalSet.rows || train.cols !== evalSet.cols || train.channels !== evalSet.channels) {
    const shape = (ds: Dataset) => `${ds.rows}x${ds.cols}x${ds.channels}`;
    throw new DatasetError(`Datasets ${pair} do not match: ${shape(train)} vs ${shape(evalSet)} images. ${REBUILD_HINT}`);
  }
  const sameClasses =
    train.classNames.length === evalSet.classNames.length &&
    train.classNames.every((c, i) => c === evalSet.classNames[i]);
  if (!sameClasses) {
    throw new DatasetError(
      `Datasets ${pair} do not match: classes [${train.classNames.join(', ')}] vs ` +
        `[${evalSet.classNames.join(', ')}]. ${REBUILD_HINT}`,
    );
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzip(bytes: Uint8Array, source: string): Promise<Uint8Array> {
  try {
    // slice() gives an ArrayBuffer-backed copy, which Blob accepts under strict lib typings.
    const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new DatasetError(`Dataset file "${source}" is damaged and cannot be decompressed (${detail}). ${REBUILD_HINT}`);
  }
}

interface Header {
  name: string;
  split: string;
  classNames: string[];
  channels: ImageChannels;
}

function parseHeader(bytes: Uint8Array, fail: (problem: string) => never): Header {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('has an unreadable header (invalid JSON)');
  }
  if (typeof parsed !== 'object' || parsed === null) return fail('has an unreadable header (not a JSON object)');
  const { name, split, classNames, channels = 1 } = parsed as Record<string, unknown>;
  if (typeof name !== 'string' || typeof split !== 'string') {
    return fail('has an incomplete header (missing "name" or "split")');
  }
  if (!Array.isArray(classNames) || classNames.length === 0 || !classNames.every((c) => typeof c === 'string')) {
    return fail('has an incomplete header ("classNames" must be a non-empty list of names)');
  }
  if (channels !== 1 && channels !== 3) return fail(`has ${shownChannels(channels)} channels per pixel, but the lab reads 1 (grey) or 3 (colour)`);
  return { name, split, classNames, channels };
}

const shownChannels = (value: unknown): string => JSON.stringify(value) ?? String(value);
