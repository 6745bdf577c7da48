import { describe, expect, it } from 'vitest';
import { importLimits } from './imageFolder';
import { buildOwnDataset, type DecodedImage, groupClasses, MAX_EVAL_IMAGES, splitIndices, TooFewImagesError } from './ownDataset';

/** `counts[c]` grey 2×2 images (three equal planes) of class c, each filled with its own index so that images can be followed through. */
function images(counts: number[]): DecodedImage[] {
  const out: DecodedImage[] = [];
  counts.forEach((count, label) => {
    for (let i = 0; i < count; i++) out.push({ label, pixels: new Uint8Array(12).fill(out.length % 256) });
  });
  return out;
}

describe('splitIndices', () => {
  it('holds out a fifth of each class, shuffled, the same every time', () => {
    const labels = [...Array(50).fill(0), ...Array(30).fill(1), ...Array(20).fill(2)];
    const split = splitIndices(labels, 3);
    expect(split.eval.map((i) => labels[i]).sort()).toEqual([...Array(10).fill(0), ...Array(6).fill(1), ...Array(4).fill(2)]);
    expect(new Set([...split.train, ...split.eval]).size).toBe(100);
    expect(split.eval.map((i) => labels[i])).not.toEqual([...split.eval.map((i) => labels[i])].sort());
    expect(splitIndices(labels, 3)).toEqual(split);
  });

  it('caps the evaluation set at the built-in datasets’ size', () => {
    const split = splitIndices(Array(20_000).fill(0), 1);
    expect(split.eval).toHaveLength(MAX_EVAL_IMAGES);
  });

  it('keeps a single image of a class for training', () => {
    const split = splitIndices([0, 0, 0, 0, 0, 1], 2);
    expect(split.train).toContain(5);
    expect(split.eval).toHaveLength(1);
  });
});

describe('groupClasses', () => {
  it('keeps up to the colour count as they are', () => {
    expect(groupClasses(['a', 'b'], [3, 4])).toEqual({ classNames: ['a', 'b'], labelOf: [0, 1], grouped: [] });
  });

  it('colours the nine largest of twelve classes apart and groups the rest as "other"', () => {
    const names = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const counts = [5, 50, 40, 3, 30, 20, 25, 35, 45, 15, 10, 2];
    const groups = groupClasses(names, counts);
    expect(groups.classNames).toEqual(['c1', 'c2', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'other (3 classes)']);
    expect(groups.grouped).toEqual(['c0', 'c3', 'c11']);
    expect(groups.labelOf).toEqual([9, 0, 1, 9, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(groups.classNames).toHaveLength(importLimits.maxClasses);
  });
});

describe('buildOwnDataset', () => {
  it('gives train and eval datasets with the same classes, every image in one of them', () => {
    const decoded = images([60, 40, 0]);
    const { data, classCounts } = buildOwnDataset(decoded, ['cats', 'dogs', 'empty folder'], 2);
    expect(data.train).toMatchObject({ name: 'own', split: 'train', count: 80, rows: 2, cols: 2, classNames: ['cats', 'dogs'] });
    expect(data.eval).toMatchObject({ name: 'own', split: 'eval', count: 20, classNames: ['cats', 'dogs'] });
    expect(classCounts).toEqual([60, 40]);
    const seen = [...data.train.pixels.filter((_, i) => i % 4 === 0), ...data.eval.pixels.filter((_, i) => i % 4 === 0)].sort((a, b) => a - b);
    expect(seen).toEqual(decoded.map((_, i) => i));
    // Labels travel with their images: images 0–59 are cats.
    data.train.labels.forEach((label, i) => expect(label).toBe(data.train.pixels[i * 4]! < 60 ? 0 : 1));
  });

  it('keeps grey images as one channel, and a mix of grey and colour images in colour, the grey ones grey', () => {
    const grey = buildOwnDataset(images([60, 40]), ['a', 'b'], 2);
    expect([grey.data.train.channels, grey.data.eval.channels, grey.greyCount]).toEqual([1, 1, 100]);
    const mixed = images([60, 40]);
    // Image 7 gets a red top-left pixel: the set is now colour.
    mixed[7]!.pixels[0] = 255;
    mixed[7]!.pixels[4] = 0;
    const colour = buildOwnDataset(mixed, ['a', 'b'], 2);
    expect([colour.data.train.channels, colour.data.eval.channels, colour.greyCount]).toEqual([3, 3, 99]);
    expect(colour.data.train.pixels).toHaveLength(colour.data.train.count * 12);
    const all = [colour.data.train, colour.data.eval].flatMap((ds) => Array.from({ length: ds.count }, (_, i) => ds.pixels.subarray(i * 12, (i + 1) * 12)));
    expect(all.filter((px) => px[0] === 255 && px[4] === 0)).toHaveLength(1);
    expect(all.filter((px) => px.every((v) => v === px[0]))).toHaveLength(99);
  });

  it('explains that too few images cannot be trained on and measured', () => {
    expect(() => buildOwnDataset(images([50, 49]), ['a', 'b'], 2)).toThrow(TooFewImagesError);
    expect(() => buildOwnDataset(images([99]), ['a'], 2)).toThrow(/Only 99 usable images found; the lab needs at least 100\. A fifth of them is held out/);
  });
});
