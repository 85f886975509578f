import { geoJsonProblem, type GeoJsonGeometry, type Position } from '@gridgov/platform-graphql';

export type GridBoundary = Extract<GeoJsonGeometry, { type: 'Polygon' | 'MultiPolygon' }>;

export interface BoundingBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

const polygonsOf = (boundary: GridBoundary): Position[][][] =>
  boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;

/** Sign of the turn a → b → c: > 0 left, < 0 right, 0 collinear. */
const orientation = (a: Position, b: Position, c: Position): number =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** `p` lies on segment ab, given that the three are collinear. */
const onSegment = (a: Position, b: Position, p: Position): boolean =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/** Segments ab and cd share at least one point (crossing, touching or overlapping). */
function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/**
 * Why a closed ring is not simple, or undefined. O(n²) over its segments, which is fine for the
 * few hundred vertices a hand-drawn grid boundary has: non-adjacent segments must not meet at
 * all, adjacent ones only at their shared vertex (no zero-length edges, no doubling back).
 */
function ringTopologyProblem(ring: Position[]): string | undefined {
  const n = ring.length - 1; // segments; the ring is closed (checked structurally before)
  const repeated = ring.findIndex((p, i) => i < n && p[0] === ring[i + 1][0] && p[1] === ring[i + 1][1]);
  if (repeated >= 0) return `a ring repeats position ${repeated + 1} (zero-length edge)`;
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [ring[i], ring[i + 1], ring[(i + 2) % n]];
    if (orientation(a, b, c) === 0 && (onSegment(a, b, c) || onSegment(b, c, a))) {
      return `a ring doubles back on itself at position ${i + 2}`;
    }
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the closing edge is adjacent to the first
      if (segmentsIntersect(a, b, ring[j], ring[j + 1]))
        return `a ring intersects itself (edges ${i + 1} and ${j + 1})`;
    }
  }
  return undefined;
}

/** Why `value` is not a usable grid boundary (a simple Polygon or MultiPolygon), or undefined. */
export function boundaryProblem(value: unknown): string | undefined {
  const structural = geoJsonProblem(value);
  if (structural) return structural;
  const geometry = value as GeoJsonGeometry;
  if (geometry.type === 'Point') return 'a grid boundary must be a Polygon or MultiPolygon';
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      const problem = ringTopologyProblem(ring);
      if (problem) return problem;
    }
  }
  return undefined;
}

export function boundingBox(boundary: GridBoundary): BoundingBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of polygonsOf(boundary)) {
    for (const [lon, lat] of polygon[0]) {
      box.minLon = Math.min(box.minLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLon = Math.max(box.maxLon, lon);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  return box;
}

/** Even-odd ray casting towards +longitude. */
function ringContains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The point lies inside an outer ring and outside that polygon's holes. */
export function boundaryContains(boundary: GridBoundary, point: Position): boolean {
  return polygonsOf(boundary).some(
    ([outer, ...holes]) => ringContains(outer, point) && !holes.some((h) => ringContains(h, point)),
  );
}
