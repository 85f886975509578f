import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PersonalDataField, type ResidentEntity } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { HouseholdType } from '../household/household.type';
import { CreateResidentInput, ResidentType, TagType } from './resident.type';

const REASON = {
  nullable: true,
  description: 'Why you read this in clear; kept in the access log.',
} as const;

@Resolver(() => ResidentType)
export class ResidentResolver {
  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => ResidentType)
  resident(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string) {
    return ctx.residents.get(id);
  }

  @Authorized(Permission.HOUSEHOLD_READ)
  @Query(() => [ResidentType], { description: 'The residents of a unit grid, by name.' })
  residents(@Ctx() ctx: GridContext, @Arg('gridCode', () => String) gridCode: string) {
    return ctx.residents.listByGrid(gridCode);
  }

  @Authorized(Permission.PERSONAL_DATA_READ)
  @Query(() => ResidentType, {
    nullable: true,
    description: 'Exact lookup by ID number (keyed hash, indexed).',
  })
  residentByIdNumber(@Ctx() ctx: GridContext, @Arg('idNumber', () => String) idNumber: string) {
    return ctx.residents.findByIdNumber(idNumber);
  }

  @Authorized(Permission.HOUSEHOLD_MANAGE)
  @Mutation(() => ResidentType)
  createResident(
    @Ctx() ctx: GridContext,
    @Arg('input', () => CreateResidentInput) input: CreateResidentInput,
  ) {
    return ctx.residents.create(input);
  }

  @FieldResolver(() => String, {
    description: 'Masked (5203**********1234) without the personal-data permission in scope.',
  })
  async idNumber(
    @Root() resident: ResidentEntity,
    @Ctx() ctx: GridContext,
    @Arg('reason', () => String, REASON) reason?: string,
  ): Promise<string> {
    return this.audited(
      ctx,
      resident,
      PersonalDataField.ID_NUMBER,
      reason,
      ctx.personalData.idNumber(resident),
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Masked (138****5678) without the personal-data permission in scope.',
  })
  async phone(
    @Root() resident: ResidentEntity,
    @Ctx() ctx: GridContext,
    @Arg('reason', () => String, REASON) reason?: string,
  ): Promise<string | null> {
    const phone = ctx.personalData.phone(resident);
    return phone === null ? null : this.audited(ctx, resident, PersonalDataField.PHONE, reason, phone);
  }

  @FieldResolver(() => [TagType], {
    description: 'Sensitive tags only with the personal-data permission in scope.',
  })
  async tags(
    @Root() resident: ResidentEntity,
    @Ctx() ctx: GridContext,
    @Arg('reason', () => String, REASON) reason?: string,
  ): Promise<TagType[]> {
    const { tags, sensitiveShown } = await ctx.personalData.tags(resident);
    if (sensitiveShown)
      await ctx.loaders.personalDataReads.load({
        resident,
        field: PersonalDataField.SENSITIVE_TAGS,
        reason: reason ?? null,
      });
    return tags;
  }

  @FieldResolver(() => HouseholdType, { nullable: true })
  household(@Root() resident: ResidentEntity, @Ctx() ctx: GridContext) {
    return resident.householdId ? ctx.loaders.householdById.load(resident.householdId) : null;
  }

  /** The access row is written before the clear value leaves: no unaudited read. */
  private async audited<T>(
    ctx: GridContext,
    resident: ResidentEntity,
    field: PersonalDataField,
    reason: string | undefined,
    value: T,
  ): Promise<T> {
    if (ctx.personalData.mayReveal(resident))
      await ctx.loaders.personalDataReads.load({ resident, field, reason: reason ?? null });
    return value;
  }
}
