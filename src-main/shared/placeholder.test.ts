import { describe, expect, it } from 'vitest';
import { periodFromWriting, placeholderText, tokenize } from './placeholder.ts';
import { unitDef } from './figure/units.ts';
import { seededRandom } from '../../test/support/seeded-random.ts';

const isUnit = (s: string) => unitDef(s) !== undefined;

describe('tokenize', () => {
  it('splits prose into text and placeholders with period, options and unit', () => {
    expect(tokenize('产值{新材料产业产值@2018年1—4月|目标|同比|万元}。', isUnit)).toEqual([
      { kind: 'text', text: '产值' },
      {
        kind: 'placeholder',
        placeholder: { source: '{新材料产业产值@2018年1—4月|目标|同比|万元}', indicator: '新材料产业产值', period: '2018年1—4月', options: ['目标', '同比'], unit: '万元', unknown: [] },
      },
      { kind: 'text', text: '。' },
    ]);
  });

  it('reads full-width braces, bars and at-signs from an IME', () => {
    const [t] = tokenize('｛地区生产总值＠上年｜同比｝', isUnit);
    expect(t).toMatchObject({ kind: 'placeholder', placeholder: { indicator: '地区生产总值', period: '上年', options: ['同比'] } });
  });

  it('keeps doubled braces as literal braces', () => {
    expect(tokenize('{{不是占位符}}', isUnit)).toEqual([{ kind: 'text', text: '{不是占位符}' }]);
  });

  it.each([
    ['{地区生产总值', 'unclosed', '{地区生产总值'],
    ['{地区生产总值 {园区总收入}', 'unclosed', '{地区生产总值 '],
    ['{ }', 'empty', '{ }'],
    ['{@2017}', 'empty', '{@2017}'],
  ])('reports %s as %s', (prose, reason, source) => {
    expect(tokenize(prose, isUnit)).toContainEqual({ kind: 'error', source, reason });
  });

  it('keeps unknown options for the caller to name', () => {
    const [t] = tokenize('{地区生产总值|环比|亿元|万元}', isUnit);
    expect(t).toMatchObject({ placeholder: { unit: '亿元', unknown: ['环比', '万元'] } });
  });

  it('handles characters outside the BMP without splitting them', () => {
    expect(tokenize('𠀋{地区生产总值}𠀋', isUnit).map((t) => t.kind)).toEqual(['text', 'placeholder', 'text']);
  });
});

describe('placeholderText', () => {
  it('writes the canonical form the picker inserts', () => {
    expect(placeholderText({ indicator: '地区生产总值' })).toBe('{地区生产总值}');
    expect(placeholderText({ indicator: '引进内资', period: '2018', options: ['目标', '同比'], unit: '万元' })).toBe('{引进内资@2018|目标|同比|万元}');
  });
});

describe('periodFromWriting', () => {
  it.each([
    ['2017', '2022', '2017'],
    ['2018M1-4', '2022', '2018M1-4'],
    ['2018m1-4', '2022', '2018M1-4'],
    ['2017年', '2022', '2017'],
    ['2018年1—4月', '2022', '2018M1-4'],
    ['2018年1-4月', '2022', '2018M1-4'],
    ['2018年4月', '2022', '2018M4'],
    ['2022年第三季度', '2022', '2022Q3'],
    ['上年', '2018M1-4', '2017M1-4'],
    ['去年', '2022Q3', '2021Q3'],
    ['明年', '2022', null],
    ['2018年13月', '2022', null],
    ['2018年4—1月', '2022', null],
  ])('%s (own %s) → %s', (written, own, key) => {
    expect(periodFromWriting(written, own)).toBe(key);
  });
});

describe('tokenize by whole runs of text', () => {
  // The tokenizer as it read prose a code point at a time, kept to check the faster one against.
  function byCodePoint(prose: string): unknown[] {
    const WIDE: Record<string, string> = { '｛': '{', '｝': '}', '｜': '|', '＠': '@' };
    const narrow = (c: string) => WIDE[c] ?? c;
    const out: unknown[] = [];
    let buf = '';
    const flush = () => {
      if (buf) out.push({ kind: 'text', text: buf });
      buf = '';
    };
    const chars = [...prose];
    for (let i = 0; i < chars.length; i++) {
      const c = narrow(chars[i]!);
      const next = chars[i + 1] === undefined ? undefined : narrow(chars[i + 1]!);
      if ((c === '{' && next === '{') || (c === '}' && next === '}')) {
        buf += c;
        i++;
        continue;
      }
      if (c !== '{') {
        buf += chars[i];
        continue;
      }
      let j = i + 1;
      while (j < chars.length && narrow(chars[j]!) !== '}' && narrow(chars[j]!) !== '{' && chars[j] !== '\n') j++;
      flush();
      if (j >= chars.length || narrow(chars[j]!) !== '}') {
        out.push({ kind: 'error', source: chars.slice(i, j).join(''), reason: 'unclosed' });
        i = j - 1;
        continue;
      }
      const source = chars.slice(i, j + 1).join('');
      const [placeholder] = tokenize(source, isUnit);
      out.push(placeholder);
      i = j;
    }
    flush();
    return out;
  }

  it('splits 2000 random proses of braces, wide braces, line breaks and astral characters as the code-point reading did', () => {
    const random = seededRandom(14);
    const pieces = ['{', '}', '｛', '｝', '{{', '}}', '\n', '|', '｜', '@', '产值', '亿元', '同比', '2022', '𠀋', '😀', ' ', '。'];
    for (let n = 0; n < 2000; n++) {
      const prose = Array.from({ length: Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(tokenize(prose, isUnit), prose).toEqual(byCodePoint(prose));
    }
  });
});
