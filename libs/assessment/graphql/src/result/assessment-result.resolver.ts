import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import {
  type AssessmentResultEntity,
  type AssessmentRunEntity,
  honourBoardKindOf,
} from '@gridgov/assessment-data-access';
import type { AssessmentContext } from '../assessment-context';
import { explainResult } from './assessment-explanation';
import {
  AssessmentExplanationType,
  AssessmentInputType,
  AssessmentResultType,
  AssessmentRunType,
  HonourBoardEntryType,
  PublishedSatisfactionType,
} from './assessment-result.type';

@Resolver(() => AssessmentResultType)
export class AssessmentResultResolver {
  @Authorized(Permission.ASSESSMENT_MANAGE)
  @Mutation(() => AssessmentRunType, {
    description:
      'Computes every subject of an ACTIVE scheme for a period; a re-run makes a new version and keeps the old.',
  })
  runAssessment(
    @Ctx() ctx: AssessmentContext,
    @Arg('schemeId', () => ID) schemeId: string,
    @Arg('period', () => String, { description: '2026-11, 2026-Q4 or 2026, by the scheme’s period kind.' })
    period: string,
  ): Promise<AssessmentRunEntity> {
    return ctx.runs.runAs(ctx.auth, schemeId, period);
  }

  @Authorized(Permission.ASSESSMENT_READ)
  @Query(() => [AssessmentRunType], { description: 'Versions of a scheme’s run for a period, newest first.' })
  async assessmentRuns(
    @Ctx() ctx: AssessmentContext,
    @Arg('schemeId', () => ID) schemeId: string,
    @Arg('period', () => String) period: string,
  ): Promise<AssessmentRunEntity[]> {
    // The scheme's read scope (not found / forbidden) decides who sees its runs.
    return ctx.results.runs(await ctx.schemes.get(schemeId), period);
  }

  @Authorized(Permission.ASSESSMENT_READ)
  @Query(() => [AssessmentResultType], {
    description:
      'The ranking within a unit (a grid worker’s community, a community’s street …), best first; latest version unless given.',
  })
  assessmentRanking(
    @Ctx() ctx: AssessmentContext,
    @Arg('schemeId', () => ID) schemeId: string,
    @Arg('period', () => String) period: string,
    @Arg('unitCode', () => String) unitCode: string,
    @Arg('version', () => Int, { nullable: true }) version?: number | null,
  ): Promise<AssessmentResultEntity[]> {
    return ctx.results.ranking({ schemeId, period, unitCode, version });
  }

  @Authorized()
  @Query(() => AssessmentResultType, {
    description: 'One result: your own, or one in your assessment:read scope.',
  })
  assessmentResult(
    @Ctx() ctx: AssessmentContext,
    @Arg('id', () => ID) id: string,
  ): Promise<AssessmentResultEntity> {
    return ctx.results.get(id);
  }

  @Authorized()
  @Query(() => AssessmentExplanationType, {
    description:
      'Why a result is what it is: each indicator with its inputs, formula and score (from the snapshot).',
  })
  async assessmentExplanation(@Ctx() ctx: AssessmentContext, @Arg('resultId', () => ID) resultId: string) {
    const result = await ctx.results.get(resultId);
    const [scheme] = await ctx.results.schemesOf([result.schemeId]);
    return explainResult(result, {
      stars: scheme?.starThresholds ?? null,
      cards: scheme?.cardThresholds ?? null,
    });
  }

  @Query(() => [HonourBoardEntryType], {
    description:
      '红色文明榜: party members and volunteers by points in the latest run of public schemes under a unit; no sign-in needed.',
  })
  async honourBoard(
    @Ctx() ctx: AssessmentContext,
    @Arg('unitCode', () => String) unitCode: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<HonourBoardEntryType[]> {
    const rows = await ctx.results.honourBoard(unitCode, first);
    const entries: HonourBoardEntryType[] = [];
    rows.forEach((row, i) => {
      // Equal points share a rank (1, 1, 3).
      const rank = i > 0 && rows[i - 1].total === row.total ? entries[i - 1].rank : i + 1;
      entries.push({
        rank,
        subjectId: row.subjectId,
        kind: honourBoardKindOf(row.subjectId),
        points: row.total,
        period: row.period,
      });
    });
    return entries;
  }

  @Query(() => [PublishedSatisfactionType], {
    description:
      'Published satisfaction of the communities under a unit (public schemes only); no sign-in needed.',
  })
  publishedSatisfaction(@Ctx() ctx: AssessmentContext, @Arg('unitCode', () => String) unitCode: string) {
    return ctx.results.publishedSatisfaction(unitCode);
  }

  @FieldResolver(() => [AssessmentInputType], { description: 'Every input value of the snapshot.' })
  inputs(@Root() result: AssessmentResultEntity): AssessmentInputType[] {
    return Object.keys(result.inputs)
      .sort()
      .map((key) => ({ key, value: result.inputs[key] ?? null }));
  }
}
