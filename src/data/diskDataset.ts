// Node-side loader (CLI training, tests): reads a shipped .hsd file from disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assertIdentity,
  type Dataset,
  DatasetError,
  type BuiltInDatasetName,
  type DatasetSplit,
  decodeDataset,
} from './datasetFormat';

const DEFAULT_ROOT = fileURLToPath(new URL('../../public/data', import.meta.url));

export async function loadDatasetFromDisk(
  name: BuiltInDatasetName,
  split: DatasetSplit,
  root: string = DEFAULT_ROOT,
): Promise<Dataset> {
  const path = join(root, name, `${split}.hsd`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DatasetError(
      missing
        ? `Dataset file "${path}" does not exist. Build it with \`npm run data\`.`
        : `Dataset file "${path}" cannot be read (${(err as Error).message}).`,
    );
  }
  const ds = await decodeDataset(bytes, path);
  assertIdentity(ds, name, split, path);
  return ds;
}
