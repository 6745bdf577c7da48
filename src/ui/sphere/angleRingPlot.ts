/**
 * Draws Wang & Isola's Figure 1 on a 2-D canvas, for the angle of each embedding in two coordinates (the
 * whole embedding when d = 2; angleDensity.ts): a ring with each point at its angle (coloured by class) and
 * the density of all points around it, then a strip per class with the density of its angles. Like the
 * sphere it polls the live snapshot (the timeline's, when scrubbed back) in an animation frame and redraws
 * only when the snapshot, the class filter, the chosen coordinates or the size changed.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { LiveSnapshot } from '../liveSnapshot';
import { ANGLE_BINS, ANGLE_KAPPA, angleDensity, angleDensityByClass, pairAngles, vonMisesKernel } from './angleDensity';
import { classColor } from './palette';
import { ringDimsFor, type SphereOptions } from './viewOptions';

const kernel = vonMisesKernel(ANGLE_BINS, ANGLE_KAPPA);
/** The largest density the kernel allows (every point at one angle): the outer edge of the plot. */
const PEAK_DENSITY = kernel[0]!;
const UNIFORM_DENSITY = 1 / (2 * Math.PI);
/** Base circle and outer edge, as fractions of the half-width. */
const BASE_RADIUS = 0.38;
const OUTER_RADIUS = 0.9;
/** The points sit in a band this wide (px) just inside the base circle, spread across it so that a pile shows. */
const POINT_BAND = 10;
/** Each class's strip: its height, the swatch's room at the left, and the angle labels' line under the last. */
const STRIP_HEIGHT = 16;
const STRIP_LEFT = 14;
const STRIP_AXIS = 14;
const GUIDE_COLOR = 'rgba(169, 181, 194, 0.45)';
const DENSITY_FILL = 'rgba(169, 181, 194, 0.3)';
const DENSITY_LINE = 'rgba(222, 230, 238, 0.95)';
const LABEL_COLOR = '#a9b5c2';

/** The angle at the centre of bin `bin`. */
const binAngle = (bin: number): number => -Math.PI + ((bin + 0.5) * 2 * Math.PI) / ANGLE_BINS;
/** A point's place across the band, fixed per point (golden-ratio steps), so that redraws do not shimmer. */
const bandOffset = (point: number): number => ((point * 0.618034) % 1) * POINT_BAND;

