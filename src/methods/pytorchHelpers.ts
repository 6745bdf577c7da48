/**
 * The Python loss helpers that the methods' parts of the exported PyTorch script call (each method's own part
 * is the `pytorch` of its src/methods/<name>/info.ts: the body of `method_loss(out, targets, cfg)`, the helpers it uses,
 * what it needs besides encoder + projector, and its positive-pair cosine). Each follows the lab's own
 * definition in src/ssl (losses.ts, sinkhorn.ts) and the method's engine.ts.
 *
 * Inside `method_loss`: `out.z1`, `out.z2` are the two views' projections; `out.p1`, `out.p2` their
 * predictions (the projections themselves when the predictor is off); `out.s1`, `out.s2` their scores
 * against SwAV's prototypes; `targets` the EMA target's projections (t1, t2) of the two views, or None.
 */
/** Loss helpers shared by methods, each a block of module-level Python. */
const helpers = {
  negativeCosine: String.raw`
def negative_cosine(p, z):
    """−mean cos(p, z) over rows: SimSiam's D(p, z); −1 when every pair points the same way."""
    return -row_cosine(p, z).mean()
`,
  ntXent: String.raw`
def nt_xent(z1, z2, temperature, negatives):
    """NT-Xent (SimCLR, Chen et al. 2020) over the 2N views of a batch: each view's positive is its partner,
    the other 2N − 2 views are its negatives. Without negatives only −mean cos / τ is left: alignment alone,
    whose minimum (−1/τ) is every image at one point."""
    positive = row_cosine(z1, z2) / temperature
    if not negatives:
        return -positive.mean()
    n = z1.shape[0]
    views = l2_normalize(torch.cat([z1, z2]))
    logits = views @ views.T / temperature - 1e9 * torch.eye(2 * n, device=z1.device)
    # −log softmax at the partner = log-sum-exp over the row − the positive logit (the same for both halves).
    return (torch.logsumexp(logits, 1) - torch.cat([positive, positive])).mean()
`,
  sinkhorn: String.raw`
@torch.no_grad()
def sinkhorn(scores, epsilon, iterations):
    """Sinkhorn-Knopp (SwAV, Caron et al. 2020): turns prototype scores [B, K] into soft codes spread equally
    over the K prototypes across the batch (each prototype receives B/K of the mass) while each sample's code
    sums to 1. This equipartition is SwAV's hidden uniformity term. Under torchrun it runs on each process's
    own batch (the official SwAV code sums over all processes).
    It runs on log codes: in float32, exp(s/ε) of a sample scoring well below the batch's best underflows to a
    row of zeros once ε is small, and 0/0 makes the codes NaN. Constant factors (the first normalisation, the
    1/K and 1/B shares) are dropped: the next normalisation removes them."""
    log_q = scores / epsilon
    for _ in range(iterations):
        log_q = log_q - torch.logsumexp(log_q, 0, keepdim=True)  # each prototype gets an equal share of the mass
        log_q = log_q - torch.logsumexp(log_q, 1, keepdim=True)  # each sample's code sums to 1
    return torch.exp(log_q)


def swav_codes(scores, cfg):
    """Codes for scores, without gradient: Sinkhorn's equipartitioned ones, or (switch off) the plain softmax."""
    fixed = scores.detach()
    if cfg['sinkhorn']:
        return sinkhorn(fixed, cfg['epsilon'], cfg['sinkhornIters'])
    return torch.softmax(fixed / cfg['epsilon'], 1)


def swapped_cross_entropy(codes, scores, temperature):
    """Cross-entropy −Σ_k q_k log softmax(s/τ)_k, averaged over the batch."""
    return -(codes * F.log_softmax(scores / temperature, 1)).sum(1).mean()
`,
  alignUniform: String.raw`
def alignment_loss(z1, z2, alpha=2):
    """Wang & Isola's alignment, E ||x − y||^α over positive pairs (α = 2), on normalised embeddings."""
    distance = torch.sqrt(((l2_normalize(z1) - l2_normalize(z2)) ** 2).sum(1).clamp(min=1e-12))
    return distance.pow(alpha).mean()


def uniformity_loss(z, t=2):
    """Wang & Isola's uniformity, log E exp(−t ||x − y||²) over the distinct pairs of a batch (t = 2), on
    normalised embeddings: 0 when all points coincide. ||x − y||² = 2 − 2 x·y for unit vectors."""
    n = z.shape[0]
    unit = l2_normalize(z)
    logits = -t * (2 - 2 * unit @ unit.T) - 1e9 * torch.eye(n, device=z.device)
    return torch.logsumexp(logits.flatten(), 0) - math.log(n * (n - 1))
`,
  offDiagonal: String.raw`
def off_diagonal_square_sum(m):
    """Σ_{i≠j} m_ij² of a square matrix: what Barlow Twins and VICReg push to 0 to decorrelate dimensions."""
    return (m.pow(2) * (1 - torch.eye(m.shape[0], device=m.device))).sum()
`,
  barlowTwins: String.raw`
def batch_standardize(z, epsilon=1e-5):
    """Each dimension standardised over the batch, (z − mean) / √(var + ε) with the biased variance (÷ N): an
    affine-free BatchNorm in training mode, as in the official Barlow Twins code. Under torchrun each process
    standardises its own batch (the official code sums the cross-correlation over all processes)."""
    return (z - z.mean(0)) / torch.sqrt(z.var(0, unbiased=False) + epsilon)


def cross_correlation(z1, z2):
    """C = z̃1ᵀ z̃2 / N of the two views' standardised projections: d × d, each entry a correlation in [−1, 1]."""
    return batch_standardize(z1).T @ batch_standardize(z2) / z1.shape[0]


def barlow_invariance(c):
    """Σ_i (1 − C_ii)²: each dimension of one view correlated 1 with the same dimension of the other."""
    return (1 - torch.diagonal(c)).pow(2).sum()
`,
  vicreg: String.raw`
def vicreg_invariance(z1, z2):
    """s(Z, Z′): the mean squared error between the two views, over batch and dimensions (as the official code)."""
    return F.mse_loss(z1, z2)


def vicreg_variance(z, epsilon=1e-4):
    """v(Z) = mean_j max(0, 1 − √(Var_j + ε)), the variance over the batch with N − 1: a hinge on each dimension's
    std. Under torchrun each process uses its own batch (the official code gathers all processes' embeddings)."""
    return F.relu(1 - torch.sqrt(z.var(0, unbiased=True) + epsilon)).mean()


def vicreg_covariance(z):
    """c(Z) = Σ_{i≠j} Cov_ij² / d, the covariance over the batch with N − 1."""
    n, d = z.shape
    centred = z - z.mean(0)
    return off_diagonal_square_sum(centred.T @ centred / (n - 1)) / d
`,
} as const;

export type HelperName = keyof typeof helpers;

/** The helper blocks a method uses, in the table's order. */
export function helperCode(names: readonly HelperName[]): string {
  return names.map((name) => helpers[name].trim()).join('\n\n\n');
}
