/** barlow-twins' part of the exported PyTorch script (see src/export/pytorchScript.ts); it follows engine.ts. */
import type { PytorchParts } from '../methodInfo';

export const barlowTwinsPytorch: PytorchParts = {
  helpers: ['offDiagonal', 'barlowTwins'],
  needs: { predictor: false, target: false, prototypes: false },
  loss: String.raw`
    # Barlow Twins (Zbontar et al. 2021): L = Σ_i (1 − C_ii)² + λ·Σ_{i≠j} C_ij² on the raw projections (no l2
    # normalisation). A term switched off keeps weight 0 rather than leaving the graph.
    c = cross_correlation(out.z1, out.z2)
    return barlow_invariance(c) + off_diagonal_square_sum(c) * (cfg['barlowLambda'] if cfg['offDiagonal'] else 0)`,
  positivePairCosine: String.raw`
    # A loss on correlations says nothing of the positive-pair cosine.
    return None`,
};
