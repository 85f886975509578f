import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BuildingKind, HouseUse } from '@gridgov/grid-data-access';

registerEnumType(BuildingKind, { name: 'BuildingKind' });
registerEnumType(HouseUse, {
  name: 'HouseUse',
  description: 'Owner-occupied, rented, vacant or commercial.',
});

@ObjectType('Building', { description: 'A building in a unit grid; `houses` is its building map (楼栋图).' })
@Directive('@key(fields: "id")')
export class BuildingType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => BuildingKind)
  kind!: BuildingKind;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Int)
  floors!: number;

  @Field(() => Int, { description: 'Number of units (单元).' })
  units!: number;
}

@ObjectType('House')
export class HouseType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => Int)
  unit!: number;

  @Field(() => Int)
  floor!: number;

  @Field(() => String)
  number!: string;

  @Field(() => HouseUse)
  use!: HouseUse;
}

@InputType('CreateBuildingInput')
export class CreateBuildingInput {
  @Field(() => String, { description: 'The unit grid (level 4) the building stands in.' })
  gridCode!: string;

  @Field(() => String, { description: 'Unique building code, letters, digits and dashes.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  address!: string;

  @Field(() => BuildingKind)
  kind!: BuildingKind;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Int)
  floors!: number;

  @Field(() => Int)
  units!: number;
}

@InputType('CreateHouseInput')
export class CreateHouseInput {
  @Field(() => ID)
  buildingId!: string;

  @Field(() => String, { description: 'The grid you register the house in; must be the building’s grid.' })
  gridCode!: string;

  @Field(() => Int)
  unit!: number;

  @Field(() => Int, { description: 'Negative for basements, never 0.' })
  floor!: number;

  @Field(() => String, { description: 'Door number, e.g. 301.' })
  number!: string;

  @Field(() => HouseUse)
  use!: HouseUse;
}
