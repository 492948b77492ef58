// `parkbrief extract --apply` end to end: the round trip article → store and document → Word export
// on both seeds, one undo step, the refusals (each naming the file, nothing written), and the time
// an article and a 50-page .docx take.

import { Document, Packer, Paragraph } from 'docx';
import mammoth from 'mammoth';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticleFile } from '../../src-main/core/extraction/article-file.ts';
import { catalogueEntries } from '../../src-main/core/extraction/catalogue.ts';
import { extractFigures } from '../../src-main/core/extraction/extract.ts';
import { undo } from '../../src-main/core/history/undo.ts';
import { dispatch } from '../../src-main/core/rpc/dispatch.ts';
import { openCore } from '../../src-main/core/session/open-core.ts';
import type { Envelope, Output } from '../../src-main/shared/contract.ts';
import { acceptedOf } from '../../src-main/shared/extraction.ts';
import { makeZip } from '../support/import-files.ts';
import { runCliCaptured } from '../support/run-cli-captured.ts';
import { dumpStore, tempStore, type TempStore } from '../support/temp-store.ts';
import { readArticle, SEED_ARTICLES, SHARED } from './articles.ts';

let store: TempStore;
let dir: string;
beforeEach(() => {
  store = tempStore({ demo: true });
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-extract-'));
});
afterEach(() => {
  store.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The park as if the demo had never held it: its figures, its documents and the park itself gone, then added anew. */
async function parkAnew(name: string): Promise<void> {
  const { db } = store.ctx;
  const pk = (db.prepare('SELECT pk FROM parks WHERE name = ?').get(name) as { pk: number }).pk;
  db.prepare('DELETE FROM documents WHERE park = ?').run(pk);
  db.prepare('DELETE FROM indicator_values WHERE park = ?').run(pk);
  db.prepare('DELETE FROM parks WHERE pk = ?').run(pk);
  const r = await dispatch(store.ctx, 'parks.create', { name });
  expect(r.ok).toBe(true);
}

const blankless = (s: string) => s.replace(/\s+/gu, '');

describe('round trip: a seed article, extract --apply, export gives the article back', () => {
  for (const [name, seed] of Object.entries(SEED_ARTICLES)) {
    it(`${name}`, async () => {
      await parkAnew(seed.park);
      const file = join(SHARED, seed.file);
      const applied = await runCliCaptured(['extract', file, '--park', seed.park, '--apply', '--db', store.path]);
      expect(applied.err).toBe('');
      expect(applied.code).toBe(0);
      expect(applied.out).toMatch(/（0 处按原文保留）/u);

      const out = join(dir, `${name}.docx`);
      const exported = await runCliCaptured(['export', '--park', seed.park, '--period', seed.period, '--template', 'magazine', '--out', out, '--db', store.path]);
      expect(exported.code, exported.err).toBe(0);
      const { value } = await mammoth.extractRawText({ buffer: readFileSync(out) });
      expect(blankless(value)).toBe(blankless(readArticle(seed.file)));

      // Every figure of the article is a placeholder in the document, none is typed.
      const doc = store.reopen().db.prepare('SELECT body FROM documents d JOIN parks p ON p.pk = d.park WHERE p.name = ?').get(seed.park) as { body: string };
      const prose = JSON.parse(doc.body) as { lead: string[]; sections: { paragraphs: string[] }[] };
      const placeholders = [...prose.lead, ...prose.sections.flatMap((s) => s.paragraphs)].join('').match(/\{[^{}]+\}/gu) ?? [];
      expect(placeholders.length).toBeGreaterThanOrEqual(27);
      expect(prose.lead.join('')).not.toContain('333.52');
    }, 60_000);
  }
});

describe('the review gives the check rules\' hints before anything is written', () => {
  it('a figure of the article that breaks a rule with the park\'s figures is named in the review, and the store is untouched', async () => {
    const parkId = store.ids('楚雄高新区', '2022').parkId;
    const before = dumpStore(store.ctx);
    // R04: 规上工业增加值 is part of 地区生产总值 — here the article's GDP is the smaller.
    const read = (await dispatch(store.ctx, 'articles.read', { fileName: 'a.txt', text: '2022年，全区实现地区生产总值1.5亿元，规模以上工业增加值5.6亿元。', parkId, period: '2022' })) as Envelope<Output<'articles.read'>>;
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.checks.map((c) => c.rule)).toContain('R04');
    expect(dumpStore(store.ctx)).toEqual(before);
    // Without a park there is nothing to check against.
    const alone = (await dispatch(store.ctx, 'articles.read', { fileName: 'a.txt', text: '2022年，全区实现地区生产总值1.5亿元。' })) as Envelope<Output<'articles.read'>>;
    expect(alone.ok && alone.value.checks).toEqual([]);
  });
});

describe('the review says of each figure what applying it does', () => {
  // One rule (core/values/same-figure.ts) for the review's status and the apply's counts: the
  // review used to compare numbers by value and skip a figure's missing value, so it called 248.110
  // over a stored 248.11 unchanged (apply then rewrote it) and a growth alone beside a stored value changed.
  it('a figure written with another precision is a change; a growth alone that equals the stored one is not', async () => {
    const parkId = store.ids('楚雄高新区', '2022').parkId;
    const review = async (text: string) => {
      // Applying writes a document too, which a park-period that has one refuses.
      store.ctx.db.prepare('DELETE FROM documents WHERE park = (SELECT pk FROM parks WHERE id = ?)').run(parkId);
      const read = (await dispatch(store.ctx, 'articles.read', { fileName: 'a.txt', text, parkId, period: '2022' })) as Envelope<Output<'articles.read'>>;
      if (!read.ok) throw new Error(read.error.message);
      const applied = (await dispatch(store.ctx, 'articles.apply', { readId: read.value.readId, parkId, period: '2022', figures: read.value.figures.map((f) => acceptedOf(f, '2022')) })) as Envelope<Output<'articles.apply'>>;
      if (!applied.ok) throw new Error(applied.error.message);
      return { statuses: read.value.figures.map((f) => `${f.indicator} ${f.value ?? ''} ${f.status}`), counts: applied.value.values };
    };
    const precision = await review('2022年，全区新材料产业产值248.110亿元。');
    expect(precision.statuses).toEqual(['新材料产业产值 248.110 changed']);
    expect(precision.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const same = await review('2022年，全区规划面积84.22平方公里，新材料产业产值同比增长42.5%。');
    expect(same.statuses).toEqual(['规划面积 84.22 unchanged', '新材料产业产值  unchanged']);
    expect(same.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });
});

describe('applying is one undo step', () => {
  it('one Ctrl+Z takes back the new indicators, the figures and the document', async () => {
    await parkAnew('楚雄高新区');
    const before = dumpStore(store.ctx);
    const ctx = store.ctx;
    const read = (await dispatch(ctx, 'articles.read', { fileName: 'a.txt', text: readArticle(SEED_ARTICLES['chuxiong-2022']!.file), parkId: store.ids('楚雄高新区', '2022').parkId })) as Envelope<Output<'articles.read'>>;
    if (!read.ok) throw new Error(read.error.message);
    const applied = (await dispatch(ctx, 'articles.apply', {
      readId: read.value.readId,
      parkId: store.ids('楚雄高新区', '2022').parkId,
      period: '2022',
      figures: read.value.figures.map((f) => acceptedOf(f, '2022')),
    })) as Envelope<Output<'articles.apply'>>;
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.value.values.inserted).toBe(27);
    expect(applied.value.history.undoLabel).toBe('从文章导入「a.txt」');
    undo(ctx);
    const after = dumpStore(ctx);
    for (const table of ['indicators', 'indicator_values', 'documents', 'periods', 'parks']) expect(after[table], table).toEqual(before[table]);
  });

  it('a new park made for the article is in the same undo step', async () => {
    const before = dumpStore(store.ctx);
    const ctx = store.ctx;
    const text = readArticle(SEED_ARTICLES['chuxiong-2022']!.file);
    const read = (await dispatch(ctx, 'articles.read', { fileName: 'c.txt', text })) as Envelope<Output<'articles.read'>>;
    if (!read.ok) throw new Error(read.error.message);
    const period = '2022';
    const applied = (await dispatch(ctx, 'articles.apply', {
      readId: read.value.readId,
      newPark: { name: '楚雄新园区' },
      period,
      figures: read.value.figures.map((f) => acceptedOf(f, period)),
    })) as Envelope<Output<'articles.apply'>>;
    if (!applied.ok) throw new Error(applied.error.message);
    expect(ctx.db.prepare('SELECT id FROM parks WHERE name = ?').pluck().get('楚雄新园区')).toBe(applied.value.parkId);
    undo(ctx);
    const after = dumpStore(ctx);
    for (const table of ['indicators', 'indicator_values', 'documents', 'periods', 'parks']) expect(after[table], table).toEqual(before[table]);
  });

  it('a row corrected to an alias of a catalogue indicator writes to that indicator, creating none', async () => {
    const parkId = store.ids('楚雄高新区', '2022').parkId;
    const read = (await dispatch(store.ctx, 'articles.read', { fileName: 'a.txt', text: '全区实现工业产值增加部分56亿元。', parkId })) as Envelope<Output<'articles.read'>>;
    if (!read.ok) throw new Error(read.error.message);
    const indicators = store.ctx.db.prepare('SELECT count(*) FROM indicators').pluck().get();
    const figure = { ...acceptedOf(read.value.figures[0]!, '2023'), indicator: '规模以上工业增加值', code: null };
    const r = (await dispatch(store.ctx, 'articles.apply', { readId: read.value.readId, parkId, period: '2023', figures: [figure] })) as Envelope<Output<'articles.apply'>>;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.indicatorsCreated).toBe(0);
    expect(store.ctx.db.prepare('SELECT count(*) FROM indicators').pluck().get()).toBe(indicators);
    const written = store.ctx.db
      .prepare("SELECT i.code, v.value FROM indicator_values v JOIN indicators i ON i.pk = v.indicator JOIN periods p ON p.pk = v.period WHERE v.park = (SELECT pk FROM parks WHERE id = ?) AND p.key = '2023'")
      .all(parkId);
    expect(written).toEqual([{ code: 'E04', value: '56' }]);
  });

  it('a park name that looks like a stored one is refused before anything is written', async () => {
    const before = dumpStore(store.ctx);
    const read = (await dispatch(store.ctx, 'articles.read', { fileName: 'a.txt', text: '园区实现地区生产总值100亿元。' })) as Envelope<Output<'articles.read'>>;
    if (!read.ok) throw new Error(read.error.message);
    const r = await dispatch(store.ctx, 'articles.apply', { readId: read.value.readId, newPark: { name: '昆明高新区' }, period: '2023', figures: read.value.figures.map((f) => acceptedOf(f, '2023')) });
    expect(r).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NAME' } });
    expect(dumpStore(store.ctx)).toEqual(before);
  });

  it('applying to a park-period that has a document is refused and writes nothing', async () => {
    const before = dumpStore(store.ctx);
    const r = await runCliCaptured(['extract', join(SHARED, SEED_ARTICLES['kunming-2017']!.file), '--park', '昆明高新区', '--apply', '--db', store.path]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/已有文稿|already has a document/u);
    expect(dumpStore(store.reopen())).toEqual(before);
  });
});

describe('bad input: refused with the file named, nothing written', () => {
  const zero = Buffer.alloc(0);
  const cases: [string, () => Buffer, RegExp][] = [
    ['空.txt', () => zero, /「空\.txt」是空的/u],
    ['blank.md', () => Buffer.from('  \n\n\t\n'), /「blank\.md」是空的/u],
    ['photo.txt', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 5, 6, 7, 8]), /「photo\.txt」不是文本文件/u],
    ['notes.docx', () => Buffer.from('园区实现地区生产总值100亿元。'), /「notes\.docx」不是 Word 文档/u],
    ['book.xlsx', () => Buffer.from('a,b'), /不支持「book\.xlsx」的文件类型/u],
    [
      'bomb.docx',
      () => makeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>'), declaredSize: 3_000_000_000 }]),
      /「bomb\.docx」超出可读取的上限：单个部件解压后的大小超过 64 MB/u,
    ],
    ['huge.txt', () => Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), /「huge\.txt」过大/u],
    ['会议.txt', () => Buffer.from('园区召开2023年工作会议，部署第3期重点工作。\n联系电话：0871-63312345。'), /「会议\.txt」中没有找到数据/u],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, async () => {
      const file = join(dir, name);
      writeFileSync(file, bytes());
      const before = dumpStore(store.ctx);
      for (const extra of [[], ['--park', '楚雄高新区', '--period', '2023', '--apply']]) {
        const r = await runCliCaptured(['extract', file, ...extra, '--db', store.path]);
        expect(r.code).toBe(1);
        expect(r.err).toMatch(message);
      }
      expect(dumpStore(store.reopen())).toEqual(before);
    });
  }

  it('English messages name the file too', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    const r = await runCliCaptured(['extract', file, '--db', store.path], { PARKBRIEF_LANG: 'en' });
    expect(r.err).toMatch(/"empty\.txt" is empty/u);
  });
});

