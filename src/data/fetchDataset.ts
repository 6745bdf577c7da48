// Browser-side loader: fetches a .hsd file served from public/data.
import {
  assertIdentity,
  type Dataset,
  DatasetError,
  type BuiltInDatasetName,
  type DatasetSplit,
  decodeDataset,
} from './datasetFormat';

/** `baseUrl` is the folder holding the dataset folders, e.g. `${import.meta.env.BASE_URL}data`. */
export async function loadDatasetFromUrl(name: BuiltInDatasetName, split: DatasetSplit, baseUrl: string): Promise<Dataset> {
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
  // A server that answers every path with the app's page (a static host's fallback) means the file is not there.
  if (response.headers.get('content-type')?.includes('text/html')) {
    throw new DatasetError(`Dataset file "${url}" was not found: the server answered with a web page instead. Build the datasets with \`npm run data\`.`);
  }
  const expected = Number(response.headers.get('content-length')) || null;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    // The browser's own reason ("Failed to fetch", "network error") says nothing more than this.
    const size = expected ? ` (${expected.toLocaleString('en-US')} bytes were announced)` : '';
    throw new DatasetError(`The download of dataset "${url}" stopped before the end${size}. Reload to retry; if it keeps stopping, the file on the server is damaged.`);
  }
  const ds = await decodeDataset(bytes, url);
  assertIdentity(ds, name, split, url);
  return ds;
}
