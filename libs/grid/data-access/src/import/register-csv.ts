import { RESIDENT_IMPORT_COLUMNS } from './resident-import.service';

export type RegisterRow = Partial<Record<(typeof RESIDENT_IMPORT_COLUMNS)[number], string | number>>;

/**
 * A household-register CSV in the import's column layout, header first; missing cells are empty and
 * cells with a comma, quote or line break are quoted (RFC 4180). For specs, benches and sample files.
 */
export function registerCsv(rows: RegisterRow[]): string {
  const cell = (value: string | number | undefined) => {
    const text = String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [
    RESIDENT_IMPORT_COLUMNS.join(','),
    ...rows.map((row) => RESIDENT_IMPORT_COLUMNS.map((c) => cell(row[c])).join(',')),
  ].join('\n');
}
