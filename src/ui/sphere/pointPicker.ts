/** Finds the point under the pointer: a raycast on the THREE.Points, with a threshold sized to the drawn points. */
import * as THREE from 'three';

/** Slack around a point's drawn radius, in CSS pixels, so small points are still easy to hit. */
const SLACK_PX = 3;

export class PointPicker {
  private readonly raycaster = new THREE.Raycaster();
  private readonly pointer = new THREE.Vector2();
  private readonly hits: THREE.Intersection[] = [];

  /**
   * The shown point nearest the camera within reach of (x, y) — CSS pixels in a canvas of `width` ×
   * `height` — or −1. Reach: the point's radius plus a little, measured on the near side of the unit sphere.
   */
  pick(
    points: THREE.Points,
    shown: Uint8Array,
    camera: THREE.PerspectiveCamera,
    x: number,
    y: number,
    width: number,
    height: number,
    pointSizePx: number,
  ): number {
    const toFront = Math.max(0.1, camera.position.length() - 1);
    const worldPerPx = (2 * toFront * Math.tan(THREE.MathUtils.degToRad(camera.fov / 2))) / height;
    this.raycaster.params.Points.threshold = (pointSizePx / 2 + SLACK_PX) * worldPerPx;
    this.pointer.set((x / width) * 2 - 1, 1 - (y / height) * 2);
    this.raycaster.setFromCamera(this.pointer, camera);
    this.hits.length = 0;
    this.raycaster.intersectObject(points, false, this.hits);
    // The hit nearest the pointer, on the near side of the sphere when there is one there.
    const centreDistance = camera.position.length();
    let best = -1;
    let bestOnFarSide = true;
    let bestOffRay = Infinity;
    for (const hit of this.hits) {
      if (hit.index === undefined || shown[hit.index] !== 1) continue;
      const onFarSide = hit.distance > centreDistance;
      const offRay = hit.distanceToRay ?? 0;
      if (onFarSide === bestOnFarSide ? offRay < bestOffRay : !onFarSide) {
        best = hit.index;
        bestOnFarSide = onFarSide;
        bestOffRay = offRay;
      }
    }
    return best;
  }
}
