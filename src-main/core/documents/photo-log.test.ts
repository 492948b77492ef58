// Photos in the change log: adding one is a step of its own (who, when, hash, type, size — never the
// bytes), kept off the undo stack like a document save, and no undo or redo ever leaves a document
// pointing at a photo the store does not have.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatMessage } from '../../shared/errors.ts';
import { localizeHistoryLabel } from '../../shared/history-labels.ts';
import type { PhotoInfo } from '../../shared/document.ts';
import type { HistoryState } from '../../shared/model.ts';
import { makePng } from '../../../test/support/docx-fixtures.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { testBody } from '../../../test/support/test-body.ts';
import { rpcCalls } from '../../../test/support/rpc-calls.ts';
import { writeBatch } from '../history/change-log.ts';
import { findDocument, putDocument } from './documents.ts';
import { storePhoto } from './photos.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

const CX = '楚雄高新区';

const { call, refused } = rpcCalls(() => s.ctx);
const addPhoto = (w: number, h: number) => call<PhotoInfo>('photos.add', { base64: makePng(w, h).toString('base64') });
const photoCount = (sha: string) => s.ctx.db.prepare('SELECT count(*) FROM photos WHERE sha256 = ?').pluck().get(sha);
const lastBatch = () =>
  s.ctx.db.prepare('SELECT seq, origin, actor, label, undo_state FROM batches ORDER BY seq DESC LIMIT 1').get() as {
    seq: number;
    origin: string;
    actor: string;
    label: string;
    undo_state: string;
  };
const batchCount = () => s.ctx.db.prepare('SELECT count(*) FROM batches').pluck().get() as number;
const edit = (parkId: string, periodId: string, text: string) =>
  call('values.edit', { parkId, periodId, kind: 'actual', edits: [{ indicatorId: s.indicatorId('地区生产总值'), field: 'value', text }] });

describe('photos.add in the change log', () => {
  it('is a batch with origin, actor and the photo’s hash, type and size — not its bytes — and adding it again logs nothing', async () => {
    const bytes = makePng(64, 48);
    const before = batchCount();
    const info = await addPhoto(64, 48);
    expect(batchCount()).toBe(before + 1);
    const b = lastBatch();
    expect(b).toMatchObject({ origin: 'test', actor: 'tester', label: `添加图片「${info.sha256.slice(0, 12)}」`, undo_state: 'none' });
    const changes = s.ctx.db.prepare('SELECT entity, entity_id, before, after FROM changes WHERE batch_seq = ?').all(b.seq) as {
      entity: string;
      entity_id: string;
      before: string | null;
      after: string;
    }[];
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entity: 'photo', entity_id: info.sha256, before: null });
    const after = JSON.parse(changes[0]!.after) as Record<string, unknown>;
    expect(after).toEqual({ sha256: info.sha256, mime: 'image/png', width: 64, height: 48, size: bytes.length, added_at: expect.any(String) });
    // Twice the same bytes: stored once, logged once.
    await addPhoto(64, 48);
    expect(batchCount()).toBe(before + 1);
    // The UI names the step in either language.
    expect(localizeHistoryLabel(b.label, 'en')).toBe(`Add photo “${info.sha256.slice(0, 12)}”`);
  });

  it('a refused image writes no batch', async () => {
    const before = batchCount();
    await refused('photos.add', { base64: Buffer.from('not an image').toString('base64') });
    expect(batchCount()).toBe(before);
  });

  it('stays off the undo stack like a document save: Ctrl+Z after adding a photo and saving takes back the figure before them, and the photo and document stay', async () => {
    const { parkId, periodId } = s.ids(CX, '2021');
    await edit(parkId, periodId, '123.45');
    const info = await addPhoto(40, 30);
    await call('documents.save', { parkId, periodId, body: testBody({ title: '有图', photos: [{ photo: info.sha256, caption: '厂房', credit: '', afterSection: -1 }] }) });
    const st = await call<HistoryState>('history.state');
    expect(st.undoLabel).toBe('编辑「地区生产总值」');
    await call('history.undo');
    expect(photoCount(info.sha256)).toBe(1);
    expect(findDocument(s.ctx.db, parkId, periodId)!.body.photos[0]!.photo).toBe(info.sha256);
  });

  it('a photo no document shows any more is kept, so an earlier logged version of the document still has it', async () => {
    const { parkId, periodId } = s.ids(CX, '2021');
    const info = await addPhoto(40, 30);
    const doc = await call<{ updatedAt: string }>('documents.save', {
      parkId,
      periodId,
      body: testBody({ title: '有图', photos: [{ photo: info.sha256, caption: '', credit: '', afterSection: -1 }] }),
    });
    await call('documents.save', { parkId, periodId, body: testBody({ title: '无图' }), base: doc.updatedAt });
    expect(photoCount(info.sha256)).toBe(1);
    expect(await call<{ sha256: string }>('photos.get', { sha256: info.sha256 })).toMatchObject({ sha256: info.sha256 });
  });
});

