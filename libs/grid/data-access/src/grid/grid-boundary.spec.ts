import {
  boundariesOverlap,
  boundaryContains,
  boundaryProblem,
  boundaryWithin,
  boundingBox,
  type GridBoundary,
} from './grid-boundary';

const polygon = (...ring: [number, number][]): GridBoundary => ({ type: 'Polygon', coordinates: [ring] });
const square = polygon([106.93, 27.7], [106.94, 27.7], [106.94, 27.71], [106.93, 27.71], [106.93, 27.7]);

describe('grid boundary validation', () => {
  it('accepts a simple polygon and a square with a hole', () => {
    expect(boundaryProblem(square)).toBeUndefined();
    const withHole: GridBoundary = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0] as [number, number][],
        [
          [106.933, 27.703],
          [106.936, 27.703],
          [106.936, 27.706],
          [106.933, 27.703],
        ],
      ],
    };
    expect(boundaryProblem(withHole)).toBeUndefined();
  });

  it('rejects a self-intersecting bowtie', () => {
    const bowtie = polygon([106.93, 27.7], [106.94, 27.71], [106.94, 27.7], [106.93, 27.71], [106.93, 27.7]);
    expect(boundaryProblem(bowtie)).toMatch(/intersects itself/);
  });

  it('rejects an unclosed ring', () => {
    const open = polygon([106.93, 27.7], [106.94, 27.7], [106.94, 27.71], [106.93, 27.71], [106.931, 27.7]);
    expect(boundaryProblem(open)).toMatch(/closed/);
  });

  it('rejects a ring that touches itself at a vertex, doubles back, or repeats a position', () => {
    const touching = polygon([0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]);
    expect(boundaryProblem(touching)).toMatch(/intersects itself/);
    expect(boundaryProblem(polygon([0, 0], [2, 0], [1, 0], [1, 1], [0, 0]))).toMatch(/doubles back/);
    expect(boundaryProblem(polygon([0, 0], [1, 0], [1, 0], [1, 1], [0, 0]))).toMatch(/zero-length/);
  });

  it('rejects a Point and anything that is not GeoJSON', () => {
    expect(boundaryProblem({ type: 'Point', coordinates: [106.93, 27.7] })).toMatch(
      /Polygon or MultiPolygon/,
    );
    expect(boundaryProblem('a square')).toMatch(/GeoJSON/);
  });

  it('computes the bounding box over every polygon of a MultiPolygon', () => {
    const other = polygon([107, 28], [107.1, 28], [107.1, 28.1], [107, 28]);
    const multi: GridBoundary = {
      type: 'MultiPolygon',
      coordinates: [square.coordinates, other.coordinates] as never,
    };
    expect(boundingBox(multi)).toEqual({ minLon: 106.93, minLat: 27.7, maxLon: 107.1, maxLat: 28.1 });
  });

  it('tells points inside from points outside and in holes', () => {
    expect(boundaryContains(square, [106.935, 27.705])).toBe(true);
    expect(boundaryContains(square, [106.945, 27.705])).toBe(false);
    const withHole: GridBoundary = {
      type: 'Polygon',
      coordinates: [
        square.coordinates[0] as [number, number][],
        [
          [106.933, 27.703],
          [106.937, 27.703],
          [106.937, 27.707],
          [106.933, 27.707],
          [106.933, 27.703],
        ],
      ],
    };
    expect(boundaryContains(withHole, [106.935, 27.705])).toBe(false);
    expect(boundaryContains(withHole, [106.931, 27.701])).toBe(true);
  });
});

describe('grid boundaries against each other', () => {
  const box = (west: number, south: number, east: number, north: number) =>
    polygon([west, south], [east, south], [east, north], [west, north], [west, south]);
  const parent = box(0, 0, 10, 10);

  it('accepts a child inside its parent, also along the parent’s border, and rejects one that sticks out', () => {
    expect(boundaryWithin(box(2, 2, 4, 4), parent)).toBe(true);
    expect(boundaryWithin(box(0, 0, 5, 10), parent)).toBe(true);
    expect(boundaryWithin(box(8, 8, 12, 9), parent)).toBe(false);
    // A concave parent (an L) holds every vertex of this box but one of its edges leaves the L.
    const ell = polygon([0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10], [0, 0]);
    expect(boundaryWithin(box(2, 2, 6, 3), ell)).toBe(true);
    expect(boundaryWithin(polygon([2, 8], [2, 2], [8, 2], [2, 8]), ell)).toBe(false);
    // Corners on the L's inner corner and its ends, every vertex inside or on it, yet the long edge cuts the notch.
    expect(boundaryWithin(polygon([0, 0], [10, 4], [4, 10], [0, 0]), ell)).toBe(false);
  });

  it('reports overlapping siblings but not neighbours that share an edge or a corner', () => {
    expect(boundariesOverlap(box(0, 0, 5, 5), box(5, 0, 10, 5))).toBe(false);
    expect(boundariesOverlap(box(0, 0, 5, 5), box(5, 5, 10, 10))).toBe(false);
    expect(boundariesOverlap(box(0, 0, 5, 5), box(4, 4, 10, 10))).toBe(true);
    expect(boundariesOverlap(box(0, 0, 5, 5), box(0, 0, 5, 5))).toBe(true);
    expect(boundariesOverlap(box(0, 0, 10, 10), box(2, 2, 3, 3))).toBe(true);
    // Shifted along a shared line: every vertex lies on the other's outline, yet the areas overlap.
    expect(boundariesOverlap(box(0, 0, 4, 4), box(2, 0, 6, 4))).toBe(true);
    expect(boundariesOverlap(box(0, 0, 4, 4), box(4, 0, 8, 4))).toBe(false);
    // A cross: no vertex of either lies inside the other, yet the edges cross.
    expect(boundariesOverlap(box(0, 4, 10, 6), box(4, 0, 6, 10))).toBe(true);
  });
});
