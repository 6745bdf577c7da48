/**
 * Draws the angle-density ring on a 2-D canvas: per class, the density of the angle (angleDensity.ts) as
 * a closed curve around a base circle. Like the sphere it polls the live snapshot in an animation frame
 * and redraws only when the snapshot, the class filter, the chosen coordinates or the size changed.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { LiveSnapshot } from '../liveSnapshot';
import { ANGLE_BINS, ANGLE_KAPPA, angleDensityByClass, pairAngles, vonMisesKernel } from './angleDensity';
import { classColor } from './palette';
import { ringDimsFor, type SphereOptions } from './viewOptions';

const kernel = vonMisesKernel(ANGLE_BINS, ANGLE_KAPPA);
/** The largest density the kernel allows (every point at one angle): the outer edge of the plot. */
const PEAK_DENSITY = kernel[0]!;
const UNIFORM_DENSITY = 1 / (2 * Math.PI);
/** Base circle and outer edge, as fractions of the half-width. */
const BASE_RADIUS = 0.38;
const OUTER_RADIUS = 0.9;
const GUIDE_COLOR = 'rgba(169, 181, 194, 0.45)';
const LABEL_COLOR = '#a9b5c2';

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
    if (canvas.width !== Math.round(width * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(width * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, width);
    const centre = width / 2;
    const base = BASE_RADIUS * centre;
    const band = (OUTER_RADIUS - BASE_RADIUS) * centre;
    // √density: the uniform level stays visible beside a collapsed class's tall peak, on a fixed scale.
    const radiusOf = (density: number) => base + band * Math.sqrt(density / PEAK_DENSITY);

    this.circle(centre, base, []);
    this.circle(centre, radiusOf(UNIFORM_DENSITY), [3, 4]);
    const dims = live.dim === 2 ? ([0, 1] as const) : ringDimsFor(chosenDims, live.dim);
    this.axisLabels(centre, base, dims);
    if (live.count === 0) return;

    if (this.angles.length < live.count) this.angles = new Float32Array(live.count);
    pairAngles(live.embeddings, live.dim, live.count, dims, this.angles);
    let classCount = 0;
    for (let p = 0; p < live.count; p++) classCount = Math.max(classCount, live.labels[p]! + 1);
    const density = angleDensityByClass(this.angles, live.labels, live.count, classCount, kernel);
    context.lineWidth = 1.5;
    context.setLineDash([]);
    for (let c = 0; c < classCount; c++) {
      if (hidden.has(c)) continue;
      const row = density.subarray(c * ANGLE_BINS, (c + 1) * ANGLE_BINS);
      if (row.every((value) => value === 0)) continue;
      context.strokeStyle = classColor(c);
      context.globalAlpha = 0.9;
      context.beginPath();
      for (let bin = 0; bin < ANGLE_BINS; bin++) {
        const angle = -Math.PI + ((bin + 0.5) * 2 * Math.PI) / ANGLE_BINS;
        const r = radiusOf(row[bin]!);
        // Angles counter-clockwise from the right, as on paper (canvas y points down).
        context.lineTo(centre + r * Math.cos(angle), centre - r * Math.sin(angle));
      }
      context.closePath();
      context.stroke();
    }
    context.globalAlpha = 1;
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
