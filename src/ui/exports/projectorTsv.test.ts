import { describe, expect, it } from 'vitest';
import { projectorMetadataTsv, projectorVectorsTsv } from './projectorTsv';

const points = {
  count: 3,
  dim: 2,
  embeddings: Float32Array.from([0.6, -0.8, 1, 0, 0.123456789, -1e-9]),
  labels: Uint8Array.from([0, 2, 1]),
};

describe('Projector TSV files', () => {
  it('write one row of tab-separated coordinates per point, no header', () => {
    const text = projectorVectorsTsv(points);
    const rows = text.split('\n').filter((line) => line !== '');
    expect(rows).toEqual(['0.6\t-0.8', '1\t0', '0.1234568\t-1e-9']);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('write a label/class header, then one row per point in the same order', () => {
    const rows = projectorMetadataTsv(points, ['T-shirt', 'Trouser', 'Pull\tover\n']).split('\n').filter((line) => line !== '');
    expect(rows).toEqual(['label\tclass', '0\tT-shirt', '2\tPull over ', '1\tTrouser']);
  });

  it('write only the first `count` points, and name an unnamed class by its number', () => {
    const two = { ...points, count: 2 };
    expect(projectorVectorsTsv(two).split('\n').filter(Boolean)).toHaveLength(2);
    expect(projectorMetadataTsv(two, ['a']).split('\n').filter(Boolean)).toEqual(['label\tclass', '0\ta', '2\t2']);
  });

  it('write 2,000 rows of vectors and 2,001 of metadata for 2,000 points at d = 128', () => {
    const count = 2000;
    const dim = 128;
    const large = { count, dim, embeddings: new Float32Array(count * dim).fill(0.5), labels: new Uint8Array(count) };
    const vectors = projectorVectorsTsv(large).split('\n').filter(Boolean);
    expect(vectors).toHaveLength(count);
    expect(vectors[0]!.split('\t')).toHaveLength(dim);
    expect(projectorMetadataTsv(large, ['x']).split('\n').filter(Boolean)).toHaveLength(count + 1);
  });
});
