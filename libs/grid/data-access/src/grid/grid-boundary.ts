import { geoJsonProblem, type GeoJsonGeometry, type Position } from '@gridgov/platform-graphql';

export type GridBoundary = Extract<GeoJsonGeometry, { type: 'Polygon' | 'MultiPolygon' }>;

/** An axis-aligned square with its south-west corner at (west, south): fixtures and specs. */
export const squareBoundary = (west: number, south: number, size: number): GridBoundary => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

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

const ringsOf = (boundary: GridBoundary): Position[][] => polygonsOf(boundary).flat();
const edgesOf = (boundary: GridBoundary): [Position, Position][] =>
  ringsOf(boundary).flatMap((ring) => ring.slice(1).map((p, i): [Position, Position] => [ring[i], p]));

/** The point lies on an edge (outer ring or hole) of the boundary. */
function onBoundary(boundary: GridBoundary, point: Position): boolean {
  return edgesOf(boundary).some(([a, b]) => orientation(a, b, point) === 0 && onSegment(a, b, point));
}

/** Some edge of one crosses an edge of the other at a single interior point of both (not touching, not along). */
function edgesCross(a: GridBoundary, b: GridBoundary): boolean {
  const edgesOfB = edgesOf(b);
  return edgesOf(a).some(([p, q]) =>
    edgesOfB.some(([r, s]) => {
      const turns = [orientation(p, q, r), orientation(p, q, s), orientation(r, s, p), orientation(r, s, q)];
      return !turns.includes(0) && turns[0] !== turns[1] && turns[2] !== turns[3];
    }),
  );
}

/** Mean of an outer ring's vertices: inside it for the convex-ish rings grids have; a probe, not a proof. */
const centroidOf = (ring: Position[]): Position => {
  const points = ring.slice(0, -1);
  return [
    points.reduce((s, p) => s + p[0], 0) / points.length,
    points.reduce((s, p) => s + p[1], 0) / points.length,
  ];
};

/**
 * `inner` lies within `outer` (shared edges allowed): no edge crossing, and every vertex and edge
 * piece of inner inside or on outer. A child grid drawn along its parent's border passes.
 */
export function boundaryWithin(inner: GridBoundary, outer: GridBoundary): boolean {
  const insideOrOn = (p: Position) => onBoundary(outer, p) || boundaryContains(outer, p);
  return (
    !edgesCross(inner, outer) &&
    ringsOf(inner).every((ring) => ring.every(insideOrOn)) &&
    edgePieceMidpoints(inner, outer).every(insideOrOn)
  );
}

/**
 * Midpoints of the edges of `a` cut where a vertex of `b` lies on them. Without proper crossings each
 * piece is wholly inside, outside or on `b`, so its midpoint tells where the piece runs.
 */
function edgePieceMidpoints(a: GridBoundary, b: GridBoundary): Position[] {
  const cornersOfB = ringsOf(b).flat();
  return edgesOf(a).flatMap(([p, q]) => {
    const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
    const cuts = cornersOfB
      .filter((v) => orientation(p, q, v) === 0 && onSegment(p, q, v))
      .map((v) => ((v[0] - p[0]) * dx + (v[1] - p[1]) * dy) / (dx * dx + dy * dy));
    const ts = [...new Set([0, 1, ...cuts])].sort((x, y) => x - y);
    return ts
      .slice(1)
      .map((t, i): Position => [p[0] + ((t + ts[i]) / 2) * dx, p[1] + ((t + ts[i]) / 2) * dy]);
  });
}

const strictlyInside = (shape: GridBoundary, p: Position) =>
  !onBoundary(shape, p) && boundaryContains(shape, p);

/**
 * The two boundaries share area (touching along an edge or at a corner is no overlap): an edge
 * crossing, a stretch of an edge of one inside the other, or, for shapes drawn on each other's
 * outline, the centre of one inside the other.
 */
export function boundariesOverlap(a: GridBoundary, b: GridBoundary): boolean {
  const runsInside = (x: GridBoundary, y: GridBoundary) =>
    edgePieceMidpoints(x, y).some((p) => strictlyInside(y, p));
  if (edgesCross(a, b) || runsInside(a, b) || runsInside(b, a)) return true;
  const centres = (x: GridBoundary) => polygonsOf(x).map(([outer]) => centroidOf(outer));
  return centres(a).some((c) => strictlyInside(b, c)) || centres(b).some((c) => strictlyInside(a, c));
}
