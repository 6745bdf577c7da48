/**
 * The embedding points: one THREE.Points whose position, colour and visibility buffers are allocated
 * once and rewritten in place. New positions are eased toward over EASE_MS, staying on the sphere.
 */
import * as THREE from 'three';
import { depthShadeGlsl } from './depthShading';
import { blendOnSphere, EASE_MS, easeOutCubic } from './motion';
import { classRgb } from './palette';

// Round points; hidden points (classes filtered out in the legend) are moved outside the clip volume.
const vertexShader = /* glsl */ `
  attribute vec3 pointColor;
  attribute float pointShown;
  uniform float pointSize;
  varying vec3 vColor;
  ${depthShadeGlsl}
  void main() {
    if (pointShown < 0.5) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      gl_PointSize = 0.0;
      return;
    }
    vec4 viewPosition = modelViewMatrix * vec4(position, 1.0);
    vColor = pointColor * depthShade(viewPosition);
    gl_PointSize = pointSize;
    gl_Position = projectionMatrix * viewPosition;
  }
`;

const fragmentShader = /* glsl */ `
  varying vec3 vColor;
  void main() {
    vec2 fromCentre = gl_PointCoord - 0.5;
    if (dot(fromCentre, fromCentre) > 0.25) discard;
    gl_FragColor = vec4(vColor, 1.0);
  }
`;

export class PointCloud {
  readonly object: THREE.Points<THREE.BufferGeometry, THREE.ShaderMaterial>;
  private count = 0;
  private from = new Float32Array(0);
  private target = new Float32Array(0);
  private positions!: THREE.BufferAttribute;
  private colors!: THREE.BufferAttribute;
  private shown!: THREE.BufferAttribute;
  /** Start time of the current ease, null when at rest. */
  private easeStart: number | null = null;
  private sizeCssPx: number;
  private pixelRatio: number;

  constructor(capacity: number, sizeCssPx: number, pixelRatio: number) {
    this.sizeCssPx = sizeCssPx;
    this.pixelRatio = pixelRatio;
    const material = new THREE.ShaderMaterial({ vertexShader, fragmentShader, uniforms: { pointSize: { value: 0 } } });
    this.object = new THREE.Points(new THREE.BufferGeometry(), material);
    // Everything lies within the unit sphere: fixed bounds, never recomputed as points move. Raycasting
    // tests them first, so they must hold wherever the points go.
    this.object.frustumCulled = false;
    this.object.geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), 1.01);
    this.updateSize();
    this.allocate(capacity);
  }

  setPixelRatio(pixelRatio: number): void {
    this.pixelRatio = pixelRatio;
    this.updateSize();
  }

  setSize(cssPx: number): void {
    this.sizeCssPx = cssPx;
    this.updateSize();
  }

  /**
   * New positions (count unit vectors) and class labels, coloured by class or by `colours` (count × 3 RGB). The
   * same number of points as before is the same evaluation set and eases from where it is drawn; a different number jumps.
   */
  moveTo(target: Float32Array, labels: Uint8Array, count: number, now: number, colours: Float32Array | null = null): void {
    if (count > this.target.length / 3) this.allocate(count);
    const drawn = this.positions.array as Float32Array;
    const eases = count === this.count && count > 0;
    this.target.set(target.subarray(0, count * 3));
    if (eases) {
      this.from.set(drawn.subarray(0, count * 3));
      this.easeStart = now;
    } else {
      drawn.set(this.target.subarray(0, count * 3));
      this.positions.needsUpdate = true;
      this.easeStart = null;
    }
    const colorArray = this.colors.array as Float32Array;
    if (colours) colorArray.set(colours.subarray(0, count * 3));
    else for (let p = 0; p < count; p++) colorArray.set(classRgb(labels[p]!), p * 3);
    this.colors.needsUpdate = true;
    this.count = count;
    this.object.geometry.setDrawRange(0, count);
  }

  /** Which points are drawn: mask[p] = 1 shown, 0 hidden (from writeShownMask). */
  setShown(mask: Uint8Array, count: number): void {
    (this.shown.array as Uint8Array).set(mask.subarray(0, count));
    this.shown.needsUpdate = true;
  }

  /** Advances the ease; true when the positions changed and a frame should be drawn. */
  update(now: number): boolean {
    if (this.easeStart === null) return false;
    const progress = (now - this.easeStart) / EASE_MS;
    blendOnSphere(this.from, this.target, easeOutCubic(progress), this.count, this.positions.array as Float32Array);
    this.positions.needsUpdate = true;
    if (progress >= 1) this.easeStart = null;
    return true;
  }

  dispose(): void {
    this.object.geometry.dispose();
    this.object.material.dispose();
  }

  private updateSize(): void {
    this.object.material.uniforms.pointSize!.value = this.sizeCssPx * this.pixelRatio;
  }

  private allocate(capacity: number): void {
    const geometry = this.object.geometry;
    this.from = new Float32Array(capacity * 3);
    this.target = new Float32Array(capacity * 3);
    this.positions = new THREE.BufferAttribute(new Float32Array(capacity * 3), 3).setUsage(THREE.DynamicDrawUsage);
    this.colors = new THREE.BufferAttribute(new Float32Array(capacity * 3), 3).setUsage(THREE.DynamicDrawUsage);
    this.shown = new THREE.BufferAttribute(new Uint8Array(capacity).fill(1), 1).setUsage(THREE.DynamicDrawUsage);
    // A geometry's buffers cannot grow on the GPU: drop the old ones and attach fresh attributes.
    geometry.dispose();
    geometry.setAttribute('position', this.positions);
    geometry.setAttribute('pointColor', this.colors);
    geometry.setAttribute('pointShown', this.shown);
    this.count = 0;
  }
}
