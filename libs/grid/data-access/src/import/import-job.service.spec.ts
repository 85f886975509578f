import { Workbook } from 'exceljs';
import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { gridDatabase } from '../index';
import { seedUnitGridWithBuilding } from '../grid/unit-grid-spec.fixture';
import { nationalIdCheckChar } from '../personal-data/national-id';
import { PersonalDataCipher, randomPersonalDataKeys } from '../personal-data/personal-data-cipher';
import { ImportFormat, ImportJobStatus, type ImportJobEntity } from './import-job.entity';
import { ImportJobRunner } from './import-job.runner';
import { ImportJobService } from './import-job.service';
import { RESIDENT_IMPORT_COLUMNS } from './resident-import.service';

const id = (first17: string) => first17 + nationalIdCheckChar(first17);

async function workbook(rows: (string | number)[][]): Promise<string> {
  const book = new Workbook();
  const sheet = book.addWorksheet('户籍');
  sheet.addRow([...RESIDENT_IMPORT_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
const person = (unit: number, house: string, relation: string, name: string, idNumber: string | number) => [
  '520303001001001',
  'B1',
  unit,
  1,
  house,
  'OWNER_OCCUPIED',
  'REGISTERED',
  relation,
  name,
  idNumber,
  '13800000001',
  'REGISTERED',
  '',
  '',
  '',
];

// XLSX import as a stored job run by id: the same checks as CSV, progress counters, only the starter
// reads it, and the file is deleted when the job ends. (The queue around it: libs/grid/jobs.)
describe('ImportJobService and ImportJobRunner', () => {
  let db: TestDatabase;
  const cipher = new PersonalDataCipher(randomPersonalDataKeys());
  const staff = callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
  const dispatched: string[] = [];
  const jobs = (caller = staff) =>
    new ImportJobService(db.dataSource, caller, async (id) => {
      dispatched.push(id);
    });
  const storedFiles = async () =>
    Number((await db.dataSource.query('SELECT count(*) AS n FROM import_file'))[0].n);
  /** What the queue's worker does with the dispatched id. */
  const finished = async (job: ImportJobEntity): Promise<ImportJobEntity> => {
    expect(dispatched.at(-1)).toBe(job.id);
    await new ImportJobRunner(db.dataSource, cipher).run(job.id, true);
    return jobs().get(job.id);
  };

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    await seedUnitGridWithBuilding(db.dataSource);
  });
  afterAll(() => db?.close());

  it('reports row errors of a workbook, then imports a good one with its progress counters', async () => {
    const bad = await workbook([
      person(1, '101', 'HEAD', '赵一', id('52030319700101201')),
      // An ID number typed as a number loses its last digits in Excel.
      person(1, '102', 'HEAD', '钱二', Number('520303197001012020')),
    ]);
    const failed = await finished(await jobs().start(ImportFormat.XLSX, bad, false));
    expect(failed.status).toBe(ImportJobStatus.DONE);
    expect(failed.report?.errors.map((e) => [e.row, e.column])).toEqual([[3, 'idNumber']]);
    expect(Number((await db.dataSource.query('SELECT count(*) AS n FROM resident'))[0].n)).toBe(0);

    const good = await workbook([
      person(1, '101', 'HEAD', '赵一', id('52030319700101201')),
      person(1, '101', 'SPOUSE', '孙三', id('52030319720101202')),
      person(2, '101', 'HEAD', '李四', id('52030319800101203')),
    ]);
    const started = await jobs().start(ImportFormat.XLSX, good, false);
    expect(started.status).toBe(ImportJobStatus.QUEUED);
    expect(await storedFiles()).toBe(1);
    const done = await finished(started);
    expect(await storedFiles()).toBe(0);
    expect(done).toMatchObject({ status: ImportJobStatus.DONE, totalRows: 3, processedRows: 3 });
    expect(done.report).toMatchObject({
      errors: [],
      residentsCreated: 3,
      householdsCreated: 2,
      housesCreated: 2,
    });

    const other = callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
    await expect(jobs(other).get(done.id)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('fails a job whose file is not a workbook, naming why', async () => {
    const job = await finished(
      await jobs().start(ImportFormat.XLSX, Buffer.from('not a zip').toString('base64'), true),
    );
    expect(job).toMatchObject({
      status: ImportJobStatus.FAILED,
      failure: 'xlsx: is not a readable .xlsx workbook',
    });
    await expect(jobs().start(ImportFormat.XLSX, '%%%', true)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'file' },
    });
    expect(await storedFiles()).toBe(0);
  });

  it('runs a job cut off while WRITING again from the start, once', async () => {
    const csv = [
      RESIDENT_IMPORT_COLUMNS.join(','),
      person(3, '301', 'HEAD', '郑五', id('52030319750101204')).join(','),
    ];
    const job = await jobs().upload(ImportFormat.CSV, Buffer.from(csv.join('\n')), false);
    // What a process that died half-way leaves behind.
    await db.dataSource.query(`UPDATE import_job SET status = 'WRITING', processed_rows = 7 WHERE id = $1`, [
      job.id,
    ]);
    const runner = new ImportJobRunner(db.dataSource, cipher);
    expect(await runner.unfinished()).toEqual([job.id]);
    expect(await runner.run(job.id, false)).toBe(ImportJobStatus.DONE);
    expect(await jobs().get(job.id)).toMatchObject({ status: 'DONE', processedRows: 1, totalRows: 1 });
    expect(await runner.run(job.id, false)).toBe(ImportJobStatus.DONE); // a duplicate delivery does nothing
    expect(await runner.unfinished()).toEqual([]);
    expect(await storedFiles()).toBe(0);
  });

  it('keeps no job whose dispatch failed, and refuses callers without HOUSEHOLD_MANAGE', async () => {
    const before = Number((await db.dataSource.query('SELECT count(*) AS n FROM import_job'))[0].n);
    const unqueued = new ImportJobService(db.dataSource, staff, () =>
      Promise.reject(new Error('redis down')),
    );
    await expect(unqueued.upload(ImportFormat.CSV, Buffer.from('x'), true)).rejects.toThrow('redis down');
    expect(Number((await db.dataSource.query('SELECT count(*) AS n FROM import_job'))[0].n)).toBe(before);
    expect(await storedFiles()).toBe(0);
    const helper = callerWith({ role: Role.GRID_HELPER, scopeCode: '520303001001001' });
    await expect(jobs(helper).upload(ImportFormat.CSV, Buffer.from('x'), true)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
