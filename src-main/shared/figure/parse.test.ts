/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import catalog from '../../../resources/catalog/catalog.json' with { type: 'json' };
import demo from '../../../resources/demo/demo-store.json' with { type: 'json' };
import { formatMessage, type ErrorCode } from '../errors.ts';
import { parseFigure, type FigureField, type ParsedFigure, type ParseOptions } from './parse.ts';
import { figureText, QUALIFIER_CODES, type Qualifier } from './qualifiers.ts';
import { UNITS, unitText } from './units.ts';
import { seededRandom } from '../../../test/support/seeded-random.ts';

// The real articles, found beside the repository (../shared), as every test that reads them does.
const ARTICLE_TEXTS = import.meta.glob<string>('../../../../shared/{seeds,corpus/articles}/*.txt', { query: '?raw', import: 'default', eager: true });

const SOURCES = {
  CX: 'seeds/chuxiong-hitech-zone-magazine-2023-08.txt',
  KM: 'seeds/kunming-hitech-zone-news-2018-06.txt',
  YX: 'corpus/articles/01_yuxi_gaoxinqu.txt',
  NN: 'corpus/articles/02_nanning_gaoxinqu.txt',
  AN: 'corpus/articles/04_anning_gongyeyuanqu.txt',
  LZ: 'corpus/articles/06_luzhou_gaoxinqu.txt',
} as const;
type Source = keyof typeof SOURCES;

/** What a phrase reads as: the figure, or the code of its refusal. */
type Want = ParsedFigure | ErrorCode;

const v = (value: string, unit?: string, qualifier?: Qualifier): ParsedFigure => ({ value, ...(unit ? { unit } : {}), ...(qualifier ? { qualifier } : {}) });
const g = (growth: string, growthUnit?: '%' | '个百分点', qualifier?: Qualifier): ParsedFigure => ({
  growth,
  ...(growthUnit ? { growthUnit } : {}),
  ...(qualifier ? { qualifier } : {}),
});

/**
 * Figure phrases as the articles write them (blanks of the PDF extraction included), cut where
 * the article extraction will cut them, with what each says; and the phrases around them that
 * look like figures and are not (dates, ordinals, spelled-out counts, before/after pairs).
 */
