import { deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { dispatch } from '../rpc/dispatch.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { testBody } from '../../../test/support/test-body.ts';
import { copyDocument } from './copy.ts';
import { findDocument, saveDocument } from './documents.ts';
import { addPhoto } from './photos.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const CX = '楚雄高新区';

/** A real PNG of w×h grey pixels (CRC left zero: image-size and the store read only the header). */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('documents', () => {
  it('saves a park-period document, keeps it across a reopen, and logs it off the undo stack', () => {
    const ids = s.ids(CX, '2021');
    expect(findDocument(s.ctx.db, ids.parkId, ids.periodId)).toBeNull();
    const saved = saveDocument(s.ctx, ids.parkId, ids.periodId, testBody({ title: '第一稿', lead: ['{地区生产总值}'] }));
    saveDocument(s.ctx, ids.parkId, ids.periodId, testBody({ title: '第二稿' }));
    s.reopen();
    const doc = findDocument(s.ctx.db, ids.parkId, ids.periodId)!;
    expect(doc.id).toBe(saved.id);
    expect(doc.body.title).toBe('第二稿');
    expect(doc.updatedBy).toBe('tester');
    const undoStates = s.ctx.db.prepare("SELECT DISTINCT b.undo_state FROM changes c JOIN batches b ON b.seq = c.batch_seq WHERE c.entity = 'document'").pluck().all();
    expect(undoStates).toEqual(['none']);
  });

  it('logs a run of autosaves as one change, from the first "before" to the last "after", and an unchanged body not at all', () => {
    const ids = s.ids(CX, '2022');
    const original = findDocument(s.ctx.db, ids.parkId, ids.periodId)!;
    const log = () =>
      s.ctx.db.prepare("SELECT c.before, c.after FROM changes c WHERE c.entity = 'document' AND c.entity_id = ? ORDER BY c.seq").all(original.id) as { before: string; after: string }[];
    const loaded = log().length; // the demo's own creation
    for (const title of ['一', '一二', '一二三']) saveDocument(s.ctx, ids.parkId, ids.periodId, { ...original.body, title });
    saveDocument(s.ctx, ids.parkId, ids.periodId, { ...original.body, title: '一二三' });
    const rows = log();
    expect(rows).toHaveLength(loaded + 1);
    expect(JSON.parse(JSON.parse(rows.at(-1)!.before).body).title).toBe(original.body.title);
    expect(JSON.parse(JSON.parse(rows.at(-1)!.after).body).title).toBe('一二三');
    // Another writer's save is its own change.
    const other = { ...s.ctx, actor: 'someone-else' };
    saveDocument(other, ids.parkId, ids.periodId, { ...original.body, title: '他人' });
    expect(log()).toHaveLength(loaded + 2);
  });

  it('refuses a save from a version another window has saved over, then keeps both when asked', async () => {
    const ids = s.ids(CX, '2022');
    const loaded = findDocument(s.ctx.db, ids.parkId, ids.periodId)!;
    // Window B loaded the same version, edited and saved; then window A's save arrives from the old one.
    await new Promise((r) => setTimeout(r, 5));
    const b = saveDocument(s.ctx, ids.parkId, ids.periodId, { ...loaded.body, title: 'B 的标题' }, { base: loaded.updatedAt });
    const stale = refusal(() => saveDocument(s.ctx, ids.parkId, ids.periodId, { ...loaded.body, title: 'A 的标题' }, { base: loaded.updatedAt }));
    expect(stale.code).toBe('DOCUMENT_STALE');
    expect(stale.message).toMatch(/已在别处保存.*重新载入.*保留两份/);
    expect(findDocument(s.ctx.db, ids.parkId, ids.periodId)!.body.title).toBe('B 的标题');
    // The same body as stored is no conflict; a save from the newest version goes through.
    expect(saveDocument(s.ctx, ids.parkId, ids.periodId, b.body, { base: loaded.updatedAt }).body.title).toBe('B 的标题');
    // Keep both: A's body is saved and B's stays in the change log as its own step, not folded away.
    const a = saveDocument(s.ctx, ids.parkId, ids.periodId, { ...loaded.body, title: 'A 的标题' }, { base: b.updatedAt, keepOther: true });
    expect(a.body.title).toBe('A 的标题');
    const afters = (s.ctx.db.prepare("SELECT after FROM changes WHERE entity = 'document' ORDER BY seq").pluck().all() as string[]).map((j) => (JSON.parse(JSON.parse(j).body) as { title: string }).title);
    expect(afters.slice(-2)).toEqual(['B 的标题', 'A 的标题']);
    // A document created meanwhile is stale for a window that saw none.
    const y = s.ids(CX, '2021');
    saveDocument(s.ctx, y.parkId, y.periodId, testBody({ title: '别处新建' }));
    expect(refusal(() => saveDocument(s.ctx, y.parkId, y.periodId, testBody({ title: '本窗口' }), { base: null })).code).toBe('DOCUMENT_STALE');
  });

  it('refuses to create over an existing document (a blank start racing another window)', () => {
    const ids = s.ids(CX, '2022');
    expect(refusal(() => saveDocument(s.ctx, ids.parkId, ids.periodId, testBody(), { createOnly: true })).code).toBe('DOCUMENT_EXISTS');
    expect(findDocument(s.ctx.db, ids.parkId, ids.periodId)!.body.title).not.toBe('');
  });

  it('refuses a body that names a photo the store lacks, and keeps the old body', () => {
    const ids = s.ids(CX, '2021');
    saveDocument(s.ctx, ids.parkId, ids.periodId, testBody({ title: '原稿' }));
    const bad = testBody({ title: '新稿', photos: [{ photo: 'a'.repeat(64), caption: '', credit: '', afterSection: -1 }] });
    // Refused both as a new change and as one folded into the previous save.
    expect(refusal(() => saveDocument(s.ctx, ids.parkId, ids.periodId, bad)).code).toBe('PHOTO_NOT_FOUND');
    expect(refusal(() => saveDocument({ ...s.ctx, actor: 'other' }, ids.parkId, ids.periodId, bad)).code).toBe('PHOTO_NOT_FOUND');
    expect(findDocument(s.ctx.db, ids.parkId, ids.periodId)!.body.title).toBe('原稿');
  });

  it('validates a body at the contract: an unknown field or a wrong level is refused', async () => {
    const ids = s.ids(CX, '2021');
    const wrongLevel = await dispatch(s.ctx, 'documents.save', { ...ids, body: testBody({ sections: [{ heading: 'x', level: 7, paragraphs: [] }] }) });
    expect(wrongLevel.ok).toBe(false);
    const extra = await dispatch(s.ctx, 'documents.save', { ...ids, body: { ...testBody(), script: '<x>' } });
    expect(extra.ok).toBe(false);
    expect(findDocument(s.ctx.db, ids.parkId, ids.periodId)).toBeNull();
  });

  it('copies the latest earlier document of the park, and never over an existing one', () => {
    const y2021 = s.ids(CX, '2021');
    const y2022 = s.ids(CX, '2022');
    s.ctx.db.prepare('DELETE FROM documents WHERE park = (SELECT pk FROM parks WHERE id = ?)').run(y2022.parkId);
    saveDocument(s.ctx, y2021.parkId, y2021.periodId, testBody({ title: '2021年工作总结', lead: ['{地区生产总值}'] }));
    const copy = copyDocument(s.ctx, y2022.parkId, y2022.periodId, 'previous');
    expect(copy.body.title).toBe('2021年工作总结');
    expect(refusal(() => copyDocument(s.ctx, y2022.parkId, y2022.periodId, 'previous')).code).toBe('DOCUMENT_EXISTS');
    expect(refusal(() => copyDocument(s.ctx, y2021.parkId, y2021.periodId, 'demo-news')).code).toBe('DOCUMENT_EXISTS');
  });

  it('says so when there is nothing earlier to copy', () => {
    const first = s.ids(CX, '2017');
    expect(refusal(() => copyDocument(s.ctx, first.parkId, first.periodId, 'previous')).code).toBe('DOCUMENT_NO_PREVIOUS');
  });
});

describe('photos', () => {
  it('stores an image once by its content and reads its size from the bytes', () => {
    const a = addPhoto(s.ctx, png(30, 20));
    const b = addPhoto(s.ctx, png(30, 20));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ mime: 'image/png', width: 30, height: 20 });
    expect(s.ctx.db.prepare('SELECT count(*) FROM photos WHERE sha256 = ?').pluck().get(a.sha256)).toBe(1);
  });

  it.each([
    ['text', Buffer.from('not an image at all')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['a truncated PNG', png(4, 4).subarray(0, 12)],
  ])('refuses %s', (_what, bytes) => {
    expect(refusal(() => addPhoto(s.ctx, bytes)).code).toBe('PHOTO_INVALID');
  });
});

describe('settings', () => {
  it('starts with 四舍五入 and the GB fonts, and keeps a change', async () => {
    const got = await dispatch(s.ctx, 'settings.get', {});
    expect(got).toMatchObject({ ok: true, value: { rounding: 'half-up', fonts: { fangsong: { primary: '仿宋_GB2312', fallback: '仿宋' } } } });
    await dispatch(s.ctx, 'settings.update', { rounding: 'half-even', fonts: { fangsong: { primary: '仿宋', fallback: 'FangSong' } } });
    s.reopen();
    const after = await dispatch(s.ctx, 'settings.get', {});
    expect(after).toMatchObject({ ok: true, value: { rounding: 'half-even', fonts: { fangsong: { primary: '仿宋', fallback: 'FangSong' }, kaiti: { primary: '楷体_GB2312' } } } });
  });

  it('refuses an unknown rounding mode or an empty font name', async () => {
    expect((await dispatch(s.ctx, 'settings.update', { rounding: 'banker' })).ok).toBe(false);
    expect((await dispatch(s.ctx, 'settings.update', { fonts: { heiti: { primary: ' ', fallback: '黑体' } } })).ok).toBe(false);
  });
});
