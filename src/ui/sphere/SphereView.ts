/**
 * The three.js view of the embedding sphere. Imperative, owned by SphereCanvas: it polls the live
 * snapshot's version in a requestAnimationFrame loop and renders only when something changed (a new
 * snapshot, easing, camera motion, an option, resize). Overlays — positive-pair arcs, density shading —
 * and the class filter follow the sphere options store; the point under the pointer is reported through
 * `onHover`.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { StoreApi } from 'zustand/vanilla';
import type { LiveSnapshot } from '../liveSnapshot';
import { DensityShell } from './densityShell';
import { orbitKeyAction } from './keyboardOrbit';
import { nearestByCosine, type Neighbour } from './nearestNeighbours';
import { PairLines } from './pairLines';
import { PointCloud } from './pointCloud';
import { PointPicker } from './pointPicker';
import { placeOnSphere, randomOrthonormalProjection } from './projection';
import { createSphereGuides, type SphereGuides } from './sphereGuides';
import { type SphereOptions, writeShownMask } from './viewOptions';
import { renderQualityFor, webglRendererName } from './renderQuality';

const BACKGROUND = '#10151c';
const FOV_DEG = 35;
const INITIAL_CAPACITY = 2048;
const INITIAL_PAIR_CAPACITY = 256;
const CAMERA_DISTANCE = 4.2;
const CAMERA_ELEVATION_DEG = 25;
const MIN_DISTANCE = 1.6;
const MAX_DISTANCE = 12;
/** OrbitControls' units: 2 is a turn in 30 s. */
const AUTO_ROTATE_SPEED = 1;
/** Hover picking runs at most this often, from the animation loop, never in the pointer handler. */
const PICK_INTERVAL_MS = 50;
/** A press that moves less than this is a tap (which picks on touch screens), not a drag. */
const TAP_SLOP_PX = 6;
const NEIGHBOUR_COUNT = 5;

/** The point under the pointer, with where to show its card and its nearest neighbours. */
export interface PointHover {
  index: number;
  /** Pointer position in CSS pixels from the view's top left, and the view's size. */
  x: number;
  y: number;
  viewWidth: number;
  viewHeight: number;
  neighbours: Neighbour[];
}

export class SphereView {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(FOV_DEG, 1, 0.05, 100);
  private readonly controls: OrbitControls;
  private readonly guides: SphereGuides;
  private readonly points: PointCloud;
  private readonly pairLines = new PairLines(INITIAL_PAIR_CAPACITY);
  private readonly density = new DensityShell();
  private readonly picker = new PointPicker();
  private readonly resizeObserver: ResizeObserver;
  private readonly unsubscribeOptions: () => void;
  private placed = new Float32Array(INITIAL_CAPACITY * 3);
  private placedPairs = new Float32Array(INITIAL_PAIR_CAPACITY * 2 * 3);
  /** 1 for each point whose class is shown. */
  private shown = new Uint8Array(INITIAL_CAPACITY);
  private projection: { dim: number; seed: number; matrix: Float64Array } | null = null;
  private projectionSeed = 0;
  /** Live snapshot version on screen; -1 forces the next frame to place the snapshot again. */
  private shownVersion = -1;
  private needsRender = true;
  private frame = 0;
  private lastFrameAt: number | null = null;
  private viewWidth = 0;
  private viewHeight = 0;
  private densityStale = true;
  private densityTimer: ReturnType<typeof setTimeout> | null = null;
  private pointerX = 0;
  private pointerY = 0;
  private pointerInView = false;
  private pressX = 0;
  private pressY = 0;
  private pickPending = false;
  private lastPickAt = -Infinity;
  private hovered = -1;
  /** A point whose card Escape closed: it stays closed until the pointer leaves that point. */
  private dismissed = -1;
  private readonly quality = renderQualityFor(webglRendererName());

