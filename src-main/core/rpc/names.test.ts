// Names with hidden characters and look-alike duplicates (issue 16), through dispatch — the one
// entry every front (window, browser mode, CLI) ends in.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from './dispatch.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { hiddenCharacter, lookAlike, nameKey } from '../../shared/names.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

describe('the name rule', () => {
  it('finds control, zero-width and bidi characters', () => {
    expect(hiddenCharacter('楚雄高新区\u200b')).toEqual({ code: 'U+200B', kind: '不可见字符' });
    expect(hiddenCharacter('\u202e区新高雄楚')).toEqual({ code: 'U+202E', kind: '文字方向控制符' });
    expect(hiddenCharacter('楚雄\u0007高新区')).toEqual({ code: 'U+0007', kind: '控制字符' });
    expect(hiddenCharacter('昆明高新区（一区）')).toBeNull();
  });

  it('compares names after NFKC: full-width, half-width and case are one name', () => {
    expect(nameKey('ＡＢＣ高新区')).toBe(nameKey('abc高新区'));
    expect(lookAlike('ABC 高新区', ['玉溪高新区', 'ＡＢＣ　高新区'])).toBe('ＡＢＣ　高新区');
    expect(lookAlike('玉溪高新区', ['楚雄高新区'])).toBeUndefined();
  });
});

describe('creating names through dispatch', () => {
  it('refuses a park, category or indicator name with a hidden character, naming it, and writes nothing', async () => {
    const before = dumpStore(s.ctx);
    for (const [method, input] of [
      ['parks.create', { name: '楚雄高新区\u200b' }],
      ['parks.create', { name: '\u202e区新高雄楚' }],
      ['catalog.createCategory', { name: '新兴\u2060产业' }],
      ['catalog.createIndicator', { categoryCode: 'INO', name: '瞪羚\ufeff企业数', unit: '家', decimals: 0 }],
    ] as const) {
      const r = await dispatch(s.ctx, method, input);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((r as { error: { message: string } }).error.message).toMatch(/^请求参数不符合要求：name: 名称含有(不可见字符|文字方向控制符) U\+[0-9A-F]{4}，/);
    }
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('refuses a look-alike of a stored name, naming the stored one', async () => {
    expect(await dispatch(s.ctx, 'parks.create', { name: 'ＡＢＣ高新区' })).toMatchObject({ ok: true });
    expect(await dispatch(s.ctx, 'parks.create', { name: 'ABC高新区' })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NAME', message: '已有同名的园区「ＡＢＣ高新区」' } });
    expect(await dispatch(s.ctx, 'catalog.createIndicator', { categoryCode: 'INO', name: 'ＧＤＰ增速', unit: '%', decimals: 1 })).toMatchObject({ ok: true });
    expect(await dispatch(s.ctx, 'catalog.createIndicator', { categoryCode: 'INO', name: 'gdp增速', unit: '%', decimals: 1 })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NAME' } });
    expect(await dispatch(s.ctx, 'catalog.createCategory', { name: 'ＡＩ产业' })).toMatchObject({ ok: true });
    expect(await dispatch(s.ctx, 'catalog.createCategory', { name: 'AI产业' })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NAME' } });
  });
});
