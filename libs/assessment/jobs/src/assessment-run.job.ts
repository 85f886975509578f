import { Queue, UnrecoverableError } from 'bullmq';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import {
  AssessmentPeriodKind,
  AssessmentRunEntity,
  AssessmentRunService,
  AssessmentSchemeEntity,
  AssessmentSchemeStatus,
  type FactSource,
  parsePeriod,
  periodAt,
} from '@gridgov/assessment-data-access';
import { ErrorCode } from '@gridgov/platform-errors';
import {
  createWorkerMetrics,
  type HandlerOf,
  jobHandlerTable,
  type JobNames,
  QueueName,
  RedisConnections,
  startJobWorker,
} from '@gridgov/platform-queue';
import type { Logger, Metrics } from '@gridgov/platform-observability';

export const ASSESSMENT_RUN_QUEUE = QueueName.ASSESSMENT_RUNS;

/** Only ids and period keys travel through Redis. */
export type AssessmentJobData =
  | { kind: 'period-end'; periodKind: AssessmentPeriodKind }
  | { kind: 'run'; schemeId: string; period: string };

/** The job name is the data's kind. */
type AssessmentJobMap = { [K in AssessmentJobData['kind']]: Extract<AssessmentJobData, { kind: K }> };
const ASSESSMENT_JOB_NAMES: JobNames<AssessmentJobMap> = { 'period-end': true, run: true };

/** Just after each period ends, China time: the previous period of every ACTIVE scheme of that kind is run. */
const PERIOD_END_PATTERNS: Record<AssessmentPeriodKind, string> = {
  [AssessmentPeriodKind.MONTH]: '30 0 1 * *',
  [AssessmentPeriodKind.QUARTER]: '30 0 1 1,4,7,10 *',
  [AssessmentPeriodKind.YEAR]: '30 0 1 1 *',
};

/** Retries cover a gateway that is not up yet (start-up) or a subgraph that is briefly down. */
const RUN_JOB_OPTIONS = {
  attempts: 20,
  backoff: { type: 'fixed', delay: 5_000 },
  removeOnComplete: 100,
  removeOnFail: 500,
};

export interface AssessmentJobsOptions {
  redisUrl: string;
  /** BullMQ key prefix (tests use a unique one). */
  prefix?: string;
  dataSource: DataSource;
  facts: FactSource;
  log: Logger;
  /** The service's registry, to serve the worker's metrics on its /metrics. */
  metrics?: Metrics;
}

type EnqueueRun = (schemeId: string, period: string) => Promise<unknown>;

/**
 * Handles one job. A period end only queues one run job per ACTIVE scheme of that kind (job id =
 * scheme and period), so a retried period end never runs a scheme twice and one scheme's failure
 * does not hold up the others.
 */
export async function processAssessmentJob(
  data: AssessmentJobData,
  runs: AssessmentRunService,
  dataSource: DataSource,
  enqueueRun: EnqueueRun,
  now = new Date(),
): Promise<AssessmentRunEntity | null> {
  const schemes = dataSource.getRepository(AssessmentSchemeEntity);
  if (data.kind === 'run') {
    const scheme = await schemes.findOneBy({ id: data.schemeId });
    if (!scheme) throw new UnrecoverableError(`assessment scheme ${data.schemeId} no longer exists`);
    try {
      return await runs.run(scheme, parsePeriod(scheme.periodKind, data.period), null);
    } catch (error) {
      // Only facts that could not be read are worth retrying; a refused run stays refused.
      if (error instanceof GraphQLError && error.extensions['code'] !== ErrorCode.SUBGRAPH_UNAVAILABLE)
        throw new UnrecoverableError(error.message);
      throw error;
    }
  }
  const due = await schemes.findBy({ periodKind: data.periodKind, status: AssessmentSchemeStatus.ACTIVE });
  const period = periodAt(data.periodKind, now, -1);
  for (const scheme of due) await enqueueRun(scheme.id, period.key);
  return null;
}

/** The worker and the period-end schedules of assessment runs; runs inside assessment-service. */
export async function startAssessmentJobs(options: AssessmentJobsOptions) {
  const connections = new RedisConnections(options.redisUrl);
  const prefix = options.prefix ?? 'bull';
  // A worker connection: start-up waits out a Redis that is not up yet instead of failing.
  const queue = new Queue<AssessmentJobData>(ASSESSMENT_RUN_QUEUE, {
    connection: connections.get('worker'),
    prefix,
  });
  const runs = new AssessmentRunService(options.dataSource, options.facts);
  for (const periodKind of Object.values(AssessmentPeriodKind)) {
    await queue.upsertJobScheduler(
      `period-end-${periodKind}`,
      { pattern: PERIOD_END_PATTERNS[periodKind], tz: 'Asia/Shanghai' },
      { name: 'period-end', data: { kind: 'period-end', periodKind }, opts: RUN_JOB_OPTIONS },
    );
  }
  /** Runs a scheme's period once, soon (deduplicated by scheme and period while the job is kept). */
  const enqueueRun: EnqueueRun = (schemeId, period) =>
    queue.add(
      'run',
      { kind: 'run', schemeId, period },
      { ...RUN_JOB_OPTIONS, jobId: `run-${schemeId}-${period}` },
    );
  const handler = <K extends keyof AssessmentJobMap>(name: K): HandlerOf<AssessmentJobMap, K> => ({
    name,
    async run(data) {
      const run = await processAssessmentJob(data, runs, options.dataSource, enqueueRun);
      if (run)
        options.log.info(
          { scheme: run.schemeId, period: run.period, version: run.version },
          'assessment run done',
        );
    },
  });
  const worker = startJobWorker({
    queue: ASSESSMENT_RUN_QUEUE,
    handlers: jobHandlerTable(ASSESSMENT_JOB_NAMES, [handler('period-end'), handler('run')]),
    connection: connections.get('worker'),
    prefix,
    concurrency: 1,
    observer: createWorkerMetrics('assessment-service', [queue], options.metrics).observer(
      (error) => options.log.error({ err: error }, 'assessment worker error'),
      (job, error, final) =>
        options.log.warn(
          { job: job.name, attempt: job.attemptsMade + 1, reason: error.message },
          final
            ? 'assessment job failed; sent to the dead-letter queue'
            : 'assessment job failed; will retry',
        ),
    ),
  });
  return {
    queue,
    enqueueRun,
    async stop() {
      // A run still going after the default timeout goes back to the queue for the next start.
      await worker.close();
      await queue.close();
      connections.disconnectAll();
    },
  };
}

/**
 * Demo data: the current period of every ACTIVE scheme that has no run yet is run by the worker
 * as soon as the gateway answers, so `npm start` shows results.
 */
export async function enqueueDemoRuns(
  jobs: { enqueueRun(schemeId: string, period: string): Promise<unknown> },
  dataSource: DataSource,
  now = new Date(),
): Promise<void> {
  const schemes = await dataSource
    .getRepository(AssessmentSchemeEntity)
    .findBy({ status: AssessmentSchemeStatus.ACTIVE });
  for (const scheme of schemes) {
    const period = periodAt(scheme.periodKind, now).key;
    if (await dataSource.getRepository(AssessmentRunEntity).existsBy({ schemeId: scheme.id, period }))
      continue;
    await jobs.enqueueRun(scheme.id, period);
  }
}