describe('reading', () => {
  it('a .docx keeps its paragraphs as lines; GBK and UTF-16 text read as the importer reads them', async () => {
    const doc = new Document({ sections: [{ children: ['园区简介', '2022年，园区实现地区生产总值333.52亿元。', '新签约项目11个。'].map((t) => new Paragraph(t)) }] });
    const docx = await readArticleFile('a.docx', await Packer.toBuffer(doc));
    expect(docx.text).toBe('园区简介\n2022年，园区实现地区生产总值333.52亿元。\n新签约项目11个。');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('新签约项目11个。', 'utf16le')]);
    expect((await readArticleFile('b.txt', utf16)).text).toBe('新签约项目11个。');
    const md = await readArticleFile('c.md', Buffer.from('## 招商引资\n新签约项目11个。'));
    expect(md.text).toBe('招商引资\n新签约项目11个。');
  });

  it('a plain text file with --json prints one object per figure in the documented shape', async () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, '2022年，园区实现地区生产总值333.52亿元，增长8.2%；新签约项目11个。');
    const r = await runCliCaptured(['extract', file, '--json', '--db', store.path]);
    expect(r.code).toBe(0);
    const figures = JSON.parse(r.out) as Record<string, unknown>[];
    expect(figures.map((f) => Object.keys(f))).toEqual(
      Array(2).fill(['indicator', 'code', 'value', 'unit', 'qualifier', 'growth', 'growthUnit', 'baseline', 'kind', 'period', 'start', 'end', 'quote']),
    );
    expect(figures[0]).toMatchObject({ indicator: '地区生产总值', code: 'E01', value: '333.52', unit: '亿元', growth: '8.2', growthUnit: '%', kind: 'actual', period: '2022', start: 16, end: 31 });
  });
});

