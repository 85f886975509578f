import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, GeoJSONScalar, JSONScalar } from '@gridgov/platform-graphql';
import { GridKind } from '@gridgov/grid-data-access';

registerEnumType(GridKind, { name: 'GridKind', description: 'Kind of a unit grid (level 4).' });

@ObjectType('Grid', {
  description:
    'A grid: levels 1–3 mirror a district, street or community (code = unit code + 000); level 4 is a unit grid.',
})
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class GridType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: '15 digits: the 12-digit unit code and a 3-digit sequence (000 for levels 1–3).',
  })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: '1 区, 2 镇街, 3 村社区, 4 单元网格.' })
  level!: number;

  @Field(() => GridKind, { nullable: true, description: 'Unit grids only.' })
  kind!: GridKind | null;

  @Field(() => String, { description: '12-digit code of the administrative unit the grid belongs to.' })
  adminUnitCode!: string;

  @Field(() => GeoJSONScalar, { description: 'Polygon or MultiPolygon.' })
  boundary!: unknown;

  @Field(() => String, { nullable: true })
  responsibleName!: string | null;

  @Field(() => String, { nullable: true })
  responsiblePhone!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('GridConnection')
export class GridConnection extends ConnectionType(GridType, 'Grid') {}

@InputType('CreateGridInput')
export class CreateGridInput {
  @Field(() => String, {
    description: '15 digits starting with adminUnitCode; sequence 001–999 for unit grids, 000 otherwise.',
  })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: '1 区, 2 镇街, 3 村社区, 4 单元网格.' })
  level!: number;

  @Field(() => GridKind, {
    nullable: true,
    description: 'Required for unit grids (level 4), absent otherwise.',
  })
  kind?: GridKind | null;

  @Field(() => String, {
    description: 'The community (level 3–4), street (2) or district (1) the grid belongs to.',
  })
  adminUnitCode!: string;

  @Field(() => String, { nullable: true, description: 'Code of the enclosing grid of a lower level.' })
  parentCode?: string | null;

  /** JSON, not GeoJSON: the service checks it and names `input.boundary` (a scalar error would fail the whole subgraph request). */
  @Field(() => JSONScalar, {
    description: 'A GeoJSON Polygon or MultiPolygon whose rings are closed and do not cross themselves.',
  })
  boundary!: unknown;

  @Field(() => String, { nullable: true })
  responsibleName?: string | null;

  @Field(() => String, { nullable: true })
  responsiblePhone?: string | null;
}

@InputType('GridFilter')
export class GridFilterInput {
  @Field(() => Int, { nullable: true })
  level?: number | null;

  @Field(() => GridKind, { nullable: true })
  kind?: GridKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'Digits match a code prefix; other text a part of the name.',
  })
  search?: string | null;
}
