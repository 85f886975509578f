import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AssessmentContext } from '../assessment-context';
import { AssessmentResultType } from '../result/assessment-result.type';
import { AccountRef, AdminUnitRef, DepartmentRef } from './assessment-federation.type';

// No @Authorized: the loaders keep only what the caller may read (own results, scope, public schemes).
@Resolver(() => AccountRef)
export class AccountAssessmentsResolver {
  @FieldResolver(() => [AssessmentResultType], {
    nullable: true,
    description:
      'This account’s latest results per scheme and period (grid worker star ratings), newest period first.',
  })
  assessments(@Root() account: AccountRef, @Ctx() ctx: AssessmentContext) {
    return ctx.loaders.resultsByAccountId.load(account.id);
  }
}

@Resolver(() => AdminUnitRef)
export class AdminUnitColorCardResolver {
  @FieldResolver(() => AssessmentResultType, {
    nullable: true,
    description: 'The latest colour card (亮牌) of this community or street; public schemes are open to all.',
  })
  colorCard(@Root() unit: AdminUnitRef, @Ctx() ctx: AssessmentContext) {
    return ctx.loaders.colorCardByUnitCode.load(unit.code);
  }
}

@Resolver(() => DepartmentRef)
export class DepartmentAssessmentResolver {
  @FieldResolver(() => AssessmentResultType, {
    nullable: true,
    description: 'The latest yearly rating of this department.',
  })
  assessment(@Root() department: DepartmentRef, @Ctx() ctx: AssessmentContext) {
    return ctx.loaders.resultByDepartmentId.load(department.id);
  }
}
