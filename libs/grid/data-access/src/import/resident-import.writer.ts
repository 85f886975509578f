import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
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

/** Checked rows of whole houses (every row of a house is in the same chunk) and the head of each house. */
export interface ImportChunk {
  rows: ImportRow[];
  heads: Map<string, ImportRow>;
}

export interface WriteCounts {
  housesCreated: number;
  residentsCreated: number;
  residentsUpdated: number;
  householdsCreated: number;
}

export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

interface ExistingResident {
  id: string;
  grid_code: string;
  household_id: string | null;
  /** The household this person heads, if any. */
  heads_household_id: string | null;
  name: string;
  phone: string | null;
  population: string;
  employment: string | null;
  education: string | null;
  tag_codes: string[];
}

/** What a chunk's plan needs from the database: its registered people and its existing houses. */
export interface ChunkLookup {
  existing: Map<string, ExistingResident>;
  houseIds: Map<string, string>;
}

type Statement = [sql: string, params: unknown[]];

export const houseKey = (r: Pick<ImportRow, 'buildingId' | 'unit' | 'houseNumber'>) =>
  `${r.buildingId}|${r.unit}|${r.houseNumber}`;
const hex = (b: Buffer) => b.toString('hex');
const fieldsOf = (
  r: Pick<ImportRow, 'name' | 'phone' | 'population' | 'employment' | 'education' | 'tags'>,
) => [r.name, r.phone, r.population, r.employment, r.education, r.tags.join(';')].join('\u0000');
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
 * Reads, plans and writes the register chunk by chunk on one connection (the import's transaction, or
 * no transaction on a dry run). A chunk's lookup depends on no earlier chunk's writes (its people and
 * houses are in no other chunk), so the importer sends it ahead and the database never waits for Node.
 */
export class ResidentImportWriter {
  readonly counts: WriteCounts = {
    housesCreated: 0,
    residentsCreated: 0,
    residentsUpdated: 0,
    householdsCreated: 0,
  };

