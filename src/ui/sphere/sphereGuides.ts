/** The unit sphere the points live on: a translucent shell, faint latitude/longitude lines, and the equator circle used for d = 2. */
import * as THREE from 'three';
import { shellTint } from './palette';

const GRID_COLOR = '#8aa2ba';
const EQUATOR_COLOR = '#dfe7f0';
const CIRCLE_SEGMENTS = 96;
const LATITUDES_DEG = [-60, -30, 0, 30, 60];
const MERIDIANS = 12;

export interface SphereGuides {
  group: THREE.Group;
  /** Hidden while the density shading, drawn in its place, is shown. */
  shell: THREE.Mesh;
  /** Highlighted when the embedding is 2-D and its points lie on this circle. */
  equator: THREE.LineLoop;
}

/** Segment pairs along the circle of points `pointAt(angle)`, angle over a full turn. */
function circleSegments(pointAt: (angle: number) => THREE.Vector3): THREE.Vector3[] {
  const vertices: THREE.Vector3[] = [];
  for (let i = 0; i < CIRCLE_SEGMENTS; i++) {
    vertices.push(pointAt((i / CIRCLE_SEGMENTS) * 2 * Math.PI), pointAt(((i + 1) / CIRCLE_SEGMENTS) * 2 * Math.PI));
  }
  return vertices;
}

function gridLines(): THREE.LineSegments {
  const vertices: THREE.Vector3[] = [];
  for (const degrees of LATITUDES_DEG) {
    const lat = THREE.MathUtils.degToRad(degrees);
    vertices.push(...circleSegments((a) => new THREE.Vector3(Math.cos(lat) * Math.cos(a), Math.sin(lat), Math.cos(lat) * Math.sin(a))));
  }
  for (let m = 0; m < MERIDIANS / 2; m++) {
    const lon = (m / MERIDIANS) * 2 * Math.PI; // each full great circle draws two meridians
    vertices.push(...circleSegments((a) => new THREE.Vector3(Math.cos(a) * Math.cos(lon), Math.sin(a), Math.cos(a) * Math.sin(lon))));
  }
  const material = new THREE.LineBasicMaterial({ color: GRID_COLOR, transparent: true, opacity: 0.16, depthWrite: false });
  return new THREE.LineSegments(new THREE.BufferGeometry().setFromPoints(vertices), material);
}

function equatorCircle(): THREE.LineLoop {
  const vertices = Array.from({ length: CIRCLE_SEGMENTS }, (_, i) => {
    const a = (i / CIRCLE_SEGMENTS) * 2 * Math.PI;
    return new THREE.Vector3(Math.cos(a), 0, Math.sin(a));
  });
  const material = new THREE.LineBasicMaterial({ color: EQUATOR_COLOR, transparent: true, opacity: 0.7, depthWrite: false });
  return new THREE.LineLoop(new THREE.BufferGeometry().setFromPoints(vertices), material);
}

export function createSphereGuides(): SphereGuides {
  const shellMaterial = new THREE.MeshBasicMaterial({ color: shellTint.color, transparent: true, opacity: shellTint.opacity, depthWrite: false });
  const shell = new THREE.Mesh(new THREE.SphereGeometry(1, 64, 32), shellMaterial);
  const equator = equatorCircle();
  equator.visible = false;
  const group = new THREE.Group();
  group.add(shell, gridLines(), equator);
  return { group, shell, equator };
}
