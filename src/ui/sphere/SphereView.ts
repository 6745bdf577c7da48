/**
 * The embedding sphere's view on the page: the camera and its orbit controls, pointer and keyboard
 * input, hover picking, and placing each snapshot on the sphere. The drawing itself is the sphere
 * renderer's (see rendererHost), in a worker where the browser allows: this class sends it the camera,
 * the options and the placed points. It polls the live snapshot's version in a requestAnimationFrame loop;
 * the point under the pointer is reported through `onHover`.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { StoreApi } from 'zustand/vanilla';
import type { LiveSnapshot } from '../liveSnapshot';
import { orbitKeyAction } from './keyboardOrbit';
import { nearestByCosine, type Neighbour } from './nearestNeighbours';
import { PointPicker } from './pointPicker';
import { placeOnSphere, randomOrthonormalProjection } from './projection';
import { startSphereRenderer } from './rendererHost';
import type { SphereRendererApi } from './rendererProtocol';
import { type SphereOptions, writeImageColours, writeShownMask } from './viewOptions';

const FOV_DEG = 35;
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
  readonly canvas = document.createElement('canvas');
  private readonly renderer: SphereRendererApi;
  private readonly camera = new THREE.PerspectiveCamera(FOV_DEG, 1, 0.05, 100);
  private readonly controls: OrbitControls;
  /** The placed points as the picker sees them (their targets; the renderer eases toward them). */
  private readonly pickable = new THREE.Points(new THREE.BufferGeometry());
  private readonly picker = new PointPicker();
  private readonly resizeObserver: ResizeObserver;
  private readonly unsubscribeOptions: () => void;
  private placed = new Float32Array(0);
  /** 1 for each point whose class is shown. */
  private shown = new Uint8Array(0);
  private projection: { dim: number; seed: number; matrix: Float64Array } | null = null;
  private projectionSeed = 0;
  /** Live snapshot version on screen; -1 forces the next frame to place the snapshot again. */
  private shownVersion = -1;
  private frame = 0;
  private lastFrameAt: number | null = null;
  private viewWidth = 0;
  private viewHeight = 0;
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

  /** Throws when WebGL is unavailable in the page; a drawing worker's failure comes through `onFailure`. */
  constructor(
    private readonly parent: HTMLElement,
    private readonly live: LiveSnapshot,
    private readonly options: StoreApi<SphereOptions>,
    private readonly onHover: (hover: PointHover | null) => void,
    onFailure: (message: string) => void,
    onContextLost: (lost: boolean) => void,
  ) {
    this.canvas.dataset.testid = 'sphere-canvas';
    parent.append(this.canvas);
    try {
      this.renderer = startSphereRenderer(this.canvas, {
        onFailure: (message) => {
          this.dispose();
          onFailure(message);
        },
        // Benchmarks read how many frames the sphere has drawn from here.
        onFramesDrawn: (total) => {
          this.canvas.dataset.framesDrawn = String(total);
        },
        onContextLost,
      });
    } catch (err) {
      this.canvas.remove();
      throw err;
    }
    // Everything lies within the unit sphere: fixed bounds, never recomputed as points move.
    this.pickable.geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), 1.01);

    const elevation = THREE.MathUtils.degToRad(CAMERA_ELEVATION_DEG);
    this.camera.position.set(0, Math.sin(elevation), Math.cos(elevation)).multiplyScalar(CAMERA_DISTANCE);
    this.camera.lookAt(0, 0, 0);
    // Created after the camera is placed: controls.reset() returns to this pose.
    this.controls = new OrbitControls(this.camera, this.canvas);
    this.controls.enableDamping = true;
    this.controls.dampingFactor = 0.12;
    this.controls.enablePan = false; // the sphere stays centred
    this.controls.minDistance = MIN_DISTANCE;
    this.controls.maxDistance = MAX_DISTANCE;
    this.controls.autoRotateSpeed = AUTO_ROTATE_SPEED;
    this.controls.addEventListener('change', this.sendCamera);

    this.canvas.addEventListener('pointermove', this.onPointerMove);
    this.canvas.addEventListener('pointerleave', this.onPointerLeave);
    this.canvas.addEventListener('pointerdown', this.onPointerDown);
    this.canvas.addEventListener('pointerup', this.onPointerUp);
    parent.addEventListener('keydown', this.onKeyDown);
    this.resizeObserver = new ResizeObserver(this.resize);
    this.resizeObserver.observe(parent);
    this.resize();
    this.unsubscribeOptions = options.subscribe(this.applyOptions);
    this.applyOptions(options.getState(), options.getState());
    this.frame = requestAnimationFrame(this.tick);
  }

  /** The last frame drawn, as a PNG (null if the browser could not encode it). */
  toPng(): Promise<Blob | null> {
    return this.renderer.toPng();
  }

  /** Seed of the random projection used for d > 3. */
  setProjectionSeed(seed: number): void {
    if (seed === this.projectionSeed) return;
    this.projectionSeed = seed;
    this.shownVersion = -1;
  }

  resetCamera(): void {
    this.controls.reset();
    this.sendCamera();
  }

  /** Closes the hovered point's card (Escape). */
  dismissHover(): void {
    this.dismissed = this.hovered;
    this.setHovered(-1);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.unsubscribeOptions();
    this.resizeObserver.disconnect();
    this.canvas.removeEventListener('pointermove', this.onPointerMove);
    this.canvas.removeEventListener('pointerleave', this.onPointerLeave);
    this.canvas.removeEventListener('pointerdown', this.onPointerDown);
    this.canvas.removeEventListener('pointerup', this.onPointerUp);
    this.parent.removeEventListener('keydown', this.onKeyDown);
    this.controls.removeEventListener('change', this.sendCamera);
    this.controls.dispose();
    this.pickable.geometry.dispose();
    this.renderer.dispose();
    this.canvas.remove();
  }

  private readonly tick = (now: number): void => {
    this.frame = requestAnimationFrame(this.tick);
    const elapsedSeconds = this.lastFrameAt === null ? 0 : (now - this.lastFrameAt) / 1000;
    this.lastFrameAt = now;
    if (this.live.version !== this.shownVersion) this.showSnapshot();
    if (this.pickPending && now - this.lastPickAt >= PICK_INTERVAL_MS) this.pickUnderPointer(now);
    this.controls.update(elapsedSeconds); // advances damping and auto-rotation; emits 'change' while the camera moves
  };

  private showSnapshot(): void {
    const { live } = this;
    this.shownVersion = live.version;
    this.placed = new Float32Array(live.count * 3);
    placeOnSphere(live.embeddings, live.count, live.dim, this.projectionFor(live.dim), this.placed);
    this.pickable.geometry.setAttribute('position', new THREE.BufferAttribute(this.placed, 3));
    this.shown = new Uint8Array(live.count);
    writeShownMask(live.labels, live.count, this.options.getState().hiddenClasses, this.shown);
    const pairCount = Math.min(live.pairCount, live.count);
    const placedPairs = new Float32Array(pairCount * 2 * 3);
    placeOnSphere(live.pairs, 2 * pairCount, live.dim, this.projectionFor(live.dim), placedPairs);
    // The renderer takes copies: these arrays move to its thread.
    this.renderer.showPoints({
      placed: this.placed.slice(),
      labels: live.labels.slice(0, live.count),
      count: live.count,
      placedPairs,
      pairCount,
      shown: this.shown.slice(),
      colours: this.imageColours(),
    });
    this.sendOptions();
    // The hovered point's neighbours are those of the new embeddings.
    if (this.hovered >= live.count || (this.hovered >= 0 && this.shown[this.hovered] === 0)) this.setHovered(-1);
    else if (this.hovered >= 0) this.reportHover();
  }

  /** The points' colours when coloured by their images (and the images are there), else null: by class. */
  private imageColours(): Float32Array | null {
    const { live } = this;
    const values = live.imageChannels * live.imageSize * live.imageSize;
    if (this.options.getState().colourBy !== 'image' || values === 0 || live.images.length < live.count * values) return null;
    const colours = new Float32Array(live.count * 3);
    writeImageColours(live.images, live.imageSize, live.imageChannels, live.count, colours);
    return colours;
  }

  /** Which classes are shown changed: the points' visibility, the arcs and the density follow. */
  private applyClassFilter(): void {
    const { live } = this;
    if (this.shown.length !== live.count) return; // not placed yet: showSnapshot applies the filter
    writeShownMask(live.labels, live.count, this.options.getState().hiddenClasses, this.shown);
    this.renderer.setShown(this.shown.slice());
    if (this.hovered >= 0 && this.shown[this.hovered] === 0) this.setHovered(-1);
  }

  private readonly applyOptions = (options: SphereOptions, previous: SphereOptions): void => {
    this.controls.autoRotate = options.autoRotate;
    if (options.hiddenClasses !== previous.hiddenClasses) this.applyClassFilter();
    // New colours: the same points shown again (they stay where they are).
    if (options.colourBy !== previous.colourBy) this.shownVersion = -1;
    this.sendOptions();
  };

  private sendOptions(): void {
    const { pointSize, pairLines, density } = this.options.getState();
    this.renderer.setOptions({ pointSize, pairLines, density, equator: this.live.count > 0 && this.live.dim === 2 });
  }

  private readonly sendCamera = (): void => {
    const { camera } = this;
    this.renderer.setCamera({
      position: [camera.position.x, camera.position.y, camera.position.z],
      quaternion: [camera.quaternion.x, camera.quaternion.y, camera.quaternion.z, camera.quaternion.w],
      fov: camera.fov,
      aspect: camera.aspect,
    });
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
    const index =
      this.pointerInView && this.shown.length > 0
        ? this.picker.pick(this.pickable, this.shown, this.camera, this.pointerX, this.pointerY, this.viewWidth, this.viewHeight, pointSize)
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

  private readonly onPointerLeave = (event: PointerEvent): void => {
    // A finger "leaves" with every tap as it lifts: the tapped point's card stays until the next tap.
    if (event.pointerType === 'touch') return;
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

  private readonly resize = (): void => {
    const width = this.parent.clientWidth;
    const height = this.parent.clientHeight;
    if (width === 0 || height === 0) return;
    this.viewWidth = width;
    this.viewHeight = height;
    this.renderer.resize(width, height, window.devicePixelRatio);
    this.camera.aspect = width / height;
    // The field of view is vertical: widen it on portrait screens so the sphere still fits across.
    this.camera.fov = this.camera.aspect >= 1 ? FOV_DEG : THREE.MathUtils.radToDeg(2 * Math.atan(Math.tan(THREE.MathUtils.degToRad(FOV_DEG / 2)) / this.camera.aspect));
    this.camera.updateProjectionMatrix();
    this.sendCamera();
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
    this.controls.update();
    this.sendCamera();
  };

  /** Moves the camera toward (scale > 1) or away from the centre, within the orbit limits. */
  private zoomBy(scale: number): void {
    const offset = this.camera.position.clone().sub(this.controls.target);
    offset.setLength(THREE.MathUtils.clamp(offset.length() / scale, MIN_DISTANCE, MAX_DISTANCE));
    this.camera.position.copy(this.controls.target).add(offset);
    this.controls.update();
  }
}
