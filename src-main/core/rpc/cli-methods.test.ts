// The contract's answers to what a person types rather than clicks: names.resolve, values.edit
// with a period key (a new period created with its first figure, or not at all), and the yearbook
// export. The command line reaches the store only through these and the app's own methods.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/contract.ts';
import type { OutgoingFile } from '../host.ts';
import { dumpStore, tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { dispatch } from './dispatch.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const periodKeys = () => s.ctx.db.prepare('SELECT key FROM periods ORDER BY key').pluck().all() as string[];

describe('names.resolve', () => {
  it('finds a park by full or short name, a period by any spelling of its key, an indicator by name or code, years by span', async () => {
    const short = s.ctx.db.prepare("SELECT short_name FROM parks WHERE name = '楚雄高新区'").pluck().get() as string | null;
    const r = await dispatch(s.ctx, 'names.resolve', { park: short ?? '楚雄高新区', parks: ['昆明高新区'], period: '2018m1-4', indicator: 'E01', years: '2016—2018' });
    expect(r).toMatchObject({
      ok: true,
      value: {
        park: { name: '楚雄高新区' },
        parks: [{ name: '昆明高新区' }],
        period: { key: '2018M1-4' },
        indicator: { code: 'E01' },
        years: [{ key: '2017' }, { key: '2018' }],
      },
    });
    expect(await dispatch(s.ctx, 'names.resolve', {})).toEqual({ ok: true, value: {} });
  });

  it.each([
    [{ park: '玉溪高新区' }, 'PARK_NOT_FOUND', '找不到园区「玉溪高新区」'],
    [{ parks: ['昆明高新区', '玉溪高新区'] }, 'PARK_NOT_FOUND', '找不到园区「玉溪高新区」'],
    [{ period: '2030' }, 'PERIOD_NOT_FOUND', '找不到期别「2030」'],
    [{ period: '22年' }, 'PERIOD_INVALID', '「22年」不是有效的期别'],
    [{ indicator: '幸福指数' }, 'INDICATOR_NOT_FOUND', '指标库中没有「幸福指数」'],
    [{ years: '1990-1991' }, 'YEARS_NONE', '库中没有「1990-1991」的年度期别'],
    // Of several unknown names, always the park first.
    [{ period: '2030', park: '玉溪高新区' }, 'PARK_NOT_FOUND', '找不到园区「玉溪高新区」'],
  ])('refuses %j by name', async (input, code, message) => {
    const r = await dispatch(s.ctx, 'names.resolve', input);
    expect(r).toMatchObject({ ok: false, error: { code } });
    expect(!r.ok && r.error.message).toContain(message);
  });
});

describe('values.edit by period key', () => {
  const edit = (periodKey: string, text: string) => ({
    parkId: s.ids('楚雄高新区', '2022').parkId,
    periodKey,
    kind: 'actual',
    edits: [{ indicatorId: s.indicatorId('高新技术企业数'), field: 'value', text }],
  });

  it('creates a new period with its first figure and names it', async () => {
    const r = await dispatch(s.ctx, 'values.edit', edit('2023q2', '31'));
    expect(r).toMatchObject({ ok: true, value: { changed: 1, period: { key: '2023Q2', label: '2023年第二季度' }, warnings: [] } });
    expect(periodKeys()).toContain('2023Q2');
    const grid = await dispatch(s.ctx, 'grid.get', { ...s.ids('楚雄高新区', '2023Q2'), kind: 'actual' });
    expect(grid.ok && (grid.value as { rows: { indicator: { name: string }; current: { value: string } | null }[] }).rows.find((x) => x.indicator.name === '高新技术企业数')?.current?.value).toBe('31');
  });

  it('writes into an existing period like an edit by id, check warnings included', async () => {
    expect(await dispatch(s.ctx, 'values.edit', edit('2022', '20'))).toMatchObject({ ok: true, value: { changed: 1, period: { key: '2022' }, warnings: [] } });
    const r = await dispatch(s.ctx, 'values.edit', { ...edit('2022', '25'), edits: [{ indicatorId: s.indicatorId('新增高新技术企业数'), field: 'value', text: '25' }] });
    expect(r).toMatchObject({ ok: true, value: { changed: 1, period: { key: '2022' }, warnings: [{ rule: 'R10' }] } });
  });

  it('leaves no period behind when the figure is refused', async () => {
    const before = dumpStore(s.ctx);
    const r = await dispatch(s.ctx, 'values.edit', edit('2031', '-3'));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ code: 'NEGATIVE_NOT_ALLOWED' }] } });
    expect(dumpStore(s.ctx)).toEqual(before);
  });

  it.each([
    ['both', { periodId: '0190c2b4-0000-7000-8000-000000000001' }],
    ['neither', { periodKey: undefined }],
  ])('takes the period by id or by key, refusing %s', async (_what, patch) => {
    const r = await dispatch(s.ctx, 'values.edit', { ...edit('2022', '1'), ...patch });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a key that is no period, by name', async () => {
    expect(await dispatch(s.ctx, 'values.edit', edit('2022年底', '1'))).toMatchObject({ ok: false, error: { code: 'PERIOD_INVALID', params: { period: '2022年底' } } });
  });
});

describe('documents.exportYearbook', () => {
  function withHost() {
    const delivered: OutgoingFile[] = [];
    const host = { deliver: async (f: OutgoingFile): Promise<ExportResult> => (delivered.push(f), { status: 'saved', path: '/x.docx', fileName: f.fileName }), openFile: async () => false };
    return { ctx: { ...s.ctx, host }, delivered };
  }

  it('binds every park with a document for the period into one file and says how many', async () => {
    const { ctx, delivered } = withHost();
    const chuxiong = s.ids('楚雄高新区', '2022');
    const kunming = s.ids('昆明高新区', '2022');
    const doc = await dispatch(s.ctx, 'documents.get', chuxiong);
    expect(await dispatch(s.ctx, 'documents.save', { ...kunming, body: (doc as { value: { body: unknown } }).value.body })).toMatchObject({ ok: true });
    const r = await dispatch(ctx, 'documents.exportYearbook', { periodId: chuxiong.periodId, template: 'magazine', allowMarkers: true });
    expect(r).toMatchObject({ ok: true, value: { status: 'saved' } });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!).toMatchObject({ documents: 2, fileName: expect.stringMatching(/^年鉴2园区-2022/) as string });
    expect(delivered[0]!.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a period without documents', async () => {
    const { ctx, delivered } = withHost();
    const r = await dispatch(ctx, 'documents.exportYearbook', { periodId: s.ids('昆明高新区', '2018M1-4').periodId, template: 'magazine', allowMarkers: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'DOCUMENT_NOT_FOUND', params: { park: '所有园区', period: '2018M1-4' } } });
    expect(delivered).toEqual([]);
  });
});
