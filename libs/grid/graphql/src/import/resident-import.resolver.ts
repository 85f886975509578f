import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { ImportFormat, RESIDENT_IMPORT_COLUMNS } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { ImportJobType, ImportReportType } from './resident-import.type';

const DRY_RUN = { defaultValue: true, description: 'Only check; the default.' };

@Resolver(() => ImportReportType)
export class ResidentImportResolver {
  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ImportReportType, {
    description: `Imports the household register from CSV (RFC 4180, UTF-8) with the header ${RESIDENT_IMPORT_COLUMNS.join(',')}; re-importing the same file changes nothing.`,
  })
  importResidents(
    @Ctx() ctx: GridContext,
    @Arg('csv', () => String) csv: string,
    @Arg('dryRun', () => Boolean, DRY_RUN) dryRun: boolean,
  ) {
    return ctx.residentImport.importCsv(csv, dryRun);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ImportJobType, {
    description:
      'Starts an import of a CSV text or an .xlsx workbook (base64; first worksheet, same columns) in the background and returns its job at once; poll `residentImportJob` for progress and the report.',
  })
  startResidentImport(
    @Ctx() ctx: GridContext,
    @Arg('format', () => ImportFormat) format: ImportFormat,
    @Arg('file', () => String) file: string,
    @Arg('dryRun', () => Boolean, DRY_RUN) dryRun: boolean,
  ) {
    return ctx.importJobs.start(format, file, dryRun);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Query(() => ImportJobType, { description: 'One of your own import jobs.' })
  residentImportJob(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string) {
    return ctx.importJobs.get(id);
  }
}
