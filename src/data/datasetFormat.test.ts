import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { builtInDatasetNames } from '../core/config';
import { assertPair, type Dataset, DatasetError, decodeDataset, encodeDataset, inGrey } from './datasetFormat';
import { loadDatasetFromUrl } from './fetchDataset';
import { loadDatasetFromDisk } from './diskDataset';

const DATA_ROOT = fileURLToPath(new URL('../../public/data', import.meta.url));

function tiny(overrides: Partial<Dataset> = {}): Dataset {
  const count = 3;
  const pixels = new Uint8Array(count * 28 * 28).map((_, i) => i % 256);
  return {
    name: 'tiny',
    split: 'train',
    count,
    rows: 28,
    cols: 28,
    channels: 1,
    classNames: ['a', 'b'],
    labels: Uint8Array.from([0, 1, 1]),
    pixels,
    ...overrides,
  };
}

/** Decodes bytes that must be rejected and returns the DatasetError for message checks. */
async function rejection(bytes: Uint8Array): Promise<DatasetError> {
  const err: unknown = await decodeDataset(bytes, 'data/tiny.hsd').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DatasetError);
  return err as DatasetError;
}

describe('shipped dataset files', () => {
  const shapes = { 'fashion-mnist': [28, 1], mnist: [28, 1], 'shapes-colours': [32, 3] } as const;
  it.each(builtInDatasetNames)('%s train/eval decode with the expected shape and classes', async (name) => {
    const [side, channels] = shapes[name];
    const train = await loadDatasetFromDisk(name, 'train');
    const evalSet = await loadDatasetFromDisk(name, 'eval');
    assertPair(train, evalSet);
    for (const [ds, count] of [
      [train, 8000],
      [evalSet, 2000],
    ] as const) {
      expect(ds.name).toBe(name);
      expect(ds.count).toBe(count);
      expect([ds.rows, ds.cols, ds.channels]).toEqual([side, side, channels]);
      expect(ds.classNames).toHaveLength(10);
      expect(ds.labels).toHaveLength(count);
      expect(ds.pixels).toHaveLength(count * channels * side * side);
      expect(new Set(ds.labels).size).toBe(10); // every class present
      // Real images use (nearly) the full range; an all-black or constant file would be a build bug.
      expect(ds.pixels.reduce((a, b) => Math.min(a, b), 255)).toBe(0);
      expect(ds.pixels.reduce((a, b) => Math.max(a, b), 0)).toBe(255);
    }
  });

  it('uses the documented class names', async () => {
    expect((await loadDatasetFromDisk('fashion-mnist', 'eval')).classNames).toEqual([
      'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
    ]);
    expect((await loadDatasetFromDisk('mnist', 'eval')).classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect((await loadDatasetFromDisk('shapes-colours', 'eval')).classNames).toEqual([
      'circle', 'square', 'triangle', 'star', 'cross', 'ring', 'crescent', 'heart', 'T', 'half-disc',
    ]);
  });

  it('shapes-colours: every class comes in every colour (its colours say nothing about the class)', async () => {
    const ds = await loadDatasetFromDisk('shapes-colours', 'train');
    const area = ds.rows * ds.cols;
    // Each image's mean red, green and blue, averaged per class: classes differ by shape, not by colour.
    const sums = ds.classNames.map(() => [0, 0, 0, 0]);
    for (let i = 0; i < ds.count; i++) {
      const row = sums[ds.labels[i]!]!;
      for (let c = 0; c < 3; c++) row[c]! += ds.pixels.subarray((i * 3 + c) * area, (i * 3 + c + 1) * area).reduce((a, b) => a + b, 0) / area;
      row[3]!++;
    }
    const means = sums.flatMap(([r, g, b, n]) => [r! / n!, g! / n!, b! / n!]);
    expect(Math.max(...means) - Math.min(...means)).toBeLessThan(12);
  });
});

describe('decodeDataset', () => {
  it('round-trips a gzip-compressed file', async () => {
    const ds = tiny();
    expect(await decodeDataset(gzipSync(encodeDataset(ds, 'test')), 'tiny.hsd')).toEqual(ds);
  });

  it('round-trips colour images, and reads a file without "channels" (written before colour) as grey', async () => {
    const colour = tiny({ channels: 3, pixels: new Uint8Array(3 * 3 * 28 * 28).map((_, i) => (i * 7) % 256) });
    expect(await decodeDataset(encodeDataset(colour, 'test'), 'tiny.hsd')).toEqual(colour);
    const grey = encodeDataset(tiny(), 'test');
    expect(new TextDecoder().decode(grey)).not.toContain('channels');
    expect((await decodeDataset(grey, 'tiny.hsd')).channels).toBe(1);
  });

  it('rejects a channel count other than 1 or 3', async () => {
    const raw = encodeDataset(tiny({ channels: 3 }), 'test');
    const text = new TextDecoder().decode(raw);
    raw.set(new TextEncoder().encode('"channels":4'), text.indexOf('"channels":3'));
    expect((await rejection(raw)).message).toContain('has 4 channels per pixel, but the lab reads 1 (grey) or 3 (colour)');
  });

  it('accepts a file the server already decompressed', async () => {
    const ds = tiny();
    expect(await decodeDataset(encodeDataset(ds, 'test'), 'tiny.hsd')).toEqual(ds);
  });

  it('rejects a truncated file, naming the file and the missing bytes', async () => {
    const raw = encodeDataset(tiny(), 'test');
    const err = await rejection(gzipSync(raw.subarray(0, raw.length - 1000)));
    expect(err.message).toMatch(/^Dataset file "data\/tiny\.hsd" is truncated: expected 2,352 pixel bytes, found 1,352\./);
    expect(err.message).toContain('npm run data');
  });

  it('rejects a file cut inside its header', async () => {
    const err = await rejection(encodeDataset(tiny(), 'test').subarray(0, 20));
    expect(err.message).toMatch(/is truncated: expected \d+ header bytes, found 4/);
  });

  it('rejects trailing bytes', async () => {
    const raw = encodeDataset(tiny(), 'test');
    const err = await rejection(Uint8Array.from([...raw, 1, 2, 3]));
    expect(err.message).toContain('has 3 unexpected bytes after the last image');
  });

  it('rejects a wrong magic', async () => {
    const raw = encodeDataset(tiny(), 'test');
    raw.set([0x50, 0x4b, 0x03, 0x04]); // a zip file, say
    expect((await rejection(raw)).message).toContain('is not a hypersphere dataset (missing the "HSD1" signature)');
  });

  it('rejects a label without a class name', async () => {
    const raw = encodeDataset(tiny({ labels: Uint8Array.from([0, 1, 7]) }), 'test');
    expect((await rejection(raw)).message).toContain('image 2 has label 7, but only 2 classes are defined');
  });

  it('rejects images that are not 28x28 or 32x32', async () => {
    const raw = encodeDataset(tiny({ rows: 30, cols: 30, pixels: new Uint8Array(3 * 30 * 30) }), 'test');
    expect((await rejection(raw)).message).toContain('holds 30x30 images, but the lab needs 28x28 or 32x32');
  });

  it('rejects an unreadable JSON header', async () => {
    const raw = encodeDataset(tiny(), 'test');
    raw[16] = 0x7b + 1; // first JSON byte "{" becomes "|"
    expect((await rejection(raw)).message).toContain('has an unreadable header (invalid JSON)');
  });

  it('rejects corrupt gzip data', async () => {
    const gz = gzipSync(encodeDataset(tiny(), 'test'));
    gz.fill(0xaa, 10, 40);
    expect((await rejection(gz)).message).toMatch(/^Dataset file "data\/tiny\.hsd" is damaged and cannot be decompressed/);
  });

  it('rejects a cut-off gzip stream', async () => {
    const gz = gzipSync(encodeDataset(tiny(), 'test'));
    expect((await rejection(gz.subarray(0, gz.length - 20))).message).toContain('cannot be decompressed');
  });
});

describe('inGrey', () => {
  it("turns each colour pixel into its luma (0.299 R + 0.587 G + 0.114 B), and leaves grey images as they are", () => {
    const area = 28 * 28;
    const pixels = new Uint8Array(2 * 3 * area);
    // Image 0 pure red, image 1 a mix; planes R, G, B.
    pixels.fill(255, 0, area);
    [200, 100, 50].forEach((v, c) => pixels.fill(v, (3 + c) * area, (4 + c) * area));
    const grey = inGrey(tiny({ count: 2, channels: 3, labels: Uint8Array.from([0, 1]), pixels }));
    expect([grey.channels, grey.pixels.length]).toEqual([1, 2 * area]);
    expect([grey.pixels[0], grey.pixels[area]]).toEqual([76, 124]); // 76.245 and 124.2, rounded
    const already = tiny();
    expect(inGrey(already)).toBe(already);
  });
});

describe('assertPair', () => {
  it('rejects train/eval with different classes', () => {
    expect(() => assertPair(tiny(), tiny({ split: 'eval', classNames: ['a', 'c'] }))).toThrow(
      new DatasetError('Datasets "tiny/train" and "tiny/eval" do not match: classes [a, b] vs [a, c]. Rebuild it with `npm run data`.'),
    );
  });

  it('rejects train/eval with different image sizes', () => {
    expect(() => assertPair(tiny(), tiny({ split: 'eval', rows: 32 }))).toThrow(/28x28x1 vs 32x28x1 images/);
    expect(() => assertPair(tiny(), tiny({ split: 'eval', channels: 3 }))).toThrow(/28x28x1 vs 28x28x3 images/);
  });
});

describe('loadDatasetFromDisk', () => {
  async function tempRoot(): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'hsd-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    return root;
  }

  it('names the missing file and how to build it', async () => {
    const root = await tempRoot();
    const err: unknown = await loadDatasetFromDisk('mnist', 'train', root).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as Error).message).toBe(
      `Dataset file "${join(root, 'mnist', 'train.hsd')}" does not exist. Build it with \`npm run data\`.`,
    );
  });

  it('rejects a file that holds a different dataset than requested', async () => {
    const root = await tempRoot();
    await mkdir(join(root, 'mnist'));
    await copyFile(join(DATA_ROOT, 'mnist', 'eval.hsd'), join(root, 'mnist', 'train.hsd'));
    await expect(loadDatasetFromDisk('mnist', 'train', root)).rejects.toThrow(/holds mnist\/eval, but mnist\/train was expected/);
  });
});

