import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { OrgContext } from '../org-context';
import {
  CreateServiceCenterInput,
  CreateServiceItemInput,
  ServiceCenterType,
  ServiceItemType,
} from './public-service.type';

/** Residents look these up without signing in, so the queries carry no @Authorized. */
@Resolver()
export class PublicServiceResolver {
  @Query(() => [ServiceCenterType], { description: 'Service centres at the unit and below; public.' })
  serviceCenters(@Ctx() ctx: OrgContext, @Arg('unitCode', () => String) unitCode: string) {
    return ctx.publicServices.centersUnder(unitCode);
  }

  @Query(() => [ServiceItemType], {
    description:
      'Service items offered at a unit (its own and its ancestors’); public. `doorstepOnly` gives the 送上门 list.',
  })
  serviceItems(
    @Ctx() ctx: OrgContext,
    @Arg('unitCode', () => String) unitCode: string,
    @Arg('doorstepOnly', () => Boolean, { nullable: true }) doorstepOnly?: boolean,
    @Arg('categoryCode', () => String, { nullable: true }) categoryCode?: string,
  ) {
    return ctx.publicServices.itemsAt(unitCode, { doorstepOnly, categoryCode });
  }

  @Authorized(Permission.UNIT_MANAGE)
  @Mutation(() => ServiceCenterType)
  createServiceCenter(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreateServiceCenterInput) input: CreateServiceCenterInput,
  ) {
    return ctx.publicServices.createCenter(input);
  }

  @Authorized(Permission.UNIT_MANAGE)
  @Mutation(() => ServiceItemType)
  createServiceItem(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreateServiceItemInput) input: CreateServiceItemInput,
  ) {
    return ctx.publicServices.createItem(input);
  }
}
