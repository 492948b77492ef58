import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, isSessionMethod, SESSION_METHODS, type StoreMethod } from '../../shared/contract.ts';
import { tempStore, dumpStore, type TempStore } from '../../../test/support/temp-store.ts';
import { dispatch } from './dispatch.ts';
import { domains, handlerFor } from './handlers/index.ts';
import { parkHandlers } from './handlers/parks.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => {
  vi.restoreAllMocks();
  s.dispose();
});

describe('dispatch', () => {
  it('has a handler for every method of the contract and no other; the session answers the store-level ones', async () => {
    const storeMethods = Object.keys(contract).filter((m) => !isSessionMethod(m)) as StoreMethod[];
    const tables = await Promise.all(Object.values(domains).map((load) => load()));
    expect([...new Set(tables.flatMap((t) => Object.keys(t)))].sort()).toEqual(storeMethods.sort());
    // Each method's domain loads the module that answers it.
    for (const m of storeMethods) expect(typeof (await handlerFor(m)), m).toBe('function');
    expect(SESSION_METHODS.length).toBeGreaterThan(0);
    // On a bare store (no session) they are unknown, never half-handled.
    for (const m of SESSION_METHODS) expect(await dispatch(s.ctx, m, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers a valid call with { ok, value }', async () => {
    const r = await dispatch(s.ctx, 'parks.list', {});
    expect(r.ok).toBe(true);
    expect((r as { value: { name: string }[] }).value.map((p) => p.name)).toEqual(['昆明高新区', '楚雄高新区']);
  });

  it.each(['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'parks.list '])(
    'refuses the unknown method %j with UNKNOWN_METHOD',
    async (m) => {
      const r = await dispatch(s.ctx, m, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    },
  );

  it('refuses a method that is not a string, even one whose toString throws', async () => {
    for (const m of [{ toString: 1 }, Object.create(null), 42, null, ['parks.list']]) {
      expect(await dispatch(s.ctx, m as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it.each([
    ['grid.get', { parkId: 1, periodId: 'x', kind: 'actual' }],
    ['grid.get', { parkId: crypto.randomUUID(), periodId: crypto.randomUUID(), kind: 'forecast' }],
    ['parks.list', { extra: true }],
    ['parks.create', { name: '' }],
    ['parks.create', { name: 'x'.repeat(101) }],
    ['values.edit', { parkId: crypto.randomUUID(), periodId: crypto.randomUUID(), kind: 'actual', edits: [] }],
    ['parks.list', 'not an object'],
    ['parks.list', []],
  ])('refuses invalid input to %s with INVALID_INPUT and writes nothing', async (m, input) => {
    const before = dumpStore(s.ctx);
    const r = await dispatch(s.ctx, m, input);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it('turns a handler error into an envelope with the code and a Chinese message', async () => {
    const r = await dispatch(s.ctx, 'grid.get', { parkId: crypto.randomUUID(), periodId: crypto.randomUUID(), kind: 'actual' });
    expect(r).toMatchObject({ ok: false, error: { code: 'PARK_NOT_FOUND' } });
    expect(!r.ok && r.error.message).toMatch(/^找不到园区/);
  });

  it('turns an unexpected exception into INTERNAL, and a locked store into STORE_BUSY', async () => {
    vi.spyOn(parkHandlers, 'parks.list').mockImplementationOnce(() => {
      throw new TypeError('kaput');
    });
    expect(await dispatch(s.ctx, 'parks.list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '园区简报内部出错，操作未完成。请重试；如仍出错，请把此信息连同技术信息告知技术支持', params: { detail: 'kaput' } } });
    vi.spyOn(parkHandlers, 'parks.list').mockImplementationOnce(() => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    });
    expect(await dispatch(s.ctx, 'parks.list', {})).toMatchObject({ ok: false, error: { code: 'STORE_BUSY' } });
  });

  it('carries per-cell details of a refused edit', async () => {
    const ids = s.ids('楚雄高新区', '2022');
    const r = await dispatch(s.ctx, 'values.edit', {
      ...ids,
      kind: 'actual',
      edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'value', text: 'abc' }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ index: 0, field: 'value', code: 'NOT_A_NUMBER', indicator: '地区生产总值' }] } });
  });

  it('creates parks, periods and indicators, refusing duplicates', async () => {
    expect(await dispatch(s.ctx, 'parks.create', { name: '玉溪高新区' })).toMatchObject({ ok: true, value: { name: '玉溪高新区' } });
    expect(await dispatch(s.ctx, 'parks.create', { name: '玉溪高新区' })).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NAME', message: '已有同名的园区「玉溪高新区」' } });
    expect(await dispatch(s.ctx, 'periods.create', { key: '2023q2' })).toMatchObject({ ok: true, value: { key: '2023Q2', label: '2023年第二季度' } });
    expect(await dispatch(s.ctx, 'periods.create', { key: '2023M5-3' })).toMatchObject({ ok: false, error: { code: 'PERIOD_INVALID' } });
    const userCodes = s.ctx.db.prepare("SELECT count(*) FROM indicators WHERE code LIKE 'U%'").pluck().get() as number;
    const ind = await dispatch(s.ctx, 'catalog.createIndicator', { categoryCode: 'INO', name: '瞪羚企业数', unit: '家', decimals: 0, integerOnly: true });
    // User indicators are numbered after those already there (the demo adds a few).
    expect(ind).toMatchObject({ ok: true, value: { code: `U${String(userCodes + 1).padStart(3, '0')}`, kind: 'count', builtin: false } });
    expect(await dispatch(s.ctx, 'catalog.createIndicator', { categoryCode: 'INO', name: 'x', unit: '斤', decimals: 0 })).toMatchObject({ ok: false, error: { code: 'UNIT_UNKNOWN' } });
  });
});
