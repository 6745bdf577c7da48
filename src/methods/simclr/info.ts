import type { MethodInfo } from '../method';

export const simclrInfo: MethodInfo = {
  title: 'SimCLR',
  summary: 'Contrastive: pull two views of an image together and push every other image in the batch away (NT-Xent).',
  // Without negatives only −mean cos / τ is left, whose minimum −1/τ is every image at one point.
  positivePairCosine: (loss, config) => (config.negatives ? null : -loss * config.temperature),
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
    helpers: ['ntXent'],
    needs: { predictor: false, target: false, prototypes: false },
    loss: String.raw`
    return nt_xent(out.z1, out.z2, cfg['temperature'], cfg['negatives'])`,
    positivePairCosine: String.raw`
    # Without negatives only −mean cos / τ is left.
    return None if cfg['negatives'] else -loss * cfg['temperature']`,
  },
};
