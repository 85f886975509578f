/** `CITY_MANAGEMENT.ROAD` → `CITY_MANAGEMENT`; null for a top-level code. */
export function parentCategory(code: string): string | null {
  const dot = code.lastIndexOf('.');
  return dot < 0 ? null : code.slice(0, dot);
}

/** `A.B.C` → `A`, `A.B`, `A.B.C`: the category and its ancestors, top first. */
export function categoryLineage(code: string): string[] {
  const parts = code.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}
