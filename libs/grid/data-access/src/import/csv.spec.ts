import { parseCsv } from './csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""","two\nlines"\r\n\r\n2,,last\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"', 'two\nlines'] },
      { line: 5, fields: ['2', '', 'last'] },
    ]);
  });

  it('keeps a last record without a line end and refuses malformed quotes', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(() => parseCsv('a\n"open')).toThrow('line 2');
    expect(() => parseCsv('a\nb"c')).toThrow('line 2');
  });
});

describe('parseCsv line numbers', () => {
  it('counts lines after a quoted field with line breaks and treats a lone CR as a character', () => {
    expect(parseCsv('a,"1\n2\n3"\nb,c\r\nd,e\rf\n')).toEqual([
      { line: 1, fields: ['a', '1\n2\n3'] },
      { line: 4, fields: ['b', 'c'] },
      { line: 5, fields: ['d', 'e\rf'] },
    ]);
  });
});
