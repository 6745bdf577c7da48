/** simclr's part of the exported PyTorch script (see src/export/pytorchScript.ts); it follows engine.ts. */
import type { PytorchParts } from '../methodInfo';

export const simclrPytorch: PytorchParts = {
  helpers: ['ntXent'],
  needs: { predictor: false, target: false, prototypes: false },
  loss: String.raw`
    return nt_xent(out.z1, out.z2, cfg['temperature'], cfg['negatives'])`,
  positivePairCosine: String.raw`
    # Without negatives only −mean cos / τ is left.
    return None if cfg['negatives'] else -loss * cfg['temperature']`,
};
