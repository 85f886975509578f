import { DataSource } from 'typeorm';
import type { Logger } from '@gridgov/platform-observability';
import {
  AssessmentIndicatorKind as Kind,
  AssessmentMetric as Metric,
  AssessmentPeriodKind,
  AssessmentSchemeStatus,
  AssessmentSubjectKind,
  type AssessmentRule,
  ManualSource,
  RuleEffect,
  RuleOperator,
} from '../scheme/assessment-kinds';
import { AssessmentSchemeEntity } from '../scheme/assessment-scheme.entity';
import { insertScheme } from '../scheme/assessment-scheme.service';
import {
  type CreateAssessmentSchemeInput,
  validateSchemeInput,
} from '../scheme/assessment-scheme.validation';

/** Huichuan district (汇川区), the org demo's district. */
const DISTRICT = '520303';

/** The rules of the field reports, as data. */
export const DEMO_RULES: AssessmentRule[] = [
  {
    code: 'satisfaction_advanced',
    description: '满意率低于90%不得评为先进',
    input: Metric.TICKETS_SATISFACTION_RATE,
    operator: RuleOperator.LT,
    value: 0.9,
    effect: RuleEffect.NOT_ADVANCED,
  },
  {
    code: 'satisfaction_floor',
    description: '满意率低于80%列入约谈复核',
    input: Metric.TICKETS_SATISFACTION_RATE,
    operator: RuleOperator.LT,
    value: 0.8,
    effect: RuleEffect.FLAG_REVIEW,
  },
  {
    code: 'red_ticket',
    description: '有红色督办事项的最高评三星',
    input: Metric.TICKETS_RED_COUNT,
    operator: RuleOperator.GT,
    value: 0,
    effect: RuleEffect.MAX_STARS,
    stars: 3,
  },
];

const SCHEMES: CreateAssessmentSchemeInput[] = [
  {
    name: '网格员月度评星定级',
    subjectKind: AssessmentSubjectKind.GRID_WORKER,
    periodKind: AssessmentPeriodKind.MONTH,
    totalScale: 100,
    ownerUnitCode: DISTRICT,
    starThresholds: [60, 70, 80, 90, 95],
    isPublic: true,
    indicators: [
      {
        code: 'closure_rate',
        name: '事项办结率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_CLOSURE_RATE,
        weight: 25,
      },
      {
        code: 'on_time_rate',
        name: '按时办结率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_ON_TIME_RATE,
        weight: 25,
      },
      {
        code: 'satisfaction',
        name: '群众满意率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_SATISFACTION_RATE,
        weight: 30,
      },
      {
        code: 'visits',
        name: '走访完成率（已走访/应走访）',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.VISITS_COMPLETION_RATE,
        weight: 10,
      },
      {
        code: 'secretary_review',
        name: '社区书记评议',
        kind: Kind.MANUAL,
        manualSource: ManualSource.SECRETARY_REVIEW,
        weight: 10,
      },
    ],
    rules: DEMO_RULES,
  },
  {
    name: '社区季度亮牌',
    subjectKind: AssessmentSubjectKind.COMMUNITY,
    periodKind: AssessmentPeriodKind.QUARTER,
    totalScale: 100,
    ownerUnitCode: DISTRICT,
    cardThresholds: { yellowMin: 75, greenMin: 90 },
    isPublic: true,
    indicators: [
      {
        code: 'closure_rate',
        name: '事项办结率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_CLOSURE_RATE,
        weight: 20,
      },
      {
        code: 'on_time_rate',
        name: '按时办结率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_ON_TIME_RATE,
        weight: 20,
      },
      {
        code: 'satisfaction',
        name: '群众满意率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_SATISFACTION_RATE,
        weight: 20,
      },
      {
        code: 'data_completeness',
        name: '户籍数据完整率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.HOUSEHOLDS_DATA_COMPLETENESS,
        weight: 10,
      },
      {
        code: 'resident_survey',
        name: '群众满意度测评',
        kind: Kind.MANUAL,
        manualSource: ManualSource.SURVEY,
        weight: 15,
      },
      {
        code: 'leader_review',
        name: '领导评价',
        kind: Kind.MANUAL,
        manualSource: ManualSource.LEADER_REVIEW,
        weight: 15,
      },
    ],
    rules: DEMO_RULES.slice(0, 2),
  },
  {
    name: '职能部门年度考评',
    subjectKind: AssessmentSubjectKind.DEPARTMENT,
    periodKind: AssessmentPeriodKind.YEAR,
    totalScale: 1000,
    ownerUnitCode: DISTRICT,
    starThresholds: [600, 700, 800, 900, 950],
    indicators: [
      {
        code: 'closure_rate',
        name: '派单办结率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_CLOSURE_RATE,
        weight: 30,
      },
      {
        code: 'on_time_rate',
        name: '按时办结率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_ON_TIME_RATE,
        weight: 30,
      },
      {
        code: 'satisfaction',
        name: '群众满意率',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.TICKETS_SATISFACTION_RATE,
        weight: 30,
      },
      {
        code: 'leader_review',
        name: '领导评价',
        kind: Kind.MANUAL,
        manualSource: ManualSource.LEADER_REVIEW,
        weight: 10,
      },
    ],
    rules: [DEMO_RULES[0]],
  },
  {
    name: '红色文明榜积分',
    subjectKind: AssessmentSubjectKind.PARTY_MEMBER,
    periodKind: AssessmentPeriodKind.MONTH,
    totalScale: 100,
    ownerUnitCode: DISTRICT,
    isPublic: true,
    indicators: [
      {
        code: 'volunteer_hours',
        name: '志愿服务时长',
        kind: Kind.AUTOMATIC,
        sourceMetric: Metric.VOLUNTEER_HOURS,
        weight: 100,
      },
    ],
  },
];

/** Four ACTIVE schemes of 汇川区 (grid workers, communities, departments, the honour board); skips any that exist (same owner and name), so it can run at every start. */
export async function seedAssessmentDemo(dataSource: DataSource, log: Logger): Promise<void> {
  let created = 0;
  await dataSource.transaction(async (manager) => {
    // Serialises concurrent starts of several replicas.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('assessment-demo-seed'))`);
    for (const input of SCHEMES) {
      const valid = validateSchemeInput(input);
      if (
        await manager.existsBy(AssessmentSchemeEntity, {
          ownerUnitCode: valid.ownerUnitCode,
          name: valid.name,
        })
      )
        continue;
      await insertScheme(manager, valid, { createdBy: null, status: AssessmentSchemeStatus.ACTIVE });
      created += 1;
    }
  });
  log.info({ schemes: SCHEMES.length, created }, 'assessment demo data ready');
}
