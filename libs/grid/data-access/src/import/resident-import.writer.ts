import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '@gridgov/platform-database';
import { conflict } from '@gridgov/platform-errors';
import { HouseholdKind, HouseUse, Population, RelationToHead } from '../household/household-enums';
import { birthDateOfNationalId, genderOfNationalId } from '../personal-data/national-id';
import { maskIdNumber, type PersonalDataCipher } from '../personal-data/personal-data-cipher';

/** One checked row of the register, with the keyed hash of its ID number computed once. */
export interface ImportRow {
  line: number;
  gridCode: string;
  buildingId: string;
  unit: number;
  floor: number;
  houseNumber: string;
  houseUse: HouseUse;
  householdKind: HouseholdKind;
  relation: RelationToHead;
  name: string;
  idNumber: string;
  idHash: Buffer;
  /** idHash in hex, for map keys. */
  idKey: string;
  /** houseKey of the row, computed once. */
  house: string;
  phone: string | null;
  population: Population;
  employment: string | null;
  education: string | null;
  tags: string[];
}

export interface WriteCounts {
  housesCreated: number;
  residentsCreated: number;
  residentsUpdated: number;
  householdsCreated: number;
}

interface ExistingResident {
  id: string;
  grid_code: string;
  household_id: string | null;
  name: string;
  phone: string | null;
  population: string;
  employment: string | null;
  education: string | null;
  tag_codes: string[];
}

const CHUNK = 10_000;
export const houseKey = (r: Pick<ImportRow, 'buildingId' | 'unit' | 'houseNumber'>) =>
  `${r.buildingId}|${r.unit}|${r.houseNumber}`;
const hex = (b: Buffer) => b.toString('hex');
const fieldsOf = (
  r: Pick<ImportRow, 'name' | 'phone' | 'population' | 'employment' | 'education' | 'tags'>,
) => [r.name, r.phone, r.population, r.employment, r.education, r.tags.join(';')].join('\u0000');
const takeKeys = <T>(map: Map<string, T>, keys: Set<string>): T[] => {
  const taken: T[] = [];
  for (const key of keys) {
    const value = map.get(key);
    if (value === undefined) continue;
    taken.push(value);
    map.delete(key);
  }
  return taken;
};
/** An 18-character ID number sealed by AES-256-GCM: iv 12 + tag 16 + 18 bytes. */
const SEALED_ID = 46;
function sealedId(cipher: PersonalDataCipher, idNumber: string, iv: Buffer): Buffer {
  const sealed = cipher.encrypt(idNumber, iv);
  if (sealed.length !== SEALED_ID) throw new Error('a sealed ID number must be 46 bytes');
  return sealed;
}
const columns = <T>(rows: T[], ...pick: ((row: T, index: number) => unknown)[]) =>
  pick.map((p) => rows.map(p));

/**
 * Registered residents by the hex of their ID-number hash: the hashes go as one binary parameter per
 * 50,000, cut into 32-byte pieces by the server (no hex text either way). `columns` of `resident r`.
 */
async function residentsByHash<T>(
  manager: EntityManager,
  rows: ImportRow[],
  columns: string,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let start = 0; start < rows.length; start += 50_000) {
    const slice = rows.slice(start, start + 50_000);
    const page: (T & { hash: Buffer })[] = await manager.query(
      `SELECT r.id_number_hash AS hash, ${columns} FROM generate_series(0, $2::int - 1) AS i
       JOIN resident r ON r.id_number_hash = substring($1::bytea FROM i * 32 + 1 FOR 32)`,
      [Buffer.concat(slice.map((r) => r.idHash)), slice.length],
    );
    for (const r of page) found.set(hex(r.hash), r);
  }
  return found;
}

export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

/**
 * Rows of people registered in another grid: a move is recorded explicitly (moveResident), never by a
 * file, which also keeps an import from rewriting people outside the importer's scope.
 */
function registeredElsewhere(rows: ImportRow[], gridOf: Map<string, { grid_code: string }>): RowProblem[] {
  return rows.flatMap((row) => {
    const grid = gridOf.get(row.idKey)?.grid_code;
    return grid && grid !== row.gridCode
      ? [
          {
            row: row.line,
            column: 'idNumber',
            reason: `this person is registered in grid ${grid}; record the move (moveResident) first`,
          },
        ]
      : [];
  });
}

/** For dry runs and reports with errors already: the rows of people registered in another grid. */
export async function checkRegisteredGrids(manager: EntityManager, rows: ImportRow[]): Promise<RowProblem[]> {
  return registeredElsewhere(
    rows,
    await residentsByHash<{ grid_code: string }>(manager, rows, 'r.grid_code'),
  );
}

/** Thrown by writeImportRows before writing anything: the file's problems, for the report. */
export class ImportRowsRefused extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(`${problems.length} rows refused`);
  }
}