export class AngleRingPlot {
  private readonly context: CanvasRenderingContext2D;
  private angles = new Float32Array(0);
  private frame = 0;
  /** What the canvas shows; any change redraws. */
  private drawn = { version: -1, hidden: null as ReadonlySet<number> | null, dims: null as readonly [number, number] | null, width: 0, ratio: 0 };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly live: LiveSnapshot,
    private readonly options: StoreApi<SphereOptions>,
  ) {
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2-D canvas context.');
    this.context = context;
    this.frame = requestAnimationFrame(this.tick);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
  }

  private readonly tick = (): void => {
    this.frame = requestAnimationFrame(this.tick);
    const { hiddenClasses, ringDims } = this.options.getState();
    const width = this.canvas.clientWidth;
    const ratio = window.devicePixelRatio;
    const drawn = this.drawn;
    if (drawn.version === this.live.version && drawn.hidden === hiddenClasses && drawn.dims === ringDims && drawn.width === width && drawn.ratio === ratio) return;
    this.drawn = { version: this.live.version, hidden: hiddenClasses, dims: ringDims, width, ratio };
    if (width > 0) this.draw(width, ratio, hiddenClasses, ringDims);
  };

  private draw(width: number, ratio: number, hidden: ReadonlySet<number>, chosenDims: readonly [number, number]): void {
    const { canvas, context, live } = this;
    let classCount = 0;
    for (let p = 0; p < live.count; p++) classCount = Math.max(classCount, live.labels[p]! + 1);
    const height = width + (classCount > 0 ? classCount * STRIP_HEIGHT + STRIP_AXIS : 0);
    canvas.style.height = `${height}px`;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const centre = width / 2;
    const base = BASE_RADIUS * centre;
    const band = (OUTER_RADIUS - BASE_RADIUS) * centre;
    // √density: the uniform level stays visible beside a collapsed run's tall peak, on a fixed scale.
    const radiusOf = (density: number) => base + band * Math.sqrt(density / PEAK_DENSITY);

    this.circle(centre, base, []);
    this.circle(centre, radiusOf(UNIFORM_DENSITY), [3, 4]);
    const dims = live.dim === 2 ? ([0, 1] as const) : ringDimsFor(chosenDims, live.dim);
    this.axisLabels(centre, base, dims);
    // The step drawn, for whoever waits on the picture (the e2e tests).
    canvas.dataset.step = live.count === 0 ? '' : String(live.step);
    if (live.count === 0) return;

    if (this.angles.length < live.count) this.angles = new Float32Array(live.count);
    pairAngles(live.embeddings, live.dim, live.count, dims, this.angles);
    this.densityBand(centre, base, radiusOf, angleDensity(this.angles, live.count, kernel));
    this.points(centre, base, hidden);
    this.strips(width, angleDensityByClass(this.angles, live.labels, live.count, classCount, kernel), classCount, hidden);
  }

  /** The density of all points, filled between the base circle and its curve. */
  private densityBand(centre: number, base: number, radiusOf: (density: number) => number, density: Float32Array): void {
    const { context } = this;
    const curve = new Path2D();
    for (let bin = 0; bin < ANGLE_BINS; bin++) {
      const angle = binAngle(bin);
      const r = radiusOf(density[bin]!);
      // Angles counter-clockwise from the right, as on paper (canvas y points down).
      curve.lineTo(centre + r * Math.cos(angle), centre - r * Math.sin(angle));
    }
    curve.closePath();
    const area = new Path2D(curve);
    area.moveTo(centre + base, centre);
    area.arc(centre, centre, base, 0, 2 * Math.PI, true);
    context.fillStyle = DENSITY_FILL;
    context.fill(area, 'evenodd');
    context.setLineDash([]);
    context.strokeStyle = DENSITY_LINE;
    context.lineWidth = 1.5;
    context.stroke(curve);
  }

  /** Each point of a shown class at its angle, just inside the base circle. */
  private points(centre: number, base: number, hidden: ReadonlySet<number>): void {
    const { context, live, angles } = this;
    context.globalAlpha = 0.6;
    for (let p = 0; p < live.count; p++) {
      const label = live.labels[p]!;
      const angle = angles[p]!;
      if (hidden.has(label) || Number.isNaN(angle)) continue;
      const r = base - 3 - bandOffset(p);
      context.fillStyle = classColor(label);
      context.fillRect(centre + r * Math.cos(angle) - 1, centre - r * Math.sin(angle) - 1, 2, 2);
    }
    context.globalAlpha = 1;
  }

  /** Under the ring, a strip per class: the density of its angles from −180° (left) to 180°, on the ring's √ scale. */
  private strips(width: number, density: Float32Array, classCount: number, hidden: ReadonlySet<number>): void {
    const { context } = this;
    const plotWidth = width - STRIP_LEFT - 4;
    const xOf = (bin: number) => STRIP_LEFT + ((bin + 0.5) / ANGLE_BINS) * plotWidth;
    for (let c = 0; c < classCount; c++) {
      const bottom = width + (c + 1) * STRIP_HEIGHT - 2;
      const rowHeight = STRIP_HEIGHT - 3;
      const row = density.subarray(c * ANGLE_BINS, (c + 1) * ANGLE_BINS);
      const shown = !hidden.has(c) && row.some((value) => value > 0);
      context.fillStyle = classColor(c);
      context.globalAlpha = shown ? 1 : 0.3;
      context.fillRect(2, bottom - 8, 8, 8);
      context.globalAlpha = 1;
      context.strokeStyle = GUIDE_COLOR;
      context.lineWidth = 1;
      context.beginPath();
      context.moveTo(STRIP_LEFT, bottom);
      context.lineTo(STRIP_LEFT + plotWidth, bottom);
      context.stroke();
      if (!shown) continue;
      context.beginPath();
      context.moveTo(xOf(0), bottom);
      for (let bin = 0; bin < ANGLE_BINS; bin++) context.lineTo(xOf(bin), bottom - rowHeight * Math.sqrt(row[bin]! / PEAK_DENSITY));
      context.lineTo(xOf(ANGLE_BINS - 1), bottom);
      context.closePath();
      context.fillStyle = classColor(c);
      context.globalAlpha = 0.45;
      context.fill();
      context.globalAlpha = 1;
      context.strokeStyle = classColor(c);
      context.stroke();
    }
    context.fillStyle = LABEL_COLOR;
    context.font = '10px system-ui, sans-serif';
    context.textBaseline = 'top';
    const axisY = width + classCount * STRIP_HEIGHT + 1;
    const labels = [
      ['−180°', 'left', STRIP_LEFT],
      ['0°', 'center', STRIP_LEFT + plotWidth / 2],
      ['180°', 'right', STRIP_LEFT + plotWidth],
    ] as const;
    for (const [text, align, x] of labels) {
      context.textAlign = align;
      context.fillText(text, x, axisY);
    }
  }

  private circle(centre: number, radius: number, dash: number[]): void {
    const { context } = this;
    context.strokeStyle = GUIDE_COLOR;
    context.lineWidth = 1;
    context.setLineDash(dash);
    context.beginPath();
    context.arc(centre, centre, radius, 0, 2 * Math.PI);
    context.stroke();
  }

  /** Names the axes inside the base circle: the first coordinate points right, the second up. */
  private axisLabels(centre: number, base: number, [first, second]: readonly [number, number]): void {
    const { context } = this;
    context.fillStyle = LABEL_COLOR;
    context.font = '11px system-ui, sans-serif';
    context.textBaseline = 'middle';
    context.textAlign = 'right';
    context.fillText(`x${first + 1}`, centre + base - 4, centre);
    context.textAlign = 'center';
    context.fillText(`x${second + 1}`, centre, centre - base + 9);
  }
}
