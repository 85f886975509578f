import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

export { geoJsonProblem, GeoJSONScalar, type GeoJsonGeometry, type Position } from './geojson.scalar';
export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;

/** type-graphql maps `Date` properties to DateTime everywhere. */
export const scalarsMap = [{ type: Date, scalar: DateTimeResolver }];
