/**
 * How the sphere is shown (overlays, class filter, point size, the angle ring's dimensions): a zustand
 * store of its own for each lab (in compare mode each run has its own), read by the toolbar and legend
 * through useSphereOptions (labContext.ts) and by the three.js view through subscribe. None of it changes
 * the experiment, so it stays out of the lab store and the URL.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImageChannels } from '../../data/datasetFormat';

/** What a point's colour shows: its class, or its image's colour (does the embedding group images by colour?). */
export const pointColourings = ['class', 'image'] as const;
export type PointColouring = (typeof pointColourings)[number];

export interface SphereOptions {
  pairLines: boolean;
  density: boolean;
  autoRotate: boolean;
  /** Diameter of a point in CSS pixels. */
  pointSize: number;
  /** Class labels whose points are not drawn. */
  hiddenClasses: ReadonlySet<number>;
  /** The two embedding coordinates (0-based) whose angle the angle ring shows when d ≥ 3. */
  ringDims: readonly [number, number];
  colourBy: PointColouring;
}

export const pointSizeRange = { min: 2, max: 12, step: 1 } as const;

export type SphereOptionsStore = StoreApi<SphereOptions>;

export function createSphereOptions(): SphereOptionsStore {
  return createStore<SphereOptions>()(() => ({
    pairLines: true,
    density: true,
    autoRotate: false,
    pointSize: 5,
    hiddenClasses: new Set<number>(),
    ringDims: [0, 1],
    colourBy: 'class',
  }));
}

/** The hidden set with `label` shown if it was hidden, hidden if it was shown. */
export function toggleClass(hidden: ReadonlySet<number>, label: number): ReadonlySet<number> {
  const next = new Set(hidden);
  if (!next.delete(label)) next.add(label);
  return next;
}

/** out[p] = 1 when point p's class is shown, else 0, for the first `count` points; returns how many are shown. */
export function writeShownMask(labels: Uint8Array, count: number, hidden: ReadonlySet<number>, out: Uint8Array): number {
  let shown = 0;
  for (let p = 0; p < count; p++) {
    const isShown = !hidden.has(labels[p]!);
    out[p] = isShown ? 1 : 0;
    if (isShown) shown++;
  }
  return shown;
}

/** The chosen pair of coordinates if it fits d dimensions and names two different ones, else the first two. */
export function ringDimsFor(chosen: readonly [number, number], dim: number): readonly [number, number] {
  const [first, second] = chosen;
  return first !== second && first < dim && second < dim ? chosen : [0, 1];
}

/** The ring's pair with coordinate `which` (0 = first, 1 = second) set to `value`; picking the other one swaps them. */
export function chooseRingDim(pair: readonly [number, number], which: 0 | 1, value: number): readonly [number, number] {
  const other = pair[1 - which]!;
  if (value === other) return which === 0 ? [value, pair[0]] : [pair[1], value];
  return which === 0 ? [value, other] : [other, value];
}

/**
 * out[3p..3p+2] = the mean colour of point p's image (`channels` planes of size² bytes each in `images`), as RGB in
 * [0, 1] at full brightness (its largest channel 1), so a dark image's hue still shows on the dark sphere; grey
 * images come out white.
 */
export function writeImageColours(images: Uint8Array, size: number, channels: ImageChannels, count: number, out: Float32Array): void {
  const area = size * size;
  for (let p = 0; p < count; p++) {
    const mean = [0, 1, 2].map((c) => {
      const plane = (p * channels + (channels === 3 ? c : 0)) * area;
      let sum = 0;
      for (let i = 0; i < area; i++) sum += images[plane + i]!;
      return sum / area;
    });
    const brightest = Math.max(...mean, 1e-6);
    for (let c = 0; c < 3; c++) out[p * 3 + c] = mean[c]! / brightest;
  }
}
