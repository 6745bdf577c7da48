/**
 * Class colours: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies),
 * black swapped for near-white because the sphere is drawn on a dark background, plus two extras
 * (grey, light brown) to reach ten classes.
 */
const classPalette: readonly string[] = [
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#F0E442', // yellow
  '#3D8FD6', // blue (Okabe–Ito #0072B2, lightened for the dark background)
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#EDEDED', // near-white
  '#8F8F8F', // grey
  '#B5835A', // light brown
];

/** Colour of a class label; labels past the palette wrap around. */
export function classColor(label: number): string {
  return classPalette[label % classPalette.length]!;
}

/** The red, green and blue bytes of a '#rrggbb' colour. */
export function hexToBytes(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The palette as sRGB floats in [0, 1], for vertex buffers whose shaders output colours unconverted. */
const classPaletteRgb: readonly (readonly [number, number, number])[] = classPalette.map((hex) => {
  const [r, g, b] = hexToBytes(hex);
  return [r / 255, g / 255, b / 255] as const;
});

/**
 * The translucent shell the points sit on. The density shading takes its place while shown, drawing
 * empty regions in this same tint, so switching density on changes only where there are points.
 */
export const shellTint = { color: '#9db4cc', opacity: 0.07 } as const;

/** sRGB floats of a class label's colour; labels past the palette wrap around. */
export function classRgb(label: number): readonly [number, number, number] {
  return classPaletteRgb[label % classPaletteRgb.length]!;
}
