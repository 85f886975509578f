/**
 * The 12-digit statistical division code PPCCDDTTTVVV (统计用区划代码). A higher level is padded
 * with zeros; the significant prefix (2, 4, 6, 9 or 12 digits) is what scope checks compare.
 */
export enum AdminUnitLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
}

const SIGNIFICANT_DIGITS: Record<AdminUnitLevel, number> = {
  [AdminUnitLevel.PROVINCE]: 2,
  [AdminUnitLevel.CITY]: 4,
  [AdminUnitLevel.DISTRICT]: 6,
  [AdminUnitLevel.STREET]: 9,
  [AdminUnitLevel.COMMUNITY]: 12,
};

export const LEVEL_ORDER = Object.keys(SIGNIFICANT_DIGITS) as AdminUnitLevel[];

export const ADMIN_UNIT_CODE = /^\d{12}$/;

/** The level a well-formed code denotes, or undefined when the code is malformed. */
export function levelOfCode(code: string): AdminUnitLevel | undefined {
  if (!ADMIN_UNIT_CODE.test(code)) return undefined;
  let segmentStart = 0;
  for (const level of LEVEL_ORDER) {
    const segmentEnd = SIGNIFICANT_DIGITS[level];
    if (/^0*$/.test(code.slice(segmentEnd))) {
      // The unit's own segment must not be zero (e.g. 520300000000 is a city, 520000000000 a province).
      return /^0+$/.test(code.slice(segmentStart, segmentEnd)) ? undefined : level;
    }
    segmentStart = segmentEnd;
  }
  return undefined;
}

export function significantPrefix(code: string): string {
  const level = levelOfCode(code);
  return level ? code.slice(0, SIGNIFICANT_DIGITS[level]) : code;
}

export function levelRank(level: AdminUnitLevel): number {
  return LEVEL_ORDER.indexOf(level);
}
