import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractZip, listZip, ZipError } from './zipArchive';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('zip archives', () => {
  const archive = zipSync({ 'pets/cats/a.png': bytes(1, 2, 3), 'pets/dogs/': {}, 'pets/dogs/b.png': [bytes(4, 5), { level: 0 }], 'pets/notes.txt': bytes(9) });

  it('lists the files (not the folders) with their sizes', () => {
    expect(listZip(archive, 'pets.zip')).toEqual([
      { path: 'pets/cats/a.png', size: 3 },
      { path: 'pets/dogs/b.png', size: 2 },
      { path: 'pets/notes.txt', size: 1 },
    ]);
  });

  it('inflates only the files asked for', () => {
    const files = extractZip(archive, 'pets.zip', new Set(['pets/cats/a.png', 'pets/dogs/b.png']));
    expect([...files.keys()]).toEqual(['pets/cats/a.png', 'pets/dogs/b.png']);
    expect([...files.get('pets/cats/a.png')!]).toEqual([1, 2, 3]);
  });

  it('says plainly that a file is not a zip', () => {
    expect(() => listZip(bytes(1, 2, 3, 4), 'photos.zip')).toThrow(ZipError);
    expect(() => listZip(bytes(1, 2, 3, 4), 'photos.zip')).toThrow(/"photos.zip" could not be opened as a zip file .*Unzip it yourself/);
  });
});
