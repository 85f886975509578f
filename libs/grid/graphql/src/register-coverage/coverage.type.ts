import { Field, Float, Int, ObjectType } from 'type-graphql';

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
