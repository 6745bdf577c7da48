/** Great-circle arcs between unit vectors, for drawing a positive pair as the shortest path between its views. */

/** Segments needed for an arc of up to half a turn with no segment over `maxSegmentAngle` radians. */
export function maxArcSegments(maxSegmentAngle: number): number {
  return Math.ceil(Math.PI / maxSegmentAngle);
}

/**
 * Writes the arc from point `a` to point `b` of `points` (rows of xyz unit vectors) as line segments
 * spanning at most `maxSegmentAngle` radians each (at least one) — 2 vertices per segment, its start then
 * its end — into `out` from vertex `firstVertex`, and returns how many segments it wrote. Short arcs take
 * few segments: a software rasteriser pays per segment. Antipodal points have no unique shortest arc:
 * one of the half circles is drawn. A point without a direction (the centre) gives a zero-length,
 * invisible arc.
 */
export function writeGreatCircleArc(
  points: Float32Array,
  a: number,
  b: number,
  maxSegmentAngle: number,
  out: Float32Array,
  firstVertex: number,
): number {
  const ax = points[a * 3]!;
  const ay = points[a * 3 + 1]!;
  const az = points[a * 3 + 2]!;
  const bx = points[b * 3]!;
  const by = points[b * 3 + 1]!;
  const bz = points[b * 3 + 2]!;
  const cosAngle = Math.min(1, Math.max(-1, ax * bx + ay * by + az * bz));
  // w: the unit direction from a toward b, perpendicular to a; the arc is cos(t)·a + sin(t)·w.
  let wx = bx - cosAngle * ax;
  let wy = by - cosAngle * ay;
  let wz = bz - cosAngle * az;
  let wLength = Math.hypot(wx, wy, wz);
  let angle = Math.acos(cosAngle);
  const degenerate = ax * ax + ay * ay + az * az < 0.5 || bx * bx + by * by + bz * bz < 0.5;
  if (degenerate || (wLength < 1e-7 && cosAngle > 0)) {
    angle = 0;
    wLength = 1;
  } else if (wLength < 1e-7) {
    // Antipodal: any direction perpendicular to a will do; take the axis least aligned with a.
    const ux = Math.abs(ax) < 0.6 ? 1 : 0;
    const uy = ux === 0 && Math.abs(ay) < 0.6 ? 1 : 0;
    const uz = ux === 0 && uy === 0 ? 1 : 0;
    const along = ux * ax + uy * ay + uz * az;
    wx = ux - along * ax;
    wy = uy - along * ay;
    wz = uz - along * az;
    wLength = Math.hypot(wx, wy, wz);
  }
  wx /= wLength;
  wy /= wLength;
  wz /= wLength;
  const segments = Math.max(1, Math.ceil(angle / maxSegmentAngle - 1e-9));
  // Vertex k of the polyline ends segment k − 1 and starts segment k: interior ones are written twice.
  let vertex = firstVertex * 3;
  for (let k = 0; k <= segments; k++) {
    const t = (k / segments) * angle;
    const x = Math.cos(t) * ax + Math.sin(t) * wx;
    const y = Math.cos(t) * ay + Math.sin(t) * wy;
    const z = Math.cos(t) * az + Math.sin(t) * wz;
    const copies = k === 0 || k === segments ? 1 : 2;
    for (let c = 0; c < copies; c++) {
      out[vertex++] = x;
      out[vertex++] = y;
      out[vertex++] = z;
    }
  }
  return segments;
}
