/**
 * The three.js view of the embedding sphere. Imperative, owned by SphereCanvas: it polls the live
 * snapshot's version in a requestAnimationFrame loop and renders only when something changed (a new
 * snapshot, easing, camera motion, resize).
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { LiveSnapshot } from '../liveSnapshot';
import { orbitKeyAction } from './keyboardOrbit';
import { PointCloud } from './pointCloud';
import { placeOnSphere, randomOrthonormalProjection } from './projection';
import { createSphereGuides, type SphereGuides } from './sphereGuides';

const BACKGROUND = '#10151c';
const FOV_DEG = 35;
const INITIAL_CAPACITY = 2048;
const CAMERA_DISTANCE = 4.2;
const CAMERA_ELEVATION_DEG = 25;
const MIN_DISTANCE = 1.6;
const MAX_DISTANCE = 12;

export class SphereView {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(FOV_DEG, 1, 0.05, 100);
  private readonly controls: OrbitControls;
  private readonly guides: SphereGuides;
  private readonly points: PointCloud;
  private readonly resizeObserver: ResizeObserver;
  private placed = new Float32Array(INITIAL_CAPACITY * 3);
  private projection: { dim: number; seed: number; matrix: Float64Array } | null = null;
  private projectionSeed = 0;
  /** Live snapshot version on screen; -1 forces the next frame to place the snapshot again. */
  private shownVersion = -1;
  private needsRender = true;
  private frame = 0;

  /** Throws when WebGL is unavailable; the caller shows a message instead. */
  constructor(
    private readonly parent: HTMLElement,
    private readonly live: LiveSnapshot,
  ) {
    // preserveDrawingBuffer keeps the last frame readable for screenshots and tests.
    this.renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(window.devicePixelRatio);
    this.renderer.domElement.dataset.testid = 'sphere-canvas';
    parent.append(this.renderer.domElement);

    this.scene.background = new THREE.Color(BACKGROUND);
    this.guides = createSphereGuides();
    this.points = new PointCloud(INITIAL_CAPACITY, this.renderer.getPixelRatio());
    this.scene.add(this.guides.group, this.points.object);

    const elevation = THREE.MathUtils.degToRad(CAMERA_ELEVATION_DEG);
    this.camera.position.set(0, Math.sin(elevation), Math.cos(elevation)).multiplyScalar(CAMERA_DISTANCE);
    // Created after the camera is placed: controls.reset() returns to this pose.
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.enableDamping = true;
    this.controls.dampingFactor = 0.12;
    this.controls.enablePan = false; // the sphere stays centred
    this.controls.minDistance = MIN_DISTANCE;
    this.controls.maxDistance = MAX_DISTANCE;
    this.controls.addEventListener('change', this.requestRender);

    parent.addEventListener('keydown', this.onKeyDown);
    this.resizeObserver = new ResizeObserver(this.resize);
    this.resizeObserver.observe(parent);
    this.resize();
    this.frame = requestAnimationFrame(this.tick);
  }

  /** Seed of the random projection used for d > 3. */
  setProjectionSeed(seed: number): void {
    if (seed === this.projectionSeed) return;
    this.projectionSeed = seed;
    this.shownVersion = -1;
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.resizeObserver.disconnect();
    this.parent.removeEventListener('keydown', this.onKeyDown);
    this.controls.removeEventListener('change', this.requestRender);
    this.controls.dispose();
    this.points.dispose();
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
    if (this.live.version !== this.shownVersion) this.showSnapshot(now);
    if (this.points.update(now)) this.needsRender = true;
    this.controls.update(); // advances damping; emits 'change' while the camera moves
    if (!this.needsRender) return;
    this.needsRender = false;
    this.renderer.render(this.scene, this.camera);
  };

  private showSnapshot(now: number): void {
    const { live } = this;
    this.shownVersion = live.version;
    if (live.count * 3 > this.placed.length) this.placed = new Float32Array(live.count * 3);
    placeOnSphere(live.embeddings, live.count, live.dim, this.projectionFor(live.dim), this.placed);
    this.points.moveTo(this.placed, live.labels, live.count, now);
    this.guides.equator.visible = live.count > 0 && live.dim === 2;
    this.needsRender = true;
  }

  private projectionFor(dim: number): Float64Array | null {
    if (dim <= 3) return null;
    const seed = this.projectionSeed;
    if (this.projection?.dim !== dim || this.projection.seed !== seed) {
      this.projection = { dim, seed, matrix: randomOrthonormalProjection(dim, seed) };
    }
    return this.projection.matrix;
  }

  private readonly requestRender = (): void => {
    this.needsRender = true;
  };

  private readonly resize = (): void => {
    const width = this.parent.clientWidth;
    const height = this.parent.clientHeight;
    if (width === 0 || height === 0) return;
    const pixelRatio = window.devicePixelRatio;
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
        this.controls.reset();
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
