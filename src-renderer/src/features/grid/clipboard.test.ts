import { describe, expect, it } from 'vitest';
import { formatTsv, mapPaste, parseTsv } from './clipboard.ts';
import { COLUMN_FIELDS, COLUMNS } from './columns.ts';

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

describe('mapPaste', () => {
  const col = (c: (typeof COLUMNS)[number]) => COLUMNS.indexOf(c);

  it('maps a 3×2 block onto qualifier and value of three rows', () => {
    const { cells, dropped } = mapPaste(
      [
        ['约', '1'],
        ['', '2'],
        ['超', '3'],
      ],
      { row: 4, col: col('qualifier'), rowCount: 10, fields: COLUMN_FIELDS },
    );
    expect(dropped).toBe(0);
    expect(cells.map((c) => [c.row, c.field, c.text])).toEqual([
      [4, 'qualifier', '约'],
      [4, 'value', '1'],
      [5, 'qualifier', ''],
      [5, 'value', '2'],
      [6, 'qualifier', '超'],
      [6, 'value', '3'],
    ]);
  });

  it('skips read-only columns (previous) between baseline and growth', () => {
    const { cells } = mapPaste([['1', '2', '3']], { row: 0, col: col('value'), rowCount: 1, fields: COLUMN_FIELDS });
    expect(cells.map((c) => c.field)).toEqual(['value', 'baseline', 'growth']);
  });

  it('starting on the read-only name column begins at the next editable one', () => {
    const { cells } = mapPaste([['亿元']], { row: 0, col: col('name'), rowCount: 1, fields: COLUMN_FIELDS });
    expect(cells).toEqual([{ row: 0, col: col('unit'), field: 'unit', text: '亿元' }]);
  });

  it('counts cells beyond the last row or column as dropped', () => {
    const { cells, dropped } = mapPaste(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      { row: 1, col: col('source'), rowCount: 2, fields: COLUMN_FIELDS },
    );
    expect(cells.map((c) => [c.row, c.field, c.text])).toEqual([[1, 'source', 'a']]);
    expect(dropped).toBe(3);
  });
});
