/** How the status line writes its figures; "—" stands for "not measured yet". */

const NOT_YET = '—';

export function formatFixed(value: number | null, digits: number): string {
  return value !== null && Number.isFinite(value) ? value.toFixed(digits) : NOT_YET;
}

/**
 * Collapse std as measured, and scaled by √d: healthy embeddings spread evenly give std ≈ 1/√d, so the
 * scaled figure is ≈ 1 for any d and 0 when collapsed.
 */
export function formatCollapseStd(std: number, dim: number | null): { raw: string; scaled: string } {
  const scaled = dim === null ? NaN : std * Math.sqrt(dim);
  return { raw: formatFixed(std, 3), scaled: formatFixed(scaled, 3) };
}
