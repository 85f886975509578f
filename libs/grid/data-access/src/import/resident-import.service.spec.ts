import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { gridDatabase } from '../index';
import { seedUnitGridWithBuilding } from '../grid/unit-grid-spec.fixture';
import { nationalIdCheckChar } from '../personal-data/national-id';
import { PersonalDataCipher, randomPersonalDataKeys } from '../personal-data/personal-data-cipher';
import { type RegisterRow, registerCsv } from './register-csv';
import { ResidentImportService } from './resident-import.service';

const id = (first17: string) => first17 + nationalIdCheckChar(first17);
/** The file with more rows after its own. */
const withRows = (...rows: RegisterRow[]) => registerCsv([...ROWS, ...rows]);
const base = {
  gridCode: '520303001001001',
  buildingCode: 'B1',
  unit: '1',
  floor: '1',
  houseNumber: '101',
  population: 'REGISTERED',
};
const ROWS: RegisterRow[] = [
  {
    ...base,
    relation: 'HEAD',
    name: '张三',
    idNumber: id('52030319500101101'),
    phone: '13800000001',
    tags: 'ELDERLY_ALONE',
  },
  { ...base, relation: 'SPOUSE', name: '李四, "阿姨"', idNumber: id('52030319520101102') },
  {
    ...base,
    houseNumber: '201',
    floor: '2',
    houseUse: 'RENTED',
    householdKind: 'TENANT',
    relation: 'HEAD',
    name: '王五',
    idNumber: id('52030319900101103'),
    population: 'FLOATING',
  },
];
// CRLF line ends, as Excel writes them.
const FILE = registerCsv(ROWS).replace(/\n/g, '\r\n');

// CSV import of the household register: dry run, row errors with nothing written, idempotent re-import.
describe('ResidentImportService', () => {
  let db: TestDatabase;
  const cipher = new PersonalDataCipher(randomPersonalDataKeys());
  const staff = callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
  const importer = () => new ResidentImportService(db.dataSource, staff, cipher);
  const counts = async () =>
    Promise.all(
      ['house', 'household', 'resident'].map(async (t) =>
        Number((await db.dataSource.query(`SELECT count(*) AS n FROM ${t}`))[0].n),
      ),
    );

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    await seedUnitGridWithBuilding(db.dataSource);
  });
  afterAll(() => db?.close());

  it('checks every row and writes nothing on a dry run or on any error', async () => {
    const dry = await importer().importCsv(FILE, true);
    expect(dry).toMatchObject({ dryRun: true, rows: 3, errors: [], residentsCreated: 0 });
    const bad = withRows(
      {
        ...base,
        houseNumber: '301',
        relation: 'HEAD',
        name: '错号',
        idNumber: id('52030319800101104').slice(0, 17) + 'Y',
      },
      {
        ...base,
        buildingCode: 'NOPE',
        houseNumber: '401',
        relation: 'HEAD',
        name: '无楼',
        idNumber: id('52030319800101105'),
      },
      {
        ...base,
        gridCode: '520303001002001',
        houseNumber: '501',
        relation: 'HEAD',
        name: '越权',
        idNumber: id('52030319800101106'),
      },
      {
        ...base,
        houseNumber: '601',
        relation: 'CHILD',
        name: '无户主',
        idNumber: id('52030319800101107'),
      },
    );
    const report = await importer().importCsv(bad, false);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [5, 'idNumber'],
      [6, 'buildingCode'],
      [7, 'gridCode'],
      [7, 'buildingCode'],
      [8, 'relation'],
    ]);
    expect(await counts()).toEqual([0, 0, 0]);
  });

  it('imports houses, residents and households, and the same file twice changes nothing', async () => {
    const first = await importer().importCsv(FILE, false);
    expect(first).toMatchObject({
      errors: [],
      housesCreated: 2,
      residentsCreated: 3,
      residentsUpdated: 0,
      householdsCreated: 2,
    });
    const [spouse] = await db.dataSource.query(
      `SELECT r.name, r.relation_to_head, hh.kind FROM resident r JOIN household hh ON hh.id = r.household_id WHERE r.name LIKE '李四%'`,
    );
    expect(spouse).toEqual({ name: '李四, "阿姨"', relation_to_head: 'SPOUSE', kind: 'REGISTERED' });
    const sealed: { id_number_cipher: Buffer; id_number_hash: Buffer }[] = await db.dataSource.query(
      `SELECT id_number_cipher, id_number_hash FROM resident ORDER BY name`,
    );
    // Cut apart by position on the server: each row keeps its own cipher and hash.
    expect(sealed.map((r) => cipher.decrypt(r.id_number_cipher)).sort()).toEqual(
      [id('52030319500101101'), id('52030319520101102'), id('52030319900101103')].sort(),
    );
    expect(
      sealed.every((r) => r.id_number_hash.equals(cipher.hash(cipher.decrypt(r.id_number_cipher)))),
    ).toBe(true);
    const again = await importer().importCsv(FILE, false);
    expect(again).toMatchObject({
      housesCreated: 0,
      residentsCreated: 0,
      residentsUpdated: 0,
      householdsCreated: 0,
    });
    expect(await counts()).toEqual([2, 2, 3]);
    const changed = FILE.replace('13800000001', '13800000009');
    expect(await importer().importCsv(changed, false)).toMatchObject({
      residentsCreated: 0,
      residentsUpdated: 1,
    });
  });

  it('reports progress and lets a new member join the existing household on a later import', async () => {
    const calls: [string, number, number][] = [];
    const later = withRows({ ...base, relation: 'CHILD', name: '张小', idNumber: id('52030320100101108') });
    const report = await importer().importCsv(later, false, async (...call) => {
      calls.push(call);
    });
    expect(report).toMatchObject({ errors: [], residentsCreated: 1, householdsCreated: 0, housesCreated: 0 });
    expect(calls).toEqual([
      ['CHECKING', 0, 4],
      ['WRITING', 4, 4],
    ]);
    const [child] = await db.dataSource.query(
      `SELECT r.relation_to_head, head.name AS head FROM resident r
       JOIN household hh ON hh.id = r.household_id JOIN resident head ON head.id = hh.head_resident_id
       WHERE r.name = '张小'`,
    );
    expect(child).toEqual({ relation_to_head: 'CHILD', head: '张三' });
  });

  it('refuses rows of people registered in another grid, so a file neither moves nor rewrites them', async () => {
    await db.dataSource.query(`UPDATE resident SET grid_code = '520303001002001' WHERE name = '王五'`);
    const refused = [
      {
        row: 4,
        column: 'idNumber',
        reason: 'this person is registered in grid 520303001002001; record the move (moveResident) first',
      },
    ];
    expect((await importer().importCsv(FILE.replace('王五', '王五改'), true)).errors).toEqual(refused);
    expect((await importer().importCsv(FILE.replace('王五', '王五改'), false)).errors).toEqual(refused);
    expect(
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM resident WHERE name = '王五改'`))[0].n,
    ).toBe(0);
  });
});
