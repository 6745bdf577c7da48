import type { MethodInfo } from '../method';

export const byolInfo: MethodInfo = {
  title: 'BYOL',
  summary: 'Positives only: an online network predicts a slowly moving (EMA) target network.',
  inactiveSwitches: (config) =>
    config.momentum > 0
      ? { stopGrad: 'Acts only at EMA momentum τ = 0: with τ > 0 the target is a separate EMA network that no gradient reaches anyway.' }
      : { momentumSchedule: 'Acts only with EMA momentum τ > 0: at τ = 0 the target is the online network itself.' },
  // 2 − 2 cos, averaged over both directions.
  positivePairCosine: (loss) => 1 - loss / 2,
  // Its part of the exported PyTorch script (src/pytorch/pytorchScript.ts); it follows engine.ts.
  pytorch: {
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
};
