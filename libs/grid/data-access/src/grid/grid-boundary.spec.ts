import { boundaryContains, boundaryProblem, boundingBox, type GridBoundary } from './grid-boundary';

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
