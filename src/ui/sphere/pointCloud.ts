/**
 * The embedding points: one THREE.Points whose position and colour buffers are allocated once and
 * rewritten in place. New positions are eased toward over EASE_MS, staying on the sphere.
 */
import * as THREE from 'three';
import { blendOnSphere, EASE_MS, easeOutCubic } from './motion';
import { classPalette } from './palette';

const POINT_SIZE_CSS_PX = 5;

// Round points; points on the far side of the sphere are drawn darker as a depth cue.
const vertexShader = /* glsl */ `
  attribute vec3 pointColor;
  uniform float pointSize;
  varying vec3 vColor;
  void main() {
    vec4 viewPosition = modelViewMatrix * vec4(position, 1.0);
    float centreDepth = (modelViewMatrix * vec4(0.0, 0.0, 0.0, 1.0)).z;
    float nearness = clamp((viewPosition.z - centreDepth) * 0.5 + 0.5, 0.0, 1.0);
    vColor = pointColor * mix(0.45, 1.0, nearness);
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

/** Palette as sRGB floats, written to the buffer as is: the shader outputs them without colour conversion. */
const paletteRgb = classPalette.map((hex) => new THREE.Color(hex).getRGB(new THREE.Color(), THREE.SRGBColorSpace));

export class PointCloud {
  readonly object: THREE.Points<THREE.BufferGeometry, THREE.ShaderMaterial>;
  private count = 0;
  private from = new Float32Array(0);
  private target = new Float32Array(0);
  private positions!: THREE.BufferAttribute;
  private colors!: THREE.BufferAttribute;
  /** Start time of the current ease, null when at rest. */
  private easeStart: number | null = null;

  constructor(capacity: number, pixelRatio: number) {
    const material = new THREE.ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: { pointSize: { value: POINT_SIZE_CSS_PX * pixelRatio } },
    });
    this.object = new THREE.Points(new THREE.BufferGeometry(), material);
    // The bounding sphere is never recomputed as points move; everything lies within the unit sphere anyway.
    this.object.frustumCulled = false;
    this.allocate(capacity);
  }

  setPixelRatio(pixelRatio: number): void {
    this.object.material.uniforms.pointSize!.value = POINT_SIZE_CSS_PX * pixelRatio;
  }

  /**
   * New positions (count unit vectors) and class labels. The same number of points as before is the
   * same evaluation set and eases from where it is drawn; a different number jumps.
   */
  moveTo(target: Float32Array, labels: Uint8Array, count: number, now: number): void {
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
    for (let p = 0; p < count; p++) {
      const rgb = paletteRgb[labels[p]! % paletteRgb.length]!;
      colorArray[p * 3] = rgb.r;
      colorArray[p * 3 + 1] = rgb.g;
      colorArray[p * 3 + 2] = rgb.b;
    }
    this.colors.needsUpdate = true;
    this.count = count;
    this.object.geometry.setDrawRange(0, count);
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

  private allocate(capacity: number): void {
    const geometry = this.object.geometry;
    this.from = new Float32Array(capacity * 3);
    this.target = new Float32Array(capacity * 3);
    this.positions = new THREE.BufferAttribute(new Float32Array(capacity * 3), 3).setUsage(THREE.DynamicDrawUsage);
    this.colors = new THREE.BufferAttribute(new Float32Array(capacity * 3), 3).setUsage(THREE.DynamicDrawUsage);
    // A geometry's buffers cannot grow on the GPU: drop the old ones and attach fresh attributes.
    geometry.dispose();
    geometry.setAttribute('position', this.positions);
    geometry.setAttribute('pointColor', this.colors);
    this.count = 0;
  }
}
