import type { MethodInfo } from '../method';

export const supervisedInfo: MethodInfo = {
  title: 'Supervised',
  summary:
    'Baseline: the same network, its output on the sphere read by a linear classifier trained with cross-entropy on the labels (one view per image).',
  needsLabels: true,
  // Cross-entropy on the classes is not minimised by putting every image at one point.
  positivePairCosine: () => null,
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
    helpers: [],
    needs: { predictor: false, target: false, prototypes: false, classifier: true },
    loss: String.raw`
    # Cross-entropy of the linear classifier on the first view's l2-normalised z (one view per image), with no
    # temperature on the logits, as Wang & Isola's code: their scale is the classifier's weight norm.
    return F.cross_entropy(out.logits, out.labels)`,
    positivePairCosine: String.raw`
    # Cross-entropy on the classes is not minimised by putting every image at one point.
    return None`,
  },
};
