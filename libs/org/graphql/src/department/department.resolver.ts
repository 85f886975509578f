import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { DepartmentEntity } from '@gridgov/org-data-access';
import { AccountType } from '../account/account.type';
import type { OrgContext } from '../org-context';
import {
  CreateDepartmentInput,
  DepartmentConnection,
  DepartmentFilterInput,
  DepartmentType,
} from './department.type';

@Resolver(() => DepartmentType)
export class DepartmentResolver {
  @Authorized()
  @Query(() => DepartmentType)
  department(@Ctx() ctx: OrgContext, @Arg('id', () => ID) id: string) {
    return ctx.departments.get(id);
  }

  @Authorized(Permission.UNIT_READ)
  @Query(() => DepartmentConnection, { description: 'Departments of units in your scope, by name.' })
  departments(
    @Ctx() ctx: OrgContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DepartmentFilterInput, { nullable: true }) filter?: DepartmentFilterInput,
  ) {
    return paginate(ctx.departments.listQuery(filter ?? {}), page, {
      column: 'department.name',
      value: (d) => d.name,
    });
  }

  @Authorized(Permission.UNIT_MANAGE)
  @Mutation(() => DepartmentType)
  createDepartment(
    @Ctx() ctx: OrgContext,
    @Arg('input', () => CreateDepartmentInput) input: CreateDepartmentInput,
  ) {
    return ctx.departments.create(input);
  }

  @FieldResolver(() => [AccountType], {
    description: 'Accounts holding a role at this department (needs account:read).',
  })
  handlers(@Root() department: DepartmentEntity, @Ctx() ctx: OrgContext) {
    return ctx.accounts.handlersOf(department);
  }
}
