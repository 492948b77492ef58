// The catalogue, parks and periods shaped through the contract (issue 12, parts 4 and 5): every
// change one undo step, every refusal leaving the store as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aliasesByIndicatorId } from './aliases.ts';
import type { Input, Method, Output } from '../../shared/contract.ts';
import { unitDef } from '../../shared/figure/units.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { readGrid } from '../values/grid.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await dispatch(s.ctx, method, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as Output<M>;
}

async function refused<M extends Method>(method: M, input: Input<M>): Promise<{ code: string; message: string }> {
  const before = dumpStore(s.ctx);
  const r = await dispatch(s.ctx, method, input);
  expect(r.ok).toBe(false);
  expect(dumpStore(s.ctx)).toEqual(before);
  return (r as { error: { code: string; message: string } }).error;
}

const gridNames = (park: string, period: string, all = false) => {
  const { parkId, periodId } = s.ids(park, period);
  return readGrid(s.ctx.db, parkId, periodId, 'actual', { all }).rows.map((r) => r.indicator.name);
};

describe('indicators', () => {
  it('lists aliases in the order they were given, even when the clock does not move between them', async () => {
    const id = s.indicatorId('园区总收入');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-01-01T00:00:00.000Z'));
      // In code-point order 一 < 乙 < 丙 would be the reverse of what was typed.
      await call('catalog.updateIndicator', { id, aliases: ['丙收入', '乙收入', '一收入'] });
    } finally {
      vi.useRealTimers();
    }
    expect(aliasesByIndicatorId(s.ctx.db).get(id)).toEqual(['丙收入', '乙收入', '一收入']);
  });

  it('are edited with aliases; a rename keeps the old name as an alias; one undo takes it all back', async () => {
    const id = s.indicatorId('规上工业增加值');
    const before = dumpStore(s.ctx);
    await call('catalog.updateIndicator', { id, name: '规模以上工业增加值（亿元口径）', aliases: ['规上增加值'], decimals: 1 });
    const match = await call('catalog.match', { texts: ['规上工业增加值', '规上增加值', 'E04'] });
    expect(match.map((m) => m?.by)).toEqual(['alias', 'alias', 'code']);
    expect(new Set(match.map((m) => m?.indicatorId))).toEqual(new Set([id]));
    await call('history.undo', {});
    expect(dumpStore(s.ctx).indicators).toEqual(before.indicators);
    expect(dumpStore(s.ctx).indicator_aliases).toEqual(before.indicator_aliases);
  });

  it('refuses an alias that names another indicator, a duplicate name and an unknown unit, writing nothing', async () => {
    const id = s.indicatorId('园区总收入');
    expect((await refused('catalog.updateIndicator', { id, aliases: ['地区生产总值'] })).code).toBe('ALIAS_TAKEN');
    expect((await refused('catalog.updateIndicator', { id, aliases: ['一般公共预算收入'] })).message).toContain('地方一般公共预算收入');
    expect((await refused('catalog.updateIndicator', { id, name: '地区生产总值' })).code).toBe('DUPLICATE_NAME');
    expect((await refused('catalog.createIndicator', { name: '税收', unit: '斤', decimals: 0 })).code).toBe('UNIT_UNKNOWN');
    expect((await refused('catalog.createIndicator', { name: '全社会固定资产投资', unit: '亿元', decimals: 2 })).code).toBe('ALIAS_TAKEN');
  });

  it('retired, leave the grid but keep their figures; shown with all; undone in one step', async () => {
    const id = s.indicatorId('地区生产总值');
    await call('catalog.retireIndicator', { id, retired: true });
    // The figure stays, and a row with a figure is never hidden.
    expect(gridNames('楚雄高新区', '2022')).toContain('地区生产总值');
    expect(gridNames('昆明高新区', '2017')).not.toContain('地区生产总值');
    expect(gridNames('昆明高新区', '2017', true)).toContain('地区生产总值');
    await call('history.undo', {});
    expect(gridNames('昆明高新区', '2017')).toContain('地区生产总值');
  });

  it('kept to one park stay out of the other parks\' grids', async () => {
    const { parkId } = s.ids('楚雄高新区', '2022');
    await call('catalog.createIndicator', { name: '彝绣产值', unit: '万元', decimals: 1, onlyParkId: parkId });
    expect(gridNames('楚雄高新区', '2022')).toContain('彝绣产值');
    expect(gridNames('昆明高新区', '2017')).not.toContain('彝绣产值');
  });

  it('merge: figures move, the name becomes an alias, clashes are refused; undo restores both', async () => {
    const { parkId, periodId } = s.ids('昆明高新区', '2017');
    const made = await call('catalog.createIndicator', { name: '规上工业产值（新）', unit: '亿元', decimals: 2, categoryCode: 'ECO' });
    await call('values.edit', { parkId, periodId, kind: 'actual', edits: [{ indicatorId: made.id, field: 'value', text: '512.3' }] });
    const into = s.indicatorId('规上工业总产值');
    const before = dumpStore(s.ctx);
    await call('catalog.mergeIndicators', { fromId: made.id, intoId: into });
    const row = readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.id === into)!;
    expect(row.current?.value).toBe('512.3');
    expect((await call('catalog.match', { texts: ['规上工业产值（新）'] }))[0]?.indicatorId).toBe(into);
    await call('history.undo', {});
    expect(dumpStore(s.ctx).indicator_values).toEqual(before.indicator_values);
    expect(dumpStore(s.ctx).indicators).toEqual(before.indicators);

    // Both hold 2017 figures now: which to keep is the user's call.
    await call('values.edit', { parkId, periodId, kind: 'actual', edits: [{ indicatorId: into, field: 'value', text: '600' }] });
    expect((await refused('catalog.mergeIndicators', { fromId: made.id, intoId: into })).code).toBe('MERGE_CONFLICT');
  });
});

