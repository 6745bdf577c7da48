/**
 * Class colours: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies),
 * black swapped for near-white because the sphere is drawn on a dark background, plus two extras
 * (grey, light brown) to reach ten classes.
 */
export const classPalette: readonly string[] = [
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
