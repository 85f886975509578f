import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import {
  BuildingKind,
  BuildingService,
  gridDatabase,
  ImportFormat,
  ImportJobService,
  ImportJobStatus,
  nationalIdCheckChar,
  randomPersonalDataKeys,
  registerCsv,
} from '@gridgov/grid-data-access';
import { Role } from '@gridgov/platform-auth';
import { createLogger } from '@gridgov/platform-observability';
import { createRedisConnection, eventually, QueueName } from '@gridgov/platform-queue';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { INTERRUPTED_FAILURE, residentImportQueue, startResidentImportWorker } from '../index';
import { createRegister } from '../testing/register-fixture';

const GRID = '520303001001001';
const csvOf = (people: [house: string, relation: string, name: string, first17: string][]) =>
  Buffer.from(
    registerCsv(
      people.map(([houseNumber, relation, name, first17]) => ({
        gridCode: GRID,
        buildingCode: 'B1',
        unit: 1,
        floor: 1,
        houseNumber,
        relation,
        name,
        idNumber: first17 + nationalIdCheckChar(first17),
        population: 'REGISTERED',
      })),
    ),
  );

// Imports run from the queue, durably: a job whose worker died while it ran (its lock lapses) is run
// again by another worker and finishes; the stored file is gone once a job ends; jobs the queue lost
// or gave up on are reconciled.
describe('resident imports on the grid-imports queue', () => {
  const url = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  const producer = createRedisConnection(url, 'producer');
  const consumer = createRedisConnection(url, 'worker');
  const imports = residentImportQueue(producer, prefix);
  const staff = callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
  const others: ReturnType<typeof createRedisConnection>[] = [];
  /** A connection for a hand-driven BullMQ worker. */
  const bare = () => {
    others.push(createRedisConnection(url, 'worker'));
    return others.at(-1)!;
  };
  let db: TestDatabase;
  let worker: Awaited<ReturnType<typeof startResidentImportWorker>> | undefined;

  const jobs = () => new ImportJobService(db.dataSource, staff, imports.dispatch);
  const count = async (table: string) =>
    Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const ended = (id: string) =>
    eventually(async () => {
      const job = await jobs().get(id);
      return job.status === ImportJobStatus.DONE || job.status === ImportJobStatus.FAILED ? job : null;
    }, 30_000);
  const startWorker = () =>
    startResidentImportWorker({
      dataSource: db.dataSource,
      keys: randomPersonalDataKeys(),
      imports,
      connection: consumer,
      prefix,
      concurrency: 1,
      lockDurationMs: 1_000, // checks for stalled jobs every 500 ms
      reconcileEveryMs: 3_600_000, // the spec reconciles by hand
      log: createLogger('grid-imports-spec', 'silent'),
    });

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    await createRegister(db.dataSource, { [GRID]: [] });
    await new BuildingService(db.dataSource, callerWith({ role: Role.UNIT_ADMIN, scopeCode: '' })).create({
      gridCode: GRID,
      code: 'B1',
      name: '1号楼',
      address: '一路1号',
      kind: BuildingKind.RESIDENTIAL,
      floors: 6,
      units: 2,
    });
  });

  afterAll(async () => {
    await worker?.close(1_000);
    await imports.queue.obliterate({ force: true });
    await imports.queue.close();
    producer.disconnect();
    consumer.disconnect();
    for (const connection of others) connection.disconnect();
    await db?.close();
  });

  it('runs again a job whose worker died while it was WRITING, and deletes its file when done', async () => {
    const job = await jobs().upload(
      ImportFormat.CSV,
      csvOf([
        ['101', 'HEAD', '赵一', '52030319700101201'],
        ['101', 'SPOUSE', '孙三', '52030319720101202'],
      ]),
      false,
    );
    expect(await count('import_file')).toBe(1);
    // A worker takes the job and dies: the job stays active in Redis with a lock nobody renews.
    const dead = new Worker(QueueName.GRID_IMPORTS, undefined, {
      connection: bare(),
      prefix,
      autorun: false,
      lockDuration: 500,
    });
    const taken = await dead.getNextJob('dead-worker-token');
    expect(taken?.id).toBe(job.id);
    await db.dataSource.query(
      `UPDATE import_job SET status = 'WRITING', processed_rows = 1, total_rows = 2 WHERE id = $1`,
      [job.id],
    );
    await dead.close(true);
    expect(await imports.queue.getJobState(job.id)).toBe('active');

    worker = await startWorker();
    const done = await ended(job.id);
    expect(done).toMatchObject({ status: 'DONE', totalRows: 2, processedRows: 2, failure: null });
    expect(done.report).toMatchObject({ errors: [], residentsCreated: 2, householdsCreated: 1 });
    expect(await count('resident')).toBe(2);
    expect(await count('import_file')).toBe(0);
    const bull = await imports.queue.getJob(job.id);
    expect(bull?.stalledCounter).toBe(1); // it was picked up by stalled-job handling, not run twice by chance
  });

  it('ends a file it cannot read FAILED with the reason, and deletes the file', async () => {
    const job = await jobs().upload(ImportFormat.XLSX, Buffer.from('not a workbook'), true);
    expect(await ended(job.id)).toMatchObject({
      status: 'FAILED',
      failure: 'xlsx: is not a readable .xlsx workbook',
    });
    expect(await count('import_file')).toBe(0);
  });

  it('queues a stored job the queue never got, and fails one the queue gave up on', async () => {
    const lost = await new ImportJobService(db.dataSource, staff, async () => undefined).upload(
      ImportFormat.CSV,
      csvOf([['102', 'HEAD', '钱二', '52030319700101210']]),
      false,
    );
    const givenUp = await new ImportJobService(db.dataSource, staff, async () => undefined).upload(
      ImportFormat.CSV,
      csvOf([['103', 'HEAD', '李四', '52030319700101228']]),
      false,
    );
    await worker?.close(1_000); // so that the worker does not take the next job first
    worker = undefined;
    // BullMQ fails a job that stalled more often than allowed without calling the handler.
    await imports.queue.add('resident-import', { importJobId: givenUp.id }, { jobId: givenUp.id });
    const failing = new Worker(QueueName.GRID_IMPORTS, undefined, {
      connection: bare(),
      prefix,
      autorun: false,
    });
    const token = randomUUID();
    const taken = await failing.getNextJob(token);
    expect(taken?.id).toBe(givenUp.id);
    await taken!.moveToFailed(new Error('job stalled more than allowable limit'), token);
    await failing.close(true);

    worker = await startWorker(); // reconciles at start
    expect(await ended(lost.id)).toMatchObject({ status: 'DONE', report: { residentsCreated: 1 } });
    expect(await ended(givenUp.id)).toMatchObject({ status: 'FAILED', failure: INTERRUPTED_FAILURE });
    expect(await count('import_file')).toBe(0);
  });
});
