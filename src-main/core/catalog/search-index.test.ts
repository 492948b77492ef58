import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchIndicators } from '../../shared/search.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { getCatalog } from './get-catalog.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const names = (q: string) => searchIndicators(getCatalog(s.ctx.db).search, q).map((e) => e.name);

describe('finding an indicator as a user types', () => {
  it('by the initials of its pinyin, read in context', () => {
    expect(names('dqsczz')[0]).toBe('地区生产总值');
    expect(names('gsgyzjz')[0]).toBe('规上工业增加值');
    // 重点 is zhongdian, not chongdian: the dictionary reads the word, not the character.
    expect(names('zdxms')[0]).toBe('重点项目数');
  });

  it('by part of its name first, then code, alias and full pinyin', () => {
    expect(names('工业').slice(0, 2)).toEqual(['规上工业总产值', '规上工业增加值']);
    expect(names('e01')).toEqual(['地区生产总值']);
    // An alias of the built-in catalogue: 一般公共预算收入 is what many reports call it.
    expect(names('一般公共预算收入')[0]).toBe('地方一般公共预算收入');
    expect(names('diqusheng')[0]).toBe('地区生产总值');
  });

  it('finds nothing for what no indicator is called', () => {
    expect(names('xyzxyz')).toEqual([]);
  });
});
