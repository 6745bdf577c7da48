import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importImages } from './importImages';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A file that starts like a PNG; the byte after the signature stands for its picture (255: undecodable). */
const pngLike = (value: number) => new Uint8Array([...PNG_SIGNATURE, value]);
/**
 * Stands in for the browser's decoder, which Node lacks (the e2e tests decode real files): it turns the byte
 * after the signature into a grey 2 × 2 image (three equal planes), and fails on 255 as a damaged file would.
 */
const decode = async (bytes: Uint8Array): Promise<Uint8Array> => {
  if (bytes[8] === 255) throw new Error('The source image could not be decoded.');
  return new Uint8Array(12).fill(bytes[8]!);
};

const zipFile = (files: Record<string, Uint8Array>, name = 'pets.zip') => ({ kind: 'zip' as const, name, file: new File([zipSync(files)], name) });

describe('importImages', () => {
  it('reads a zip of class folders into training data, counting every skipped file with its reason', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 60; i++) files[`pets/cats/${i}.png`] = pngLike(i);
    for (let i = 0; i < 60; i++) files[`pets/dogs/${i}.png`] = pngLike(100 + i);
    files['pets/dogs/broken.png'] = pngLike(255);
    files['pets/cats/renamed.png'] = new TextEncoder().encode('just text');
    files['pets/readme.md'] = new TextEncoder().encode('# pets');
    const progress: number[] = [];
    const outcome = await importImages(zipFile(files), decode, 2, (done) => progress.push(done));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.summary).toMatchObject({
      source: 'pets.zip',
      classes: [{ name: 'cats', count: 60 }, { name: 'dogs', count: 60 }],
      labelled: true,
      trainCount: 96,
      evalCount: 24,
      channels: 1,
      greyCount: 120,
      skippedCounts: [{ reason: 'not-image', count: 2 }, { reason: 'damaged', count: 1 }],
    });
    expect(outcome.summary.skipped).toEqual([
      { path: 'pets/cats/renamed.png', reason: 'not-image' },
      { path: 'pets/dogs/broken.png', reason: 'damaged' },
      { path: 'pets/readme.md', reason: 'not-image' },
    ]);
    expect(outcome.data.train.classNames).toEqual(['cats', 'dogs']);
    // Each image keeps its label: cats were drawn below 100.
    outcome.data.train.labels.forEach((label, i) => expect(label).toBe(outcome.data.train.pixels[i * 4]! < 100 ? 0 : 1));
    expect(progress.at(-1)).toBe(122);
  });

  it('says why nothing could be imported', async () => {
    const notZip = { kind: 'zip' as const, name: 'photos.zip', file: new File(['not a zip'], 'photos.zip') };
    expect(await importImages(notZip, decode, 2, () => {})).toMatchObject({ ok: false, message: expect.stringContaining('"photos.zip" could not be opened as a zip file') });
    const text = await importImages(zipFile({ 'notes.txt': new Uint8Array([1]) }, 'notes.zip'), decode, 2, () => {});
    expect(text).toEqual({
      ok: false,
      message: 'No images to train on in "notes.zip". None of its files is a PNG, JPEG, WebP or GIF image the lab could read.',
      skippedCounts: [{ reason: 'not-image', count: 1 }],
    });
    // A zip whose directory reads but whose compressed data is damaged.
    const name = 'a/1.png';
    const damaged = zipSync({ [name]: new Uint8Array(5000).fill(7) });
    damaged.fill(0xff, 30 + name.length, 30 + name.length + 8);
    const broken = await importImages({ kind: 'zip', name: 'damaged.zip', file: new File([damaged], 'damaged.zip') }, decode, 2, () => {});
    expect(broken).toMatchObject({ ok: false, message: expect.stringContaining('"damaged.zip" could not be opened as a zip file') });
    const few = await importImages(zipFile({ 'a/1.png': pngLike(1), 'b/2.png': pngLike(2) }), decode, 2, () => {});
    expect(few).toMatchObject({ ok: false, message: expect.stringContaining('Only 2 usable images found') });
  });
});
