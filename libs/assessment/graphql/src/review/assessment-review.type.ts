import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

/** Fields shared by reviews and surveys. */
@InputType('AssessmentReviewTarget')
class ReviewTargetInput {
  @Field(() => ID)
  schemeId!: string;

  @Field(() => String, { description: 'A MANUAL indicator of the scheme.' })
  indicatorCode!: string;

  @Field(() => String, { description: 'Of the scheme’s period kind: 2026-11, 2026-Q4 or 2026.' })
  period!: string;

  @Field(() => String, {
    description: 'The subject: an account id for grid workers, a unit code for communities …',
  })
  subjectId!: string;

  @Field(() => String, {
    description:
      "A grid worker's grid code, otherwise the subject's unit code; scope is checked on it, and a run counts the score only if it is the subject's.",
  })
  subjectUnitCode!: string;
}

@InputType('EnterAssessmentReviewInput')
export class EnterReviewInput extends ReviewTargetInput {
  @Field(() => Float, { description: '0–100, at most two decimals.' })
  score!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType('CreateResidentSurveyInput')
export class CreateSurveyInput extends ReviewTargetInput {
  @Field(() => String, { description: 'The grid whose residents are sampled.' })
  gridCode!: string;

  @Field(() => Int, { description: 'How many residents to ask (1–200).' })
  size!: number;
}

@ObjectType('AssessmentReview', { description: 'One reviewer’s score of one subject on a manual indicator.' })
export class AssessmentReviewType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schemeId!: string;

  @Field(() => String)
  indicatorCode!: string;

  @Field(() => String)
  period!: string;

  @Field(() => String)
  subjectId!: string;

  @Field(() => String)
  subjectUnitCode!: string;

  @Field(() => ID)
  reviewerId!: string;

  @Field(() => Float)
  score!: number;

  @Field(() => String)
  comment!: string;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('SurveyInvitation', {
  description: 'A sampled resident (id only) and their one-time token; shown once.',
})
export class SurveyInvitationType {
  @Field(() => ID)
  residentId!: string;

  @Field(() => String)
  token!: string;
}

@ObjectType('ResidentSurvey', { description: '群众满意度测评 of one subject.' })
export class ResidentSurveyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => [SurveyInvitationType], {
    description: 'Hand each token to its resident (SMS link); it is not stored.',
  })
  invitations!: SurveyInvitationType[];
}
