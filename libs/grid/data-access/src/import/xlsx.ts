import { type CellValue, Workbook } from 'exceljs';
import type { SheetRecord } from './csv';

/** The text a person sees in a cell: formulas give their result, rich text its characters, dates their day. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return cellText(value.result as CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * Reads the first worksheet of an .xlsx workbook into records (the row number is the line), so
 * spreadsheets go through the same checks as CSV files. Numbers that lost digits (an ID number typed
 * as a number) fail the ID-number check like any other wrong value.
 */
export async function readXlsx(xlsx: Buffer): Promise<SheetRecord[]> {
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type; the bytes are the same.
    await workbook.xlsx.load(xlsx as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new Error('is not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no worksheet');
  const records: SheetRecord[] = [];
  sheet.eachRow((row, rowNumber) => {
    const values = (row.values as CellValue[]).slice(1);
    const fields = Array.from(values, cellText);
    if (fields.some((f) => f.trim() !== '')) records.push({ line: rowNumber, fields });
  });
  return records;
}
