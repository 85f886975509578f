import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { AdminUnitEntity } from '@gridgov/org-data-access';
import type { OrgContext } from '../org-context';
import { AdminUnitConnection, AdminUnitFilterInput, AdminUnitType, CreateAdminUnitInput } from './admin-unit.type';

@Resolver(() => AdminUnitType)
export class AdminUnitResolver {
  @Authorized(Permission.UNIT_READ)
  @Query(() => AdminUnitType, { description: 'One unit by id or by code.' })
  adminUnit(
    @Ctx() ctx: OrgContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<AdminUnitEntity> {
    if (id) return ctx.adminUnits.get(id);
    if (code) return ctx.adminUnits.getByCode(code);
    throw badInput('id', 'give id or code');
  }

  @Authorized(Permission.UNIT_READ)
  @Query(() => AdminUnitConnection, { description: 'Units in your scope, ordered by code.' })
  adminUnits(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AdminUnitFilterInput, { nullable: true }) filter?: AdminUnitFilterInput,
  ) {
    return paginate(ctx.adminUnits.listQuery(filter ?? {}), page, { column: 'unit.code', value: (u) => u.code });
  }

  @Authorized(Permission.UNIT_MANAGE)
  @Mutation(() => AdminUnitType)
  createAdminUnit(@Ctx() ctx: OrgContext, @Arg('input', () => CreateAdminUnitInput) input: CreateAdminUnitInput) {
    return ctx.adminUnits.create(input);
  }

  @Authorized(Permission.UNIT_MANAGE)
  @Mutation(() => AdminUnitType, { description: 'Re-parents a unit (e.g. a community to the district when streets are abolished).' })
  moveAdminUnit(
    @Ctx() ctx: OrgContext,
    @Arg('id', () => ID) id: string,
    @Arg('newParentCode', () => String) newParentCode: string,
  ) {
    return ctx.adminUnits.move(id, newParentCode);
  }

  @FieldResolver(() => AdminUnitType, { nullable: true })
  parent(@Root() unit: AdminUnitEntity, @Ctx() ctx: OrgContext) {
    return unit.parentId ? ctx.loaders.adminUnitById.load(unit.parentId) : null;
  }

  @FieldResolver(() => [AdminUnitType])
  children(@Root() unit: AdminUnitEntity, @Ctx() ctx: OrgContext) {
    return ctx.adminUnits.children(unit.id);
  }
}
