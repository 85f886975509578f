import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportFormat, ImportJobStatus } from '@gridgov/grid-data-access';

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

registerEnumType(ImportFormat, { name: 'ImportFormat' });
registerEnumType(ImportJobStatus, {
  name: 'ImportJobStatus',
  description: 'QUEUED → CHECKING (rows checked so far) → WRITING (rows written so far) → DONE or FAILED.',
});

@ObjectType('ImportJob', { description: 'An import running in the background; poll it for progress.' })
export class ImportJobType {
  @Field(() => ID)
  id!: string;

  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => ImportJobStatus)
  status!: ImportJobStatus;

  @Field(() => Int, { description: 'Rows of the file without the header; 0 until the file is read.' })
  totalRows!: number;

  @Field(() => Int, { description: 'Rows checked (CHECKING) or written (WRITING) so far.' })
  processedRows!: number;

  @Field(() => ImportReportType, { nullable: true, description: 'When DONE.' })
  report!: ImportReportType | null;

  @Field(() => String, { nullable: true, description: 'When FAILED: why.' })
  failure!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