  constructor(
    private readonly manager: EntityManager,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /**
   * Imports run one at a time (an advisory lock held to the end of the transaction), so the plans made
   * from lookups stay true; a household's head may be inserted after the household.
   */
  async begin(): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtext('grid.resident-import'))`);
    await this.manager.query('SET CONSTRAINTS household_head_resident_id_fkey DEFERRED');
  }

  /**
   * Registered people by ID-number hash (the hashes go as one binary parameter, cut into 32-byte
   * pieces by the server) and existing houses by natural key; both queries are sent at once.
   */
  async lookUp(chunk: ImportChunk): Promise<ChunkLookup> {
    const houses = [...new Map(chunk.rows.map((r) => [r.house, r])).values()];
    const [people, found] = await Promise.all([
      this.manager.query(
        `SELECT r.id_number_hash AS hash, r.id, r.grid_code, r.household_id, r.name, r.phone, r.population,
           r.employment, r.education, r.tag_codes,
           (SELECT hh.id FROM household hh WHERE hh.head_resident_id = r.id) AS heads_household_id
         FROM generate_series(0, $2::int - 1) AS i
         JOIN resident r ON r.id_number_hash = substring($1::bytea FROM i * 32 + 1 FOR 32)`,
        [Buffer.concat(chunk.rows.map((r) => r.idHash)), chunk.rows.length],
      ) as Promise<(ExistingResident & { hash: Buffer })[]>,
      this.manager.query(
        `SELECT h.id, h.building_id, h.unit, h.number FROM unnest($1::uuid[], $2::smallint[], $3::varchar[]) AS k(b, u, n)
         JOIN house h ON h.building_id = k.b AND h.unit = k.u AND h.number = k.n`,
        columns(
          houses,
          (r) => r.buildingId,
          (r) => r.unit,
          (r) => r.houseNumber,
        ),
      ) as Promise<{ id: string; building_id: string; unit: number; number: string }[]>,
    ]);
    return {
      existing: new Map(people.map((p) => [hex(p.hash), p])),
      houseIds: new Map(
        found.map((h) => [
          houseKey({ buildingId: h.building_id, unit: h.unit, houseNumber: h.number }),
          h.id,
        ]),
      ),
    };
  }

  /**
   * Rows of people registered in another grid: a move is recorded explicitly (moveResident), never by a
   * file, which also keeps an import from rewriting people outside the importer's scope.
   */
  static registeredElsewhere(chunk: ImportChunk, lookup: ChunkLookup): RowProblem[] {
    return chunk.rows.flatMap((row) => {
      const grid = lookup.existing.get(row.idKey)?.grid_code;
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

  /**
   * The chunk's writes: new ids, changed fields and who joins which household are worked out in memory,
   * and only the differences go out, in one multi-row statement for new houses, households and people
   * (data-modifying CTEs) and one for changed people. Only new ID numbers are encrypted.
   */
  plan(chunk: ImportChunk, { existing, houseIds }: ChunkLookup): Statement[] {
    const newHouses: { id: string; row: ImportRow }[] = [];
    for (const row of chunk.rows) {
      if (houseIds.has(row.house)) continue;
      const id = randomUUID();
      houseIds.set(row.house, id);
      newHouses.push({ id, row });
    }
    // The household of each house: the one its head already heads, a new one if the head is in no
    // household yet, or none if the head is in another household (moves are explicit).
    const headIds = new Map<string, string>();
    const householdOf = new Map<string, string | null>();
    const newHouseholds: { id: string; houseId: string; row: ImportRow; headId: string }[] = [];
    for (const [key, head] of chunk.heads) {
      const old = existing.get(head.idKey);
      const headId = old?.id ?? randomUUID();
      headIds.set(head.idKey, headId);
      if (old?.heads_household_id) householdOf.set(key, old.heads_household_id);
      else if (old?.household_id) householdOf.set(key, null);
      else {
        const id = randomUUID();
        householdOf.set(key, id);
        newHouseholds.push({ id, houseId: houseIds.get(key) as string, row: head, headId });
      }
    }

    const inserts: ImportRow[] = [];
    const updates: { row: ImportRow; old: ExistingResident; householdId: string | null }[] = [];
    for (const row of chunk.rows) {
      const old = existing.get(row.idKey);
      if (!old) {
        inserts.push(row);
        continue;
      }
      const householdId = householdOf.get(row.house) ?? null;
      const joins = !old.household_id && householdId ? householdId : null;
      const oldFields = { ...old, population: old.population as Population, tags: old.tag_codes };
      if (joins || fieldsOf(oldFields) !== fieldsOf(row)) updates.push({ row, old, householdId: joins });
    }
    this.counts.housesCreated += newHouses.length;
    this.counts.householdsCreated += newHouseholds.length;
    this.counts.residentsCreated += inserts.length;
    this.counts.residentsUpdated += updates.length;

    const statements: Statement[] = [];
    const ivs = randomBytes(12 * inserts.length);
    if (inserts.length || newHouses.length || newHouseholds.length)
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
            newHouses,
            (h) => h.id,
            (h) => h.row.buildingId,
            (h) => h.row.gridCode,
            (h) => h.row.unit,
            (h) => h.row.floor,
            (h) => h.row.houseNumber,
            (h) => h.row.houseUse,
          ),
          ...columns(
            newHouseholds,
            (h) => h.id,
            (h) => h.houseId,
            (h) => h.row.gridCode,
            (h) => h.row.householdKind,
            (h) => h.headId,
          ),
          ...columns(
            inserts,
            (r) => headIds.get(r.idKey) ?? randomUUID(),
            (r) => r.gridCode,
            (r) => householdOf.get(r.house) ?? null,
            (r) => (householdOf.get(r.house) ? r.relation : null),
            (r) => r.name,
            (r) => genderOfNationalId(r.idNumber),
            (r) => birthDateOfNationalId(r.idNumber),
          ),
          // Ciphers and hashes as one binary parameter each, cut by position on the server.
          Buffer.concat(
            inserts.map((r, i) => sealedId(this.cipher, r.idNumber, ivs.subarray(i * 12, i * 12 + 12))),
          ),
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
    return statements;
  }

  async write(statements: Statement[]): Promise<void> {
    for (const [sql, params] of statements) await this.manager.query(sql, params);
  }
}
