import { describe, expect, it } from 'vitest';
import { maxArcSegments, writeGreatCircleArc } from './greatCircle';

/** 30°: a quarter turn takes 3 segments, a half turn 6. */
const MAX_SEGMENT_ANGLE = Math.PI / 6;
const SEGMENTS = maxArcSegments(MAX_SEGMENT_ANGLE);

function arc(a: number[], b: number[]): number[][] {
  const out = new Float32Array(2 * SEGMENTS * 3);
  const segments = writeGreatCircleArc(new Float32Array([...a, ...b]), 0, 1, MAX_SEGMENT_ANGLE, out, 0);
  return Array.from({ length: 2 * segments }, (_, v) => Array.from(out.subarray(v * 3, v * 3 + 3)));
}

const angleBetween = (u: number[], v: number[]) => Math.acos(Math.min(1, u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!));

describe('writeGreatCircleArc', () => {
  const a = [1, 0, 0];
  const b = [0, Math.SQRT1_2, Math.SQRT1_2];

  it('runs from a to b in joined segments of equal angle, on the sphere', () => {
    const vertices = arc(a, b);
    vertices[0]!.forEach((x, i) => expect(x).toBeCloseTo(a[i]!, 6));
    vertices.at(-1)!.forEach((x, i) => expect(x).toBeCloseTo(b[i]!, 6));
    for (const v of vertices) expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(vertices).toHaveLength(2 * 3);
    for (let s = 0; s < 3; s++) {
      expect(angleBetween(vertices[2 * s]!, vertices[2 * s + 1]!)).toBeCloseTo(Math.PI / 2 / 3, 5);
      if (s > 0) expect(vertices[2 * s]).toEqual(vertices[2 * s - 1]);
    }
  });

  it('takes as few segments as the angle needs, and one for a very short arc', () => {
    expect(arc(a, [Math.cos(0.1), Math.sin(0.1), 0])).toHaveLength(2);
    expect(arc(a, [Math.cos(0.6), Math.sin(0.6), 0])).toHaveLength(2 * 2);
    expect(SEGMENTS).toBe(6);
  });

  it('stays in the plane of a, b and the centre (a great circle)', () => {
    const normal = [0, -Math.SQRT1_2, Math.SQRT1_2]; // a × b
    for (const v of arc(a, b)) expect(v[0]! * normal[0]! + v[1]! * normal[1]! + v[2]! * normal[2]!).toBeCloseTo(0, 6);
  });

  it('draws a half circle between antipodal points', () => {
    const vertices = arc(a, [-1, 0, 0]);
    for (const v of vertices) expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(angleBetween(vertices[0]!, vertices.at(-1)!)).toBeCloseTo(Math.PI, 5);
    expect(angleBetween(vertices[0]!, vertices[1]!)).toBeCloseTo(Math.PI / SEGMENTS, 5);
  });

  it('collapses to a point for equal points or a point without a direction', () => {
    for (const v of arc(a, a)) expect(v).toEqual(a);
    for (const v of arc(a, [0, 0, 0])) expect(v).toEqual(a);
  });

  it('writes at the given vertex offset and leaves the rest alone', () => {
    const out = new Float32Array(4 * SEGMENTS * 3).fill(7);
    writeGreatCircleArc(new Float32Array([...a, ...b]), 0, 1, MAX_SEGMENT_ANGLE, out, 2 * SEGMENTS);
    expect(out.subarray(0, 2 * SEGMENTS * 3).every((x) => x === 7)).toBe(true);
    expect(out[2 * SEGMENTS * 3]).toBeCloseTo(1, 6);
  });
});
