import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { ResponsibilityRuleEntity } from '@gridgov/ticket-data-access';
import { DepartmentRef } from '../department/department-ref.type';
import type { TicketContext } from '../ticket-context';
import { ResponsibilityRuleInput, ResponsibilityRuleType } from './responsibility.type';

@Resolver(() => ResponsibilityRuleType)
export class ResponsibilityResolver {
  @Authorized(Permission.TICKET_READ)
  @Query(() => [ResponsibilityRuleType], {
    description:
      'The responsibility-list lines that apply in a unit (inherited from above) and those set below it.',
  })
  responsibilityRules(
    @Ctx() ctx: TicketContext,
    @Arg('unitCode', () => String) unitCode: string,
  ): Promise<ResponsibilityRuleEntity[]> {
    return ctx.responsibility.list(unitCode);
  }

  @Authorized(Permission.TICKET_READ)
  @Query(() => ResponsibilityRuleType, {
    nullable: true,
    description:
      'The line a ticket of the category handled by the unit is dispatched by: longest unit code, then longest category prefix.',
  })
  responsibleDepartments(
    @Ctx() ctx: TicketContext,
    @Arg('unitCode', () => String) unitCode: string,
    @Arg('categoryCode', () => String) categoryCode: string,
  ): Promise<ResponsibilityRuleEntity | null> {
    return ctx.responsibility.resolve(unitCode, categoryCode);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => ResponsibilityRuleType, {
    description: 'Creates or replaces the line of a unit × category.',
  })
  setResponsibilityRule(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => ResponsibilityRuleInput) input: ResponsibilityRuleInput,
  ): Promise<ResponsibilityRuleEntity> {
    return ctx.responsibility.set(input);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => ResponsibilityRuleType, {
    description: "Removes a line; the unit inherits its parent's again.",
  })
  removeResponsibilityRule(
    @Ctx() ctx: TicketContext,
    @Arg('id', () => ID) id: string,
  ): Promise<ResponsibilityRuleEntity> {
    return ctx.responsibility.remove(id);
  }

  @FieldResolver(() => DepartmentRef)
  leadDepartment(@Root() rule: ResponsibilityRuleEntity): DepartmentRef {
    return { id: rule.leadDepartmentId };
  }

  @FieldResolver(() => [DepartmentRef])
  cooperatingDepartments(@Root() rule: ResponsibilityRuleEntity): DepartmentRef[] {
    return rule.cooperatingDepartmentIds.map((id) => ({ id }));
  }
}
