/**
 * The method-specific parts of the exported PyTorch script: for each method, the Python of its loss (the
 * body of `method_loss(out, targets, cfg)`), the loss helpers it calls, what it needs besides encoder +
 * projector, and how its loss reads as the positive-pair cosine (the trivial-bound test of the collapse
 * verdict). Each snippet follows the lab's own definition in src/ssl (losses.ts, methods/*.ts,
 * sinkhorn.ts) and src/ui/collapse/trivialLoss.ts; the rest of the script is the one shared template.
 *
 * Inside `method_loss`: `out.z1`, `out.z2` are the two views' projections; `out.p1`, `out.p2` their
 * predictions (the projections themselves when the predictor is off); `out.s1`, `out.s2` their scores
 * against SwAV's prototypes; `targets` the EMA target's projections (t1, t2) of the two views, or None.
 */
import type { MethodName } from '../core/config';

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
    own batch (the official SwAV code sums over all processes)."""
    batch, prototypes = scores.shape
    # Subtracting the max changes nothing after normalisation and keeps exp() finite.
    q = torch.exp((scores - scores.max()) / epsilon)
    q = q / q.sum()
    for _ in range(iterations):
        q = q / q.sum(0, keepdim=True) / prototypes  # each prototype gets 1/K of the mass
        q = q / q.sum(1, keepdim=True) / batch  # each sample gets 1/B
    return q * batch


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
} as const;

export type HelperName = keyof typeof helpers;

export interface MethodParts {
  helpers: HelperName[];
  /** The predictor MLP (used while the predictor switch is on), BYOL's EMA target (while τ > 0), SwAV's prototypes. */
  needs: { predictor: boolean; target: boolean; prototypes: boolean };
  /** Body of `method_loss(out, targets, cfg)`, indented by four spaces. */
  loss: string;
  /** Body of `positive_pair_cosine(loss, cfg)`: the mean positive-pair cosine the loss implies, or None. */
  positivePairCosine: string;
}

export const pytorchMethods: Record<MethodName, MethodParts> = {
  simclr: {
    helpers: ['ntXent'],
    needs: { predictor: false, target: false, prototypes: false },
    loss: String.raw`
    return nt_xent(out.z1, out.z2, cfg['temperature'], cfg['negatives'])`,
    positivePairCosine: String.raw`
    # Without negatives only −mean cos / τ is left.
    return None if cfg['negatives'] else -loss * cfg['temperature']`,
  },
  byol: {
    helpers: ['negativeCosine'],
    needs: { predictor: true, target: true, prototypes: false },
    loss: String.raw`
    # BYOL (Grill et al. 2020): each view's prediction regresses the target's projection of the other view,
    # 2 − 2·cos(p, sg(t)), averaged over both directions (so 0 is the trivial bound). With τ = 0 there is no
    # target network: the online projection is the target, and only then can the stop-gradient be switched off.
    t1, t2 = targets if targets is not None else (out.z1, out.z2)
    guard = (lambda t: t.detach()) if cfg['stopGrad'] or targets is not None else (lambda t: t)
    term = lambda p, t: 2 + 2 * negative_cosine(p, guard(t))
    return 0.5 * (term(out.p1, t2) + term(out.p2, t1))`,
    positivePairCosine: String.raw`
    # 2 − 2 cos, averaged over both directions.
    return 1 - loss / 2`,
  },
  swav: {
    helpers: ['sinkhorn'],
    needs: { predictor: false, target: false, prototypes: true },
    loss: String.raw`
    # SwAV (Caron et al. 2020): each view's code (no gradient) is predicted from the other view's scores.
    q1, q2 = swav_codes(out.s1, cfg), swav_codes(out.s2, cfg)
    temperature = cfg['temperature']
    return 0.5 * (swapped_cross_entropy(q1, out.s2, temperature) + swapped_cross_entropy(q2, out.s1, temperature))`,
    positivePairCosine: String.raw`
    # Collapse does not minimise SwAV's loss.
    return None`,
  },
  simsiam: {
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
  'align-uniform': {
    helpers: ['alignUniform'],
    needs: { predictor: false, target: false, prototypes: false },
    loss: String.raw`
    # Wang & Isola (2020): L = L_align + λ·L_uniform, the uniformity averaged over the two views' batches. A term
    # switched off keeps weight 0 rather than leaving the graph, so with both off nothing moves (no error).
    align = alignment_loss(out.z1, out.z2)
    uniform = 0.5 * (uniformity_loss(out.z1) + uniformity_loss(out.z2))
    return align * (1 if cfg['alignment'] else 0) + uniform * (cfg['lambda'] if cfg['uniformity'] else 0)`,
    positivePairCosine: String.raw`
    # ||x − y||² = 2 − 2 cos for unit vectors; the uniformity term, when it counts, rules collapse out.
    alignment_only = cfg['alignment'] and (not cfg['uniformity'] or cfg['lambda'] == 0)
    return 1 - loss / 2 if alignment_only else None`,
  },
};

/** The helper blocks a method uses, in the table's order. */
export function helperCode(names: readonly HelperName[]): string {
  return names.map((name) => helpers[name].trim()).join('\n\n\n');
}
