import { DataSource } from 'typeorm';
import type { Logger } from '@gridgov/platform-observability';
import {
  AssessmentIndicatorKind as Kind,
  AssessmentMetric as Metric,
  AssessmentPeriodKind,
  AssessmentSchemeStatus,
  AssessmentSubjectKind,
} from '../scheme/assessment-kinds';
import { AssessmentSchemeEntity } from '../scheme/assessment-scheme.entity';
import { insertScheme } from '../scheme/assessment-scheme.service';
import {
  type CreateAssessmentSchemeInput,
  validateSchemeInput,
} from '../scheme/assessment-scheme.validation';

/** Huichuan district (汇川区), the org demo's district. */
const DISTRICT = '520303';

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
      { code: 'secretary_review', name: '社区书记评议', kind: Kind.MANUAL, weight: 10 },
    ],
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
      { code: 'resident_survey', name: '群众满意度测评', kind: Kind.MANUAL, weight: 15 },
      { code: 'leader_review', name: '领导评价', kind: Kind.MANUAL, weight: 15 },
    ],
  },
];

/** Two ACTIVE schemes of 汇川区; skips any that exist (same owner and name), so it can run at every start. */
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
