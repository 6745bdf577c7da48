/**
 * Density shading: the points' von Mises–Fisher kernel density as a colour ramp on a translucent shell
 * just inside the unit sphere, so an even spread and a pile-up read at a glance even under 10,000 points.
 * It stands in for the plain shell while shown (see shellTint), so it adds no extra transparent layer.
 */
import * as THREE from 'three';
import { writeDensityColours } from './densityRamp';
import { SphereDensity } from './sphereDensity';

/** About 10° wide (1/√κ): smooth over 2,000 points, still sharp enough to show a collapsed clump. */
const KAPPA = 30;
const GRID_WIDTH = 128;
const GRID_HEIGHT = 64;
/** Just inside the points, so the shading never covers a point on the near side. */
const RADIUS = 0.995;

export class DensityShell {
  readonly object: THREE.Mesh<THREE.SphereGeometry, THREE.MeshBasicMaterial>;
  private readonly texture: THREE.DataTexture;
  private readonly estimator = new SphereDensity(KAPPA, GRID_WIDTH, GRID_HEIGHT);

  constructor() {
    // Laid out as SphereGeometry's texture coordinates expect: columns around from longitude 0, row 0 at the south pole.
    this.texture = new THREE.DataTexture(new Uint8Array(GRID_WIDTH * GRID_HEIGHT * 4), GRID_WIDTH, GRID_HEIGHT, THREE.RGBAFormat);
    this.texture.colorSpace = THREE.SRGBColorSpace;
    this.texture.magFilter = THREE.LinearFilter;
    this.texture.minFilter = THREE.LinearFilter;
    this.texture.wrapS = THREE.RepeatWrapping;
    this.texture.needsUpdate = true;
    // The near face only, like a globe: turn the sphere to see the far side. (Both faces double the fill
    // cost and blur the near side's pattern with the far one's.)
    const material = new THREE.MeshBasicMaterial({ map: this.texture, transparent: true, depthWrite: false });
    this.object = new THREE.Mesh(new THREE.SphereGeometry(RADIUS, 64, 32), material);
  }

  /** Re-estimates the density of the shown points (count × 3 unit vectors) and uploads it. */
  update(positions: Float32Array, count: number, shown: Uint8Array): void {
    const density = this.estimator.estimate(positions, count, shown);
    writeDensityColours(density, this.texture.image.data as Uint8Array);
    this.texture.needsUpdate = true;
  }

  dispose(): void {
    this.object.geometry.dispose();
    this.object.material.dispose();
    this.texture.dispose();
  }
}
