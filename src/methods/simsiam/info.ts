import type { MethodInfo } from '../methodInfo';
import { simsiamPytorch } from './pytorch';

export const simsiamInfo: MethodInfo = {
  title: 'SimSiam',
  summary: 'BYOL without the EMA target: a predictor and a stop-gradient are all that prevent collapse.',
  positivePairCosine: (loss) => -loss,
  pytorch: simsiamPytorch,
};
