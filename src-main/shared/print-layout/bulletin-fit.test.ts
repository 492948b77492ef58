import { describe, expect, it } from 'vitest';
import { LINE_PITCH } from './bulletin.ts';
import { PAGE_TWIPS, endBlockPlace, fitPlaces, lineStarts } from './bulletin-fit.ts';

/** The lines of `text` as lineStarts cuts them. */
const lines = (text: string, indent = 0) => {
  const s = lineStarts(text, indent);
  return s.map((at, i) => text.slice(at, s[i + 1]));
};

describe('the bulletin\'s lines as LibreOffice fills them (lines of the demo bulletins)', () => {
  it('sets 28 Chinese characters to the line', () => {
    expect(lines('构、中国产学研合作创新示范基地、科技与文化融合示范基地等16个国家级创新基地')[0]).toBe('构、中国产学研合作创新示范基地、科技与文化融合示范基地等');
  });

  it('never opens a line with a marker\'s closing brace: its last character goes down with it, as LibreOffice sets it', () => {
    // 昆明高新区's 2017 article copied to 2022, its figures unfilled and marked (an issue's second article, rendered).
    const text = '2017年昆明高新区新增高新技术企业{新增高新技术企业数}、新三板企业{新增新三板企业数}，完成专利授权和申请{专利申请和授权量}。';
    expect(lines(text, 2).slice(0, 2)).toEqual(['2017年昆明高新区新增高新技术企业{新增高新技术企业', '数}、新三板企业{新增新三板企业数}，完成专利授权和申请{专']);
  });

  it('sets quotes after Latin text at the Latin width, so “188” fits where full-width quotes would not', () => {
    expect(lines('产业。这5个项目符合云南省“八大重点产业”和昆明市“188”重点产业要求')[0]).toBe('产业。这5个项目符合云南省“八大重点产业”和昆明市“188”');
    expect(lines('及“互联网+”“中国制造2025”等重大部署的指引下，坚持与时俱进，集中精力')[0]).toBe('及“互联网+”“中国制造2025”等重大部署的指引下，坚持与时');
  });

  it('never opens a line with closing punctuation nor ends one with an opening mark, and keeps a figure whole', () => {
    for (const l of lines('革命、主责主业、招商引资、创新创业、知识产权、园区建设“六大行动”，成功获批国家级知识产权强国建设试点园区、国家级绿色工业园区，产值78.13亿元')) {
      expect(l).not.toMatch(/^[，。、”]/);
      expect(l).not.toMatch(/“$/);
    }
    expect(lines(`${'一'.repeat(26)}，2022年全区实现`).map((l) => l.slice(0, 6))).toEqual(['一一一一一一', '一，2022']);
  });
});

describe('the source list\'s lines as LibreOffice fills them (数据来源 of the demo bulletins)', () => {
  it('sets no space between a figure and the ideograph after it when the line breaks there', () => {
    expect(lines('10.新签约项目数（2022）：《园区风采》2023.08 第40—41页：新签约项目 11 个', 2)[0]).toBe('10.新签约项目数（2022）：《园区风采》2023.08 第40—41');
  });

  it('breaks a date after a hyphen, never between a Latin stretch and an opening mark that overflows after it', () => {
    expect(lines('16.新开工项目数（2018M1-6）：《昆明日报》2018-06-20《昆明高新区开创园区跨越式发展新局面》', 2)[0]).toBe('16.新开工项目数（2018M1-6）：《昆明日报》2018-06-');
    // An opening mark that fits but cannot end the line goes down alone.
    expect(lines('17.国家级创新基地数（2017）：《昆明日报》2018-06-20《昆明高新区开创园区跨越式发展新局面》', 2)[0]).toBe('17.国家级创新基地数（2017）：《昆明日报》2018-06-20');
  });

  it('keeps an ellipsis whole, with the character before it', () => {
    expect(lines('20《昆明高新区开创园区跨越式发展新局面》：今年1—4月……外资1512万美元')[0]).toBe('20《昆明高新区开创园区跨越式发展新局面》：今年1—4');
  });
});

describe('the pages the bulletin\'s flow falls on', () => {
  it('places each piece: a paragraph split between pages with two lines at least on each side', () => {
    const { pieces, page } = fitPlaces([{ lines: 20 }, { lines: 5 }]);
    expect(pieces).toEqual([
      { item: 0, page: 1, fromLine: 0, toLine: 20 },
      { item: 1, page: 1, fromLine: 0, toLine: 2 },
      { item: 1, page: 2, fromLine: 2, toLine: 5 },
    ]);
    expect(page).toBe(2);
  });

  it('puts the end block on the even page the body ends on, else on the next even page', () => {
    expect(endBlockPlace(3, { page: 2, used: 10 * LINE_PITCH }).page).toBe(2);
    expect(endBlockPlace(3, { page: 3, used: 10 * LINE_PITCH }).page).toBe(4);
    expect(endBlockPlace(3, { page: 2, used: PAGE_TWIPS - LINE_PITCH }).page).toBe(4);
  });
});
