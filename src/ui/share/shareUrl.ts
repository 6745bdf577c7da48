/**
 * The link to the current experiment: this page's address with the config in the hash. The page's own
 * keys in the hash (classroom, hide, autoplay, …) are kept; settings are taken out of the query string,
 * where they would otherwise outlive a change back to a default.
 */
import { type ExperimentConfig, isConfigKey } from '../../core/config';
import { encodeConfig, joinPairs, readLinkPairs } from '../../core/urlCodec';
import { pageKeys } from '../urlConfig';

export function shareUrl(href: string, config: ExperimentConfig): string {
  const url = new URL(href);
  const query = new URLSearchParams(url.search);
  const staleKeys = [...query.keys()].filter((key) => key === 'v' || isConfigKey(key));
  if (staleKeys.length > 0) {
    for (const key of staleKeys) query.delete(key);
    url.search = query.toString();
  }
  const pagePairs = readLinkPairs(url.hash).pairs.filter(([key]) => pageKeys.has(key));
  const page = pagePairs.length > 0 ? `&${joinPairs(pagePairs)}` : '';
  url.hash = `${encodeConfig(config)}${page}`;
  return url.toString();
}
