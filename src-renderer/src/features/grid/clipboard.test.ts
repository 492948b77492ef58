import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from './clipboard.ts';

describe('parseTsv', () => {
  it('reads an Excel block with \\r\\n and a trailing newline', () => {
    expect(parseTsv('约\t100\r\n\t200\r\n超\t300\r\n')).toEqual([
      ['约', '100'],
      ['', '200'],
      ['超', '300'],
    ]);
  });
  it('keeps empty cells at the ends of a row', () => {
    expect(parseTsv('\t1\t\n2\t\t')).toEqual([
      ['', '1', ''],
      ['2', '', ''],
    ]);
  });
  it('reads one cell and nothing', () => {
    expect(parseTsv('333.52')).toEqual([['333.52']]);
    expect(parseTsv('333.52\n')).toEqual([['333.52']]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('\r\n')).toEqual([]);
  });
  it('keeps blank lines inside the block as rows of one empty cell', () => {
    expect(parseTsv('1\n\n3')).toEqual([['1'], [''], ['3']]);
  });
  it('unquotes cells holding tabs, newlines and quotes', () => {
    expect(parseTsv('"a\tb"\t"line1\nline2"\n"say ""hi"""\tx')).toEqual([
      ['a\tb', 'line1\nline2'],
      ['say "hi"', 'x'],
    ]);
  });
  it('takes a stray leading quote literally', () => {
    expect(parseTsv('"约\t5')).toEqual([['"约', '5']]);
  });
  it('round-trips with formatTsv', () => {
    const rows = [
      ['a', 'b\tc'],
      ['say "x"', ''],
    ];
    expect(parseTsv(formatTsv(rows))).toEqual(rows);
  });
});

describe('formatTsv', () => {
  it('joins with tabs and CRLF like a spreadsheet', () => {
    expect(formatTsv([['1', '2'], ['3', '4']])).toBe('1\t2\r\n3\t4');
  });
});
