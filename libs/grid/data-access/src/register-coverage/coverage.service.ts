import type { DataSource } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import type { GridKind } from '../grid/grid-code';
import { type GridSizeGuidance, sizeGuidance } from '../grid/grid-size';

/** The register's gaps (区不漏地、地不漏房、房不漏户、户不漏人) for one grid or a roll-up of grids. */
export interface Coverage {
  codePrefix: string;
  buildings: number;
  buildingsWithoutHouses: number;
  houses: number;
  /** Owner-occupied or rented houses with no household (vacant and commercial ones may have none). */
  housesWithoutHouseholds: number;
  households: number;
  householdsWithoutResidents: number;
  residents: number;
  residentsWithoutHousehold: number;
  /** No phone, employment or education recorded. */
  residentsMissingFields: number;
  /** Share of buildings, houses, households and residents without a gap; null when the area is empty. */
  completeness: number | null;
}

const COUNTS = [
  `SELECT b.grid_code, count(*) AS buildings,
     count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM house h WHERE h.building_id = b.id)) AS "buildingsWithoutHouses"
   FROM building b WHERE b.grid_code LIKE $1 GROUP BY b.grid_code`,
  `SELECT h.grid_code, count(*) AS houses,
     count(*) FILTER (WHERE h.use IN ('OWNER_OCCUPIED', 'RENTED')
       AND NOT EXISTS (SELECT 1 FROM household hh WHERE hh.house_id = h.id)) AS "housesWithoutHouseholds"
   FROM house h WHERE h.grid_code LIKE $1 GROUP BY h.grid_code`,
  `SELECT hh.grid_code, count(*) AS households,
     count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM resident r WHERE r.household_id = hh.id)) AS "householdsWithoutResidents"
   FROM household hh WHERE hh.grid_code LIKE $1 GROUP BY hh.grid_code`,
  `SELECT r.grid_code, count(*) AS residents,
     count(*) FILTER (WHERE r.household_id IS NULL) AS "residentsWithoutHousehold",
     count(*) FILTER (WHERE r.phone IS NULL OR r.employment IS NULL OR r.education IS NULL) AS "residentsMissingFields"
   FROM resident r WHERE r.grid_code LIKE $1 GROUP BY r.grid_code`,
];

const emptyCoverage = (codePrefix: string): Coverage => ({
  codePrefix,
  buildings: 0,
  buildingsWithoutHouses: 0,
  houses: 0,
  housesWithoutHouseholds: 0,
  households: 0,
  householdsWithoutResidents: 0,
  residents: 0,
  residentsWithoutHousehold: 0,
  residentsMissingFields: 0,
  completeness: null,
});

/** Coverage from the grid_code prefix indexes of the four tables: one grouped scan each. */
export class CoverageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {}

  /** The total for a code prefix (a grid, community, street or district) and its per-grid rows. */
  async of(codePrefix: string): Promise<{ total: Coverage; grids: Coverage[] }> {
    if (!/^\d{2,15}$/.test(codePrefix))
      throw badInput('codePrefix', 'must be 2 to 15 digits (a unit or grid code prefix)');
    this.auth.assert(Permission.HOUSEHOLD_READ, codePrefix);
    const results = await Promise.all(COUNTS.map((sql) => this.dataSource.query(sql, [`${codePrefix}%`])));
    const byGrid = new Map<string, Coverage>();
    for (const rows of results as { grid_code: string; [count: string]: string }[][]) {
      for (const { grid_code: gridCode, ...counts } of rows) {
        const coverage = byGrid.get(gridCode) ?? emptyCoverage(gridCode);
        for (const [key, value] of Object.entries(counts))
          (coverage as unknown as Record<string, number>)[key] = Number(value);
        byGrid.set(gridCode, coverage);
      }
    }
    const grids = [...byGrid.values()]
      .sort((a, b) => a.codePrefix.localeCompare(b.codePrefix))
      .map(withCompleteness);
    const total = grids.reduce((sum, grid) => {
      for (const key of Object.keys(sum) as (keyof Coverage)[])
        if (key !== 'codePrefix' && key !== 'completeness') sum[key] += grid[key];
      return sum;
    }, emptyCoverage(codePrefix));
    return { total: withCompleteness(total), grids };
  }

  /** Unit grids under the prefix whose household count is outside the size guidance, empty ones too. */
  async sizeWarnings(codePrefix: string): Promise<GridSizeGuidance[]> {
    this.auth.assert(Permission.HOUSEHOLD_READ, codePrefix);
    const rows: { code: string; kind: GridKind; households: number }[] = await this.dataSource.query(
      `SELECT g.code, g.kind, (SELECT count(*)::int FROM household hh WHERE hh.grid_code = g.code) AS households
       FROM grid g WHERE g.level = 4 AND g.code LIKE $1 ORDER BY g.code`,
      [`${codePrefix}%`],
    );
    return rows.map((r) => sizeGuidance(r.code, r.kind, r.households)).filter((g) => g.warning !== null);
  }

  /** Households per grid code, for the size guidance of single grids. */
  async householdCounts(gridCodes: readonly string[]): Promise<number[]> {
    const rows: { grid_code: string; n: number }[] = await this.dataSource.query(
      `SELECT grid_code, count(*)::int AS n FROM household WHERE grid_code = ANY($1) GROUP BY grid_code`,
      [[...gridCodes]],
    );
    const counts = new Map(rows.map((r) => [r.grid_code, r.n]));
    return gridCodes.map((code) => counts.get(code) ?? 0);
  }
}

/** The scope prefix of a 12-digit unit code: `520303000000` → `520303`, `520303001000` → `520303001`. */
export const unitCodePrefix = (code: string): string => code.replace(/(000)+$/, '');

function withCompleteness(c: Coverage): Coverage {
  const items = c.buildings + c.houses + c.households + c.residents;
  const gaps =
    c.buildingsWithoutHouses +
    c.housesWithoutHouseholds +
    c.householdsWithoutResidents +
    Math.min(c.residents, c.residentsWithoutHousehold + c.residentsMissingFields);
  return { ...c, completeness: items === 0 ? null : Math.round(((items - gaps) / items) * 1000) / 10 };
}
