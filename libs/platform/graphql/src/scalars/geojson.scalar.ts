import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { badInput } from '@gridgov/platform-errors';

export type Position = [number, number];
export type GeoJsonGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  p[0] >= -180 &&
  p[0] <= 180 &&
  p[1] >= -90 &&
  p[1] <= 90;

function ringProblem(ring: unknown): string | undefined {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  if (!ring.every(isPosition)) return 'positions must be [longitude, latitude] within range';
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring must be closed (first position = last position)';
  return undefined;
}

/** Structural check of a GeoJSON geometry (RFC 7946); topology (self-intersection, containment) is the owner's job. */
export function geoJsonProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'must be a GeoJSON geometry object';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  switch (type) {
    case 'Point':
      return isPosition(coordinates) ? undefined : 'Point coordinates must be [longitude, latitude]';
    case 'Polygon':
      if (!Array.isArray(coordinates) || coordinates.length === 0) return 'Polygon needs at least one ring';
      return coordinates.map(ringProblem).find(Boolean);
    case 'MultiPolygon':
      if (!Array.isArray(coordinates) || coordinates.length === 0) return 'MultiPolygon needs at least one polygon';
      for (const polygon of coordinates) {
        if (!Array.isArray(polygon) || polygon.length === 0) return 'each polygon needs at least one ring';
        const problem = polygon.map(ringProblem).find(Boolean);
        if (problem) return problem;
      }
      return undefined;
    default:
      return 'type must be Point, Polygon or MultiPolygon';
  }
}

function literalToValue(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToValue(f.value)]));
    case Kind.LIST:
      return ast.values.map(literalToValue);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.STRING:
      return ast.value;
    default:
      return null;
  }
}

function parse(value: unknown): GeoJsonGeometry {
  const problem = geoJsonProblem(value);
  if (problem) throw badInput('GeoJSON', problem);
  return value as GeoJsonGeometry;
}

export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry (Point, Polygon or MultiPolygon), coordinates as [longitude, latitude] in WGS 84.',
  serialize: (value) => value,
  parseValue: parse,
  parseLiteral: (ast) => parse(literalToValue(ast)),
});
