/**
 * "Shapes & colours": ten shape classes drawn at a random scale, a small rotation and shift, each image in a random
 * foreground colour on a random background tint. The colours say nothing about the class, but the two crops of one
 * image share them: the colour shortcut of SimCLR's colour ablation (docs/shapes-colours.md). Deterministic: one
 * seeded generator draws every choice in a fixed order, so the files are byte-identical on every build.
 */
import { mulberry32 } from './mulberry32';
import type { Dataset } from '../../src/data/datasetFormat';

export const SHAPES_SIDE = 32;

/** Each shape as a test on a point of its own frame, [-1, 1]², the shape roughly filling the unit disc. */
const shapes: { name: string; inside: (u: number, v: number) => boolean }[] = [
  { name: 'circle', inside: (u, v) => u * u + v * v <= 0.85 * 0.85 },
  { name: 'square', inside: (u, v) => Math.abs(u) <= 0.68 && Math.abs(v) <= 0.68 },
  { name: 'triangle', inside: (u, v) => insidePolygon(regularPolygon(3, 0.95, 0), u, v) },
  { name: 'star', inside: (u, v) => insidePolygon(star(5, 0.98, 0.42), u, v) },
  { name: 'cross', inside: (u, v) => (Math.abs(u) <= 0.28 && Math.abs(v) <= 0.9) || (Math.abs(v) <= 0.28 && Math.abs(u) <= 0.9) },
  { name: 'ring', inside: (u, v) => between(Math.hypot(u, v), 0.5, 0.9) },
  { name: 'crescent', inside: (u, v) => Math.hypot(u, v) <= 0.9 && Math.hypot(u - 0.45, v) > 0.68 },
  { name: 'heart', inside: (u, v) => heart(u * 1.15, -v * 1.15 + 0.15) },
  { name: 'T', inside: (u, v) => (Math.abs(u) <= 0.85 && between(v, 0.45, 0.9)) || (Math.abs(u) <= 0.24 && between(v, -0.9, 0.9)) },
  { name: 'half-disc', inside: (u, v) => Math.hypot(u, v + 0.3) <= 0.95 && v >= -0.3 },
];

export const shapeClassNames = shapes.map((shape) => shape.name);

const between = (x: number, lo: number, hi: number): boolean => x >= lo && x <= hi;

function regularPolygon(corners: number, radius: number, phase: number): [number, number][] {
  return Array.from({ length: corners }, (_, k) => {
    const angle = phase + (2 * Math.PI * k) / corners - Math.PI / 2;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
}

function star(points: number, outer: number, inner: number): [number, number][] {
  return regularPolygon(2 * points, 1, 0).map(([x, y], k) => {
    const r = k % 2 === 0 ? outer : inner;
    return [x * r, y * r];
  });
}

/** Even–odd ray casting. */
function insidePolygon(corners: [number, number][], u: number, v: number): boolean {
  let inside = false;
  for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
    const [xi, yi] = corners[i]!;
    const [xj, yj] = corners[j]!;
    if (yi > v !== yj > v && u < ((xj - xi) * (v - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The heart curve (x² + y² − 1)³ ≤ x²y³. */
function heart(x: number, y: number): boolean {
  const a = x * x + y * y - 1;
  return a * a * a <= x * x * y * y * y;
}

/** HSV in [0, 1] to RGB bytes. */
function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const channel = (n: number) => {
    const k = (n + h * 6) % 6;
    return Math.round(255 * (v - v * s * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [channel(5), channel(3), channel(1)];
}

const luma = ([r, g, b]: [number, number, number]): number => 0.299 * r + 0.587 * g + 0.114 * b;


/** Sub-samples per pixel side: coverage in steps of 1/16 gives smooth edges that still compress well. */
const SUPERSAMPLE = 4;
/**
 * Shapes' radius as a fraction of the half-side; the largest rotation (radians either way) and shift of the centre
 * (a fraction of the room the radius leaves); the least brightness gap between shape and background. Small enough
 * a pose that the lab's MLP encoder (no convolutions) can learn the shapes, so that what the lesson measures is
 * the colour shortcut, not an encoder that cannot see shapes at all.
 */
export const shapesRecipe = { scale: [0.6, 0.9], maxRotation: 0.35, shift: 0.4, minLumaGap: 60 } as const;

/** `count` images, an equal number of each class in a seeded order, planes R, G, B per image. */
export function generateShapes(seed: number, count: number, split: string): Dataset {
  const rand = mulberry32(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const side = SHAPES_SIDE;
  const area = side * side;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % shapes.length);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [labels[i], labels[j]] = [labels[j]!, labels[i]!];
  }
  const pixels = new Uint8Array(count * 3 * area);
  const coverage = new Float32Array(area);
  for (let n = 0; n < count; n++) {
    const shape = shapes[labels[n]!]!;
    const scale = uniform(shapesRecipe.scale[0], shapesRecipe.scale[1]);
    const angle = uniform(-shapesRecipe.maxRotation, shapesRecipe.maxRotation);
    const room = (1 - scale) * shapesRecipe.shift;
    const [cx, cy] = [uniform(-room, room), uniform(-room, room)];
    // Any hue for both; the shape saturated, the background a tint, redrawn until their brightness differs enough.
    let fg: [number, number, number];
    let bg: [number, number, number];
    do {
      fg = hsvToRgb(rand(), uniform(0.5, 1), uniform(0.35, 1));
      bg = hsvToRgb(rand(), uniform(0.1, 0.6), uniform(0.1, 0.95));
    } while (Math.abs(luma(fg) - luma(bg)) < shapesRecipe.minLumaGap);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        let hits = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy++) {
          for (let sx = 0; sx < SUPERSAMPLE; sx++) {
            // The sample in image units [-1, 1]², then into the shape's frame (undo the shift, rotation, scale).
            const px = ((x + (sx + 0.5) / SUPERSAMPLE) / side) * 2 - 1 - cx;
            const py = ((y + (sy + 0.5) / SUPERSAMPLE) / side) * 2 - 1 - cy;
            if (shape.inside((cos * px + sin * py) / scale, (-sin * px + cos * py) / scale)) hits++;
          }
        }
        coverage[y * side + x] = hits / (SUPERSAMPLE * SUPERSAMPLE);
      }
    }
    for (let c = 0; c < 3; c++) {
      const plane = (n * 3 + c) * area;
      for (let p = 0; p < area; p++) pixels[plane + p] = Math.round(bg[c]! + (fg[c]! - bg[c]!) * coverage[p]!);
    }
  }
  return { name: 'shapes-colours', split, count, rows: side, cols: side, channels: 3, classNames: shapeClassNames, labels, pixels };
}
