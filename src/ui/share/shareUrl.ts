/**
 * The link to the current experiment: this page's address with the config in the hash. The page's own
 * keys in the hash (classroom, hide, autoplay, compare, …) are kept; settings are taken out of the query
 * string, where they would otherwise outlive a change back to a default. Compare mode is written first,
 * as it says how to read the rest: `#v=1&compare=stopGrad&method=simsiam&seed=7`.
 */
import { type BooleanKey, type ExperimentConfig, isConfigKey } from '../../core/config';
import { encodeConfig, joinPairs, readLinkPairs } from '../../core/urlCodec';
import { pageKeys } from '../urlConfig';

/** `compare`: the switch the page compares, null for one run; left out, the link's own is kept. */
export function shareUrl(href: string, config: ExperimentConfig, { compare }: { compare?: BooleanKey | null } = {}): string {
  const url = new URL(href);
  const query = new URLSearchParams(url.search);
  const staleKeys = [...query.keys()].filter((key) => key === 'v' || isConfigKey(key));
  if (staleKeys.length > 0) {
    for (const key of staleKeys) query.delete(key);
    url.search = query.toString();
  }
  const linkPairs = readLinkPairs(url.hash).pairs;
  const compared = compare === undefined ? linkPairs.find(([key]) => key === 'compare')?.[1] : compare;
  const pagePairs = linkPairs.filter(([key]) => pageKeys.has(key) && key !== 'compare');
  const page = pagePairs.length > 0 ? `&${joinPairs(pagePairs)}` : '';
  url.hash = `${encodeConfig(config, compared ? [['compare', compared]] : [])}${page}`;
  return url.toString();
}