  /** Throws when WebGL is unavailable; the caller shows a message instead. */
  constructor(
    private readonly parent: HTMLElement,
    private readonly live: LiveSnapshot,
    private readonly options: StoreApi<SphereOptions>,
    private readonly onHover: (hover: PointHover | null) => void,
  ) {
    // preserveDrawingBuffer keeps the last frame readable for screenshots and tests.
    this.renderer = new THREE.WebGLRenderer({ antialias: this.quality.antialias, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(this.quality.pixelRatio(window.devicePixelRatio));
    this.renderer.domElement.dataset.testid = 'sphere-canvas';
    parent.append(this.renderer.domElement);

    this.scene.background = new THREE.Color(BACKGROUND);
    this.guides = createSphereGuides();
    this.points = new PointCloud(INITIAL_CAPACITY, options.getState().pointSize, this.renderer.getPixelRatio());
    // Transparent layers in order: the shell and grid, then the density on them, then the arcs on top.
    this.density.object.renderOrder = 1;
    this.pairLines.object.renderOrder = 2;
    this.scene.add(this.guides.group, this.density.object, this.points.object, this.pairLines.object);

    const elevation = THREE.MathUtils.degToRad(CAMERA_ELEVATION_DEG);
    this.camera.position.set(0, Math.sin(elevation), Math.cos(elevation)).multiplyScalar(CAMERA_DISTANCE);
    // Created after the camera is placed: controls.reset() returns to this pose.
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.enableDamping = true;
    this.controls.dampingFactor = 0.12;
    this.controls.enablePan = false; // the sphere stays centred
    this.controls.minDistance = MIN_DISTANCE;
    this.controls.maxDistance = MAX_DISTANCE;
    this.controls.autoRotateSpeed = AUTO_ROTATE_SPEED;
    this.controls.addEventListener('change', this.requestRender);

    const canvas = this.renderer.domElement;
    canvas.addEventListener('pointermove', this.onPointerMove);
    canvas.addEventListener('pointerleave', this.onPointerLeave);
    canvas.addEventListener('pointerdown', this.onPointerDown);
    canvas.addEventListener('pointerup', this.onPointerUp);
    parent.addEventListener('keydown', this.onKeyDown);
    this.resizeObserver = new ResizeObserver(this.resize);
    this.resizeObserver.observe(parent);
    this.resize();
    this.unsubscribeOptions = options.subscribe(this.applyOptions);
    this.applyOptions(options.getState(), options.getState());
    this.frame = requestAnimationFrame(this.tick);
  }

  /** The drawn canvas; its last frame stays readable (preserveDrawingBuffer), e.g. to save it as an image. */
  get canvas(): HTMLCanvasElement {
    return this.renderer.domElement;
  }

  /** Seed of the random projection used for d > 3. */
  setProjectionSeed(seed: number): void {
    if (seed === this.projectionSeed) return;
    this.projectionSeed = seed;
    this.shownVersion = -1;
  }

  resetCamera(): void {
    this.controls.reset();
    this.needsRender = true;
  }

  /** Closes the hovered point's card (Escape). */
  dismissHover(): void {
    this.dismissed = this.hovered;
    this.setHovered(-1);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    if (this.densityTimer !== null) clearTimeout(this.densityTimer);
    this.unsubscribeOptions();
    this.resizeObserver.disconnect();
    const canvas = this.renderer.domElement;
    canvas.removeEventListener('pointermove', this.onPointerMove);
    canvas.removeEventListener('pointerleave', this.onPointerLeave);
    canvas.removeEventListener('pointerdown', this.onPointerDown);
    canvas.removeEventListener('pointerup', this.onPointerUp);
    this.parent.removeEventListener('keydown', this.onKeyDown);
    this.controls.removeEventListener('change', this.requestRender);
    this.controls.dispose();
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
    this.renderer.domElement.remove();
  }

  private readonly tick = (now: number): void => {
    this.frame = requestAnimationFrame(this.tick);
    const elapsedSeconds = this.lastFrameAt === null ? 0 : (now - this.lastFrameAt) / 1000;
    this.lastFrameAt = now;
    if (this.live.version !== this.shownVersion) this.showSnapshot(now);
    if (this.points.update(now)) this.needsRender = true;
    if (this.pickPending && now - this.lastPickAt >= PICK_INTERVAL_MS) this.pickUnderPointer(now);
    this.controls.update(elapsedSeconds); // advances damping and auto-rotation; emits 'change' while the camera moves
    if (!this.needsRender) return;
    this.needsRender = false;
    this.renderer.render(this.scene, this.camera);
  };

  private showSnapshot(now: number): void {
    const { live } = this;
    this.shownVersion = live.version;
    if (live.count * 3 > this.placed.length) this.placed = new Float32Array(live.count * 3);
    if (live.count > this.shown.length) this.shown = new Uint8Array(live.count);
    placeOnSphere(live.embeddings, live.count, live.dim, this.projectionFor(live.dim), this.placed);
    this.points.moveTo(this.placed, live.labels, live.count, now);
    this.guides.equator.visible = live.count > 0 && live.dim === 2;
    this.applyClassFilter();
    // The hovered point's neighbours are those of the new embeddings.
    if (this.hovered >= live.count) this.setHovered(-1);
    else if (this.hovered >= 0) this.reportHover();
    this.needsRender = true;
  }

  /** Redraws what depends on which classes are shown: the points' visibility, the arcs, the density. */
  private applyClassFilter(): void {
    const { live } = this;
    writeShownMask(live.labels, live.count, this.options.getState().hiddenClasses, this.shown);
    this.points.setShown(this.shown, live.count);
    const pairCount = Math.min(live.pairCount, live.count);
    if (pairCount * 2 * 3 > this.placedPairs.length) this.placedPairs = new Float32Array(pairCount * 2 * 3);
    placeOnSphere(live.pairs, 2 * pairCount, live.dim, this.projectionFor(live.dim), this.placedPairs);
    this.pairLines.update(this.placedPairs, pairCount, live.labels, this.shown);
    this.densityStale = true;
    this.scheduleDensity();
    if (this.hovered >= 0 && this.shown[this.hovered] === 0) this.setHovered(-1);
    this.needsRender = true;
  }

  /** The density estimate (~1–2 ms) runs as a task of its own after the frame, and only while it is shown. */
  private scheduleDensity(): void {
    if (!this.densityStale || !this.density.object.visible || this.densityTimer !== null) return;
    this.densityTimer = setTimeout(this.refreshDensity, 0);
  }

  private readonly refreshDensity = (): void => {
    this.densityTimer = null;
    this.densityStale = false;
    this.density.update(this.placed, this.live.count, this.shown);
    this.needsRender = true;
  };

  private readonly applyOptions = (options: SphereOptions, previous: SphereOptions): void => {
    this.points.setSize(options.pointSize);
    this.controls.autoRotate = options.autoRotate;
    this.pairLines.object.visible = options.pairLines;
    this.density.object.visible = options.density;
    this.guides.shell.visible = !options.density;
    if (options.hiddenClasses !== previous.hiddenClasses) this.applyClassFilter();
    this.scheduleDensity(); // in case the density was just switched on
    this.needsRender = true;
  };

  private projectionFor(dim: number): Float64Array | null {
    if (dim <= 3) return null;
    const seed = this.projectionSeed;
    if (this.projection?.dim !== dim || this.projection.seed !== seed) {
      this.projection = { dim, seed, matrix: randomOrthonormalProjection(dim, seed) };
    }
    return this.projection.matrix;
  }

  private pickUnderPointer(now: number): void {
    this.pickPending = false;
    this.lastPickAt = now;
    const { pointSize } = this.options.getState();
    const index = this.pointerInView
      ? this.picker.pick(this.points.object, this.shown, this.camera, this.pointerX, this.pointerY, this.viewWidth, this.viewHeight, pointSize)
      : -1;
    if (this.dismissed >= 0 && index === this.dismissed) return;
    this.dismissed = -1;
    if (index !== this.hovered) this.setHovered(index);
  }

  private setHovered(index: number): void {
    if (index === this.hovered) return;
    this.hovered = index;
    this.reportHover();
  }

  private reportHover(): void {
    const { live, hovered } = this;
    if (hovered < 0) {
      this.onHover(null);
      return;
    }
    this.onHover({
      index: hovered,
      x: this.pointerX,
      y: this.pointerY,
      viewWidth: this.viewWidth,
      viewHeight: this.viewHeight,
      neighbours: nearestByCosine(live.embeddings, live.dim, live.count, hovered, NEIGHBOUR_COUNT),
    });
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    // While dragging the sphere round, no card.
    if (event.buttons !== 0) {
      this.pointerInView = false;
      this.setHovered(-1);
      return;
    }
    this.pointerX = event.offsetX;
    this.pointerY = event.offsetY;
    this.pointerInView = true;
    this.pickPending = true;
  };

  private readonly onPointerLeave = (): void => {
    this.pointerInView = false;
    this.pickPending = true;
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    this.pressX = event.offsetX;
    this.pressY = event.offsetY;
  };

  /** A tap (touch or pen, which have no hover) picks the point under it. */
  private readonly onPointerUp = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse') return;
    if (Math.hypot(event.offsetX - this.pressX, event.offsetY - this.pressY) > TAP_SLOP_PX) return;
    this.pointerX = event.offsetX;
    this.pointerY = event.offsetY;
    this.pointerInView = true;
    this.pickPending = true;
  };

  private readonly requestRender = (): void => {
    this.needsRender = true;
  };

  private readonly resize = (): void => {
    const width = this.parent.clientWidth;
    const height = this.parent.clientHeight;
    if (width === 0 || height === 0) return;
    this.viewWidth = width;
    this.viewHeight = height;
    const pixelRatio = this.quality.pixelRatio(window.devicePixelRatio);
    if (pixelRatio !== this.renderer.getPixelRatio()) {
      this.renderer.setPixelRatio(pixelRatio);
      this.points.setPixelRatio(pixelRatio);
    }
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    // The field of view is vertical: widen it on portrait screens so the sphere still fits across.
    this.camera.fov = this.camera.aspect >= 1 ? FOV_DEG : THREE.MathUtils.radToDeg(2 * Math.atan(Math.tan(THREE.MathUtils.degToRad(FOV_DEG / 2)) / this.camera.aspect));
    this.camera.updateProjectionMatrix();
    this.needsRender = true;
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return; // leave browser shortcuts (Ctrl +/-) alone
    const action = orbitKeyAction(event.key);
    if (!action) return;
    event.preventDefault();
    switch (action.kind) {
      case 'rotate':
        this.controls.rotateLeft(action.left);
        this.controls.rotateUp(action.up);
        break;
      case 'zoom':
        this.zoomBy(action.scale);
        break;
      case 'reset':
        this.resetCamera();
        break;
    }
    this.needsRender = true;
  };

  /** Moves the camera toward (scale > 1) or away from the centre, within the orbit limits. */
  private zoomBy(scale: number): void {
    const offset = this.camera.position.clone().sub(this.controls.target);
    offset.setLength(THREE.MathUtils.clamp(offset.length() / scale, MIN_DISTANCE, MAX_DISTANCE));
    this.camera.position.copy(this.controls.target).add(offset);
    this.controls.update();
  }
}
