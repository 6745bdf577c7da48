/**
 * Density shading: the points' von Mises–Fisher kernel density as a colour ramp on a translucent shell
 * just inside the unit sphere, so an even spread and a pile-up read at a glance even under 10,000 points.
 * It stands in for the plain shell while shown (see shellTint), so it adds no extra transparent layer.
 * The ramp's colours are vertex colours (see vertexDensity), passed through in sRGB like the points'.
 */
import * as THREE from 'three';
import { writeDensityColours } from './densityRamp';
import { SphereDensity } from './sphereDensity';
import { densityAtSphereVertices } from './vertexDensity';

/** About 10° wide (1/√κ): smooth over 2,000 points, still sharp enough to show a collapsed clump. */
const KAPPA = 30;
const GRID_WIDTH = 128;
const GRID_HEIGHT = 64;
/** Mesh vertices ~5.6° apart: finer than the kernel, so the interpolated shading keeps its shape. */
const WIDTH_SEGMENTS = 64;
const HEIGHT_SEGMENTS = 32;
/** Just inside the points, so the shading never covers a point on the near side. */
const RADIUS = 0.995;

const vertexShader = /* glsl */ `
  attribute vec4 densityColor;
  varying vec4 vColor;
  void main() {
    vColor = densityColor;
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }
`;

const fragmentShader = /* glsl */ `
  varying vec4 vColor;
  void main() {
    gl_FragColor = vColor;
  }
`;

export class DensityShell {
  readonly object: THREE.Mesh<THREE.SphereGeometry, THREE.ShaderMaterial>;
  private readonly colors: THREE.BufferAttribute;
  private readonly vertexDensity = new Float32Array((WIDTH_SEGMENTS + 1) * (HEIGHT_SEGMENTS + 1));
  private readonly estimator = new SphereDensity(KAPPA, GRID_WIDTH, GRID_HEIGHT);

  constructor() {
    const geometry = new THREE.SphereGeometry(RADIUS, WIDTH_SEGMENTS, HEIGHT_SEGMENTS);
    this.colors = new THREE.BufferAttribute(new Uint8Array(this.vertexDensity.length * 4), 4, true).setUsage(THREE.DynamicDrawUsage);
    geometry.setAttribute('densityColor', this.colors);
    // The near face only, like a globe: turn the sphere to see the far side. (Both faces double the fill
    // cost and blur the near side's pattern with the far one's.)
    const material = new THREE.ShaderMaterial({ vertexShader, fragmentShader, transparent: true, depthWrite: false });
    this.object = new THREE.Mesh(geometry, material);
  }

  /** Re-estimates the density of the shown points (count × 3 unit vectors) and uploads it. */
  update(positions: Float32Array, count: number, shown: Uint8Array): void {
    const density = this.estimator.estimate(positions, count, shown);
    densityAtSphereVertices(density, GRID_WIDTH, GRID_HEIGHT, WIDTH_SEGMENTS, HEIGHT_SEGMENTS, this.vertexDensity);
    writeDensityColours(this.vertexDensity, this.colors.array as Uint8Array);
    this.colors.needsUpdate = true;
  }

  dispose(): void {
    this.object.geometry.dispose();
    this.object.material.dispose();
  }
}
