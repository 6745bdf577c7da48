import type { MethodInfo } from '../method';

export const simsiamInfo: MethodInfo = {
  title: 'SimSiam',
  summary: 'BYOL without the EMA target: a predictor and a stop-gradient are all that prevent collapse.',
  positivePairCosine: (loss) => -loss,
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
    helpers: ['negativeCosine'],
    needs: { predictor: true, target: false, prototypes: false },
    loss: String.raw`
    # SimSiam (Chen & He 2021): L = ½ D(p1, sg(z2)) + ½ D(p2, sg(z1)). The stop-gradient is what prevents
    # collapse; so does the predictor. Either switch off and every image maps to one point.
    guard = (lambda z: z.detach()) if cfg['stopGrad'] else (lambda z: z)
    return 0.5 * (negative_cosine(out.p1, guard(out.z2)) + negative_cosine(out.p2, guard(out.z1)))`,
    positivePairCosine: String.raw`
    return -loss`,
  },
};
