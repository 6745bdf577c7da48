import { describe, expect, it } from 'vitest';
import { countSkipped, type FileEntry, importLimits, planImageFolder, UNLABELLED_CLASS } from './imageFolder';

const files = (...paths: string[]): FileEntry[] => paths.map((path) => ({ path, size: 1000 }));

describe('planImageFolder', () => {
  it('takes the class folders under the dropped folder, in natural order', () => {
    const plan = planImageFolder(files('pets/dogs/a.png', 'pets/cats/b.JPG', 'pets/class10/c.webp', 'pets/class2/d.gif', 'pets/cats/e.jpeg'));
    expect(plan.classNames).toEqual(['cats', 'class2', 'class10', 'dogs']);
    expect(plan.labelled).toBe(true);
    expect(plan.images.map((image) => [image.path, image.label])).toEqual([
      ['pets/cats/b.JPG', 0],
      ['pets/cats/e.jpeg', 0],
      ['pets/class2/d.gif', 1],
      ['pets/class10/c.webp', 2],
      ['pets/dogs/a.png', 3],
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it('reads class folders dropped side by side, and deeper folders as part of their class', () => {
    const plan = planImageFolder(files('/cats/a.png', '/dogs/indoor/b.png', '/dogs/c.png'));
    expect(plan.classNames).toEqual(['cats', 'dogs']);
    expect(plan.images.map((image) => image.label)).toEqual([0, 1, 1]);
  });

  it('gives a flat folder one unlabelled class', () => {
    const plan = planImageFolder(files('shots/1.png', 'shots/2.png'));
    expect(plan).toMatchObject({ labelled: false, classNames: [UNLABELLED_CLASS] });
    expect(plan.images.map((image) => image.label)).toEqual([0, 0]);
  });

  it('skips system files, non-images and images outside the class folders, each with its reason', () => {
    const plan = planImageFolder(
      files('pets/cats/a.png', 'pets/.DS_Store', '__MACOSX/pets/cats/._a.png', 'pets/dogs/Thumbs.db', 'pets/notes.txt', 'pets/cover.png', 'pets/dogs/b.tiff', 'pets/dogs/c.png'),
    );
    expect(plan.classNames).toEqual(['cats', 'dogs']);
    expect(Object.fromEntries(plan.skipped.map(({ path, reason }) => [path, reason]))).toEqual({
      'pets/.DS_Store': 'system-file',
      '__MACOSX/pets/cats/._a.png': 'system-file',
      'pets/dogs/Thumbs.db': 'system-file',
      'pets/notes.txt': 'not-image',
      'pets/dogs/b.tiff': 'not-image',
      'pets/cover.png': 'outside-classes',
    });
    expect(countSkipped(plan.skipped)).toEqual([
      { reason: 'system-file', count: 3 },
      { reason: 'not-image', count: 2 },
      { reason: 'outside-classes', count: 1 },
    ]);
  });

  it('keeps a seeded subset in proportion over the image limit, the same whatever the listing order', () => {
    const many: FileEntry[] = [];
    for (let i = 0; i < importLimits.maxImages + 2000; i++) many.push({ path: `${i % 2 ? 'a' : 'b'}/${i}.png`, size: 10 });
    const plan = planImageFolder(many);
    expect(plan.images).toHaveLength(importLimits.maxImages);
    expect(plan.skipped.filter((s) => s.reason === 'over-count')).toHaveLength(2000);
    const perClass = plan.images.filter((image) => image.label === 0).length;
    expect(Math.abs(perClass - importLimits.maxImages / 2)).toBeLessThan(300);
    const reversed = planImageFolder([...many].reverse());
    expect(reversed.images.map((image) => image.path)).toEqual(plan.images.map((image) => image.path));
  });

  it('stops reading at the byte limit', () => {
    const big = Array.from({ length: 5 }, (_, i) => ({ path: `x/${i}.jpg`, size: importLimits.maxBytes / 4 }));
    const plan = planImageFolder(big);
    expect(plan.images).toHaveLength(4);
    expect(plan.skipped).toEqual([expect.objectContaining({ reason: 'over-bytes' })]);
  });
});
