import type { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { BuildingEntity } from '../household/building.entity';
import { HouseholdKind, HouseUse, Population, RelationToHead } from '../household/household-enums';
import { TagEntity } from '../household/tag.entity';
import { nationalIdProblem, normaliseNationalId } from '../personal-data/national-id';
import type { PersonalDataCipher } from '../personal-data/personal-data-cipher';
import { parseCsv, type SheetRecord } from './csv';
import {
  checkRegisteredGrids,
  houseKey,
  type ImportRow,
  ImportRowsRefused,
  writeImportRows,
} from './resident-import.writer';
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
const valueSets = new Map<object, Set<string>>();
const enumValue = <E extends Record<string, string>>(e: E, raw: string): E[keyof E] | undefined => {
  let values = valueSets.get(e);
  if (!values) valueSets.set(e, (values = new Set(Object.values(e))));
  return values.has(raw) ? (raw as E[keyof E]) : undefined;
};

/**
 * Imports the household register from CSV or XLSX. Every row is checked first; with any error, or on
 * a dry run, nothing is written. Writes are set-based (see writeImportRows) on natural keys (house:
 * building + unit + number; resident: ID-number hash; household: its head), so the same file twice
 * changes nothing.
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

  private hashOf(idNumber: string): Pick<ImportRow, 'idHash' | 'idKey'> {
    const idHash = this.cipher.hash(idNumber);
    return { idHash, idKey: idHash.toString('hex') };
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
    const rows: ImportRow[] = [];
    const seenIds = new Map<string, number>();
    const inScope = new Map<string, boolean>();
    for (const [n, record] of records.slice(1).entries()) {
      if (n % 20_000 === 0) await onProgress('CHECKING', n, records.length - 1);
      const problem = (column: string, reason: string) =>
        report.errors.push({ row: record.line, column, reason });
      const get = (column: Column) => cell(record.fields, column);
      const before = report.errors.length;
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
      if (report.errors.length > before || !building) continue;
      rows.push({
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
        ...this.hashOf(idNumber),
        phone,
        population: population as Population,
        employment: get('employment') || null,
        education: get('education') || null,
        tags: [...new Set(rowTags)],
      });
    }
    const heads = new Map<string, ImportRow>();
    for (const row of rows.filter((r) => r.relation === RelationToHead.HEAD)) {
      const key = row.house;
      if (heads.has(key))
        report.errors.push({
          row: row.line,
          column: 'relation',
          reason: `the house has a head already on line ${heads.get(key)?.line}`,
        });
      else heads.set(key, row);
    }
    for (const row of rows)
      if (!heads.has(row.house))
        report.errors.push({
          row: row.line,
          column: 'relation',
          reason: 'no HEAD row for this house in the file',
        });
    // People registered in another grid: checked here when a report goes back anyway, otherwise by
    // the writer on the rows it reads under its lock (it then writes nothing).
    if (dryRun || report.errors.length) {
      report.errors.push(...(await checkRegisteredGrids(this.dataSource.manager, rows)));
      report.errors.sort((a, b) => a.row - b.row);
      return report;
    }
    await onProgress('WRITING', 0, rows.length);
    try {
      Object.assign(
        report,
        await this.dataSource.transaction((manager) =>
          writeImportRows(manager, this.cipher, rows, heads, (written) =>
            onProgress('WRITING', written, rows.length),
          ),
        ),
      );
    } catch (error) {
      if (!(error instanceof ImportRowsRefused)) throw error;
      report.errors.push(...error.problems);
    }
    return report;
  }
}
