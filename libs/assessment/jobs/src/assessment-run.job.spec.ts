import { randomUUID } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { createLogger, createMetrics } from '@gridgov/platform-observability';
import { openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { ANONYMOUS, AuthContext } from '@gridgov/platform-auth';
import { createRedisConnection, DeadLetterQueue, eventually } from '@gridgov/platform-queue';
import {
  assessmentDatabase,
  AssessmentResultService,
  AssessmentPeriodKind,
  AssessmentRunService,
  AssessmentSubjectKind,
  type FactSource,
  periodAt,
  RESIDENT_SUBJECT_PREFIX,
  seedAssessmentDemo,
} from '@gridgov/assessment-data-access';
import { enqueueDemoRuns, processAssessmentJob, startAssessmentJobs } from './assessment-run.job';

const COMMUNITY = '520303001001';
const GRID = `${COMMUNITY}001`;
const WORKER = randomUUID();
const MEMBER = randomUUID();
/** A volunteer who is no party member, as org names the subject. */
const RESIDENT = randomUUID();
const VOLUNTEER = `${RESIDENT_SUBJECT_PREFIX}${RESIDENT}`;

/** The other services as a run sees them: one grid worker with a month of ticket and visit facts. */
const facts: FactSource = {
  subjects: async (kind) =>
    kind === AssessmentSubjectKind.GRID_WORKER
      ? [{ id: WORKER, unitCode: GRID }]
      : kind === AssessmentSubjectKind.COMMUNITY
        ? [{ id: COMMUNITY, unitCode: COMMUNITY }]
        : [
            { id: MEMBER, unitCode: COMMUNITY },
            { id: VOLUNTEER, unitCode: COMMUNITY },
          ],
  ticketFacts: async (group) => [
    {
      key: group === 'GRID' ? GRID : COMMUNITY,
      received: 10,
      closed: 8,
      closureRate: 0.8,
      onTimeRate: 0.5,
      satisfactionRate: 0.95,
      reworkRate: 0,
      overdue: 4,
      red: 0,
    },
  ],
  gridFacts: async () => [
    { gridCode: GRID, visitsDue: 4, visitsDone: 3, visitCompletionRate: 0.75, dataCompleteness: 1 },
  ],
  // The member signed up once with and once without their resident id: two rows of one person.
  volunteerHours: async () => [
    { partyMemberId: MEMBER, residentId: null, hours: 2 },
    { partyMemberId: MEMBER, residentId: randomUUID(), hours: 1 },
    { partyMemberId: null, residentId: RESIDENT, hours: 2 },
  ],
  meetingCompliance: async () => [],
  residentSample: async () => [],
};

// The scheduled side of runs: period-end schedulers in Redis, demo runs done by the worker, and a
// period end running the previous period of every ACTIVE scheme of that kind.
describe('assessment run jobs', () => {
  let db: TestDatabase;
  let jobs: Awaited<ReturnType<typeof startAssessmentJobs>>;
  const log = createLogger('assessment-jobs-test', 'silent');
  const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${randomUUID()}`;
  const metrics = createMetrics('assessment-service');

  beforeAll(async () => {
    db = await openTestDatabase(assessmentDatabase);
    await seedAssessmentDemo(db.dataSource, log);
    jobs = await startAssessmentJobs({
      redisUrl,
      prefix,
      dataSource: db.dataSource,
      facts,
      log,
      metrics,
    });
  });
  afterAll(async () => {
    await jobs?.queue.obliterate({ force: true });
    await jobs?.stop();
    await db?.close();
  });

  it('schedules a run at the end of every month, quarter and year', async () => {
    const schedulers = await jobs.queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      ['period-end-MONTH', '30 0 1 * *', 'Asia/Shanghai'],
      ['period-end-QUARTER', '30 0 1 1,4,7,10 *', 'Asia/Shanghai'],
      ['period-end-YEAR', '30 0 1 1 *', 'Asia/Shanghai'],
    ]);
  });

  it('runs the current period of each demo scheme once, through the worker', async () => {
    await enqueueDemoRuns(jobs, db.dataSource);
    const runs = async () =>
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM assessment_run`)) as { n: number }[];
    for (let i = 0; i < 100 && (await runs())[0].n < 4; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await runs())[0].n).toBe(4);
    const [result] = await db.dataSource.query(
      `SELECT r.total::float AS total, r.stars, r.period FROM assessment_result r
         JOIN assessment_scheme s ON s.id = r.scheme_id WHERE s.name = '网格员月度评星定级'`,
    );
    // 25×0.8 + 25×0.5 + 30×0.95 + 10×0.75 + 10×0 (no secretary review yet) = 68.5 → 1 star (60).
    expect(result).toEqual({
      total: 68.5,
      stars: 1,
      period: periodAt(AssessmentPeriodKind.MONTH, new Date()).key,
    });

    await enqueueDemoRuns(jobs, db.dataSource); // already run: nothing queued (only the schedulers' next jobs)
    const pending = await jobs.queue.getJobs(['waiting', 'delayed', 'active']);
    expect(pending.map((job) => job.name)).toEqual(['period-end', 'period-end', 'period-end']);
  });

  it('publishes community satisfaction, colour cards and the honour board without sign-in', async () => {
    const anonymous = new AssessmentResultService(db.dataSource, new AuthContext(ANONYMOUS));
    // Community: 20×0.8 + 20×0.5 + 20×0.95 + 10×1 + 15×0 + 15×0 = 55, below yellowMin 75.
    expect(await anonymous.publishedSatisfaction('520303')).toEqual([
      {
        unitCode: COMMUNITY,
        period: periodAt(AssessmentPeriodKind.QUARTER, new Date()).key,
        satisfactionRate: 0.95,
        total: 55,
        card: 'RED',
      },
    ]);
    const [card] = await anonymous.latestOf([AssessmentSubjectKind.COMMUNITY], [COMMUNITY], {
      withCard: true,
    });
    expect(card).toMatchObject({ subjectId: COMMUNITY, card: 'RED' });
    // Of the 4 volunteer hours a month asks for: the member's 2 + 1 → 100 × 0.75; the resident's 2 → 50.
    expect((await anonymous.honourBoard('520303', 10)).map((r) => [r.subjectId, r.total])).toEqual([
      [MEMBER, 75],
      [VOLUNTEER, 50],
    ]);
    // A grid worker's stars are not public.
    expect(await anonymous.ofAccounts([WORKER])).toEqual([[]]);
  });

  it('at a month end queues one run of the month before per ACTIVE monthly scheme, once', async () => {
    // The first day of last month: its month before is not the current month the demo runs used.
    const now = periodAt(AssessmentPeriodKind.MONTH, new Date(), -1).from;
    const expected = periodAt(AssessmentPeriodKind.MONTH, new Date(), -2).key;
    const monthEnd = () =>
      processAssessmentJob(
        { kind: 'period-end', periodKind: AssessmentPeriodKind.MONTH },
        new AssessmentRunService(db.dataSource, facts),
        db.dataSource,
        jobs.enqueueRun,
        now,
      );
    await monthEnd();
    await monthEnd(); // a retried period end adds nothing
    const runs = async () =>
      (await db.dataSource.query(
        `SELECT s.name, r.version FROM assessment_run r JOIN assessment_scheme s ON s.id = r.scheme_id
          WHERE r.period = $1 ORDER BY s.name`,
        [expected],
      )) as { name: string; version: number }[];
    const pendingRuns = async () =>
      (await jobs.queue.getJobs(['waiting', 'active', 'delayed'])).filter((job) => job.name === 'run').length;
    for (let i = 0; i < 100 && ((await runs()).length < 2 || (await pendingRuns()) > 0); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await runs()).toEqual([
      { name: '红色文明榜积分', version: 1 },
      { name: '网格员月度评星定级', version: 1 },
    ]);
  });

  it('gives up at once on a run that will stay refused, instead of retrying it', async () => {
    const runs = new AssessmentRunService(db.dataSource, facts);
    const [{ id }] = (await db.dataSource.query(
      `SELECT id FROM assessment_scheme WHERE status = 'ACTIVE' AND period_kind = 'MONTH' LIMIT 1`,
    )) as { id: string }[];
    const run = (schemeId: string, period: string) =>
      processAssessmentJob({ kind: 'run', schemeId, period }, runs, db.dataSource, jobs.enqueueRun);
    const next = periodAt(AssessmentPeriodKind.MONTH, new Date(), 1).key;
    await expect(run(id, next)).rejects.toThrow(UnrecoverableError);
    await expect(run(randomUUID(), next)).rejects.toThrow(UnrecoverableError);
  });

  it('sends a refused run to the dead-letter queue after its first attempt, and counts it', async () => {
    const connection = createRedisConnection(redisUrl, 'producer');
    const deadLetters = new DeadLetterQueue(connection, prefix);
    try {
      const gone = randomUUID();
      await jobs.enqueueRun(gone, periodAt(AssessmentPeriodKind.MONTH, new Date()).key);
      const entry = await eventually(
        async () => (await deadLetters.list()).find((d) => d.jobId.includes(gone)) ?? null,
      );
      expect(entry).toMatchObject({
        name: 'run',
        attemptsMade: 1,
        failedReason: `assessment scheme ${gone} no longer exists`,
      });
      // Counted on the service's own registry, which its /metrics serves.
      await eventually(async () => {
        const text = await metrics.registry.metrics();
        return /worker_jobs_dead_lettered_total\{queue="assessment-runs",job="run",service="assessment-service"\} 1/.test(
          text,
        )
          ? text
          : null;
      });
    } finally {
      await deadLetters.close();
      connection.disconnect();
    }
  });
});