describe('units and qualifiers of the store\'s own', () => {
  it('a unit with an exact factor converts and is typed in a figure; bad factors and names are refused', async () => {
    const u = await call('catalog.addUnit', { code: '万平方米', equals: '0.01 平方公里' });
    expect(u).toMatchObject({ dimension: 'area', factor: '1/100' });
    expect(unitDef('万平方米')?.dimension).toBe('area');
    const { parkId, periodId } = s.ids('楚雄高新区', '2022');
    await call('values.edit', { parkId, periodId, kind: 'actual', edits: [{ indicatorId: s.indicatorId('规划面积'), field: 'value', text: '8422万平方米' }] });
    const row = readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === '规划面积')!;
    expect(row.current).toMatchObject({ value: '8422', unit: '万平方米' });
    expect((await refused('catalog.addUnit', { code: '公斤', equals: '-1 平方公里' })).code).toBe('UNIT_FACTOR_INVALID');
    expect((await refused('catalog.addUnit', { code: '公斤', equals: '1 斤' })).code).toBe('UNIT_UNKNOWN');
    expect((await refused('catalog.addUnit', { code: '万平方米', equals: '0.01 平方公里' })).code).toBe('DUPLICATE_NAME');
    expect((await refused('catalog.addUnit', { code: '2米', equals: '1 平方公里' })).code).toBe('UNIT_NAME_INVALID');
    // Undone, the unit is gone from every lookup again.
    await call('history.undo', {});
    await call('history.undo', {});
    expect(unitDef('万平方米')).toBeUndefined();
  });

  it('a qualifier (超过) is accepted in the qualifier column once added', async () => {
    const { parkId, periodId } = s.ids('楚雄高新区', '2022');
    const edit = { parkId, periodId, kind: 'actual' as const, edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'qualifier' as const, text: '超过' }] };
    await call('catalog.addQualifier', { code: '超过', meaning: 'above', at: 'before' });
    await call('values.edit', edit);
    const row = readGrid(s.ctx.db, parkId, periodId, 'actual').rows.find((r) => r.indicator.name === '地区生产总值')!;
    expect(row.current?.qualifier).toBe('超过');
  });
});

describe('parks and periods', () => {
  it('a park is renamed; a duplicate name is refused', async () => {
    const { parkId } = s.ids('昆明高新区', '2017');
    await call('parks.update', { id: parkId, name: '昆明国家高新区' });
    expect((await call('parks.list', {})).map((p) => p.name)).toContain('昆明国家高新区');
    expect((await refused('parks.update', { id: parkId, name: '楚雄高新区' })).code).toBe('DUPLICATE_NAME');
  });

  it('a park with figures is deleted only with the cascade confirmed, as one undo step', async () => {
    const { parkId } = s.ids('昆明高新区', '2017');
    const before = dumpStore(s.ctx);
    const e = await refused('parks.delete', { id: parkId, cascade: false });
    // No indicator is 昆明高新区's own: the message names figures and documents only.
    expect(e.code).toBe('IN_USE_PARK');
    expect(e.message).toMatch(/昆明高新区.*\d+ 项数值/);
    expect(e.message).not.toContain('指标');
    const gone = await call('parks.delete', { id: parkId, cascade: true });
    expect(gone.figures).toBeGreaterThan(0);
    expect((await call('parks.list', {})).map((p) => p.name)).not.toContain('昆明高新区');
    await call('history.undo', {});
    const after = dumpStore(s.ctx);
    for (const t of ['parks', 'indicator_values', 'documents']) expect(after[t]).toEqual(before[t]);
  });

  it('a period is re-keyed and, when empty, deleted without asking', async () => {
    const p = await call('periods.create', { key: '2030' });
    const moved = await call('periods.update', { id: p.id, key: '2029Q4' });
    expect(moved.label).toBe('2029年第四季度');
    await call('periods.delete', { id: p.id, cascade: false });
    expect((await call('periods.list', {})).map((x) => x.key)).not.toContain('2029Q4');
  });
});

describe('the fill template of a park', () => {
  it('leaves out retired indicators and other parks\' own, as the grid does', async () => {
    const { readCatalogView, groupLines, offeredTo } = await import('../tables/catalog-lines.ts');
    const cx = s.ids('楚雄高新区', '2022').parkId;
    const km = s.ids('昆明高新区', '2017').parkId;
    await call('catalog.createIndicator', { name: '彝绣产值', unit: '万元', decimals: 1, onlyParkId: cx });
    await call('catalog.retireIndicator', { id: s.indicatorId('绿色食品产业产值'), retired: true });
    const view = readCatalogView(s.ctx.db);
    const pk = (id: string) => s.ctx.db.prepare('SELECT pk FROM parks WHERE id = ?').pluck().get(id) as number;
    const names = (park: string) => groupLines(view, (i) => offeredTo(view, i, pk(park))).flatMap((g) => g.slots.map((x) => x.ind.name));
    expect(names(cx)).toContain('彝绣产值');
    expect(names(km)).not.toContain('彝绣产值');
    expect(names(cx)).not.toContain('绿色食品产业产值');
  });
});
