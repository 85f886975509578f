import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { gridDatabase } from '../index';
import { seedUnitGridWithBuilding } from '../grid/unit-grid-spec.fixture';
import { nationalIdCheckChar } from '../personal-data/national-id';
import { PersonalDataCipher, randomPersonalDataKeys } from '../personal-data/personal-data-cipher';
import { type RegisterRow, registerCsv } from './register-csv';
import { ResidentImportService } from './resident-import.service';

const first17Of = (n: number) => {
  const birth = new Date(Date.UTC(1950, 0, 1) + (n % 20_000) * 86_400_000).toISOString().slice(0, 10);
  return `520303${birth.replace(/-/g, '')}${String(Math.floor(n / 20_000)).padStart(3, '0')}`;
};
/** The n-th person of building B1: a valid ID number, house `H<n / 3>` (head, spouse, child). */
function person(n: number, cells: RegisterRow = {}): RegisterRow {
  const first17 = first17Of(n);
  return {
    gridCode: '520303001001001',
    buildingCode: 'B1',
    unit: '1',
    floor: '1',
    houseNumber: `H${Math.floor(n / 3)}`,
    relation: ['HEAD', 'SPOUSE', 'CHILD'][n % 3],
    name: `居民${n}`,
    idNumber: first17 + nationalIdCheckChar(first17),
    population: 'REGISTERED',
    ...cells,
  };
}
const PEOPLE = 12_000;

// A file of more than one write chunk: checking and writing overlap, and still all or nothing.
describe('ResidentImportService on a file larger than one chunk', () => {
  let db: TestDatabase;
  const cipher = new PersonalDataCipher(randomPersonalDataKeys());
  const staff = callerWith({ role: Role.COMMUNITY_STAFF, scopeCode: '520303001001' });
  const importer = () => new ResidentImportService(db.dataSource, staff, cipher);
  const count = async (table: string) =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    await seedUnitGridWithBuilding(db.dataSource);
  });
  afterAll(() => db?.close());

  it('writes nothing when only the last chunk has a bad row', async () => {
    const rows = Array.from({ length: PEOPLE }, (_, n) => person(n));
    const wrongCheck = nationalIdCheckChar(first17Of(PEOPLE)) === '0' ? '1' : '0';
    rows.push(person(PEOPLE, { idNumber: first17Of(PEOPLE) + wrongCheck }));
    const report = await importer().importCsv(registerCsv(rows), false);
    expect(report.errors).toEqual([
      { row: PEOPLE + 2, column: 'idNumber', reason: 'has a wrong check digit (GB 11643)' },
    ]);
    expect(report).toMatchObject({ residentsCreated: 0, housesCreated: 0, householdsCreated: 0 });
    expect([await count('house'), await count('household'), await count('resident')]).toEqual([0, 0, 0]);
  });

  it('puts the members of a house spread over the whole file into one household', async () => {
    // House H0's child comes first and its head last, more than a chunk apart.
    const rows = Array.from({ length: PEOPLE }, (_, n) => person(n));
    const [head, spouse, child] = rows.splice(0, 3);
    const file = registerCsv([child, ...rows, spouse, head]);
    const progress: [string, number][] = [];
    const report = await importer().importCsv(file, false, async (phase, processed) => {
      progress.push([phase, processed]);
    });
    expect(report).toMatchObject({
      errors: [],
      housesCreated: PEOPLE / 3,
      householdsCreated: PEOPLE / 3,
      residentsCreated: PEOPLE,
    });
    expect(progress[0]).toEqual(['CHECKING', 0]);
    expect(progress.at(-1)).toEqual(['WRITING', PEOPLE]);
    expect(progress.filter(([phase]) => phase === 'WRITING').length).toBeGreaterThan(1);
    const members = await db.dataSource.query(
      `SELECT r.name, r.relation_to_head AS relation, head.name AS head
       FROM resident r JOIN household hh ON hh.id = r.household_id JOIN resident head ON head.id = hh.head_resident_id
       JOIN house h ON h.id = hh.house_id WHERE h.number = 'H0' ORDER BY r.name`,
    );
    expect(members).toEqual([
      { name: '居民0', relation: 'HEAD', head: '居民0' },
      { name: '居民1', relation: 'SPOUSE', head: '居民0' },
      { name: '居民2', relation: 'CHILD', head: '居民0' },
    ]);
    const again = await importer().importCsv(file, false);
    expect(again).toMatchObject({ residentsCreated: 0, residentsUpdated: 0, householdsCreated: 0 });
    expect(await count('resident')).toBe(PEOPLE);
  });
});
