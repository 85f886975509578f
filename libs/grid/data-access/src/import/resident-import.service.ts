import type { DataSource, EntityManager } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { BuildingEntity } from '../household/building.entity';
import { HouseholdKind, HouseUse, Population, RelationToHead } from '../household/household-enums';
import { TagEntity } from '../household/tag.entity';
import {
  birthDateOfNationalId,
  genderOfNationalId,
  nationalIdProblem,
  normaliseNationalId,
} from '../personal-data/national-id';
import { maskIdNumber, type PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { parseCsv } from './csv';

/** The columns of the household register spreadsheet: one row per person, heads first or not. */
export const RESIDENT_IMPORT_COLUMNS = [
  'gridCode',
  'buildingCode',
  'unit',
  'floor',
  'houseNumber',
  'houseUse',
  'householdKind',
  'relation',
  'name',
  'idNumber',
  'phone',
  'population',
  'employment',
  'education',
  'tags',
] as const;
type Column = (typeof RESIDENT_IMPORT_COLUMNS)[number];

export interface ImportProblem {
  /** 1-based line of the file (the header is line 1). */
  row: number;
  column: string;
  reason: string;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  errors: ImportProblem[];
  housesCreated: number;
  residentsCreated: number;
  residentsUpdated: number;
  householdsCreated: number;
}

interface Row {
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
  phone: string | null;
  population: Population;
  employment: string | null;
  education: string | null;
  tags: string[];
}

const MAX_ROWS = 1_000_000;
const CHUNK = 5_000;
const enumValue = <E extends Record<string, string>>(e: E, raw: string): E[keyof E] | undefined =>
  (Object.values(e) as string[]).includes(raw) ? (raw as E[keyof E]) : undefined;

/**
 * Imports the household register from CSV. Every row is checked first; with any error, or on a dry
 * run, nothing is written. Writes are set-based (multi-row INSERT … ON CONFLICT per chunk, in one
 * transaction) on natural keys (house: building + unit + number; resident: ID-number hash; household:
 * its head), so the same file twice changes nothing.
 */
export class ResidentImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async importCsv(csv: string, dryRun: boolean): Promise<ImportReport> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    let records;
    try {
      records = parseCsv(csv);
    } catch (error) {
      throw badInput('csv', (error as Error).message);
    }
    if (records.length < 2) throw badInput('csv', 'needs a header line and at least one row');
    if (records.length - 1 > MAX_ROWS) throw badInput('csv', `has more than ${MAX_ROWS} rows; split it`);
    const report: ImportReport = {
      dryRun,
      rows: records.length - 1,
      errors: [],
      housesCreated: 0,
      residentsCreated: 0,
      residentsUpdated: 0,
      householdsCreated: 0,
    };
    const header = records[0].fields.map((f) => f.trim());
    const index = new Map(header.map((name, i) => [name, i]));
    for (const column of RESIDENT_IMPORT_COLUMNS)
      if (!index.has(column))
        report.errors.push({ row: 1, column, reason: 'column is missing from the header' });
    if (report.errors.length) return report;

    const cell = (fields: string[], column: Column) => (fields[index.get(column) as number] ?? '').trim();
    const buildingCodes = [...new Set(records.slice(1).map((r) => cell(r.fields, 'buildingCode')))];
    const buildings = new Map(
      (
        await this.dataSource
          .getRepository(BuildingEntity)
          .createQueryBuilder('b')
          .where('b.code IN (:...buildingCodes)', { buildingCodes })
          .getMany()
      ).map((b) => [b.code, b]),
    );
    const tags = new Map((await this.dataSource.getRepository(TagEntity).find()).map((t) => [t.code, t]));
    const rows: Row[] = [];
    const seenIds = new Map<string, number>();
    for (const record of records.slice(1)) {
      const problem = (column: string, reason: string) =>
        report.errors.push({ row: record.line, column, reason });
      const get = (column: Column) => cell(record.fields, column);
      const before = report.errors.length;
      const gridCode = get('gridCode');
      if (!this.auth.can(Permission.HOUSEHOLD_MANAGE, gridCode))
        problem('gridCode', `${gridCode || 'empty'} is outside your scope`);
      const building = buildings.get(get('buildingCode'));
      if (!building) problem('buildingCode', `no building has code ${get('buildingCode')}`);
      else if (building.gridCode !== gridCode)
        problem('buildingCode', `building is in grid ${building.gridCode}, not ${gridCode}`);
      const unit = Number(get('unit'));
      if (!Number.isInteger(unit) || unit < 1 || (building && unit > building.units))
        problem('unit', `must be 1 to ${building?.units ?? 50}`);
      const floor = Number(get('floor'));
      if (!Number.isInteger(floor) || floor === 0 || floor < -5 || (building && floor > building.floors))
        problem('floor', `must be -5 to ${building?.floors ?? 200}, not 0`);
      const houseNumber = get('houseNumber');
      if (!/^[0-9A-Za-z-]{1,20}$/.test(houseNumber))
        problem('houseNumber', 'must be 1 to 20 letters, digits or dashes');
      const houseUse = enumValue(HouseUse, get('houseUse') || HouseUse.OWNER_OCCUPIED);
      if (!houseUse) problem('houseUse', `must be one of ${Object.values(HouseUse).join(', ')}`);
      const householdKind = enumValue(HouseholdKind, get('householdKind') || HouseholdKind.REGISTERED);
      if (!householdKind)
        problem('householdKind', `must be one of ${Object.values(HouseholdKind).join(', ')}`);
      const relation = enumValue(RelationToHead, get('relation'));
      if (!relation) problem('relation', `must be one of ${Object.values(RelationToHead).join(', ')}`);
      const name = get('name');
      if (name.length < 1 || name.length > 50) problem('name', 'must be 1 to 50 characters');
      const idNumber = normaliseNationalId(get('idNumber'));
      const idProblem = nationalIdProblem(idNumber);
      if (idProblem) problem('idNumber', idProblem);
      else if (seenIds.has(idNumber)) problem('idNumber', `repeats line ${seenIds.get(idNumber)}`);
      else seenIds.set(idNumber, record.line);
      const phone = get('phone').replace(/[\s-]/g, '') || null;
      if (phone && !/^\+?\d{5,15}$/.test(phone)) problem('phone', 'must be 5 to 15 digits');
      const population = enumValue(Population, get('population'));
      if (!population) problem('population', `must be one of ${Object.values(Population).join(', ')}`);
      const rowTags = get('tags')
        .split(/[;|]/)
        .map((t) => t.trim())
        .filter(Boolean);
      for (const code of rowTags) {
        const tag = tags.get(code);
        if (!tag || tag.derived) problem('tags', `${code} is not a settable tag of the catalogue`);
      }
      if (report.errors.length > before || !building) continue;
      rows.push({
        line: record.line,
        gridCode,
        buildingId: building.id,
        unit,
        floor,
        houseNumber,
        houseUse: houseUse as HouseUse,
        householdKind: householdKind as HouseholdKind,
        relation: relation as RelationToHead,
        name,
        idNumber,
        phone,
        population: population as Population,
        employment: get('employment') || null,
        education: get('education') || null,
        tags: [...new Set(rowTags)],
      });
    }
    const heads = new Map<string, Row>();
    for (const row of rows.filter((r) => r.relation === RelationToHead.HEAD)) {
      const key = houseKey(row);
      if (heads.has(key))
        report.errors.push({
          row: row.line,
          column: 'relation',
          reason: `the house has a head already on line ${heads.get(key)?.line}`,
        });
      else heads.set(key, row);
    }
    for (const row of rows)
      if (!heads.has(houseKey(row)))
        report.errors.push({
          row: row.line,
          column: 'relation',
          reason: 'no HEAD row for this house in the file',
        });
    report.errors.sort((a, b) => a.row - b.row);
    if (dryRun || report.errors.length) return report;

    await this.dataSource.transaction(async (manager) => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        await this.writeChunk(manager, rows.slice(start, start + CHUNK), heads, report);
      }
    });
    return report;
  }

  private async writeChunk(
    manager: EntityManager,
    rows: Row[],
    heads: Map<string, Row>,
    report: ImportReport,
  ): Promise<void> {
    const houses = [...new Map(rows.map((r) => [houseKey(r), r])).values()];
    const createdHouses = await manager.query(
      `INSERT INTO house (building_id, grid_code, unit, floor, number, use)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::smallint[], $4::smallint[], $5::varchar[], $6::varchar[])
       ON CONFLICT (building_id, unit, number) DO NOTHING RETURNING id`,
      [
        houses.map((h) => h.buildingId),
        houses.map((h) => h.gridCode),
        houses.map((h) => h.unit),
        houses.map((h) => h.floor),
        houses.map((h) => h.houseNumber),
        houses.map((h) => h.houseUse),
      ],
    );
    report.housesCreated += createdHouses.length;

    const hashes = rows.map((r) => this.cipher.hash(r.idNumber));
    const written: { inserted: boolean }[] = await manager.query(
      `INSERT INTO resident (grid_code, name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked,
         phone, population, employment, education, tag_codes)
       SELECT g, n, s, b::date, c, h, m, p, pop, e, edu, string_to_array(t, ';')::varchar[]
       FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::bytea[], $6::bytea[], $7::varchar[],
         $8::varchar[], $9::varchar[], $10::varchar[], $11::varchar[], $12::text[]) AS x(g, n, s, b, c, h, m, p, pop, e, edu, t)
       ON CONFLICT (id_number_hash) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, population = EXCLUDED.population,
         employment = EXCLUDED.employment, education = EXCLUDED.education, tag_codes = EXCLUDED.tag_codes, updated_at = now()
       WHERE (resident.name, resident.phone, resident.population, resident.employment, resident.education, resident.tag_codes)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.phone, EXCLUDED.population, EXCLUDED.employment, EXCLUDED.education, EXCLUDED.tag_codes)
       RETURNING (xmax = 0) AS inserted`,
      [
        rows.map((r) => r.gridCode),
        rows.map((r) => r.name),
        rows.map((r) => genderOfNationalId(r.idNumber)),
        rows.map((r) => birthDateOfNationalId(r.idNumber)),
        rows.map((r) => this.cipher.encrypt(r.idNumber)),
        hashes,
        rows.map((r) => maskIdNumber(r.idNumber)),
        rows.map((r) => r.phone),
        rows.map((r) => r.population),
        rows.map((r) => r.employment),
        rows.map((r) => r.education),
        rows.map((r) => r.tags.join(';')),
      ],
    );
    report.residentsCreated += written.filter((w) => w.inserted).length;
    report.residentsUpdated += written.filter((w) => !w.inserted).length;

    const headRows = rows.filter((r) => r.relation === RelationToHead.HEAD);
    const createdHouseholds = await manager.query(
      `INSERT INTO household (house_id, grid_code, kind, head_resident_id)
       SELECT h.id, h.grid_code, x.kind, r.id
       FROM unnest($1::bytea[], $2::uuid[], $3::smallint[], $4::varchar[], $5::varchar[]) AS x(hash, building_id, unit, number, kind)
       JOIN resident r ON r.id_number_hash = x.hash
       JOIN house h ON h.building_id = x.building_id AND h.unit = x.unit AND h.number = x.number
       WHERE r.household_id IS NULL
       ON CONFLICT (head_resident_id) DO NOTHING RETURNING id`,
      [
        headRows.map((r) => this.cipher.hash(r.idNumber)),
        headRows.map((r) => r.buildingId),
        headRows.map((r) => r.unit),
        headRows.map((r) => r.houseNumber),
        headRows.map((r) => r.householdKind),
      ],
    );
    report.householdsCreated += createdHouseholds.length;

    // People not yet in a household join their head's; people already registered somewhere are left (moves are explicit).
    await manager.query(
      `UPDATE resident r SET household_id = hh.id, relation_to_head = x.relation, updated_at = now()
       FROM unnest($1::bytea[], $2::bytea[], $3::varchar[]) AS x(hash, head_hash, relation)
       JOIN resident head ON head.id_number_hash = x.head_hash
       JOIN household hh ON hh.head_resident_id = head.id
       WHERE r.id_number_hash = x.hash AND r.household_id IS NULL`,
      [
        hashes,
        rows.map((r) => this.cipher.hash((heads.get(houseKey(r)) as Row).idNumber)),
        rows.map((r) => r.relation),
      ],
    );
  }
}

const houseKey = (r: Pick<Row, 'buildingId' | 'unit' | 'houseNumber'>) =>
  `${r.buildingId}|${r.unit}|${r.houseNumber}`;