describe('time', () => {
  const catalogue = () => {
    const ctx = openCore(join(dir, 'c.sqlite'), { origin: 'test', actor: 'test', demoIfNew: true });
    const c = catalogueEntries(ctx.db);
    ctx.db.close();
    return c;
  };
  /** Development articles' text, repeated and cut to `chars` characters. */
  const prose = (chars: number) => {
    const text = ['01_yuxi_gaoxinqu', '02_nanning_gaoxinqu', '04_anning_gongyeyuanqu', '06_luzhou_gaoxinqu']
      .map((n) => readArticle(`corpus/articles/${n}.txt`).split('\n').slice(3).join('\n'))
      .join('\n');
    let out = '';
    while (out.length < chars) out += text + '\n';
    return out.slice(0, chars);
  };

  it('a 2,000-character article in at most 200 ms', () => {
    const c = catalogue();
    const text = prose(2000);
    extractFigures(text, { catalogue: c });
    const times = [0, 1, 2, 3, 4].map(() => {
      const t0 = performance.now();
      extractFigures(text, { catalogue: c });
      return performance.now() - t0;
    });
    expect(Math.min(...times)).toBeLessThanOrEqual(200);
  });

  it('a 50-page .docx read and extracted in at most 3 s', async () => {
    const c = catalogue();
    // A page of 仿宋 16 pt on a 22 × 28 grid holds about 600 characters; 50 pages, 30,000.
    const text = prose(50 * 600);
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((t) => new Paragraph(t)) }] }));
    const t0 = performance.now();
    const read = await readArticleFile('long.docx', docx);
    const found = extractFigures(read.text, { catalogue: c });
    const ms = performance.now() - t0;
    expect(found.figures.length).toBeGreaterThan(200);
    expect(ms).toBeLessThanOrEqual(3000);
  }, 30_000);
});
