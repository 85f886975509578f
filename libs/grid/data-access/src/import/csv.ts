/** One record of a CSV or worksheet, with the 1-based line it starts on (quoted fields may span lines). */
export interface SheetRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180: comma-separated, CRLF or LF line ends, fields optionally in double quotes with `""`
 * for a quote and line breaks allowed inside quotes. A leading BOM is dropped. Throws on an
 * unterminated quote or a quote inside an unquoted field.
 */
export function parseCsv(text: string): SheetRecord[] {
  const records: SheetRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (fieldStarted) throw new Error(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (c === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error(`line ${recordLine}: a quoted field is not closed`);
  if (fieldStarted || fields.length) endRecord();
  return records;
}
