/**
 * Positive-pair lines: for each sampled evaluation image, a short great-circle arc between the embeddings
 * of its two augmented views, in its class colour. A short arc is a well-aligned pair. One LineSegments,
 * its buffers allocated for the pair count and rewritten in place per snapshot.
 */
import * as THREE from 'three';
import { depthShadeGlsl } from './depthShading';
import { maxArcSegments, writeGreatCircleArc } from './greatCircle';
import { classRgb } from './palette';

/** 20°: a well-aligned pair is one segment, a half circle nine. */
const MAX_SEGMENT_ANGLE = Math.PI / 9;
const MAX_VERTICES_PER_ARC = 2 * maxArcSegments(MAX_SEGMENT_ANGLE);
const OPACITY = 0.6;

const vertexShader = /* glsl */ `
  attribute vec3 lineColor;
  varying vec3 vColor;
  ${depthShadeGlsl}
  void main() {
    vec4 viewPosition = modelViewMatrix * vec4(position, 1.0);
    vColor = lineColor * depthShade(viewPosition);
    gl_Position = projectionMatrix * viewPosition;
  }
`;

const fragmentShader = /* glsl */ `
  uniform float opacity;
  varying vec3 vColor;
  void main() {
    gl_FragColor = vec4(vColor, opacity);
  }
`;

export class PairLines {
  readonly object: THREE.LineSegments<THREE.BufferGeometry, THREE.ShaderMaterial>;
  private positions!: THREE.BufferAttribute;
  private colors!: THREE.BufferAttribute;
  private capacity = 0;

  constructor(capacity: number) {
    const material = new THREE.ShaderMaterial({
      vertexShader,
      fragmentShader,
      uniforms: { opacity: { value: OPACITY } },
      transparent: true,
      depthWrite: false,
    });
    this.object = new THREE.LineSegments(new THREE.BufferGeometry(), material);
    this.object.frustumCulled = false; // on the unit sphere, like the points
    this.allocate(capacity);
  }

  /**
   * Arcs from row p to row pairCount + p of `placedPairs` (unit 3-vectors: view 1 rows, then view 2
   * rows), for the pairs p whose point is shown (`shown[p]`, evaluation image p, class `labels[p]`).
   */
  update(placedPairs: Float32Array, pairCount: number, labels: Uint8Array, shown: Uint8Array): void {
    if (pairCount > this.capacity) this.allocate(pairCount);
    const positions = this.positions.array as Float32Array;
    const colors = this.colors.array as Float32Array;
    let vertices = 0;
    for (let p = 0; p < pairCount; p++) {
      if (shown[p] === 0) continue;
      const firstVertex = vertices;
      vertices += 2 * writeGreatCircleArc(placedPairs, p, pairCount + p, MAX_SEGMENT_ANGLE, positions, firstVertex);
      const rgb = classRgb(labels[p]!);
      for (let v = firstVertex; v < vertices; v++) colors.set(rgb, v * 3);
    }
    this.positions.needsUpdate = true;
    this.colors.needsUpdate = true;
    this.object.geometry.setDrawRange(0, vertices);
  }

  dispose(): void {
    this.object.geometry.dispose();
    this.object.material.dispose();
  }

  private allocate(capacity: number): void {
    const vertices = capacity * MAX_VERTICES_PER_ARC;
    this.positions = new THREE.BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(THREE.DynamicDrawUsage);
    this.colors = new THREE.BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(THREE.DynamicDrawUsage);
    // A geometry's buffers cannot grow on the GPU: drop the old ones and attach fresh attributes.
    this.object.geometry.dispose();
    this.object.geometry.setAttribute('position', this.positions);
    this.object.geometry.setAttribute('lineColor', this.colors);
    this.object.geometry.setDrawRange(0, 0);
    this.capacity = capacity;
  }
}
