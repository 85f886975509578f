/**
 * Bulk import of the household register: generates a CSV of N residents (default 100,000; households
 * of three in 120-building blocks), imports it through ResidentImportService (parse, then checks
 * overlapping multi-row set-based writes in one transaction) and prints rows/s with the time of each phase and the machine's
 * load; then re-imports it (idempotent), tops the table up to LOOKUP_ROWS residents with
 * generate_series and shows the plan and time of an ID-number lookup by keyed hash. Aim: ≥ 20,000 rows/s.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/dev/run-ts.js tools/bench/import-residents.ts [residents] [lookupRows]
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import {
  BuildingKind,
  BuildingService,
  GridKind,
  GridLevel,
  GridService,
  gridDatabase,
  nationalIdCheckChar,
  PersonalDataCipher,
  ResidentImportService,
  randomPersonalDataKeys,
  registerCsv,
} from '@gridgov/grid-data-access';
import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase } from '@gridgov/platform-testing';

const RESIDENTS = Number(process.argv[2] ?? 100_000);
const LOOKUP_ROWS = Number(process.argv[3] ?? 1_000_000);
const GRID = '520303001001001';
const [FLOORS, UNITS, DOORS] = [20, 4, 4];
const RELATIONS = ['HEAD', 'SPOUSE', 'CHILD'];

function generateCsv(buildingCount: number): string {
  return registerCsv(
    Array.from({ length: RESIDENTS }, (_, i) => {
      const house = Math.floor(i / 3);
      const building = Math.floor(house / (FLOORS * UNITS * DOORS)) % buildingCount;
      const inBuilding = house % (FLOORS * UNITS * DOORS);
      const floor = 1 + Math.floor((inBuilding % (FLOORS * DOORS)) / DOORS);
      const birth = new Date(Date.UTC(1940, 0, 1) + (i % 20_000) * 86_400_000)
        .toISOString()
        .slice(0, 10)
        .replace(/-/g, '');
      const first17 = `520303${birth}${String(Math.floor(i / 20_000)).padStart(3, '0')}`;
      return {
        gridCode: GRID,
        buildingCode: `BENCH-${building}`,
        unit: 1 + Math.floor(inBuilding / (FLOORS * DOORS)),
        floor,
        houseNumber: `${floor}0${1 + (inBuilding % DOORS)}`,
        houseUse: 'OWNER_OCCUPIED',
        householdKind: 'REGISTERED',
        relation: RELATIONS[i % 3],
        name: `居民${i}`,
        idNumber: first17 + nationalIdCheckChar(first17),
        phone: `138${String(i).padStart(8, '0')}`,
        population: 'REGISTERED',
        employment: '在职',
        education: '本科',
        tags: i % 50 === 0 ? 'LOW_INCOME' : '',
      };
    }),
  );
}

async function main(): Promise<void> {
  const db = await openTestDatabase(gridDatabase);
  try {
    const admin = callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303' });
    await new GridService(db.dataSource, admin).create({
      code: GRID,
      name: '基准网格',
      level: GridLevel.UNIT,
      kind: GridKind.BLOCK,
      adminUnitCode: GRID.slice(0, 12),
      boundary: {
        type: 'Polygon',
        coordinates: [
          [
            [106.9, 27.7],
            [106.91, 27.7],
            [106.91, 27.71],
            [106.9, 27.71],
            [106.9, 27.7],
          ],
        ],
      },
    });
    const buildingCount = Math.ceil(RESIDENTS / 3 / (FLOORS * UNITS * DOORS));
    const buildings = new BuildingService(db.dataSource, admin);
    for (let b = 0; b < buildingCount; b++) {
      await buildings.create({
        gridCode: GRID,
        code: `BENCH-${b}`,
        name: `${b}号楼`,
        address: `基准路${b}号`,
        kind: BuildingKind.RESIDENTIAL,
        floors: FLOORS,
        units: UNITS,
      });
    }
    const csv = generateCsv(buildingCount);
    const importer = new ResidentImportService(
      db.dataSource,
      admin,
      new PersonalDataCipher(randomPersonalDataKeys()),
    );
    console.log(`generated ${RESIDENTS} residents, ${(csv.length / 1e6).toFixed(1)} MB of CSV`);

    let started = process.hrtime.bigint();
    const phases: Record<string, bigint> = {};
    const report = await importer.importCsv(csv, false, async (phase) => {
      phases[phase] ??= process.hrtime.bigint();
    });
    const ended = process.hrtime.bigint();
    let seconds = Number(ended - started) / 1e9;
    if (report.errors.length) throw new Error(`import errors: ${JSON.stringify(report.errors.slice(0, 5))}`);
    const span = (from: bigint, to: bigint) => `${(Number(to - from) / 1e9).toFixed(2)} s`;
    console.log(
      `import: ${report.residentsCreated} residents, ${report.householdsCreated} households, ${report.housesCreated} houses in ${seconds.toFixed(2)} s → ${Math.round(RESIDENTS / seconds)} rows/s`,
    );
    console.log(
      `  parse ${span(started, phases['CHECKING'])}, check and write (overlapping) ${span(phases['CHECKING'], ended)}, first chunk written after ${span(phases['CHECKING'], phases['WRITING'])}; load average ${loadavg()[0].toFixed(1)} on this machine`,
    );

    started = process.hrtime.bigint();
    const again = await importer.importCsv(csv, false);
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `re-import: ${again.residentsCreated} created, ${again.residentsUpdated} updated in ${seconds.toFixed(2)} s → ${Math.round(RESIDENTS / seconds)} rows/s`,
    );

    // Top up with synthetic rows (random hash and cipher bytes) so the lookup runs on a table of LOOKUP_ROWS.
    started = process.hrtime.bigint();
    await db.dataSource.query(
      `INSERT INTO resident (grid_code, name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, population)
       SELECT $1, '合成' || i, 'MALE', date '1980-01-01' + (i % 15000), sha224(int8send(i)), sha256(int8send(i)),
         '5203**********0000', 'REGISTERED'
       FROM generate_series(1, $2::int) i`,
      [GRID, Math.max(LOOKUP_ROWS - RESIDENTS, 0)],
    );
    await db.dataSource.query('ANALYZE resident');
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM resident');
    console.log(`topped up to ${n} residents in ${span(started, process.hrtime.bigint())}`);
    const [{ id_number_hash: hash }] = await db.dataSource.query(
      'SELECT id_number_hash FROM resident OFFSET $1 LIMIT 1',
      [Math.floor(RESIDENTS / 2)],
    );
    const plan: { 'QUERY PLAN': string }[] = await db.dataSource.query(
      'EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM resident WHERE id_number_hash = $1',
      [hash],
    );
    console.log(
      `lookup by ID-number hash on ${n} residents:\n  ${plan.map((p) => p['QUERY PLAN']).join('\n  ')}`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