const ARTICLE_CASES: [Source, string, Want][] = [
  // 楚雄高新区, 《园区风采》2023.08
  ['CX', '84.22 平方公里', v('84.22', '平方公里')],
  ['CX', '333.52亿元', v('333.52', '亿元')],
  ['CX', '78.13 亿元', v('78.13', '亿元')],
  ['CX', '248.11亿元', v('248.11', '亿元')],
  ['CX', '增长 42.5%', g('42.5', '%')],
  ['CX', '199 次', v('199', '次')],
  ['CX', '569 余人', v('569', '人', '余')],
  ['CX', '49 次', v('49', '次')],
  ['CX', '3 场次', v('3', '场次')],
  ['CX', '35 个工作日', v('35', '工作日')],
  ['CX', '5 个工作日', v('5', '工作日')],
  ['CX', '缩短为 5 个工作日', v('5', '工作日')],
  ['CX', '11 个', v('11', '个')],
  ['CX', '192.5 亿元', v('192.5', '亿元')],
  ['CX', '170 个', v('170', '个')],
  ['CX', '46.21亿元', v('46.21', '亿元')],
  ['CX', '29 个', v('29', '个')],
  ['CX', '18 个', v('18', '个')],
  ['CX', '6 个', v('6', '个')],
  ['CX', '19 个', v('19', '个')],
  ['CX', '27.3 亿元', v('27.3', '亿元')],
  ['CX', '15.8 亿元', v('15.8', '亿元')],
  ['CX', '37 户', v('37', '户')],
  ['CX', '7 户', v('7', '户')],
  ['CX', '6950 万元', v('6950', '万元')],
  ['CX', '240 个', v('240', '个')],
  ['CX', '9 户', v('9', '户')],
  ['CX', '1 户', v('1', '户')],
  ['CX', '2.24 亿元', v('2.24', '亿元')],
  ['CX', '3 家', v('3', '家')],
  ['CX', '由原来的 35 个工作日缩短为 5 个工作日', 'FIGURE_TWO_NUMBERS'],
  ['CX', '20 万吨', 'FIGURE_UNIT_UNKNOWN'],
  ['CX', '500 强', 'FIGURE_UNIT_UNKNOWN'],
  ['CX', '1992 年', 'FIGURE_UNIT_UNKNOWN'],
  ['CX', '2018 年 2 月', 'FIGURE_TWO_NUMBERS'],
  ['CX', '2 主 3 辅', 'FIGURE_TWO_NUMBERS'],
  ['CX', '四个批次', 'NOT_A_NUMBER'],
  ['CX', '十二条', 'NOT_A_NUMBER'],
  ['CX', '六大行动', 'NOT_A_NUMBER'],
  // 昆明高新区, 昆明日报 2018-06-20
  ['KM', '突破2000亿元', v('2000', '亿元', '突破')],
  ['KM', '22.88亿元', v('22.88', '亿元')],
  ['KM', '96.06亿元', v('96.06', '亿元')],
  ['KM', '14.2%', v('14.2', '%')],
  ['KM', '增长12.9%', g('12.9', '%')],
  ['KM', '16.5亿美元', v('16.5', '亿美元')],
  ['KM', '近80%', v('80', '%', '近')],
  ['KM', '上100亿元', v('100', '亿元', '以上')],
  ['KM', '上10亿元', v('10', '亿元', '以上')],
  ['KM', '4家', v('4', '家')],
  ['KM', '22家', v('22', '家')],
  ['KM', '89家', v('89', '家')],
  ['KM', '9194.35万美元', v('9194.35', '万美元')],
  ['KM', '125.05亿元', v('125.05', '亿元')],
  ['KM', '45.5亿元', v('45.5', '亿元')],
  ['KM', '1512万美元', v('1512', '万美元')],
  ['KM', '达到57.97亿元', v('57.97', '亿元')],
  ['KM', '5个', v('5', '个')],
  ['KM', '16个', v('16', '个')],
  ['KM', '共计21个', v('21', '个')],
  ['KM', '73个', v('73', '个')],
  ['KM', '共33个', v('33', '个')],
  ['KM', '共13个', v('13', '个')],
  ['KM', '32户', v('32', '户')],
  ['KM', '2户', v('2', '户')],
  ['KM', '1478项', v('1478', '项')],
  ['KM', '8个', v('8', '个')],
  ['KM', '38名', v('38', '名')],
  ['KM', '2.5项', v('2.5', '项')],
  ['KM', '14个', v('14', '个')],
  ['KM', '176个工作日', v('176', '工作日')],
  ['KM', '28个工作日', v('28', '工作日')],
  ['KM', '压缩为28个工作日', v('28', '工作日')],
  ['KM', '148个工作日', v('148', '工作日')],
  ['KM', '增长10%左右', g('10', '%', '左右')],
  ['KM', '30%以上', v('30', '%', '以上')],
  ['KM', '达到56%', v('56', '%')],
  ['KM', '不少于20户', v('20', '户', '不少于')],
  ['KM', '55%', v('55', '%')],
  ['KM', '从176个工作日压缩为28个工作日', 'FIGURE_TWO_NUMBERS'],
  ['KM', '减少了148个工作日', 'FIGURE_GROWTH_UNIT'],
  ['KM', '5个项目', 'FIGURE_UNIT_UNKNOWN'],
  ['KM', '500强', 'FIGURE_UNIT_UNKNOWN'],
  ['KM', '1992年', 'FIGURE_UNIT_UNKNOWN'],
  ['KM', '6月15日', 'FIGURE_TWO_NUMBERS'],
  ['KM', '2018-06-20', 'FIGURE_TWO_NUMBERS'],
  ['KM', '八大重点产业', 'NOT_A_NUMBER'],
  ['KM', '五个方面', 'NOT_A_NUMBER'],
  // 玉溪高新区, 2023
  ['YX', '1220亿元', v('1220', '亿元')],
  ['YX', '同比增8.5%', g('8.5', '%')],
  ['YX', '820.86亿元', v('820.86', '亿元')],
  ['YX', '同比增4.3%', g('4.3', '%')],
  ['YX', '562.01亿元', v('562.01', '亿元')],
  ['YX', '同比增5.6%', g('5.6', '%')],
  ['YX', '38.04亿元', v('38.04', '亿元')],
  ['YX', '30.6亿元', v('30.6', '亿元')],
  ['YX', '80.4%', v('80.4', '%')],
  ['YX', '2000万元', v('2000', '万元')],
  ['YX', '16次', v('16', '次')],
  ['YX', '21.36亿元', v('21.36', '亿元')],
  ['YX', '连续3年', 'NOT_A_NUMBER'],
  ['YX', '3年', 'FIGURE_UNIT_UNKNOWN'],
  ['YX', '2024年9月', 'FIGURE_TWO_NUMBERS'],
  // 南宁高新区, 2020年1—9月
  ['NN', '上升至78.35%', v('78.35', '%')],
  ['NN', '115.66亿元', v('115.66', '亿元')],
  ['NN', '同比增长16.62%', g('16.62', '%')],
  ['NN', '15家', v('15', '家')],
  ['NN', '75%', v('75', '%')],
  ['NN', '351家', v('351', '家')],
  ['NN', '达18家', v('18', '家')],
  ['NN', '36家', v('36', '家')],
  ['NN', '50%', v('50', '%')],
  ['NN', '270.47亿元', v('270.47', '亿元')],
  ['NN', '同比增长126.3%', g('126.3', '%')],
  ['NN', '97家', v('97', '家')],
  ['NN', '11644万美元', v('11644', '万美元')],
  ['NN', '194%', v('194', '%')],
  ['NN', '约12.82亿元', v('12.82', '亿元', '约')],
  ['NN', '98.62%', v('98.62', '%')],
  ['NN', '1—9月', 'FIGURE_TWO_NUMBERS'],
  ['NN', '1—8月', 'FIGURE_TWO_NUMBERS'],
  ['NN', '第15', 'NOT_A_NUMBER'],
  ['NN', '两年半', 'NOT_A_NUMBER'],
  ['NN', '百亿级', 'FIGURE_UNIT_UNKNOWN'],
  ['NN', '占全年任务的194%', 'NOT_A_NUMBER'],
  // 安宁工业园区, 2022
  ['AN', '超千亿元', v('1000', '亿元', '超')],
  ['AN', '达1259.88亿元', v('1259.88', '亿元')],
  ['AN', '同比增长31.31%', g('31.31', '%')],
  ['AN', '163.16亿元', v('163.16', '亿元')],
  ['AN', '同比增长79.05%', g('79.05', '%')],
  ['AN', '46个', v('46', '个')],
  ['AN', '百亿元以上', v('100', '亿元', '以上')],
  ['AN', '7个', v('7', '个')],
  ['AN', '50亿元以上', v('50', '亿元', '以上')],
  ['AN', '3个', v('3', '个')],
  ['AN', '1355亿元', v('1355', '亿元')],
  ['AN', '168.6亿元', v('168.6', '亿元')],
  ['AN', '73.6亿元', v('73.6', '亿元')],
  ['AN', '3000亿元', v('3000', '亿元')],
  ['AN', '超目标任务73.6亿元', 'NOT_A_NUMBER'],
  ['AN', '三大千亿级产业', 'NOT_A_NUMBER'],
  ['AN', '1月29日', 'FIGURE_TWO_NUMBERS'],
  // 泸州国家高新区, 2019
  ['LZ', '20%以上', v('20', '%', '以上')],
  ['LZ', '405.7亿元', v('405.7', '亿元')],
  ['LZ', '同比增长23.5%', g('23.5', '%')],
  ['LZ', '319.5亿元', v('319.5', '亿元')],
  ['LZ', '增长21.1%', g('21.1', '%')],
  ['LZ', '20多家', v('20', '家', '多')],
  ['LZ', '520亿元', v('520', '亿元')],
  ['LZ', '增长52.6%', g('52.6', '%')],
  ['LZ', '120亿元', v('120', '亿元')],
  ['LZ', '增长达到15.0%', g('15.0', '%')],
  ['LZ', '3亿元', v('3', '亿元')],
  ['LZ', '12家', v('12', '家')],
  ['LZ', '5家', v('5', '家')],
  ['LZ', '10亿元', v('10', '亿元')],
  ['LZ', '22个', v('22', '个')],
  ['LZ', '5亿元以上', v('5', '亿元', '以上')],
  ['LZ', '4个', v('4', '个')],
  ['LZ', '60亿元', v('60', '亿元')],
  ['LZ', '55.2亿元', v('55.2', '亿元')],
  ['LZ', '第115名', 'NOT_A_NUMBER'],
  ['LZ', '5大', 'FIGURE_UNIT_UNKNOWN'],
  ['LZ', '两大产业集群', 'NOT_A_NUMBER'],
  ['LZ', '百强园区', 'NOT_A_NUMBER'],
];

