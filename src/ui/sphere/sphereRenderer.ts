/**
 * The three.js scene of the embedding sphere and its draw loop: guides, density shading, points, pair
 * arcs. It knows nothing of input or of the page: the view sends it the camera, options and placed
 * points (see rendererProtocol). It draws only when something changed (a new pose, easing, an option).
 * Runs in the sphere worker on an OffscreenCanvas, or in the page where workers cannot draw.
 */
import * as THREE from 'three';
import { DensityShell } from './densityShell';
import { PairLines } from './pairLines';
import { PointCloud } from './pointCloud';
import type { CameraPose, PlacedPoints, RendererEvents, SceneOptions, SphereRendererApi } from './rendererProtocol';
import { webglRendererName } from '../../train/webglRenderer';
import { renderQualityFor } from './renderQuality';
import { createSphereGuides, type SphereGuides } from './sphereGuides';

const BACKGROUND = '#10151c';
const INITIAL_CAPACITY = 2048;
const INITIAL_PAIR_CAPACITY = 256;
/** How often the count of frames drawn is reported, when it has grown. */
const FRAME_REPORT_MS = 250;

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;

/** requestAnimationFrame where the thread has it (pages; Chromium and Firefox workers), else a 60 Hz timer. */
const nextFrame: (callback: () => void) => () => void =
  typeof requestAnimationFrame === 'function'
    ? (callback) => {
        const id = requestAnimationFrame(callback);
        return () => cancelAnimationFrame(id);
      }
    : (callback) => {
        const id = setTimeout(callback, 1000 / 60);
        return () => clearTimeout(id);
      };

export class SphereRenderer implements SphereRendererApi {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(35, 1, 0.05, 100);
  private readonly guides: SphereGuides;
  private readonly points: PointCloud;
  private readonly pairLines = new PairLines(INITIAL_PAIR_CAPACITY);
  private readonly density = new DensityShell();
  private readonly quality = renderQualityFor(webglRendererName());
  private current: PlacedPoints | null = null;
  private needsRender = true;
  private densityStale = true;
  private densityTimer: ReturnType<typeof setTimeout> | null = null;
  private cancelFrame: () => void;
  private framesDrawn = 0;
  private lastReportAt = -Infinity;
  private framesReported = 0;

  /** Throws when WebGL is unavailable. */
  constructor(
    private readonly canvas: AnyCanvas,
    private readonly events: RendererEvents,
  ) {
    // preserveDrawingBuffer keeps the last frame readable for the PNG export.
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: this.quality.antialias, preserveDrawingBuffer: true });
    this.scene.background = new THREE.Color(BACKGROUND);
    this.guides = createSphereGuides();
    // Size and pixel ratio are placeholders: the view's first setOptions and resize set them.
    this.points = new PointCloud(INITIAL_CAPACITY, 5, 1);
    // Transparent layers in order: the shell and grid, then the density on them, then the arcs on top.
    this.density.object.renderOrder = 1;
    this.pairLines.object.renderOrder = 2;
    this.scene.add(this.guides.group, this.density.object, this.points.object, this.pairLines.object);
    // three.js keeps the scene and re-uploads it when the context comes back; say so meanwhile.
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    canvas.addEventListener('webglcontextrestored', this.onContextRestored);
    this.cancelFrame = nextFrame(this.tick);
  }

  resize(width: number, height: number, screenPixelRatio: number): void {
    const pixelRatio = this.quality.pixelRatio(screenPixelRatio);
    if (pixelRatio !== this.renderer.getPixelRatio()) {
      this.renderer.setPixelRatio(pixelRatio);
      this.points.setPixelRatio(pixelRatio);
    }
    // The page sizes the canvas element with CSS; only its drawing buffer is set here.
    this.renderer.setSize(width, height, false);
    this.needsRender = true;
  }

  setCamera(pose: CameraPose): void {
    this.camera.position.fromArray(pose.position);
    this.camera.quaternion.fromArray(pose.quaternion);
    this.camera.fov = pose.fov;
    this.camera.aspect = pose.aspect;
    this.camera.updateProjectionMatrix();
    this.needsRender = true;
  }

  setOptions(options: SceneOptions): void {
    this.points.setSize(options.pointSize);
    this.pairLines.object.visible = options.pairLines;
    this.density.object.visible = options.density;
    this.guides.shell.visible = !options.density;
    this.guides.equator.visible = options.equator;
    this.scheduleDensity(); // in case the density was just switched on
    this.needsRender = true;
  }

  showPoints(points: PlacedPoints): void {
    this.current = points;
    this.points.moveTo(points.placed, points.labels, points.count, performance.now(), points.colours);
    this.setShown(points.shown);
  }

  setShown(shown: Uint8Array): void {
    const current = this.current;
    if (!current) return;
    current.shown = shown;
    this.points.setShown(shown, current.count);
    this.pairLines.update(current.placedPairs, Math.min(current.pairCount, current.count), current.labels, shown);
    this.densityStale = true;
    this.scheduleDensity();
    this.needsRender = true;
  }

  async toPng(): Promise<Blob | null> {
    const { canvas } = this;
    if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' }).catch(() => null);
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  }

  dispose(): void {
    this.cancelFrame();
    this.canvas.removeEventListener('webglcontextlost', this.onContextLost);
    this.canvas.removeEventListener('webglcontextrestored', this.onContextRestored);
    if (this.densityTimer !== null) clearTimeout(this.densityTimer);
    this.points.dispose();
    this.pairLines.dispose();
    this.density.dispose();
    this.guides.group.traverse((object) => {
      if (object instanceof THREE.Mesh || object instanceof THREE.Line) {
        object.geometry.dispose();
        (object.material as THREE.Material).dispose();
      }
    });
    this.renderer.dispose();
    // Browsers cap live WebGL contexts; give this one back now rather than at garbage collection.
    this.renderer.forceContextLoss();
  }

  private readonly tick = (): void => {
    this.cancelFrame = nextFrame(this.tick);
    // performance.now(), not the callback's time: the ease started on this clock, in a worker too.
    const now = performance.now();
    if (this.points.update(now)) this.needsRender = true;
    if (this.needsRender) {
      this.needsRender = false;
      this.renderer.render(this.scene, this.camera);
      this.framesDrawn++;
    }
    if (this.framesDrawn !== this.framesReported && now - this.lastReportAt >= FRAME_REPORT_MS) {
      this.lastReportAt = now;
      this.framesReported = this.framesDrawn;
      this.events.onFramesDrawn(this.framesDrawn);
    }
  };

  private readonly onContextLost = (): void => {
    this.events.onContextLost(true);
  };

  private readonly onContextRestored = (): void => {
    this.needsRender = true;
    this.events.onContextLost(false);
  };

  /** The density estimate (~1–2 ms) runs as a task of its own after the frame, and only while it is shown. */
  private scheduleDensity(): void {
    if (!this.densityStale || !this.density.object.visible || this.densityTimer !== null) return;
    this.densityTimer = setTimeout(this.refreshDensity, 0);
  }

  private readonly refreshDensity = (): void => {
    this.densityTimer = null;
    const current = this.current;
    if (!current) return;
    this.densityStale = false;
    this.density.update(current.placed, current.count, current.shown);
    this.needsRender = true;
  };
}
