// Browser-side loader: fetches a .hsd file served from public/data.
import {
  assertIdentity,
  type Dataset,
  DatasetError,
  type BuiltInDatasetName,
  type DatasetSplit,
  decodeDataset,
} from './datasetFormat';
import { messages } from '../i18n/messages';

/** A dataset file as fetched, not yet decoded. */
export interface FetchedDataset {
  name: BuiltInDatasetName;
  split: DatasetSplit;
  url: string;
  bytes: Uint8Array;
}

/** `baseUrl` is the folder holding the dataset folders, e.g. `${import.meta.env.BASE_URL}data`. */
export async function loadDatasetFromUrl(name: BuiltInDatasetName, split: DatasetSplit, baseUrl: string): Promise<Dataset> {
  return decodeFetchedDataset(await fetchDataset(name, split, baseUrl));
}

/** Downloads one split's file (the worker times the download and the decoding apart). */
export async function fetchDataset(name: BuiltInDatasetName, split: DatasetSplit, baseUrl: string): Promise<FetchedDataset> {
  const url = `${baseUrl.replace(/\/+$/, '')}/${name}/${split}.hsd`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new DatasetError(messages().datasets.offline({ url, detail: (err as Error).message }));
  }
  if (!response.ok) {
    const status = [response.status, response.statusText].filter(Boolean).join(' ');
    throw new DatasetError(messages().datasets.http({ url, status, missing: response.status === 404 }));
  }
  // A server that answers every path with the app's page (a static host's fallback) means the file is not there.
  if (response.headers.get('content-type')?.includes('text/html')) {
    throw new DatasetError(messages().datasets.webPage({ url }));
  }
  const expected = Number(response.headers.get('content-length')) || null;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    // The browser's own reason ("Failed to fetch", "network error") says nothing more than this.
    throw new DatasetError(messages().datasets.cutShort({ url, announced: expected }));
  }
  return { name, split, url, bytes };
}

export async function decodeFetchedDataset({ name, split, url, bytes }: FetchedDataset): Promise<Dataset> {
  const ds = await decodeDataset(bytes, url);
  assertIdentity(ds, name, split, url);
  return ds;
}
