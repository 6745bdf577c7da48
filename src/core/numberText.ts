/** Embedding coordinates for text files: float32 values carry about 7 significant digits, so more would be noise. */
export function roundFloat32(value: number): number {
  return Number(value.toPrecision(7));
}

export function compactFloat(value: number): string {
  return String(roundFloat32(value));
}
