import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ImportProblem')
export class ImportProblemType {
  @Field(() => Int, { description: 'Line of the file; the header is line 1.' })
  row!: number;

  @Field(() => String)
  column!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType('ImportReport', { description: 'With any error, or on a dry run, nothing was written.' })
export class ImportReportType {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Int)
  rows!: number;

  @Field(() => [ImportProblemType])
  errors!: ImportProblemType[];

  @Field(() => Int)
  housesCreated!: number;

  @Field(() => Int)
  residentsCreated!: number;

  @Field(() => Int)
  residentsUpdated!: number;

  @Field(() => Int)
  householdsCreated!: number;
}
