import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { SphereDensity } from './sphereDensity';
import { densityAtSphereVertices } from './vertexDensity';

const WIDTH = 128;
const HEIGHT = 64;

function atVertices(density: Float32Array, widthSegments: number, heightSegments: number): Float32Array {
  const out = new Float32Array((widthSegments + 1) * (heightSegments + 1));
  densityAtSphereVertices(density, WIDTH, HEIGHT, widthSegments, heightSegments, out);
  return out;
}

describe('density at the sphere mesh vertices', () => {
  it('keeps a constant density constant, poles included', () => {
    const values = atVertices(new Float32Array(WIDTH * HEIGHT).fill(0.25), 64, 32);
    for (const value of values) expect(value).toBeCloseTo(0.25, 6);
  });

  it('is brightest at the vertex nearest a clump of points, and where three.js puts that vertex', () => {
    const clump = new THREE.Vector3(0.3, 0.5, -0.8).normalize();
    const positions = new Float32Array(300 * 3);
    for (let p = 0; p < 300; p++) positions.set([clump.x, clump.y, clump.z], p * 3);
    const density = new SphereDensity(30, WIDTH, HEIGHT).estimate(positions, 300, null);
    const geometry = new THREE.SphereGeometry(1, 64, 32);
    const values = atVertices(density, 64, 32);
    const brightest = values.indexOf(Math.max(...values));
    const vertex = new THREE.Vector3().fromBufferAttribute(geometry.getAttribute('position'), brightest);
    // Vertices are ~5.6° apart: the brightest lies within one spacing of the clump.
    expect(vertex.angleTo(clump)).toBeLessThan(THREE.MathUtils.degToRad(6));
    // The seam's two copies of a meridian agree.
    for (let iy = 0; iy <= 32; iy++) expect(values[iy * 65 + 64]).toBeCloseTo(values[iy * 65]!, 6);
  });
});
