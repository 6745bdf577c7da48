import type { MethodInfo } from '../methodInfo';
import { simclrPytorch } from './pytorch';

export const simclrInfo: MethodInfo = {
  title: 'SimCLR',
  summary: 'Contrastive: pull two views of an image together and push every other image in the batch away (NT-Xent).',
  // Without negatives only −mean cos / τ is left, whose minimum −1/τ is every image at one point.
  positivePairCosine: (loss, config) => (config.negatives ? null : -loss * config.temperature),
  pytorch: simclrPytorch,
};
