/** Modified Bessel functions of the first kind, for the von Mises and von Mises–Fisher kernels. */

/**
 * out[k] = e^(−x)·Ik(x), k = 0 … out.length − 1, for x ≥ 0 (Ik: modified Bessel functions of the first
 * kind). The ratios Ik/Ik−1 come from the backward recurrence, started far beyond the last order needed;
 * e^x = I0(x) + 2 Σ Ik(x) then fixes the scale. No overflow for any x, unlike the forward recurrence.
 */
export function scaledBesselI(x: number, out: Float64Array): void {
  const orders = out.length + 32 + Math.ceil(2 * x);
  const ratios = new Float64Array(orders);
  let ratio = 0;
  for (let k = orders - 1; k >= 1; k--) {
    ratio = x / (2 * k + x * ratio);
    ratios[k] = ratio;
  }
  // Ik/I0 as running products of the ratios; their sum gives e^x / I0(x).
  let relative = 1;
  let sum = 1;
  for (let k = 1; k < orders; k++) {
    relative *= ratios[k]!;
    sum += 2 * relative;
    if (k < out.length) out[k] = relative;
  }
  out[0] = 1;
  for (let k = 0; k < out.length; k++) out[k] = out[k]! / sum;
}