describe('loadDatasetFromUrl', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('decodes the downloaded bytes', async () => {
    const ds = tiny({ name: 'mnist', split: 'eval' });
    const fetchMock = vi.fn(async () => new Response(gzipSync(encodeDataset(ds, 'test'))));
    vi.stubGlobal('fetch', fetchMock);
    expect(await loadDatasetFromUrl('mnist', 'eval', '/data/')).toEqual(ds);
    expect(fetchMock).toHaveBeenCalledWith('/data/mnist/eval.hsd');
  });

  it('turns an HTTP error into a DatasetError naming the URL and status', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404, statusText: 'Not Found' }));
    const err: unknown = await loadDatasetFromUrl('fashion-mnist', 'train', '/base/data').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as Error).message).toBe(
      'Could not download dataset "/base/data/fashion-mnist/train.hsd": HTTP 404 Not Found. ' +
        'The file is missing; build it with `npm run data`.',
    );
  });

  it('calls a web page served in place of the file "not found"', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html><html></html>', { headers: { 'content-type': 'text/html' } }));
    await expect(loadDatasetFromUrl('mnist', 'train', '/data')).rejects.toThrow(
      'Dataset file "/data/mnist/train.hsd" was not found: the server answered with a web page instead. Build the datasets with `npm run data`.',
    );
  });

  it('says a download cut short stopped before the end, with the size the server announced', async () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(100));
        controller.error(new TypeError('Failed to fetch'));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'content-length': '1500000' } }));
    const err = (await loadDatasetFromUrl('mnist', 'train', '/data').catch((e: unknown) => e)) as Error;
    expect(err.message).toBe(
      'The download of dataset "/data/mnist/train.hsd" stopped before the end (1,500,000 bytes were announced). Reload to retry; if it keeps stopping, the file on the server is damaged.',
    );
  });

  it('turns a network failure into a DatasetError', async () => {
    vi.stubGlobal('fetch', async () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(loadDatasetFromUrl('mnist', 'train', '/data')).rejects.toThrow(
      'Could not download dataset "/data/mnist/train.hsd" (Failed to fetch). Check your connection and reload.',
    );
  });
});
