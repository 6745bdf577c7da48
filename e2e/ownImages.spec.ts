/**
 * Own images end to end: folders of PNGs written here, picked with the folder input, decoded by the page's
 * import worker, trained on, kept for the next visit and forgotten; a link naming them opens elsewhere with a notice.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { unzipSync, zipSync } from 'fflate';
import { colourfulImages, waitUntilReady, watchErrors } from './lab';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG, side × side, grey or (when `pixel` gives red, green and blue) colour, whose pixel (x, y) is `pixel(x, y)`. */
function png(side: number, pixel: (x: number, y: number) => number | readonly [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  const bytes = typeof pixel(0, 0) === 'number' ? 1 : 3;
  header.set([8, bytes === 1 ? 0 : 2, 0, 0, 0], 8); // 8-bit greyscale or RGB
  const stride = side * bytes + 1;
  const rows = Buffer.alloc(side * stride);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) rows.set([pixel(x, y)].flat(), y * stride + 1 + x * bytes);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Three shapes to tell apart: bars across, bars down, a bright disc; each image shifted a little. */
const shapes: Record<string, (x: number, y: number, shift: number) => number> = {
  across: (_x, y, shift) => ((y + shift) % 8 < 4 ? 230 : 20),
  down: (x, _y, shift) => ((x + shift) % 8 < 4 ? 230 : 20),
  disc: (x, y, shift) => ((x - 16 - (shift % 5)) ** 2 + (y - 16) ** 2 < 90 ? 240 : 10),
};

function folder(name: string): string {
  const root = join(mkdtempSync(join(tmpdir(), 'own-images-')), name);
  mkdirSync(root);
  return root;
}

async function pickFolder(page: Page, path: string): Promise<void> {
  await page.getByLabel('Choose a folder').setInputFiles(path);
}

test('a folder of PNGs in three class folders trains, exports, is kept for the next visit and compared, and is forgotten', async ({ page, browser }) => {
  const errors = watchErrors(page);
  const root = folder('shapes');
  for (const [name, shape] of Object.entries(shapes)) {
    mkdirSync(join(root, name));
    for (let i = 0; i < 100; i++) writeFileSync(join(root, name, `${i}.png`), png(32, (x, y) => shape(x, y, i)));
  }
  await page.goto('/#v=1&batch=64&steps=4&evalEvery=2');
  await waitUntilReady(page);
  await pickFolder(page, root);

  const summary = page.getByTestId('own-images-summary');
  await expect(summary).toContainText('shapes: 300 images in 3 classes; 240 train, 60 held out');
  const classes = page.getByRole('list', { name: 'Images per class' });
  await expect(classes.getByRole('listitem')).toHaveText(['across: 100', 'disc: 100', 'down: 100']);
  await expect(classes.getByRole('img', { name: 'disc image' })).toHaveCount(6);
  await expect(page.getByLabel('Dataset')).toHaveValue('own');
  await expect.poll(() => new URL(page.url()).hash).toContain('dataset=own');

  await waitUntilReady(page);
  await expect(page.getByRole('list', { name: 'Classes' }).getByRole('button')).toHaveText(['across', 'disc', 'down']);
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByTestId('run-note')).toContainText('Finished');
  await expect(page.getByTestId('metrics-step')).toHaveText('at step 4');
  // The decoded images as the lab's dataset files, for the PyTorch script.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Your images (.hsd)' }).click();
  const archive = await download;
  expect(archive.suggestedFilename()).toBe('own-images-hsd.zip');
  expect(Object.keys(unzipSync(readFileSync(await archive.path())))).toEqual(['own/train.hsd', 'own/eval.hsd']);

  // The next visit finds the images in this browser.
  await page.reload();
  await expect(summary).toContainText('Kept in this browser from an earlier visit.');
  await expect(page.getByLabel('Dataset')).toHaveValue('own');
  await waitUntilReady(page);
  await expect(page.getByRole('list', { name: 'Classes' }).getByRole('button')).toHaveCount(3);
  // Both runs of a comparison train on them.
  await page.getByLabel('Switch to compare').selectOption('stopGrad');
  await page.getByRole('button', { name: 'Open comparison' }).click();
  for (const run of ['Run A: Stop-gradient on', 'Run B: Stop-gradient off']) {
    await expect(page.getByRole('region', { name: run }).getByRole('list', { name: 'Classes' }).getByRole('button')).toHaveText(['across', 'disc', 'down']);
  }
  await page.getByRole('button', { name: 'Single run' }).click();

  // A link to this experiment, opened where the images are not, says so and falls back to Fashion-MNIST.
  const elsewhere = await browser.newPage();
  await elsewhere.goto(page.url());
  await expect(elsewhere.getByRole('region', { name: 'Notices' })).toContainText('This experiment used local images, which are not part of the link');
  await expect(elsewhere.getByLabel('Dataset')).toHaveValue('fashion-mnist');
  await elsewhere.close();

  await page.getByRole('button', { name: 'Forget my images' }).click();
  await expect(summary).toHaveCount(0);
  await expect(page.getByLabel('Dataset')).toHaveValue('fashion-mnist');
  await page.reload();
  await expect(page.getByLabel('Dataset')).toHaveValue('fashion-mnist');
  await expect(page.getByRole('region', { name: 'Notices' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a flat folder reports its corrupt PNG and text file as skipped and has no labels; too few images are explained; a zip imports', async ({ page }) => {
  const errors = watchErrors(page);
  const flat = folder('snapshots');
  for (let i = 0; i < 110; i++) writeFileSync(join(flat, `${i}.png`), png(20, (x, y) => (x * 7 + y * i) % 256));
  const good = png(20, () => 128);
  writeFileSync(join(flat, 'broken.png'), good.subarray(0, 40)); // the signature and header, then cut off
  writeFileSync(join(flat, 'notes.txt'), 'not a picture');
  await page.goto('/');
  await waitUntilReady(page);
  await pickFolder(page, flat);

  const summary = page.getByTestId('own-images-summary');
  await expect(summary).toContainText('snapshots: 110 images, no class folders');
  const skipped = page.getByTestId('own-images-skipped');
  await expect(skipped).toContainText('2 files skipped');
  await expect(skipped.locator('[data-reason="damaged"]')).toHaveText('1 damaged: it could not be decoded as an image');
  await expect(skipped.locator('[data-reason="not-image"]')).toHaveText('1 not a PNG, JPEG, WebP or GIF image');
  await waitUntilReady(page);
  await expect(page.getByRole('list', { name: 'Classes' }).getByRole('button')).toHaveCount(1);
  await expect(page.getByTestId('metric-knn')).toHaveText('not available: no labels');
  // Supervised reads labels: on these images it is listed but cannot be chosen, with the reason.
  const supervised = page.getByLabel('Method').locator('option[value="supervised"]');
  await expect(supervised).toBeDisabled();
  await expect(supervised).toHaveText('Supervised — needs labelled images');

  const few = folder('few');
  for (let i = 0; i < 5; i++) writeFileSync(join(few, `${i}.png`), good);
  await pickFolder(page, few);
  await expect(page.getByRole('alert').filter({ hasText: 'usable images' })).toContainText('Only 5 usable images found; the lab needs at least 100.');
  // The images already imported stay.
  await expect(summary).toContainText('snapshots: 110 images');

  const archive: Record<string, Uint8Array> = {};
  for (const [name, shape] of Object.entries(shapes)) for (let i = 0; i < 40; i++) archive[`pets/${name}/${i}.png`] = png(32, (x, y) => shape(x, y, i));
  const zipPath = join(folder('zip'), 'pets.zip');
  writeFileSync(zipPath, zipSync(archive));
  await page.getByLabel('Choose a zip').setInputFiles(zipPath);
  await expect(summary).toContainText('pets.zip: 120 images in 3 classes; 96 train, 24 held out');
  await waitUntilReady(page);
  await expect(page.getByRole('list', { name: 'Classes' }).getByRole('button')).toHaveText(['across', 'disc', 'down']);
  expect(errors).toEqual([]);
});

test('a zip of colour images, some grey, trains in colour with the grey ones grey; "Train in grey" turns them all grey', async ({ page }) => {
  const errors = watchErrors(page);
  const archive: Record<string, Uint8Array> = {};
  for (const [name, shape] of Object.entries(shapes)) {
    for (let i = 0; i < 40; i++) {
      // Every tenth image grey; the others tinted, each its own way.
      const tint = (v: number) => [v, Math.round((v * (i % 7)) / 7), 255 - v] as const;
      archive[`tints/${name}/${i}.png`] = i % 10 === 0 ? png(32, (x, y) => shape(x, y, i)) : png(32, (x, y) => tint(shape(x, y, i)));
    }
  }
  const zipPath = join(folder('colour'), 'tints.zip');
  writeFileSync(zipPath, zipSync(archive));
  await page.goto('/');
  await waitUntilReady(page);
  await page.getByLabel('Choose a zip').setInputFiles(zipPath);
  const summary = page.getByTestId('own-images-summary');
  await expect(summary).toContainText('tints.zip: 120 images in 3 classes');
  await expect(page.getByTestId('own-images-colour')).toHaveText('The images train in colour (12 of 120 are grey, and stay grey); “Train in grey” turns them grey.');
  await expect.poll(() => colourfulImages(summary.getByRole('img'))).toBeGreaterThan(0);
  await waitUntilReady(page);
  await page.getByText('Augmentations', { exact: true }).click();
  const hue = page.getByLabel('Hue jitter');
  await expect(hue).toBeEnabled();
  await expect.poll(() => colourfulImages(page.getByRole('list', { name: 'Examples' }).getByRole('img'))).toBeGreaterThan(0);

  await page.getByRole('switch', { name: 'Train in grey' }).click();
  await waitUntilReady(page);
  await expect(hue).toBeDisabled();
  await expect.poll(() => colourfulImages(page.getByRole('list', { name: 'Examples' }).getByRole('img'))).toBe(0);
  expect(errors).toEqual([]);
});
