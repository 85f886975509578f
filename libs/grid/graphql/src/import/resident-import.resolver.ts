import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { RESIDENT_IMPORT_COLUMNS } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { ImportReportType } from './resident-import.type';

@Resolver(() => ImportReportType)
export class ResidentImportResolver {
  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ImportReportType, {
    description: `Imports the household register from CSV (RFC 4180, UTF-8) with the header ${RESIDENT_IMPORT_COLUMNS.join(',')}; re-importing the same file changes nothing.`,
  })
  importResidents(
    @Ctx() ctx: GridContext,
    @Arg('csv', () => String) csv: string,
    @Arg('dryRun', () => Boolean, { defaultValue: true, description: 'Only check; the default.' })
    dryRun: boolean,
  ) {
    return ctx.residentImport.importCsv(csv, dryRun);
  }
}
