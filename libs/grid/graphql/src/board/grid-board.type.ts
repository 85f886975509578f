import { Field, Int, ObjectType } from 'type-graphql';
import { GeoJSONScalar } from '@gridgov/platform-graphql';
import { GridKind } from '@gridgov/grid-data-access';
import { GridType } from '../grid/grid.type';

@ObjectType('GridBoardContact', { description: 'A team member as posted on the board.' })
export class GridBoardContactType {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  photoUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'The public phone of the post.' })
  phone!: string | null;
}

@ObjectType('GridBoard', {
  description:
    'The public grid board (公示牌), readable without signing in. `grid` leads to fields other services post publicly on Grid (service items, from org-service).',
})
export class GridBoardType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  level!: number;

  @Field(() => GridKind, { nullable: true })
  kind!: GridKind | null;

  @Field(() => GeoJSONScalar)
  boundary!: unknown;

  @Field(() => GridBoardContactType, { nullable: true, description: 'The responsible person (网格责任人).' })
  responsible!: GridBoardContactType | null;

  @Field(() => GridBoardContactType, { nullable: true, description: 'The messenger (民情传递员).' })
  messenger!: GridBoardContactType | null;

  @Field(() => GridType, {
    description: 'The grid itself; its own fields beyond the board still need GRID_READ and the like.',
  })
  grid!: GridType;
}
