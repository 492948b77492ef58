// A bulletin issue of several articles: another park's document of the same period follows this
// one under its masthead, 编者按 and end block (documents.export `articles`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { docxParts, paragraphs, textOf } from '../../../test/support/docx-parts.ts';
import { tempStore, type TempStore } from '../../../test/support/temp-store.ts';
import { OutFileHost } from '../../cli/out-file-host.ts';
import type { BriefDocument, ResolvedDocument } from '../../shared/document.ts';
import { dispatch } from '../rpc/dispatch.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
});
afterEach(() => s.dispose());

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('a bulletin issue of several articles', () => {
  it('lists the parks with a document of the period, and prints their articles under one masthead', async () => {
    const chuxiong = s.ids('楚雄高新区', '2022');
    const kunming = s.ids('昆明高新区', '2022');
    // 昆明's 2017 article, saved again as its 2022 document: two parks with a document of 2022.
    const k2017 = await ok<BriefDocument>(dispatch(s.ctx, 'documents.get', s.ids('昆明高新区', '2017')));
    await ok(dispatch(s.ctx, 'documents.save', { ...kunming, body: { ...k2017.body, title: '昆明高新区：创新驱动谱新篇' }, createOnly: true }));
    const c = await ok<BriefDocument>(dispatch(s.ctx, 'documents.get', chuxiong));
    await ok(dispatch(s.ctx, 'documents.save', { ...chuxiong, body: { ...c.body, bulletin: { ...c.body.bulletin, editorNote: '本期刊发两个园区的做法。' } }, base: c.updatedAt }));

    expect(await ok(dispatch(s.ctx, 'documents.ofPeriod', { periodId: chuxiong.periodId }))).toEqual([
      { parkId: kunming.parkId, parkName: '昆明高新区', title: '昆明高新区：创新驱动谱新篇' },
      { parkId: chuxiong.parkId, parkName: '楚雄高新区', title: c.body.title },
    ]);

    const out = join(s.dir, '简报.docx');
    const host = new OutFileHost(out);
    await ok(dispatch({ ...s.ctx, host }, 'documents.export', { ...chuxiong, template: 'bulletin', allowMarkers: true, articles: [kunming.parkId] }));
    expect(host.written!.fileName).toBe('楚雄高新区-2022-工作简报.docx');
    const parts = await docxParts(readFileSync(out));
    const p = paragraphs(parts.document);
    const styled = (style: string) => p.filter((x) => x.includes(`w:val="${style}"`)).map(textOf);
    // One masthead, one 编者按, then both articles' titles in order, one end block.
    expect(styled('BulMastName')).toEqual(['楚雄高新区工作简报']);
    expect(styled('BulNote')).toEqual(['编者按：本期刊发两个园区的做法。']);
    const titles = styled('BulTitle');
    expect(titles).toHaveLength(2);
    expect(titles[0]).toBe(c.body.title.replace(/\n/g, ''));
    expect(titles[1]).toBe('昆明高新区：创新驱动谱新篇');
    expect(parts.document.match(/<w:tbl>/g)).toHaveLength(1);
    // Each article numbers its headings from 一、.
    const firstHeadings = styled('BulHeading1').filter((h) => h.startsWith('一、'));
    expect(firstHeadings).toHaveLength(2);
    // One section: never a bulletin per article (each would open a section of its own).
    expect(parts.document.match(/<w:sectPr/g)).toHaveLength(1);
  }, 60_000);

  it('refuses articles for the magazine, the park itself and a park twice — for the export, a started job and the preview alike, naming the park', async () => {
    const chuxiong = s.ids('楚雄高新区', '2022');
    const kunming = s.ids('昆明高新区', '2022');
    const host = new OutFileHost(join(s.dir, 'x.docx'));
    const cases = [
      { input: { ...chuxiong, template: 'magazine' as const, articles: [kunming.parkId] }, code: 'INVALID_INPUT', words: /工作简报/ },
      { input: { ...chuxiong, template: 'bulletin' as const, articles: [chuxiong.parkId] }, code: 'ISSUE_ARTICLE_OWN', words: /「楚雄高新区」的文稿已是本期第一篇/ },
      { input: { ...chuxiong, template: 'bulletin' as const, articles: [kunming.parkId, kunming.parkId] }, code: 'ISSUE_ARTICLE_TWICE', words: /「昆明高新区」选了两次/ },
    ];
    for (const { input, code, words } of cases) {
      const asked = [
        await dispatch({ ...s.ctx, host }, 'documents.export', { ...input, allowMarkers: true }),
        // The UI, the CLI and HTTP start exports as jobs: the same refusal, before any work starts.
        await dispatch({ ...s.ctx, host }, 'jobs.start', { method: 'documents.export', input: { ...input, allowMarkers: true } }),
        ...(input.template === 'bulletin' ? [await dispatch(s.ctx, 'documents.resolveArticles', input as typeof input & { template: 'bulletin' })] : []),
      ];
      for (const r of asked) {
        expect(r).toMatchObject({ ok: false, error: { code } });
        // Worded in Chinese, with no English inside.
        expect((r as { error: { message: string } }).error.message).toMatch(words);
        expect((r as { error: { message: string } }).error.message).not.toMatch(/[a-z]{3}/);
      }
    }
    expect(existsSync(join(s.dir, 'x.docx'))).toBe(false);
    // The preview's contract takes the bulletin alone.
    expect(await dispatch(s.ctx, 'documents.resolveArticles', { ...chuxiong, template: 'magazine', articles: [kunming.parkId] } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('names the park whose document is missing, for the export and the preview alike', async () => {
    const chuxiong = s.ids('楚雄高新区', '2022');
    const host = new OutFileHost(join(s.dir, 'x.docx'));
    const input = { ...chuxiong, template: 'bulletin', articles: [s.ids('昆明高新区', '2022').parkId] } as const;
    for (const r of [await dispatch({ ...s.ctx, host }, 'documents.export', { ...input, allowMarkers: true }), await dispatch(s.ctx, 'documents.resolveArticles', input)]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'DOCUMENT_NOT_FOUND', params: { park: '昆明高新区' } } });
    }
  });

  it('resolves the articles for the preview as the export reads them: each park\'s saved document of the period, in the order given', async () => {
    const chuxiong = s.ids('楚雄高新区', '2022');
    const kunming = s.ids('昆明高新区', '2022');
    await ok(dispatch(s.ctx, 'documents.copy', { ...kunming, from: 'previous' }));
    const saved = await ok<BriefDocument>(dispatch(s.ctx, 'documents.get', kunming));
    const articles = await ok<ResolvedDocument[]>(dispatch(s.ctx, 'documents.resolveArticles', { ...chuxiong, template: 'bulletin', articles: [kunming.parkId] }));
    expect(articles).toHaveLength(1);
    expect(articles[0]!.parkName).toBe('昆明高新区');
    expect(articles[0]).toEqual(await ok<ResolvedDocument>(dispatch(s.ctx, 'documents.resolve', { ...kunming, body: saved.body })));
    // No articles is no issue: the contract asks for one at least.
    expect(await dispatch(s.ctx, 'documents.resolveArticles', { ...chuxiong, template: 'bulletin', articles: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
