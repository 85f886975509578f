import type { DataSource, EntityManager } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, conflict } from '@gridgov/platform-errors';
import { BuildingEntity } from '../household/building.entity';
import { HouseholdKind, HouseUse, Population, RelationToHead } from '../household/household-enums';
import { TagEntity } from '../household/tag.entity';
import { nationalIdProblem, normaliseNationalId } from '../personal-data/national-id';
import type { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { parseCsv, type SheetRecord } from './csv';
import { houseKey, type ImportChunk, type ImportRow, ResidentImportWriter } from './resident-import.writer';
import { readXlsx } from './xlsx';

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

/** Progress of a running import: rows checked, then rows written. */
export type ImportProgress = (
  phase: 'CHECKING' | 'WRITING',
  processed: number,
  total: number,
) => Promise<void>;
const noProgress: ImportProgress = async () => undefined;

const MAX_ROWS = 1_000_000;
/** Rows per write: about 10,000, never splitting a house. */
const CHUNK = 10_000;
const valueSets = new Map<object, Set<string>>();
const enumValue = <E extends Record<string, string>>(e: E, raw: string): E[keyof E] | undefined => {
  let values = valueSets.get(e);
  if (!values) valueSets.set(e, (values = new Set(Object.values(e))));
  return values.has(raw) ? (raw as E[keyof E]) : undefined;
};

/**
 * Imports the household register from CSV or XLSX in one transaction: every row is checked, and with
 * any error, or on a dry run, nothing is written. Checking and writing overlap chunk by chunk (see
 * checkAndWrite); writes are set-based (ResidentImportWriter) on natural keys (house: building + unit +
 * number; resident: ID-number hash; household: its head), so the same file twice changes nothing.
 */
export class ResidentImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async importCsv(csv: string, dryRun: boolean, onProgress = noProgress): Promise<ImportReport> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    let records;
    try {
      records = parseCsv(csv);
    } catch (error) {
      throw badInput('csv', (error as Error).message);
    }
    return this.importRecords('csv', records, dryRun, onProgress);
  }

  /** The first worksheet of an .xlsx workbook, laid out like the CSV (header row first). */
  async importXlsx(xlsx: Buffer, dryRun: boolean, onProgress = noProgress): Promise<ImportReport> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE);
    let records;
    try {
      records = await readXlsx(xlsx);
    } catch (error) {
      throw badInput('xlsx', (error as Error).message);
    }
    return this.importRecords('xlsx', records, dryRun, onProgress);
  }

  private async importRecords(
    field: string,
    records: SheetRecord[],
    dryRun: boolean,
    onProgress: ImportProgress,
  ): Promise<ImportReport> {
    if (records.length < 2) throw badInput(field, 'needs a header line and at least one row');
    if (records.length - 1 > MAX_ROWS) throw badInput(field, `has more than ${MAX_ROWS} rows; split it`);
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
    const data = records.slice(1);
    const chunks = chunksOfWholeHouses(
      data,
      (r) =>
        `${cell(r.fields, 'buildingCode')}|${Number(cell(r.fields, 'unit'))}|${cell(r.fields, 'houseNumber')}`,
    );
    const check = await this.rowChecker(
      [...new Set(data.map((r) => cell(r.fields, 'buildingCode')))],
      cell,
      report.errors,
    );
    await onProgress('CHECKING', 0, report.rows);
    try {
      if (dryRun) await this.checkAndWrite(this.dataSource.manager, chunks, check, report, onProgress);
      else
        await this.dataSource.transaction(async (manager) => {
          await this.checkAndWrite(manager, chunks, check, report, onProgress);
          if (report.errors.length) throw new ImportRolledBack();
        });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(
          'Someone registered some of these houses or residents meanwhile; run the import again',
        );
      if (!(error instanceof ImportRolledBack)) throw error;
    }
    report.errors.sort((a, b) => a.row - b.row);
    return report;
  }

  /**
   * Checks chunk n + 1 and sends its lookup while the database writes chunk n, so Node's checking and
   * encrypting and PostgreSQL's inserting overlap. Writing stops at the first problem; checking goes on
   * to the end so the report is whole (the caller then rolls back). A dry run only checks and looks up.
   */
  private async checkAndWrite(
    manager: EntityManager,
    chunks: SheetRecord[][],
    check: (records: SheetRecord[]) => ImportChunk,
    report: ImportReport,
    onProgress: ImportProgress,
  ): Promise<void> {
    const writer = new ResidentImportWriter(manager, this.cipher);
    if (!report.dryRun) await writer.begin();
    let [checked, written] = [0, 0];
    const lookAhead = (records: SheetRecord[]) => {
      const chunk = check(records);
      checked += records.length;
      const lookup = writer.lookUp(chunk);
      lookup.catch(() => undefined); // awaited in its turn; this only marks it handled meanwhile
      return { chunk, lookup };
    };
    let next = lookAhead(chunks[0]);
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let i = 0; i < chunks.length; i++) {
        const { chunk, lookup } = next;
        const found = await lookup;
        report.errors.push(...ResidentImportWriter.registeredElsewhere(chunk, found));
        const statements = !report.dryRun && !report.errors.length ? writer.plan(chunk, found) : null;
        if (i + 1 < chunks.length) next = lookAhead(chunks[i + 1]);
        await writing;
        if (!statements) await onProgress('CHECKING', checked, report.rows);
        else {
          writing = writer
            .write(statements)
            .then(() => onProgress('WRITING', (written += chunk.rows.length), report.rows));
          writing.catch(() => undefined);
        }
      }
      await writing;
    } finally {
      // Nothing may still be running on the connection when the transaction ends.
      await Promise.allSettled([writing, next.lookup]);
    }
    // With problems the caller rolls back: nothing was written.
    if (!report.errors.length) Object.assign(report, writer.counts);
  }

  /** The check of one chunk: every row, then each house's head. Problems go to `errors`. */
  private async rowChecker(
    buildingCodes: string[],
    cell: (fields: string[], column: Column) => string,
    errors: ImportProblem[],
  ): Promise<(records: SheetRecord[]) => ImportChunk> {
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
    const seenIds = new Map<string, number>();
    const inScope = new Map<string, boolean>();

    const checkRow = (record: SheetRecord): ImportRow | null => {
      const problem = (column: string, reason: string) => errors.push({ row: record.line, column, reason });
      const get = (column: Column) => cell(record.fields, column);
      const before = errors.length;
      const gridCode = get('gridCode');
      let allowed = inScope.get(gridCode);
      if (allowed === undefined)
        inScope.set(gridCode, (allowed = this.auth.can(Permission.HOUSEHOLD_MANAGE, gridCode)));
      if (!allowed) problem('gridCode', `${gridCode || 'empty'} is outside your scope`);
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
      if (errors.length > before || !building) return null;
      const idHash = this.cipher.hash(idNumber);
      return {
        line: record.line,
        house: houseKey({ buildingId: building.id, unit, houseNumber }),
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
        idHash,
        idKey: idHash.toString('hex'),
        phone,
        population: population as Population,
        employment: get('employment') || null,
        education: get('education') || null,
        tags: [...new Set(rowTags)],
      };
    };

    return (records) => {
      const rows = records.map(checkRow).filter((row): row is ImportRow => row !== null);
      const heads = new Map<string, ImportRow>();
      for (const row of rows.filter((r) => r.relation === RelationToHead.HEAD)) {
        const first = heads.get(row.house);
        if (first)
          errors.push({
            row: row.line,
            column: 'relation',
            reason: `the house has a head already on line ${first.line}`,
          });
        else heads.set(row.house, row);
      }
      for (const row of rows)
        if (!heads.has(row.house))
          errors.push({
            row: row.line,
            column: 'relation',
            reason: 'no HEAD row for this house in the file',
          });
      return { rows, heads };
    };
  }
}

/** Thrown inside the import's transaction to roll it back once the file turned out to have problems. */
class ImportRolledBack extends Error {}

/**
 * The records grouped by house (houses in order of first appearance, rows in file order), cut into
 * chunks of about CHUNK rows that never split a house: a chunk's head, household and members are
 * then planned together, whatever the order of the file.
 */
function chunksOfWholeHouses(
  records: SheetRecord[],
  houseOf: (record: SheetRecord) => string,
): SheetRecord[][] {
  const houses = new Map<string, SheetRecord[]>();
  for (const record of records) {
    const key = houseOf(record);
    const rows = houses.get(key);
    if (rows) rows.push(record);
    else houses.set(key, [record]);
  }
  const chunks: SheetRecord[][] = [];
  let chunk: SheetRecord[] = [];
  for (const rows of houses.values()) {
    for (const row of rows) chunk.push(row);
    if (chunk.length < CHUNK) continue;
    chunks.push(chunk);
    chunk = [];
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
