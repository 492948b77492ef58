import { describe, expect, it } from 'vitest';
import { numberText, plainDecimal, readFigure, readGrowth, sameDecimal } from './cell-text.ts';
import { decodeText, parseCsv } from './csv-read.ts';
import { headerRole } from '../../shared/headings.ts';
import { FatalImport } from './issues.ts';
import { encodeGbk, makeZip } from '../../../test/support/import-files.ts';
import { columnLetters, columnNumber, parseSharedStrings, scanSheet, XlsxFile } from './xlsx-read.ts';
import { ZipReader } from './zip.ts';
import { READ_LIMITS, ReadBudget } from './limits.ts';
import { checkXml, XmlDamaged } from './xml-check.ts';

describe('numbers from cells', () => {
  it('reads what Excel wrote back to what was typed, at 15 significant digits', () => {
    expect(numberText('333.52')).toBe('333.52');
    expect(numberText('0.30000000000000004')).toBe('0.3');
    expect(numberText('9194.3500000000004')).toBe('9194.35');
    expect(numberText('1E-3')).toBe('0.001');
    expect(numberText('1.5E+3')).toBe('1500');
    expect(numberText('-0.5')).toBe('-0.5');
    expect(numberText('1E+308')).toBeNull();
    expect(numberText('1000000000000000')).toBeNull();
    expect(plainDecimal(123456789012345.6)).toBe('123456789012346');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
  });

  it('reads figures written as copy', () => {
    const f = (v: string) => readFigure({ t: 's', v });
    expect(f('突破2000亿元')).toEqual({ ok: true, value: { number: '2000', qualifier: '突破', unit: '亿元' } });
    expect(f('569余人')).toEqual({ ok: true, value: { number: '569', qualifier: '余', unit: '人' } });
    expect(f('近80%')).toEqual({ ok: true, value: { number: '80', qualifier: '近', unit: '%' } });
    expect(f('10%左右')).toEqual({ ok: true, value: { number: '10', qualifier: '左右', unit: '%' } });
    expect(f('不少于20户')).toEqual({ ok: true, value: { number: '20', qualifier: '不少于', unit: '户' } });
    expect(f('１，５１２')).toEqual({ ok: true, value: { number: '1512' } });
    expect(f('9.5万美元')).toEqual({ ok: true, value: { number: '9.5', unit: '万美元' } });
    expect(f('—')).toBeNull();
    expect(f('  ')).toBeNull();
    expect(f('三百')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(f('1e308')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(f('-Infinity')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(readFigure({ t: 'b', v: true })).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(readFigure({ t: 'f', v: 'A1' })).toMatchObject({ ok: false, code: 'IMPORT_FORMULA_NO_VALUE' });
  });

  it('reads growth as a rate, with 增长/下降 and a percent sign', () => {
    const g = (v: string) => readGrowth({ t: 's', v });
    expect(g('42.5%')).toEqual({ ok: true, value: '42.5' });
    expect(g('增长8.2%')).toEqual({ ok: true, value: '8.2' });
    expect(g('下降3.1%')).toEqual({ ok: true, value: '-3.1' });
    expect(g('下降-3')).toMatchObject({ ok: false, code: 'NOT_A_NUMBER' });
    expect(readGrowth({ t: 'n', v: '-3.2' })).toEqual({ ok: true, value: '-3.2' });
  });

  it('reads a growth cell with what its text also says: a qualifier, percentage points', () => {
    const g = (v: string) => readGrowth({ t: 's', v });
    expect(g('增长10%左右')).toEqual({ ok: true, value: '10', qualifier: '左右' });
    expect(g('提高2个百分点')).toEqual({ ok: true, value: '2', points: true });
    expect(g('同比增长126.3%')).toEqual({ ok: true, value: '126.3' });
    expect(g('增长2倍')).toEqual({ ok: true, value: '200' });
    expect(g('—')).toBeNull();
    expect(g('333.52亿元')).toMatchObject({ ok: false, code: 'FIGURE_GROWTH_UNIT' });
  });

  it('reads a bare 亿 or 万 by the indicator the cell is for', () => {
    expect(readFigure({ t: 's', v: '突破3000亿' }, '亿元')).toEqual({ ok: true, value: { number: '3000', qualifier: '突破', unit: '亿元' } });
    expect(readFigure({ t: 's', v: '1512万' }, '万美元')).toEqual({ ok: true, value: { number: '1512', unit: '万美元' } });
    expect(readFigure({ t: 's', v: '1.2万' }, '人')).toEqual({ ok: true, value: { number: '12000' } });
    expect(readFigure({ t: 's', v: '增长42.5%' })).toMatchObject({ ok: false, code: 'FIGURE_GROWTH_IN_VALUE' });
  });

  it('compares decimals as numbers', () => {
    expect(sameDecimal('80', '80.0')).toBe(true);
    expect(sameDecimal('80', '800')).toBe(false);
    expect(sameDecimal('0.50', '0.5')).toBe(true);
    expect(sameDecimal(null, '1')).toBe(false);
  });
});

describe('headings', () => {
  it('matches the ways people head a column', () => {
    expect(headerRole('指标名称')).toBe('name');
    expect(headerRole(' 指标 名称 ')).toBe('name');
    expect(headerRole('同比增长（％）')).toBe('growth');
    expect(headerRole('同比增长(%)')).toBe('growth');
    expect(headerRole('本期值\n(亿元)')).toBe('value');
    expect(headerRole('Value')).toBe('value');
    expect(headerRole('计量单位')).toBe('unit');
    // Last year's column is recognised as such, so neither an import nor a paste takes it for 本期.
    expect(headerRole('上年同期')).toBe('previous');
    expect(headerRole('2022年', new Set(['2022年']))).toBe('value');
  });
});

describe('CSV', () => {
  it('detects the encoding', () => {
    expect(decodeText(Buffer.from('\uFEFF指标', 'utf8'))).toEqual({ text: '指标', encoding: 'utf-8' });
    expect(decodeText(encodeGbk('指标名称'))).toEqual({ text: '指标名称', encoding: 'gb18030' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('指标\t值', 'utf16le')]))).toEqual({ text: '指标\t值', encoding: 'utf-16le' });
  });

  it('parses quotes, doubled quotes, line breaks in cells and any line ending', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,"x\r\ny",3\r2,,\n', 's')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', 'x\ny', '3'],
      ['2', '', ''],
    ]);
    expect(parseCsv('名称\t本期\n地区生产总值\t1\n', 's')).toEqual([
      ['名称', '本期'],
      ['地区生产总值', '1'],
    ]);
    expect(parseCsv('a;b\n1;2', 's')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('names the row where a quote opened and never closed', () => {
    try {
      parseCsv('a,b\n1,"2\n3,4\n', 'x.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FatalImport);
      expect(e).toMatchObject({ code: 'IMPORT_CSV_QUOTE', params: { row: 2 }, place: { sheet: 'x.csv', row: 2 } });
    }
  });
});

describe('sheet XML', () => {
  it('reads shared and inline strings, formulas with and without results, errors, merges', () => {
    const sst = parseSharedStrings('<sst><si><t>指标</t></si><si><r><t>地区</t></r><r><t xml:space="preserve">生产总值</t></r><rPh><t>ちく</t></rPh></si><si><t>a_x000D_b &amp; c</t></si></sst>');
    expect(sst).toEqual(['指标', '地区生产总值', 'a\rb & c']);
    const xml = `<worksheet><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>本期</t></is></c></row>
      <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><f>1+1</f><v>2</v></c><c r="C3"><f>B3*2</f></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" t="str"><f>"x"</f><v>x</v></c><c r="F3" t="b"><v>1</v></c></row>
      <row><c><v>7</v></c><c><v>8</v></c></row>
    </sheetData><mergeCells count="1"><mergeCell ref="B5:C6"/></mergeCells></worksheet>`;
    const s = scanSheet('S', xml, () => sst);
    expect(s.rows.get(1)![1]).toEqual({ t: 's', v: '指标' });
    expect(s.rows.get(1)![3]).toEqual({ t: 's', v: '本期' });
    expect(s.rows.get(3)!.slice(1, 7)).toEqual([
      { t: 's', v: '地区生产总值' },
      { t: 'n', v: '2' },
      { t: 'f', v: 'B3*2' },
      { t: 'e', v: '#DIV/0!' },
      { t: 's', v: 'x' },
      { t: 'b', v: true },
    ]);
    expect(s.rows.get(4)!.slice(1, 3)).toEqual([
      { t: 'n', v: '7' },
      { t: 'n', v: '8' },
    ]); // rows and cells without r="" follow the previous ones
    expect(s.merges).toEqual([{ top: 5, bottom: 6, left: 2, right: 3 }]);
    expect(s.maxRow).toBe(4);
  });

  it('reads sheets written with a namespace prefix', () => {
    const s = scanSheet('S', '<x:worksheet xmlns:x="…"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>', () => []);
    expect(s.rows.get(2)![2]).toEqual({ t: 'n', v: '5' });
  });

  it('numbers columns like Excel', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('AB')).toBe(28);
    expect(columnLetters(28)).toBe('AB');
    expect(columnLetters(16384)).toBe('XFD');
  });

  it('finds sheets through the relationships, hidden state included', () => {
    const wb = (xml: string) => Buffer.from(`<?xml version="1.0"?>${xml}`);
    const zip = makeZip([
      { name: '[Content_Types].xml', data: wb('<Types/>') },
      { name: '_rels/.rels', data: wb('<Relationships><Relationship Id="r1" Type="http://x/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
      { name: 'xl/workbook.xml', data: wb('<workbook><sheets><sheet name="数据 &amp; 说明" sheetId="1" r:id="rId2"/><sheet name="_m" sheetId="2" state="veryHidden" r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/_rels/workbook.xml.rels', data: wb('<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="/xl/worksheets/b.xml"/><Relationship Id="rId2" Type="http://x/worksheet" Target="worksheets/a.xml"/></Relationships>') },
      { name: 'xl/worksheets/a.xml', data: wb('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>') },
      { name: 'xl/worksheets/b.xml', data: wb('<worksheet><sheetData/></worksheet>') },
    ]);
    const x = new XlsxFile(new ZipReader(zip));
    expect(x.sheets).toEqual([
      { name: '数据 & 说明', state: 'visible', path: 'xl/worksheets/a.xml' },
      { name: '_m', state: 'veryHidden', path: 'xl/worksheets/b.xml' },
    ]);
    expect(x.readSheet(x.sheets[0]!)!.rows.get(1)![1]).toEqual({ t: 'n', v: '1' });
  });
});

describe('reading limits (limits.ts) not reached by the hostile corpus', () => {
  const sheetXml = (cells: string) => `<worksheet><sheetData>${cells}</sheetData></worksheet>`;

  it('stops at more sheets than READ_LIMITS.sheets, before reading any', () => {
    const sheets = Array.from({ length: READ_LIMITS.sheets + 1 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const rels = Array.from({ length: READ_LIMITS.sheets + 1 }, (_, i) => `<Relationship Id="rId${i + 1}" Type="x/worksheet" Target="worksheets/s${i}.xml"/>`).join('');
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from(`<workbook xmlns:r="r"><sheets>${sheets}</sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<Relationships>${rels}</Relationships>`) },
    ]);
    expect(() => new XlsxFile(new ZipReader(zip))).toThrow(expect.objectContaining({ limit: 'sheets' }));
  });

  it('counts cells and rows over all sheets of a file', () => {
    const budget = new ReadBudget();
    budget.cells = READ_LIMITS.cells - 1;
    expect(() => scanSheet('s', sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>'), () => [], () => [], budget)).toThrow(expect.objectContaining({ limit: 'cells' }));
    const rows = new ReadBudget();
    rows.rows = READ_LIMITS.rows;
    expect(() => scanSheet('s', sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'), () => [], () => [], rows)).toThrow(expect.objectContaining({ limit: 'rows' }));
  });

  it('counts shared strings and their characters', () => {
    const few = new ReadBudget();
    few.sharedStrings = READ_LIMITS.sharedStrings;
    expect(() => parseSharedStrings('<sst><si><t>a</t></si></sst>', few)).toThrow(expect.objectContaining({ limit: 'sharedStrings' }));
    const long = new ReadBudget();
    long.sharedStringChars = READ_LIMITS.sharedStringChars - 2;
    expect(() => parseSharedStrings('<sst><si><t>abc</t></si></sst>', long)).toThrow(expect.objectContaining({ limit: 'sharedStringChars' }));
  });

  it('checks XML: scrambled tags are damage, deep nesting is refused, quoted > and comments are no tags', () => {
    expect(() => checkXml('<a x="1>2" y=\'/>\'><!-- <b> --><![CDATA[<c>]]><d/></a>', 'p')).not.toThrow();
    expect(() => checkXml('<a><b></a></b>', 'p')).toThrow(XmlDamaged);
    expect(() => checkXml('<a><b>', 'p')).toThrow(XmlDamaged);
    expect(() => checkXml('<a>'.repeat(READ_LIMITS.xmlDepth) + '</a>'.repeat(READ_LIMITS.xmlDepth), 'p')).not.toThrow();
    expect(() => checkXml('<a>'.repeat(READ_LIMITS.xmlDepth + 1) + '</a>'.repeat(READ_LIMITS.xmlDepth + 1), 'p')).toThrow(expect.objectContaining({ tooDeep: READ_LIMITS.xmlDepth }));
  });

  it('a CSV keeps no blank row and stops at the line limit', () => {
    expect(parseCsv('a,b\n\n\n1,2\n', 's').filter((r) => r.length > 0)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(() => parseCsv('\n'.repeat(READ_LIMITS.lines + 1), 's')).toThrow(expect.objectContaining({ limit: 'lines' }));
  });
});
