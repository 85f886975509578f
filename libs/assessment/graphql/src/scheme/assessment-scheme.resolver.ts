import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { PageArgs, paginate } from '@gridgov/platform-graphql';
import type { AssessmentSchemeEntity } from '@gridgov/assessment-data-access';
import type { AssessmentContext } from '../assessment-context';
import {
  AssessmentIndicatorType,
  AssessmentSchemeConnection,
  AssessmentSchemeFilterInput,
  AssessmentSchemeType,
  CreateAssessmentSchemeInput,
} from './assessment-scheme.type';

@Resolver(() => AssessmentSchemeType)
export class AssessmentSchemeResolver {
  @Authorized(Permission.ASSESSMENT_READ)
  @Query(() => AssessmentSchemeType, { description: 'One scheme owned in, above or below your scope.' })
  assessmentScheme(
    @Ctx() ctx: AssessmentContext,
    @Arg('id', () => ID) id: string,
  ): Promise<AssessmentSchemeEntity> {
    return ctx.schemes.get(id);
  }

  @Authorized(Permission.ASSESSMENT_READ)
  @Query(() => AssessmentSchemeConnection, { description: 'Schemes you may read, newest first.' })
  assessmentSchemes(
    @Ctx() ctx: AssessmentContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AssessmentSchemeFilterInput, { nullable: true })
    filter?: AssessmentSchemeFilterInput,
  ) {
    return paginate(ctx.schemes.listQuery(filter ?? {}), page, {
      column: 'scheme.createdAt',
      value: (s) => s.createdAt,
      direction: 'DESC',
    });
  }

  @Authorized(Permission.ASSESSMENT_MANAGE)
  @Mutation(() => AssessmentSchemeType, {
    description: 'Creates a DRAFT scheme with its indicators, all or nothing.',
  })
  createAssessmentScheme(
    @Ctx() ctx: AssessmentContext,
    @Arg('input', () => CreateAssessmentSchemeInput) input: CreateAssessmentSchemeInput,
  ): Promise<AssessmentSchemeEntity> {
    return ctx.schemes.create(input);
  }

  @Authorized(Permission.ASSESSMENT_MANAGE)
  @Mutation(() => AssessmentSchemeType, { description: 'DRAFT → ACTIVE: frozen from then on, and runnable.' })
  activateAssessmentScheme(
    @Ctx() ctx: AssessmentContext,
    @Arg('id', () => ID) id: string,
  ): Promise<AssessmentSchemeEntity> {
    return ctx.schemes.activate(id);
  }

  @FieldResolver(() => [AssessmentIndicatorType])
  indicators(@Root() scheme: AssessmentSchemeEntity, @Ctx() ctx: AssessmentContext) {
    return ctx.loaders.indicatorsBySchemeId.load(scheme.id);
  }
}
