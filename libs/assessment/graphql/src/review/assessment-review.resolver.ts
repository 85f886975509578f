import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { AssessmentReviewEntity } from '@gridgov/assessment-data-access';
import type { AssessmentContext } from '../assessment-context';
import {
  AssessmentReviewType,
  CreateSurveyInput,
  EnterReviewInput,
  ResidentSurveyType,
} from './assessment-review.type';

@Resolver()
export class AssessmentReviewResolver {
  @Authorized(Permission.ASSESSMENT_REVIEW)
  @Mutation(() => AssessmentReviewType, {
    description:
      'Enters (or replaces) your score of a subject: peer review in its community, secretary review from the community up, leader review from a street up.',
  })
  enterAssessmentReview(
    @Ctx() ctx: AssessmentContext,
    @Arg('input', () => EnterReviewInput) input: EnterReviewInput,
  ): Promise<AssessmentReviewEntity> {
    return ctx.reviews.enter(input);
  }

  @Authorized(Permission.ASSESSMENT_REVIEW)
  @Mutation(() => ResidentSurveyType, {
    description:
      '群众满意度测评: samples residents of a grid and returns one one-time token each (shown only now).',
  })
  async createResidentSurvey(
    @Ctx() ctx: AssessmentContext,
    @Arg('input', () => CreateSurveyInput) input: CreateSurveyInput,
  ): Promise<ResidentSurveyType> {
    const { survey, tokens } = await ctx.reviews.createSurvey(input);
    return { id: survey.id, gridCode: survey.gridCode, invitations: tokens };
  }

  @Mutation(() => Boolean, {
    description:
      'A resident’s answer to a satisfaction survey (0–100), without sign-in; each token works once.',
  })
  async submitSurveyAnswer(
    @Ctx() ctx: AssessmentContext,
    @Arg('token', () => String) token: string,
    @Arg('score', () => Int) score: number,
  ): Promise<boolean> {
    await ctx.reviews.answerSurvey(token, score);
    return true;
  }
}
