/**
 * The link to the current experiment: this page's address with the runs' settings in the hash. The page's own
 * keys in the hash (classroom, hide, autoplay, …) are kept; settings are taken out of the query string, where
 * they would otherwise outlive a change back to a default. Compare mode is written first, as it says how to read
 * the rest: `#v=1&compare=stopGrad&method=simsiam&seed=7` for two runs that differ in one switch, else the number
 * of runs, run A's settings, then each other run's own: `#v=1&compare=3&method=simclr&dim=2&B.method=byol&C.seed=3`.
 */
import { type ExperimentConfig, isConfigKey } from '../../core/config';
import { encodeRuns, joinPairs, readLinkPairs } from '../../core/urlCodec';
import { comparisonSwitch } from '../compare/compareSwitch';
import { pageKeys } from '../urlConfig';

/** `runs`: the settings of the page's runs, run A's first (one run: no comparison). */
export function shareUrl(href: string, runs: readonly [ExperimentConfig, ...ExperimentConfig[]]): string {
  const url = new URL(href);
  const query = new URLSearchParams(url.search);
  const staleKeys = [...query.keys()].filter((key) => key === 'v' || isConfigKey(key));
  if (staleKeys.length > 0) {
    for (const key of staleKeys) query.delete(key);
    url.search = query.toString();
  }
  const pagePairs = readLinkPairs(url.hash).pairs.filter(([key]) => pageKeys.has(key) && key !== 'compare');
  const page = pagePairs.length > 0 ? `&${joinPairs(pagePairs)}` : '';
  const switchKey = comparisonSwitch(runs);
  const settings =
    runs.length === 1 ? encodeRuns(runs) : switchKey ? encodeRuns([runs[0]], [['compare', switchKey]]) : encodeRuns(runs, [['compare', String(runs.length)]]);
  url.hash = `${settings}${page}`;
  return url.toString();
}
