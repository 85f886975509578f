import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import {
  AssessmentIndicatorKind,
  AssessmentMetric,
  AssessmentPeriodKind,
  AssessmentSchemeStatus,
  AssessmentSubjectKind,
  ManualSource,
  RuleEffect,
  RuleOperator,
} from '@gridgov/assessment-data-access';

registerEnumType(AssessmentSubjectKind, {
  name: 'AssessmentSubjectKind',
  description: 'Who a scheme rates.',
});
registerEnumType(AssessmentPeriodKind, { name: 'AssessmentPeriodKind' });
registerEnumType(AssessmentSchemeStatus, {
  name: 'AssessmentSchemeStatus',
  description: 'DRAFT may change; ACTIVE is frozen (results refer to it).',
});
registerEnumType(AssessmentIndicatorKind, { name: 'AssessmentIndicatorKind' });
registerEnumType(ManualSource, {
  name: 'AssessmentManualSource',
  description: 'Who enters a manual indicator: resident survey, peer, community secretary or leaders.',
});
registerEnumType(RuleOperator, { name: 'AssessmentRuleOperator' });
registerEnumType(RuleEffect, {
  name: 'AssessmentRuleEffect',
  description:
    'NOT_ADVANCED: not eligible as advanced; FLAG_REVIEW: flagged for review; MAX_STARS: stars capped.',
});

@ObjectType('AssessmentRule', {
  description: 'A rule as data: when `input` compares with `value`, apply `effect`.',
})
@InputType('AssessmentRuleInput')
export class AssessmentRuleType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  description!: string;

  @Field(() => String, {
    description: 'A metric key (tickets.satisfactionRate …) or indicator.<code> of this scheme (0–1).',
  })
  input!: string;

  @Field(() => RuleOperator)
  operator!: RuleOperator;

  @Field(() => Float)
  value!: number;

  @Field(() => RuleEffect)
  effect!: RuleEffect;

  @Field(() => Int, { nullable: true, description: 'For MAX_STARS (0–5).' })
  stars?: number | null;
}

registerEnumType(AssessmentMetric, {
  name: 'AssessmentMetric',
  description: 'The statistic an automatic indicator is computed from.',
});

@ObjectType('AssessmentCardThresholds', { description: 'Colour cards (亮牌): below yellowMin is red.' })
export class CardThresholdsType {
  @Field(() => Float, { description: 'Minimum score for a yellow card.' })
  yellowMin!: number;

  @Field(() => Float, { description: 'Minimum score for a green card.' })
  greenMin!: number;
}

@ObjectType('AssessmentIndicator', { description: 'One weighted indicator of a scheme.' })
export class AssessmentIndicatorType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Unique within the scheme.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AssessmentIndicatorKind)
  kind!: AssessmentIndicatorKind;

  @Field(() => AssessmentMetric, { nullable: true, description: 'Set for automatic indicators.' })
  sourceMetric!: AssessmentMetric | null;

  @Field(() => ManualSource, { nullable: true, description: 'Set for manual indicators: who enters scores.' })
  manualSource!: ManualSource | null;

  @Field(() => Float, {
    description: 'Percentage of the total score (two decimals); a scheme’s weights add up to 100.',
  })
  weight!: number;

  @Field(() => Int, { description: '1-based order within the scheme.' })
  position!: number;
}

@ObjectType('AssessmentScheme', {
  description: 'Weighted indicators that rate one kind of subject per period (考核方案).',
})
export class AssessmentSchemeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Shared by every version of this scheme.' })
  lineageId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String)
  name!: string;

  @Field(() => AssessmentSubjectKind)
  subjectKind!: AssessmentSubjectKind;

  @Field(() => AssessmentPeriodKind)
  periodKind!: AssessmentPeriodKind;

  @Field(() => Int, { description: '100 or 1000.' })
  totalScale!: number;

  @Field(() => String, {
    description: 'Significant code prefix of the owning unit (e.g. 520303); the scheme’s scope.',
  })
  ownerUnitCode!: string;

  @Field(() => [Float], { nullable: true, description: 'Minimum score for 1 to 5 stars (星级), ascending.' })
  starThresholds!: number[] | null;

  @Field(() => CardThresholdsType, { nullable: true })
  cardThresholds!: CardThresholdsType | null;

  @Field(() => [AssessmentRuleType], { description: 'Applied in order after scoring.' })
  rules!: AssessmentRuleType[];

  @Field(() => Boolean, { description: 'Results are published on public boards (公示).' })
  isPublic!: boolean;

  @Field(() => AssessmentSchemeStatus)
  status!: AssessmentSchemeStatus;

  @Field(() => ID, { nullable: true, description: 'Account that created it; null for system data.' })
  createdBy!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('AssessmentSchemeConnection')
export class AssessmentSchemeConnection extends ConnectionType(AssessmentSchemeType, 'AssessmentScheme') {}

@InputType('AssessmentCardThresholdsInput')
export class CardThresholdsInput {
  @Field(() => Float)
  yellowMin!: number;

  @Field(() => Float, { description: 'Must be above yellowMin.' })
  greenMin!: number;
}

@InputType('AssessmentIndicatorInput')
export class AssessmentIndicatorInput {
  @Field(() => String, { description: 'Letters, digits, _ . -; unique within the scheme.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AssessmentIndicatorKind)
  kind!: AssessmentIndicatorKind;

  @Field(() => AssessmentMetric, {
    nullable: true,
    description: 'Required for AUTOMATIC, absent for MANUAL.',
  })
  sourceMetric?: AssessmentMetric | null;

  @Field(() => ManualSource, { nullable: true, description: 'MANUAL only; defaults to SECRETARY_REVIEW.' })
  manualSource?: ManualSource | null;

  @Field(() => Float, { description: 'Percentage above 0 with at most two decimals.' })
  weight!: number;
}

@InputType('CreateAssessmentSchemeInput')
export class CreateAssessmentSchemeInput {
  @Field(() => String)
  name!: string;

  @Field(() => AssessmentSubjectKind)
  subjectKind!: AssessmentSubjectKind;

  @Field(() => AssessmentPeriodKind)
  periodKind!: AssessmentPeriodKind;

  @Field(() => Int, { description: '100 or 1000.' })
  totalScale!: number;

  @Field(() => String, {
    description:
      'The owning unit: its 12-digit code or significant prefix; you need assessment:manage there.',
  })
  ownerUnitCode!: string;

  @Field(() => [Float], {
    nullable: true,
    description: 'Minimum score for 1 to 5 stars, strictly ascending, within the scale.',
  })
  starThresholds?: number[] | null;

  @Field(() => CardThresholdsInput, { nullable: true })
  cardThresholds?: CardThresholdsInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Defaults to false.' })
  isPublic?: boolean | null;

  @Field(() => [AssessmentIndicatorInput], { description: 'In order; weights must add up to exactly 100.' })
  indicators!: AssessmentIndicatorInput[];

  @Field(() => [AssessmentRuleType], { nullable: true, description: 'Rules as data, applied in order.' })
  rules?: AssessmentRuleType[] | null;
}

@InputType('AssessmentSchemeFilter')
export class AssessmentSchemeFilterInput {
  @Field(() => AssessmentSubjectKind, { nullable: true })
  subjectKind?: AssessmentSubjectKind | null;

  @Field(() => AssessmentPeriodKind, { nullable: true })
  periodKind?: AssessmentPeriodKind | null;
}