/** Read as an article's phrase is: no field, no indicator. */
function read(text: string, opts: ParseOptions = {}): Want | null {
  const r = parseFigure(text, opts);
  if (r === null) return null;
  return r.ok ? r.figure : r.code;
}

describe('figure phrases of the real articles', () => {
  it.each(ARTICLE_CASES)('%s: %s', (_source, phrase, want) => {
    expect(read(phrase)).toEqual(want);
  });

  it('copies every phrase from its article as written', () => {
    const texts = new Map(Object.entries(ARTICLE_TEXTS).map(([path, text]) => [path.replace(/^(\.\.\/)+shared\//, ''), text]));
    for (const path of Object.values(SOURCES)) expect(texts.has(path), `../shared/${path} beside the repository`).toBe(true);
    const missing = ARTICLE_CASES.filter(([source, phrase]) => !texts.get(SOURCES[source])!.includes(phrase));
    expect(missing).toEqual([]);
  });

  it('names the phrase in every refusal, in both languages', () => {
    for (const [, phrase, want] of ARTICLE_CASES) {
      if (typeof want !== 'string') continue;
      const r = parseFigure(phrase);
      if (r === null || r.ok) throw new Error(`${phrase} was not refused`);
      for (const locale of ['zh-CN', 'en'] as const) expect(formatMessage(r.code, r.params, locale)).toContain(phrase);
    }
  });
});

describe('figures written the way such articles write them', () => {
  it.each<[string, Want]>([
    ['八成以上', v('80', '%', '以上')],
    ['三成', v('30', '%')],
    ['近三成', v('30', '%', '近')],
    ['超八成', v('80', '%', '超')],
    ['七成多', v('70', '%', '多')],
    ['两倍多', v('200', '%', '多')],
    ['两倍', v('200', '%')],
    ['2倍', v('200', '%')],
    ['1.2万人', v('12000', '人')],
    ['120万人次', v('1200000', '人次')],
    ['1万余人', v('10000', '人', '余')],
    ['上万人', v('10000', '人', '以上')],
    ['3000余万元', v('3000', '万元', '余')],
    ['3000万余元', v('3000', '万元', '余')],
    ['突破3000亿', v('3000', '亿元', '突破')],
    ['3.5万亿元', v('35000', '亿元')],
    ['3千万元', v('3000', '万元')],
    ['超亿元', v('1', '亿元', '超')],
    ['百余家', v('100', '家', '余')],
    ['十余个', v('10', '个', '余')],
    ['十亿元', v('10', '亿元')],
    ['超过20%', v('20', '%', '超')],
    ['逾百亿元', v('100', '亿元', '逾')],
    ['破千亿元', v('1000', '亿元', '突破')],
    ['将近3000人', v('3000', '人', '近')],
    ['大约12亿元', v('12', '亿元', '约')],
    ['5%上下', v('5', '%', '左右')],
    ['20户及以上', v('20', '户', '以上')],
    ['不低于56%', v('56', '%', '不少于')],
    ['至少20户', v('20', '户', '不少于')],
    ['1,512', v('1512')],
    ['１，５１２万美元', v('1512', '万美元')],
    ['３３３．５２亿元', v('333.52', '亿元')],
    ['1.20万人', v('12000', '人')],
    ['333.50', v('333.50')],
    ['-3.2', v('-3.2')],
    ['+5', v('5')],
    ['1.5E+3', v('1500')],
    ['84.22平方千米', v('84.22', '平方公里')],
    ['下降3.1%', g('-3.1', '%')],
    ['同比下降0.5%', g('-0.5', '%')],
    ['下降0%', g('0', '%')],
    ['提高2个百分点', g('2', '个百分点')],
    ['下降0.5个百分点', g('-0.5', '个百分点')],
    ['2个百分点', g('2', '个百分点')],
    ['增长2倍', g('200', '%')],
    ['增长1.5倍', g('150', '%')],
    ['增长一倍', g('100', '%')],
    ['增长三成', g('30', '%')],
    ['增长近10%', g('10', '%', '近')],
    ['增长10余%', g('10', '%', '余')],
    ['增长了12%', g('12', '%')],
    ['比上年增长8.2%', g('8.2', '%')],
    ['同比14.2%', g('14.2', '%')],
    ['翻一番', g('100', '%')],
    ['翻了两番', g('300', '%')],
    ['持平', g('0')],
    ['基本持平', g('0', undefined, '约')],
    ['提高到56%', v('56', '%')],
    ['降至3.2%', v('3.2', '%')],
  ])('%s', (phrase, want) => expect(read(phrase)).toEqual(want));

  it('reads a bare 亿 or 万 by the indicator: money in its currency, else a multiple', () => {
    expect(read('突破3000亿', { unit: '亿元' })).toEqual(v('3000', '亿元', '突破'));
    expect(read('1512万', { unit: '万美元' })).toEqual(v('1512', '万美元'));
    expect(read('3百', { unit: '亿元' })).toEqual(v('300', '元'));
    expect(read('1.2万', { unit: '人' })).toEqual(v('12000'));
    expect(read('569余', { unit: '人' })).toEqual(v('569', undefined, '余'));
  });

  it('reads a bare rate in the growth field as the growth, and refuses a growth as a value', () => {
    expect(read('42.5', { field: 'growth' })).toEqual(g('42.5'));
    expect(read('42.5%', { field: 'growth' })).toEqual(g('42.5', '%'));
    expect(read('10%左右', { field: 'growth' })).toEqual(g('10', '%', '左右'));
    expect(read('333.52亿元', { field: 'growth' })).toBe('FIGURE_GROWTH_UNIT');
    expect(read('2倍', { field: 'growth' })).toBe('FIGURE_MULTIPLE_GROWTH');
    expect(read('增长42.5%', { field: 'value' })).toBe('FIGURE_GROWTH_IN_VALUE');
    expect(read('提高2个百分点', { field: 'baseline' })).toBe('FIGURE_GROWTH_IN_VALUE');
  });

  it('has nothing to read in a blank cell or a "no data" dash', () => {
    for (const blank of ['', '   ', '　', '-', '－', '—', '——', '/', '…', '×']) expect(parseFigure(blank)).toBeNull();
  });
});

describe('refusals', () => {
  it.each<[string, ErrorCode, FigureField?]>([
    ['abc', 'NOT_A_NUMBER'],
    ['很多', 'NOT_A_NUMBER'],
    ['三百', 'NOT_A_NUMBER'],
    ['一百二十', 'NOT_A_NUMBER'],
    ['约三百', 'NOT_A_NUMBER'],
    ['三百四十左右亿', 'NOT_A_NUMBER'],
    ['0x1A', 'NOT_A_NUMBER'],
    ['NaN', 'NOT_A_NUMBER'],
    ['1.2.3', 'NOT_A_NUMBER'],
    ['.5', 'NOT_A_NUMBER'],
    ['1e', 'NOT_A_NUMBER'],
    ['亿元', 'NOT_A_NUMBER'],
    ['千元', 'NOT_A_NUMBER'],
    ['340左右亿元', 'NOT_A_NUMBER'],
    ['下降-3', 'NOT_A_NUMBER'],
    ['1e308', 'OUT_OF_RANGE'],
    ['-1E+308', 'OUT_OF_RANGE'],
    ['1e-308', 'OUT_OF_RANGE'],
    ['Infinity', 'OUT_OF_RANGE'],
    ['-∞', 'OUT_OF_RANGE'],
    ['1000000000000000', 'OUT_OF_RANGE'],
    ['99999999999999999', 'OUT_OF_RANGE'],
    ['1000万亿亿元', 'OUT_OF_RANGE'],
    ['0.00000000000000000000000000000000000000001', 'OUT_OF_RANGE'],
    ['9亿～16亿元', 'FIGURE_TWO_NUMBERS'],
    ['176→28', 'FIGURE_TWO_NUMBERS'],
    ['2022年333.52亿元', 'FIGURE_TWO_NUMBERS'],
    ['340斤', 'FIGURE_UNIT_UNKNOWN'],
    ['569余架次', 'FIGURE_UNIT_UNKNOWN'],
    ['近约80%', 'FIGURE_QUALIFIERS_STACKED'],
    ['约10%左右', 'FIGURE_QUALIFIERS_STACKED'],
    ['近569余人', 'FIGURE_QUALIFIERS_STACKED'],
    ['不足100家', 'FIGURE_QUALIFIER_UNSTORED'],
    ['不超过5个工作日', 'FIGURE_QUALIFIER_UNSTORED'],
    ['5个工作日以内', 'FIGURE_QUALIFIER_UNSTORED'],
    ['增长5亿元', 'FIGURE_GROWTH_UNIT'],
    ['下降2倍', 'FIGURE_FALL_TIMES'],
    ['333.52亿元', 'FIGURE_GROWTH_UNIT', 'growth'],
    ['增长42.5%', 'FIGURE_GROWTH_IN_VALUE', 'value'],
  ])('%s → %s', (text, code, field) => {
    const r = parseFigure(text, field ? { field } : {});
    expect(r).toMatchObject({ ok: false, code, params: { field: field ?? 'figure', text } });
    if (r && !r.ok) {
      expect(formatMessage(r.code, r.params)).toContain(`「${text}」`);
      expect(formatMessage(r.code, r.params, 'en')).toContain(`"${text}"`);
    }
  });

  it('names the unit it does not know and the words it cannot store', () => {
    expect(parseFigure('20万吨以上')).toMatchObject({ ok: false, params: { unit: '吨' } });
    expect(parseFigure('569余架次')).toMatchObject({ ok: false, params: { unit: '架次' } });
    expect(parseFigure('569余人次')).toMatchObject({ ok: true, figure: { value: '569', unit: '人次', qualifier: '余' } });
    expect(parseFigure('不足100家')).toMatchObject({ ok: false, params: { word: '不足', allowed: QUALIFIER_CODES.join('、') } });
    expect(parseFigure('近约80%')).toMatchObject({ ok: false, params: { first: '近', second: '约' } });
    const r = parseFigure('340斤', { field: 'value' });
    expect(r && !r.ok && formatMessage(r.code, r.params)).toBe(`本期值「340斤」中的计量单位「斤」无法识别，可用的单位：${UNITS.map((u) => u.code).join('、')}`);
  });
});

describe('what is written is read back', () => {
  const units = new Map<string, string>([...catalog.indicators, ...demo.indicators].map((i) => [i.name, i.unit]));

  it('every figure of the demo store, as figureText writes it', () => {
    let checked = 0;
    for (const f of demo.values as { indicator: string; value?: string; unit?: string; qualifier?: string; growth?: string; baseline?: string }[]) {
      const unit = f.unit ?? units.get(f.indicator)!;
      const q = (f.qualifier ?? null) as Qualifier | null;
      if (f.value !== undefined) {
        expect(read(figureText(f.value, unitText(unit), q), { field: 'value', unit }), f.indicator).toEqual(v(f.value, unit, q ?? undefined));
        checked++;
      }
      if (f.baseline !== undefined) {
        expect(read(figureText(f.baseline, unitText(unit), null), { field: 'baseline', unit })).toEqual(v(f.baseline, unit));
        checked++;
      }
      if (f.growth !== undefined) {
        expect(read(figureText(f.growth, '%', q), { field: 'growth' }), f.indicator).toEqual(g(f.growth, '%', q ?? undefined));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(demo.values.length);
  });

  it('generated figures: random decimals in every unit with every qualifier', () => {
    const random = seededRandom(20240611);
    for (let n = 0; n < 40; n++) {
      const number = randomDecimal(random);
      for (const u of UNITS) {
        for (const q of [null, ...QUALIFIER_CODES] as (Qualifier | null)[]) {
          for (const written of new Set([u.code, unitText(u.code)])) {
            const text = figureText(number, written, q);
            expect(read(text), text).toEqual(v(number, u.code, q ?? undefined));
          }
        }
      }
      for (const q of [null, ...QUALIFIER_CODES] as (Qualifier | null)[]) {
        expect(read(figureText(number, '%', q), { field: 'growth' })).toEqual(g(number, '%', q ?? undefined));
        expect(read(figureText(number, '个百分点', q))).toEqual(g(number, '个百分点', q ?? undefined));
      }
    }
  });
});

/** A canonical decimal: up to 15 integer digits, up to 6 places (trailing zeros kept), either sign. */
function randomDecimal(random: () => number): string {
  const digit = () => String(Math.floor(random() * 10));
  const intLength = Math.floor(random() * 15) + 1;
  let int = Array.from({ length: intLength }, digit).join('').replace(/^0+(?=\d)/, '');
  if (intLength > 1 && int.length < intLength) int = `${Math.floor(random() * 9) + 1}${int.slice(1)}`;
  const places = Math.floor(random() * 7);
  const frac = Array.from({ length: places }, digit).join('');
  const body = frac ? `${int}.${frac}` : int;
  const zero = /^0(\.0*)?$/.test(body);
  return random() < 0.2 && !zero ? `-${body}` : body;
}
