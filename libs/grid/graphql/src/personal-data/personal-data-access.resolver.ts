import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { GridContext } from '../grid-context';
import { PersonalDataAccessType } from './personal-data-access.type';

@Resolver(() => PersonalDataAccessType)
export class PersonalDataAccessResolver {
  @Authorized(Permission.AUDIT_READ)
  @Query(() => [PersonalDataAccessType], {
    description: 'Unmasked reads of personal data in your audit scope, newest first.',
  })
  personalDataAccesses(
    @Ctx() ctx: GridContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('gridCodePrefix', () => String, { nullable: true }) gridCodePrefix?: string,
    @Arg('residentId', () => ID, { nullable: true }) residentId?: string,
  ) {
    return ctx.personalData.accessLog({ first, gridCodePrefix, residentId });
  }
}
