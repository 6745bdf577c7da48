// Browser-side loader: fetches a .hsd file served from public/data.
import {
  assertIdentity,
  type Dataset,
  DatasetError,
  type DatasetName,
  type DatasetSplit,
  decodeDataset,
} from './datasetFormat';

/** `baseUrl` is the folder holding the dataset folders, e.g. `${import.meta.env.BASE_URL}data`. */
export async function loadDatasetFromUrl(name: DatasetName, split: DatasetSplit, baseUrl: string): Promise<Dataset> {
  const url = `${baseUrl.replace(/\/+$/, '')}/${name}/${split}.hsd`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new DatasetError(`Could not download dataset "${url}" (${(err as Error).message}). Check your connection and reload.`);
  }
  if (!response.ok) {
    const hint = response.status === 404 ? ' The file is missing; build it with `npm run data`.' : '';
    const status = [response.status, response.statusText].filter(Boolean).join(' ');
    throw new DatasetError(`Could not download dataset "${url}": HTTP ${status}.${hint}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    throw new DatasetError(`Download of dataset "${url}" was interrupted (${(err as Error).message}). Reload to retry.`);
  }
  const ds = await decodeDataset(bytes, url);
  assertIdentity(ds, name, split, url);
  return ds;
}
