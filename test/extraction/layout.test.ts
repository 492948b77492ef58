import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src-main/core/extraction/layout.ts';

describe('an article read into a document’s parts', () => {
  it('a short first line is the title, a by-line below it, short lines without punctuation are headings (several lines, one heading)', () => {
    const l = readLayout('园区开创发展新局面\n记者 张三\n导语第一段。\n产业立区\n优势产业蓬勃发展\n正文一段，有数据。\n一、下半年工作安排\n确保全年营业收入突破1400亿元。');
    expect(l.title?.text).toBe('园区开创发展新局面');
    expect(l.byline?.text).toBe('记者 张三');
    expect(l.lead.map((x) => x.text)).toEqual(['导语第一段。']);
    expect(l.sections.map((s) => [s.heading.map((h) => h.text), s.paragraphs.map((p) => p.text)])).toEqual([
      [['产业立区', '优势产业蓬勃发展'], ['正文一段，有数据。']],
      [['一、下半年工作安排'], ['确保全年营业收入突破1400亿元。']],
    ]);
  });

  it('a first line that reads as prose is no title, and every line is kept, in order', () => {
    const text = '当前位置: 云南频道/ 时政报道\n昆明高新区开创新局面\n2018-06-20 来源:昆明日报\n本届南博会上，展台受到青睐。记者王俊星摄';
    const l = readLayout(text);
    expect(l.title).toBeNull();
    const kept = [...l.lead, ...l.sections.flatMap((s) => [...s.heading, ...s.paragraphs])].map((x) => x.text).join('\n');
    expect(kept).toBe(text);
  });
});
