/**
 * Grid levels and codes.
 *
 * Every grid has a 15-digit code: the 12-digit code of the administrative unit it belongs to
 * (`adminUnitCode`) plus a 3-digit sequence, so scope checks compare grid codes like unit codes.
 * - Level 4 (单元网格, unit grid): the unit is a community/village and the sequence is 001–999.
 * - Levels 1–3 (区, 镇街, 村社区): the grid mirrors its unit (a district, street or community) and
 *   the sequence is 000, so there is at most one such grid per unit and its code starts with the
 *   unit's significant prefix (a district grant `520303` covers `520303000000000`).
 */
export enum GridLevel {
  DISTRICT = 1,
  STREET = 2,
  COMMUNITY = 3,
  UNIT = 4,
}

/** Kinds of unit grids (level 4). */
export enum GridKind {
  BLOCK = 'BLOCK',
  COMPOUND = 'COMPOUND',
  WORK_UNIT = 'WORK_UNIT',
  RURAL_GROUP = 'RURAL_GROUP',
}

const GRID_CODE = /^\d{15}$/;
const UNIT_CODE = /^\d{12}$/;

/** The own segment `[start, end)` of the unit a grid of each level belongs to; `end` = its significant digits. */
const UNIT_SEGMENT: Record<GridLevel, [start: number, end: number]> = {
  [GridLevel.DISTRICT]: [4, 6],
  [GridLevel.STREET]: [6, 9],
  [GridLevel.COMMUNITY]: [9, 12],
  [GridLevel.UNIT]: [9, 12],
};

export const isGridLevel = (level: number): level is GridLevel =>
  Number.isInteger(level) && level >= 1 && level <= 4;

/** Why `adminUnitCode` cannot hold a grid of `level` (it must be a unit of the matching level), or undefined. */
export function adminUnitCodeProblem(adminUnitCode: string, level: GridLevel): string | undefined {
  if (!UNIT_CODE.test(adminUnitCode))
    return 'must be a 12-digit administrative unit code such as 520303001001';
  const [start, digits] = UNIT_SEGMENT[level];
  if (!/^0*$/.test(adminUnitCode.slice(digits)) || /^0+$/.test(adminUnitCode.slice(start, digits))) {
    const unit = ['district', 'street', 'community', 'community'][level - 1];
    return `a level-${level} grid belongs to a ${unit}: its code has ${digits} significant digits`;
  }
  return undefined;
}

/** Why `code` is not a valid code for a grid of `level` in `adminUnitCode`, or undefined. */
export function gridCodeProblem(code: string, adminUnitCode: string, level: GridLevel): string | undefined {
  if (!GRID_CODE.test(code)) return 'must be 15 digits: the 12-digit community code and a 3-digit sequence';
  if (!code.startsWith(adminUnitCode)) return `must start with the administrative unit code ${adminUnitCode}`;
  const sequence = code.slice(12);
  if (level === GridLevel.UNIT && sequence === '000') return 'a unit grid needs a sequence from 001 to 999';
  if (level !== GridLevel.UNIT && sequence !== '000')
    return `a level-${level} grid mirrors its unit: the code must end in 000`;
  return undefined;
}

/** The code prefix a grid's descendants share (e.g. `520303001` for a street grid). */
export function gridScopePrefix(level: GridLevel, adminUnitCode: string): string {
  return adminUnitCode.slice(0, UNIT_SEGMENT[level][1]);
}
