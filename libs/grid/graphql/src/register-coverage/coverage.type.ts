import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GridSetting } from '@gridgov/grid-data-access';

registerEnumType(GridSetting, {
  name: 'GridSetting',
  description: 'URBAN: 300–500 households; RURAL (村民组): 100–200.',
});

@ObjectType('GridSizeGuidance', { description: 'A unit grid against the household-count guidance.' })
export class GridSizeGuidanceType {
  @Field(() => String)
  gridCode!: string;

  @Field(() => GridSetting)
  setting!: GridSetting;

  @Field(() => Int)
  minHouseholds!: number;

  @Field(() => Int)
  maxHouseholds!: number;

  @Field(() => Int)
  households!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why to split or merge the grid; null within the guidance.',
  })
  warning!: string | null;
}

@ObjectType('Coverage', {
  description: 'Gaps in the household register of a grid or of all grids under a code prefix.',
})
export class CoverageType {
  @Field(() => String, { description: 'A grid code, or the unit code prefix rolled up.' })
  codePrefix!: string;

  @Field(() => Int)
  buildings!: number;

  @Field(() => Int)
  buildingsWithoutHouses!: number;

  @Field(() => Int)
  houses!: number;

  @Field(() => Int, { description: 'Owner-occupied or rented houses without a household.' })
  housesWithoutHouseholds!: number;

  @Field(() => Int)
  households!: number;

  @Field(() => Int)
  householdsWithoutResidents!: number;

  @Field(() => Int)
  residents!: number;

  @Field(() => Int)
  residentsWithoutHousehold!: number;

  @Field(() => Int, { description: 'Residents without phone, employment or education.' })
  residentsMissingFields!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Percentage of records without a gap; null when empty.',
  })
  completeness!: number | null;
}

@ObjectType('CoverageReport')
export class CoverageReportType {
  @Field(() => CoverageType)
  total!: CoverageType;

  @Field(() => [CoverageType], { description: 'One row per grid with any record, by code.' })
  grids!: CoverageType[];
}
