/** Where each level's segment of PPCCDDTTTVVV ends: province, city, district, street, community. */
const SEGMENT_ENDS = [2, 4, 6, 9, 12];

/**
 * The significant prefix of an administrative unit (`520303` for 520303000000), accepting either
 * the 12-digit code or the prefix itself; undefined when malformed (e.g. a zero own segment).
 * Scope checks compare prefixes, so schemes store this form.
 */
export function unitScopeCode(code: string): string | undefined {
  if (!/^\d{2,12}$/.test(code)) return undefined;
  const end = code.length === 12 ? SEGMENT_ENDS.find((e) => /^0*$/.test(code.slice(e))) : code.length;
  const index = SEGMENT_ENDS.indexOf(end ?? -1);
  if (index < 0) return undefined;
  const ownSegment = code.slice(index === 0 ? 0 : SEGMENT_ENDS[index - 1], end);
  return /^0+$/.test(ownSegment) ? undefined : code.slice(0, end);
}

/** The unit prefixes strictly above a scope code (`520303001` → 52, 5203, 520303). */
export function ancestorScopeCodes(scopeCode: string): string[] {
  return SEGMENT_ENDS.filter((end) => end < scopeCode.length).map((end) => scopeCode.slice(0, end));
}