describe('undo and redo over steps that hold photos', () => {
  // No step of the app both adds a photo and is undoable today (the demo's documents, a copy from a
  // demo article and a save are all off the stack); an import that brings pictures would be. Its
  // undo must take the document back and keep the photo, and its redo must find the photo there.
  it('an undoable step that added a photo keeps the photo on undo and puts the document back on redo', async () => {
    const { parkId, periodId } = s.ids(CX, '2021');
    const bytes = makePng(32, 32);
    const sha = writeBatch(s.ctx, '导入图文', (log) => {
      const info = storePhoto(s.ctx.db, log, bytes);
      putDocument(s.ctx, log, parkId, periodId, testBody({ title: '图文', photos: [{ photo: info.sha256, caption: '', credit: '', afterSection: -1 }] }));
      return info.sha256;
    });
    await call('history.undo');
    expect(findDocument(s.ctx.db, parkId, periodId)).toBeNull();
    expect(photoCount(sha)).toBe(1);
    await call('history.redo');
    expect(findDocument(s.ctx.db, parkId, periodId)!.body.photos[0]!.photo).toBe(sha);
    expect(photoCount(sha)).toBe(1);
  });

  /** A store whose photo's bytes were lost (a salvaged one): the hash is named, the row is gone. */
  const losePhoto = (sha: string) => s.ctx.db.prepare('DELETE FROM photos WHERE sha256 = ?').run(sha);

  it('refuses an undo that would put back a document showing a photo the store has lost, naming the photo', async () => {
    const { parkId, periodId } = s.ids(CX, '2021');
    const info = await addPhoto(20, 20);
    const withPhoto = testBody({ title: '图文', photos: [{ photo: info.sha256, caption: '', credit: '', afterSection: -1 }] });
    writeBatch(s.ctx, '新建', (log) => putDocument(s.ctx, log, parkId, periodId, withPhoto), { undoState: 'none' });
    writeBatch(s.ctx, '去掉图片', (log) => putDocument(s.ctx, log, parkId, periodId, testBody({ title: '图文' })));
    losePhoto(info.sha256);
    const e = await refused('history.undo');
    expect(e).toMatchObject({ code: 'UNDO_MISSING', params: { label: '去掉图片', what: 'photo', name: info.sha256.slice(0, 12) } });
    expect(formatMessage('UNDO_MISSING', e.params)).toContain('图片「' + info.sha256.slice(0, 12) + '」已不在库中');
    expect(findDocument(s.ctx.db, parkId, periodId)!.body.photos).toEqual([]);
  });

  it('refuses a redo that would put back a document showing a photo the store has lost', async () => {
    const { parkId, periodId } = s.ids(CX, '2021');
    const info = await addPhoto(20, 20);
    writeBatch(s.ctx, '图文', (log) => putDocument(s.ctx, log, parkId, periodId, testBody({ photos: [{ photo: info.sha256, caption: '', credit: '', afterSection: -1 }] })));
    await call('history.undo');
    losePhoto(info.sha256);
    const e = await refused('history.redo');
    expect(e).toMatchObject({ code: 'REDO_MISSING', params: { what: 'photo', name: info.sha256.slice(0, 12) } });
    expect(findDocument(s.ctx.db, parkId, periodId)).toBeNull();
  });
});
