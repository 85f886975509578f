/** One record of a CSV or worksheet, with the 1-based line it starts on (quoted fields may span lines). */
export interface SheetRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180: comma-separated, CRLF or LF line ends, fields optionally in double quotes with `""`
 * for a quote and line breaks allowed inside quotes. A leading BOM is dropped; empty lines are
 * skipped. Throws on an unterminated quote or a quote inside an unquoted field. Lines without a
 * quote (nearly all of a register export) are split directly; only quoted records are read by character.
 */
export function parseCsv(text: string): SheetRecord[] {
  const records: SheetRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let nextQuote = -1;
  while (i < text.length) {
    const newline = text.indexOf('\n', i);
    const end = newline < 0 ? text.length : newline;
    if (nextQuote < i) nextQuote = text.indexOf('"', i) >>> 0; // none left: 2³² - 1, past any line
    if (nextQuote > end) {
      const content = text.slice(i, text.charCodeAt(end - 1) === 13 && end > i ? end - 1 : end);
      if (content !== '') records.push({ line, fields: content.split(',') });
      i = end + 1;
      line++;
      continue;
    }
    const quoted = readQuotedRecord(text, i, line);
    records.push({ line, fields: quoted.fields });
    i = quoted.next;
    line = quoted.nextLine;
  }
  return records;
}

/** One record that contains a quote, from `start` to its unquoted line end. */
function readQuotedRecord(
  text: string,
  start: number,
  line: number,
): { fields: string[]; next: number; nextLine: number } {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let current = line;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') current++;
        field += c;
      }
    } else if (c === '"') {
      if (fieldStarted) throw new Error(`line ${current}: a quote inside an unquoted field`);
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' && text[i + 1] === '\n') {
      continue;
    } else if (c === '\n') {
      break;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error(`line ${line}: a quoted field is not closed`);
  fields.push(field);
  return { fields, next: i + 1, nextLine: current + 1 };
}
