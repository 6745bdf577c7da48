/**
 * The embeddings in the TensorFlow Embedding Projector's pair of TSV files (projector.tensorflow.org,
 * "Load"): vectors.tsv has one row of tab-separated coordinates per point and no header; metadata.tsv has
 * the header `label<TAB>class`, then one row per point in the same order.
 */
import { compactFloat } from '../../core/numberText';

export interface ProjectedPoints {
  count: number;
  dim: number;
  /** count × dim, row after row. */
  embeddings: Float32Array;
  labels: Uint8Array;
}

/** Tabs and line breaks would split a cell; class names come from files and must not. */
function tsvCell(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

export function projectorVectorsTsv({ count, dim, embeddings }: ProjectedPoints): string {
  const rows: string[] = [];
  for (let point = 0; point < count; point++) {
    const row: string[] = [];
    for (let axis = 0; axis < dim; axis++) row.push(compactFloat(embeddings[point * dim + axis]!));
    rows.push(`${row.join('\t')}\n`);
  }
  return rows.join('');
}

export function projectorMetadataTsv({ count, labels }: ProjectedPoints, classNames: readonly string[]): string {
  const rows = ['label\tclass\n'];
  for (let point = 0; point < count; point++) {
    const label = labels[point]!;
    rows.push(`${label}\t${tsvCell(classNames[label] ?? String(label))}\n`);
  }
  return rows.join('');
}
