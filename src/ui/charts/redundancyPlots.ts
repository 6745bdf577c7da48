/**
 * The geometry and colours of redundancy reduction's views: a heatmap of a square matrix on a diverging scale
 * (blue −, white 0, red +), and one bar per dimension's std against VICReg's hinge at 1. Pure, so tested.
 */

/** A colour for `value` on a diverging scale clamped to ±limit: white at 0, full red at +limit, blue at −limit. */
export function divergingColor(value: number, limit: number): string {
  if (!Number.isFinite(value) || !(limit > 0)) return 'rgb(200, 200, 200)';
  const t = Math.max(-1, Math.min(1, value / limit));
  const fade = (full: number) => Math.round(255 + (full - 255) * Math.abs(t));
  return t >= 0 ? `rgb(${fade(197)}, ${fade(34)}, ${fade(31)})` : `rgb(${fade(31)}, ${fade(95)}, ${fade(168)})`;
}

export interface HeatmapCell {
  row: number;
  column: number;
  value: number;
  color: string;
}

/** Cells of a size × size row-major matrix; `limit` sets the colour scale (1 for correlations). */
export function heatmapCells(matrix: readonly number[], size: number, limit: number): HeatmapCell[] {
  return matrix.slice(0, size * size).map((value, index) => ({ row: Math.floor(index / size), column: index % size, value, color: divergingColor(value, limit) }));
}

/** The largest |value| on the diagonal: a covariance matrix's colour scale (its diagonal holds the variances). */
export function diagonalScale(matrix: readonly number[], size: number): number {
  let largest = 0;
  for (let i = 0; i < size; i++) largest = Math.max(largest, Math.abs(matrix[i * size + i] ?? 0));
  return largest;
}

/** Σ_{i≠j} m_ij² over Σ_ij m_ij²: how much of the matrix lies off its diagonal (0 for a diagonal one). */
export function offDiagonalShare(matrix: readonly number[], size: number): number {
  let off = 0;
  let all = 0;
  matrix.slice(0, size * size).forEach((value, index) => {
    const square = value * value;
    all += square;
    if (Math.floor(index / size) !== index % size) off += square;
  });
  return all > 0 ? off / all : 0;
}

/** VICReg's variance hinge: a dimension whose std falls under 1 is penalised. */
export const STD_HINGE = 1;

export interface StdBar {
  dimension: number;
  std: number;
  x: number;
  width: number;
  y: number;
  height: number;
  underHinge: boolean;
}

/** One bar per dimension on a linear axis from 0 to `top` (at least a little above the hinge). */
export function stdBars(std: readonly number[], width: number, height: number): { bars: StdBar[]; top: number; hingeY: number } {
  const top = Math.max(STD_HINGE * 1.5, ...std.filter(Number.isFinite));
  const slot = width / Math.max(1, std.length);
  const y = (value: number) => height - (Math.max(0, Math.min(top, Number.isFinite(value) ? value : 0)) / top) * height;
  const bars = std.map((value, dimension) => ({
    dimension,
    std: value,
    x: dimension * slot + slot * 0.1,
    width: slot * 0.8,
    y: y(value),
    height: height - y(value),
    underHinge: !(value >= STD_HINGE),
  }));
  return { bars, top, hingeY: y(STD_HINGE) };
}
