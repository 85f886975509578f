import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  AssessmentIndicatorKind,
  AssessmentSubjectKind,
  HonourBoardKind,
  RuleEffect,
} from '@gridgov/assessment-data-access';

@ObjectType('AssessmentInput', { description: 'One input value of a result (null: no data).' })
export class AssessmentInputType {
  @Field(() => String, {
    description: 'A metric key such as tickets.closureRate, or review.<indicator code>.',
  })
  key!: string;

  @Field(() => Float, { nullable: true })
  value!: number | null;
}

@ObjectType('AssessmentIndicatorScore', {
  description: 'How one indicator scored: input, 0–1 value, formula, score.',
})
export class IndicatorScoreType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AssessmentIndicatorKind)
  kind!: AssessmentIndicatorKind;

  @Field(() => Float)
  weight!: number;

  @Field(() => String, { description: 'The input key it reads.' })
  input!: string;

  @Field(() => Float, { nullable: true })
  inputValue!: number | null;

  @Field(() => Float, { description: '0–1: what weight% × scale is multiplied by.' })
  value!: number;

  @Field(() => String)
  formula!: string;

  @Field(() => Float)
  score!: number;
}

@ObjectType('AssessmentFiredRule', { description: 'A rule of the scheme that applied to this result.' })
export class FiredRuleType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  description!: string;

  @Field(() => RuleEffect)
  effect!: RuleEffect;

  @Field(() => Int, { nullable: true })
  stars!: number | null;

  @Field(() => Float, { description: 'The input value that made it fire.' })
  inputValue!: number;
}

@ObjectType('AssessmentResult', {
  description: 'An immutable snapshot of one subject’s assessment in one run version (考核结果).',
})
@Directive('@key(fields: "id")')
export class AssessmentResultType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schemeId!: string;

  @Field(() => ID)
  runId!: string;

  @Field(() => String)
  period!: string;

  @Field(() => Int, { description: 'The run version; re-running a period makes a new one.' })
  version!: number;

  @Field(() => AssessmentSubjectKind)
  subjectKind!: AssessmentSubjectKind;

  @Field(() => String, {
    description: 'Account, department, party organisation or member id, or a unit code.',
  })
  subjectId!: string;

  @Field(() => String, { description: "A grid worker's grid code, otherwise the subject's unit code." })
  subjectUnitCode!: string;

  @Field(() => String, { description: 'The unit ranked within.' })
  rankUnitCode!: string;

  @Field(() => Int, { description: '1 = best in the unit; ties share a rank.' })
  rankInUnit!: number;

  @Field(() => Float)
  total!: number;

  @Field(() => Int, { nullable: true, description: '0–5 when the scheme has star thresholds.' })
  stars!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'RED, YELLOW or GREEN when the scheme has card thresholds.',
  })
  card!: string | null;

  @Field(() => Boolean, { description: 'False when a NOT_ADVANCED rule fired.' })
  advancedEligible!: boolean;

  @Field(() => [String], { description: 'REVIEW:<rule> (flagged for review), NO_SCORES:<indicator>.' })
  flags!: string[];

  @Field(() => [FiredRuleType])
  firedRules!: FiredRuleType[];

  @Field(() => [IndicatorScoreType])
  indicators!: IndicatorScoreType[];

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('AssessmentRun', { description: 'One computation of a scheme for a period.' })
export class AssessmentRunType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schemeId!: string;

  @Field(() => String)
  period!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Date)
  periodStart!: Date;

  @Field(() => Date)
  periodEnd!: Date;

  @Field(() => Int)
  subjectCount!: number;

  @Field(() => ID, { nullable: true, description: 'Null for scheduled runs.' })
  startedBy!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('AssessmentIndicatorExplanation')
export class IndicatorExplanationType extends IndicatorScoreType {
  @Field(() => [AssessmentInputType], { description: 'Every input this indicator was computed from.' })
  inputs!: AssessmentInputType[];
}

@ObjectType('AssessmentExplanation', {
  description: 'Why a result is what it is: each indicator with inputs, formula and score.',
})
export class AssessmentExplanationType {
  @Field(() => AssessmentResultType)
  result!: AssessmentResultType;

  @Field(() => [IndicatorExplanationType])
  indicators!: IndicatorExplanationType[];

  @Field(() => [AssessmentInputType], { description: 'All inputs of the snapshot, rules included.' })
  inputs!: AssessmentInputType[];

  @Field(() => String, { description: 'How the total becomes stars and a card.' })
  thresholds!: string;
}

registerEnumType(HonourBoardKind, { name: 'HonourBoardKind' });

/** org-service resolves `name` by the subject id, which only the gateway sees. */
@ObjectType('HonourBoardEntry', {
  description: '红色文明榜: a party member or volunteer and their points; its public name comes from org.',
})
@Directive('@key(fields: "subjectId", resolvable: false)')
export class HonourBoardEntryType {
  @Directive('@inaccessible')
  @Field(() => ID)
  subjectId!: string;

  @Field(() => HonourBoardKind)
  kind!: HonourBoardKind;

  @Field(() => Int)
  rank!: number;

  @Field(() => Float)
  points!: number;

  @Field(() => String)
  period!: string;
}

@ObjectType('PublishedSatisfaction', { description: 'A community’s published satisfaction (公示).' })
export class PublishedSatisfactionType {
  @Field(() => String)
  unitCode!: string;

  @Field(() => String)
  period!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Satisfied and basically satisfied among rated tickets, 0–1.',
  })
  satisfactionRate!: number | null;

  @Field(() => Float)
  total!: number;

  @Field(() => String, { nullable: true })
  card!: string | null;
}
