import { describe, expect, it } from 'vitest';
import { readBack } from '../../../../test/support/xlsx-readback.ts';
import { LIST_SHEET, MemoryBook, fitCell } from './book.ts';
import { displayWidth, nameText, proseHeight } from './cells.ts';
import { decimalsFormat, figureFormat, growthFormat } from './styles.ts';
import { SheetNames } from './sheet-names.ts';

describe('sheet names', () => {
  it('are legal for Excel, at most 31 characters and unique regardless of case', () => {
    const n = new SheetNames(['_parkbrief']);
    expect(n.claim('楚雄高新区')).toBe('楚雄高新区');
    expect(n.claim('楚雄高新区')).toBe('楚雄高新区(2)');
    expect(n.claim('a/b:c?d*e[f]g\\h')).toBe('a_b_c_d_e_f_g_h');
    expect(n.claim("O'Brien Park")).toBe('O’Brien Park');
    expect(n.claim('_PARKBRIEF')).toBe('_PARKBRIEF(2)');
    expect(n.claim('History')).toBe('History_');
    expect(n.claim('   ')).toBe('工作表');
    const long = '云南省昆明市国家高新技术产业开发区管理委员会经济发展局统计科填报';
    const a = n.claim(long);
    const b = n.claim(long);
    expect([a.length, b.length]).toEqual([31, 31]);
    expect(b.endsWith('(2)')).toBe(true);
    expect(n.claim('𠀀'.repeat(20)).length).toBe(30); // a surrogate pair is never split
  });
});

describe('number formats', () => {
  it('follow the decimals and carry the qualifier where copy puts it', () => {
    expect([0, 1, 2].map(decimalsFormat)).toEqual(['0', '0.0', '0.00']);
    expect(figureFormat(2, null)).toBe('0.00_ ');
    expect(figureFormat(1, '近')).toBe('"近"0.0_ ');
    expect(figureFormat(0, '余')).toBe('0"余"_ ');
    expect(figureFormat(1, '左右')).toBe('0.0"左右"_ ');
    expect(figureFormat(0, '不少于')).toBe('"不少于"0_ ');
    expect(growthFormat(true, null)).toBe('0.0"个百分点"_ ');
    expect(growthFormat(false, '左右')).toBe('0.0"左右"_ ');
  });
});

describe('cells', () => {
  it('word 其中 rows and size text', () => {
    expect(nameText({ name: '出口总额', depth: 1, lead: true })).toBe('其中：出口总额');
    expect(nameText({ name: '进口总额', depth: 1, lead: false })).toBe('\u3000\u3000\u3000进口总额');
    expect(nameText({ name: '地区生产总值', depth: 0, lead: false })).toBe('地区生产总值');
    expect(displayWidth('GDP总值')).toBe(7);
    expect(proseHeight('一行', 40)).toBeLessThan(proseHeight('一行\n两行\n三行', 40));
  });
});

describe('book', () => {
  it('puts a dropdown list over 255 characters on a hidden sheet and shares it', async () => {
    const book = new MemoryBook();
    expect(book.listFormula(['近', '约'])).toBe('"近,约"');
    const long = Array.from({ length: 80 }, (_, i) => `单位${i}`);
    const ref = book.listFormula(long);
    expect(ref).toBe(`'${LIST_SHEET}'!$A$1:$A$80`);
    expect(book.listFormula([...long])).toBe(ref);
    expect(book.listFormula(['a,b'])).toBe(`'${LIST_SHEET}'!$B$1:$B$1`); // a comma cannot stand in an inline list
    const ws = book.addSheet('数据');
    ws.getCell('A1').dataValidation = { type: 'list', formulae: [ref], allowBlank: true };
    const back = await readBack(await book.finish({ app: 'ParkBrief', layout: 1, template: 'fill', storeId: 'x', exportedAt: 'now' }, []));
    const lists = back.wb.getWorksheet(LIST_SHEET)!;
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('A80').value).toBe('单位79');
    expect(back.wb.getWorksheet('数据')!.getCell('A1').dataValidation.formulae).toEqual([ref]);
  });

  it('keeps a wide sheet map within one Excel cell by leaving out the names', () => {
    const columns = Array.from({ length: 400 }, (_, i) => ({ column: i + 5, field: 'value' as const, parkId: crypto.randomUUID(), parkName: `园区名称${i}号开发区` }));
    const sheet = { sheet: 's', kind: 'actual' as const, keyColumn: 1, firstDataRow: 1, lastDataRow: 2, columns };
    expect(JSON.stringify(sheet).length).toBeGreaterThan(32_767);
    const fitted = fitCell(sheet);
    expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(32_767);
    expect(fitted.columns[3]).toEqual({ column: 8, field: 'value', parkId: columns[3]!.parkId });
    const small = { ...sheet, columns: columns.slice(0, 3) };
    expect(fitCell(small)).toBe(small);
  });
});
