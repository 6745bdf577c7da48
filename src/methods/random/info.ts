import type { MethodInfo } from '../method';

export const randomInitInfo: MethodInfo = {
  title: 'Random init',
  summary: 'Baseline: nothing trains. The initialised network (BatchNorm calibrated as for every method) is evaluated and drawn once.',
  untrained: true,
  // There is no loss to be at a bound.
  positivePairCosine: () => null,
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts): the script evaluates step 0 only.
  pytorch: {
    helpers: [],
    needs: { predictor: false, target: false, prototypes: false },
    loss: String.raw`
    raise ScriptError('Random init trains nothing: its script evaluates the initialised network at step 0 only.')`,
    positivePairCosine: String.raw`
    # There is no loss to be at a bound.
    return None`,
  },
};
