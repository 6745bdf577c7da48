import type { MethodInfo } from '../methodInfo';
import { alignUniformPytorch } from './pytorch';

/** Only the alignment term counts: collapse then minimises the loss. */
const alignmentOnly = (config: { alignment: boolean; uniformity: boolean; lambda: number }) =>
  config.alignment && (!config.uniformity || config.lambda === 0);

export const alignUniformInfo: MethodInfo = {
  title: 'Alignment + uniformity',
  summary: 'Wang & Isola’s two terms directly: align positive pairs, spread all points uniformly on the sphere.',
  inactiveSwitches: (config) => (config.uniformity ? {} : { lambda: 'Acts only with the uniformity term on: λ is its weight.' }),
  // ||x − y||² = 2 − 2 cos for unit vectors; the uniformity term, when it counts, rules collapse out.
  positivePairCosine: (loss, config) => (alignmentOnly(config) ? 1 - loss / 2 : null),
  pytorch: alignUniformPytorch,
};