/**
 * Writes checked rows in one transaction. Existing houses, residents and headed households are read
 * first in a few set queries; the plan (new ids, changed fields, who joins which household) is made
 * in memory, and only the differences are written with multi-row unnest statements of 10,000 rows.
 * Only new ID numbers are encrypted. Imports are serialised by an advisory lock so the plan stays true.
 */
export async function writeImportRows(
  manager: EntityManager,
  cipher: PersonalDataCipher,
  rows: ImportRow[],
  heads: Map<string, ImportRow>,
  onProgress: (written: number) => Promise<void>,
): Promise<WriteCounts> {
  const counts: WriteCounts = {
    housesCreated: 0,
    residentsCreated: 0,
    residentsUpdated: 0,
    householdsCreated: 0,
  };
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('grid.resident-import'))`);
  // The household's head may be inserted after the household within this transaction.
  await manager.query('SET CONSTRAINTS household_head_resident_id_fkey DEFERRED');

  const existing = await residentsByHash<ExistingResident>(
    manager,
    rows,
    'r.id, r.grid_code, r.household_id, r.name, r.phone, r.population, r.employment, r.education, r.tag_codes',
  );
  // Checked here, on the rows read under the lock anyway, rather than in a query of its own before.
  const elsewhere = registeredElsewhere(rows, existing);
  if (elsewhere.length) throw new ImportRowsRefused(elsewhere);
  const houseIds = new Map<string, string>(
    (
      await manager.query(
        `SELECT id, building_id, unit, number FROM house WHERE building_id = ANY($1::uuid[])`,
        [[...new Set(rows.map((r) => r.buildingId))]],
      )
    ).map((h: { id: string; building_id: string; unit: number; number: string }) => [
      houseKey({ buildingId: h.building_id, unit: h.unit, houseNumber: h.number }),
      h.id,
    ]),
  );
  const headIds = [...heads.values()]
    .map((h) => existing.get(h.idKey)?.id)
    .filter((id): id is string => !!id);
  const headedBy = new Map<string, string>(
    (
      await manager.query(
        `SELECT id, head_resident_id FROM household WHERE head_resident_id = ANY($1::uuid[])`,
        [headIds],
      )
    ).map((h: { id: string; head_resident_id: string }) => [h.head_resident_id, h.id]),
  );

  // Ids of new heads are needed before their rows' chunk (their household may come first); others are drawn when written.
  const residentIds = new Map<string, string>();
  const newHouses = new Map<string, { id: string; row: ImportRow }>();
  for (const row of rows) {
    const key = row.house;
    if (houseIds.has(key)) continue;
    const id = randomUUID();
    houseIds.set(key, id);
    newHouses.set(key, { id, row });
  }
  // The household of each house in the file: the one its head already heads, a new one if the head is
  // in no household yet, or none if the head is registered elsewhere (moves are explicit).
  const householdOf = new Map<string, string | null>();
  const newHouseholds = new Map<string, { id: string; houseId: string; row: ImportRow; headId: string }>();
  for (const [key, head] of heads) {
    const old = existing.get(head.idKey);
    const headId = old?.id ?? randomUUID();
    residentIds.set(head.idKey, headId);
    const headed = headedBy.get(headId);
    if (headed) householdOf.set(key, headed);
    else if (old?.household_id) householdOf.set(key, null);
    else {
      const id = randomUUID();
      householdOf.set(key, id);
      newHouseholds.set(key, { id, houseId: houseIds.get(key) as string, row: head, headId });
    }
  }

  // Statements of chunk n run while chunk n + 1 is prepared (encryption is the costly part), so the
  // database and Node work side by side.
  let running: Promise<void> = Promise.resolve();
  let written = 0;
  try {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const statements = prepareChunk(
        chunk,
        cipher,
        { newHouses, newHouseholds, existing, residentIds, householdOf },
        counts,
      );
      await running;
      running = (async () => {
        for (const [sql, params] of statements) await manager.query(sql, params);
        written += chunk.length;
        await onProgress(written);
      })();
      running.catch(() => undefined); // awaited above or below; this only marks it handled meanwhile
      // Let the statement reach the socket before the next chunk keeps Node busy.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await running;
  } catch (error) {
    await running.catch(() => undefined);
    if (isUniqueViolation(error))
      throw conflict('Someone registered some of these houses or residents meanwhile; run the import again');
    throw error;
  }
  return counts;
}

interface Plan {
  newHouses: Map<string, { id: string; row: ImportRow }>;
  newHouseholds: Map<string, { id: string; houseId: string; row: ImportRow; headId: string }>;
  existing: Map<string, ExistingResident>;
  /** Ids of new heads, drawn ahead. */
  residentIds: Map<string, string>;
  householdOf: Map<string, string | null>;
}

function prepareChunk(
  chunk: ImportRow[],
  cipher: PersonalDataCipher,
  plan: Plan,
  counts: WriteCounts,
): [string, unknown[]][] {
  const statements: [string, unknown[]][] = [];
  const keys = new Set(chunk.map((r) => r.house));
  // A house and its household are written with the first chunk that mentions the house.
  const houses = takeKeys(plan.newHouses, keys);
  const households = takeKeys(plan.newHouseholds, keys);
  counts.housesCreated += houses.length;
  counts.householdsCreated += households.length;

  const inserts: ImportRow[] = [];
  const updates: { row: ImportRow; old: ExistingResident; householdId: string | null }[] = [];
  for (const row of chunk) {
    const old = plan.existing.get(row.idKey);
    if (!old) {
      inserts.push(row);
      continue;
    }
    const householdId = plan.householdOf.get(row.house) ?? null;
    const joins = !old.household_id && householdId ? householdId : null;
    const oldFields = { ...old, population: old.population as Population, tags: old.tag_codes };
    if (joins || fieldsOf(oldFields) !== fieldsOf(row)) updates.push({ row, old, householdId: joins });
  }
  // One statement per chunk (houses, households and residents through data-modifying CTEs): it is sent
  // before the next chunk is prepared, so the database works while Node encrypts.
  const ivs = randomBytes(12 * inserts.length);
  if (houses.length || households.length || inserts.length)
    statements.push([
      `WITH new_house AS (
         INSERT INTO house (id, building_id, grid_code, unit, floor, number, use)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::smallint[], $5::smallint[], $6::varchar[], $7::varchar[])
       ), new_household AS (
         INSERT INTO household (id, house_id, grid_code, kind, head_resident_id)
         SELECT * FROM unnest($8::uuid[], $9::uuid[], $10::varchar[], $11::varchar[], $12::uuid[])
       )
       INSERT INTO resident (id, grid_code, household_id, relation_to_head, name, gender, birth_date, id_number_cipher,
         id_number_hash, id_number_masked, phone, population, employment, education, tag_codes)
       SELECT i, g, hh, rel, n, s, b::date, substring($20::bytea FROM (k::int - 1) * ${SEALED_ID} + 1 FOR ${SEALED_ID}),
         substring($21::bytea FROM (k::int - 1) * 32 + 1 FOR 32), m, p, pop, e, edu, string_to_array(t, ';')::varchar[]
       FROM unnest($13::uuid[], $14::varchar[], $15::uuid[], $16::varchar[], $17::varchar[], $18::varchar[], $19::text[],
         $22::varchar[], $23::varchar[], $24::varchar[], $25::varchar[], $26::varchar[], $27::text[])
         WITH ORDINALITY AS x(i, g, hh, rel, n, s, b, m, p, pop, e, edu, t, k)`,
      [
        ...columns(
          houses,
          (h) => h.id,
          (h) => h.row.buildingId,
          (h) => h.row.gridCode,
          (h) => h.row.unit,
          (h) => h.row.floor,
          (h) => h.row.houseNumber,
          (h) => h.row.houseUse,
        ),
        ...columns(
          households,
          (h) => h.id,
          (h) => h.houseId,
          (h) => h.row.gridCode,
          (h) => h.row.householdKind,
          (h) => h.headId,
        ),
        ...columns(
          inserts,
          (r) => plan.residentIds.get(r.idKey) ?? randomUUID(),
          (r) => r.gridCode,
          (r) => plan.householdOf.get(r.house) ?? null,
          (r) => (plan.householdOf.get(r.house) ? r.relation : null),
          (r) => r.name,
          (r) => genderOfNationalId(r.idNumber),
          (r) => birthDateOfNationalId(r.idNumber),
        ),
        // Ciphers and hashes as one binary parameter each, cut by position on the server.
        Buffer.concat(inserts.map((r, i) => sealedId(cipher, r.idNumber, ivs.subarray(i * 12, i * 12 + 12)))),
        Buffer.concat(inserts.map((r) => r.idHash)),
        ...columns(
          inserts,
          (r) => maskIdNumber(r.idNumber),
          (r) => r.phone,
          (r) => r.population,
          (r) => r.employment,
          (r) => r.education,
          (r) => r.tags.join(';'),
        ),
      ],
    ]);
  counts.residentsCreated += inserts.length;

  // People already in a household keep it; people without one join their house's household.
  if (updates.length)
    statements.push([
      `UPDATE resident r SET name = x.n, phone = x.p, population = x.pop, employment = x.e, education = x.edu,
         tag_codes = string_to_array(x.t, ';')::varchar[],
         household_id = coalesce(r.household_id, x.hh),
         relation_to_head = CASE WHEN r.household_id IS NULL AND x.hh IS NOT NULL THEN x.rel ELSE r.relation_to_head END,
         updated_at = now()
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::text[],
         $8::uuid[], $9::varchar[]) AS x(i, n, p, pop, e, edu, t, hh, rel)
       WHERE r.id = x.i`,
      columns(
        updates,
        (u) => u.old.id,
        (u) => u.row.name,
        (u) => u.row.phone,
        (u) => u.row.population,
        (u) => u.row.employment,
        (u) => u.row.education,
        (u) => u.row.tags.join(';'),
        (u) => u.householdId,
        (u) => u.row.relation,
      ),
    ]);
  counts.residentsUpdated += updates.length;
  return statements;
}
