import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-cli-'));
  db = join(dir, 'store.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** How many writes the store has seen: a refused command must not add one. */
function batchesOf(path: string): unknown {
  const d = new Database(path, { readonly: true });
  try {
    return d.prepare('SELECT count(*) AS n, max(seq) AS s FROM batches').get();
  } finally {
    d.close();
  }
}

describe('parkbrief CLI', () => {
  it('creates a missing --db with the demo parks', async () => {
    expect(existsSync(db)).toBe(false);
    const r = await cli(['parks', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).map((p: { name: string }) => p.name)).toEqual(['昆明高新区', '楚雄高新区']);
    expect(existsSync(db)).toBe(true);
  });

  it('honours PARKBRIEF_DB when --db is not given', async () => {
    const r = await cli(['parks'], { PARKBRIEF_DB: db });
    expect(r.code).toBe(0);
    expect(r.out).toContain('楚雄高新区');
    expect(existsSync(db)).toBe(true);
  });

  it('show --json gives indicator, category, value, unit, qualifier, kind', async () => {
    const r = await cli(['show', '--db', db, '--park', '昆明高新区', '--period', '2017', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows.find((x) => x.indicator === '园区总收入')).toMatchObject({ category: '经济总量', value: '2000', unit: '亿元', qualifier: '突破', kind: 'actual' });
    expect(rows.find((x) => x.indicator === '社会消费品零售总额')).toMatchObject({ value: null, growth: '12.9', growthSource: 'reported' });
  });

  it('show prints figures as copy writes them', async () => {
    const r = await cli(['show', '--db', db, '--park', '楚雄高新区', '--period', '2022']);
    expect(r.out).toContain('接待客商人数\t569余人');
    expect(r.out).toContain('一般社会投资项目审批时限\t35→5工作日');
  });

  it('set writes a value that another connection then reads, and exits 0', async () => {
    const r = await cli(['set', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--indicator', '地区生产总值', '--value', '340.1', '--qualifier', '近']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('已保存');
    const other = new Database(db, { readonly: true });
    const v = other.prepare("SELECT v.value, v.qualifier FROM indicator_values v JOIN indicators i ON i.pk = v.indicator JOIN periods p ON p.pk = v.period WHERE i.name = '地区生产总值' AND p.key = '2022'").get();
    other.close();
    expect(v).toEqual({ value: '340.1', qualifier: '近' });
  });

  it('set creates a new period together with its first value, and a refused value leaves no period behind', async () => {
    const bad = await cli(['set', '--db', db, '--park', '楚雄高新区', '--period', '2023', '--indicator', '高新技术企业数', '--value', '-3']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('高新技术企业数不能为负数');
    expect((await cli(['show', '--db', db, '--park', '楚雄高新区', '--period', '2023'])).err).toContain('找不到期别「2023」');
    const ok = await cli(['set', '--db', db, '--park', '楚雄高新区', '--period', '2023', '--indicator', '高新技术企业数', '--value', '31']);
    expect(ok.code).toBe(0);
  });

  it.each([
    [['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '地区生产总值', '--value', 'abc'], 1, '本期值「abc」不是数字'],
    [['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '高新技术企业数', '--value', '3', '--unit', '亿元'], 1, '计量单位「亿元」不适用于高新技术企业数'],
    [['set', '--park', '不存在园区', '--period', '2022', '--indicator', '地区生产总值', '--value', '1'], 1, '找不到园区「不存在园区」'],
    [['set', '--park', '楚雄高新区', '--period', '22年', '--indicator', '地区生产总值', '--value', '1'], 1, '「22年」不是有效的期别'],
    [['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '不存在指标', '--value', '1'], 1, '指标库中没有「不存在指标」'],
    [['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', '地区生产总值'], 2, '缺少 --value'],
    [['show', '--park', '楚雄高新区'], 2, '缺少 --period'],
    [['show', '--bogus'], 2, '未知的选项 --bogus'],
    [['show', '--park'], 2, '选项 --park 的写法不对：它需要一个值'],
    [['units', 'add', '万平方米', '--equals', '0.01', '平方公里'], 2, '带空格的换算关系请加引号'],
    [['parks', '--json', 'x'], 2, '多余的参数「x」'],
    [['frobnicate'], 2, '未知命令「frobnicate」'],
  ])('%j exits %i with a clear message', async (args, code, message) => {
    await cli(['parks', '--db', db]);
    const snapshot = batchesOf(db);
    const r = await cli([...args, '--db', db]);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(batchesOf(db)).toEqual(snapshot);
  });

  it('a usage error speaks one language at a time: Chinese, or English with PARKBRIEF_LANG=en', async () => {
    const zh = await cli(['show', '--bogus', '--db', db]);
    const en = await cli(['show', '--bogus', '--db', db], { PARKBRIEF_LANG: 'en' });
    expect(zh.err.split('\n')[0]).toMatch(/^错误：未知的选项 --bogus$/u);
    expect(en.err.split('\n')[0]).toContain("Unknown option '--bogus'");
    expect(en.err.split('\n')[0]).not.toMatch(/\p{Script=Han}/u);
  });

  it('a store from a newer ParkBrief exits 3 and is left alone', async () => {
    await cli(['parks', '--db', db]);
    const d = new Database(db);
    d.pragma('user_version = 999');
    d.close();
    const r = await cli(['parks', '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('版本（999）高于本程序支持的版本');
  });

  it('runs as a real process through the bin launcher, with the exit code the shell sees', () => {
    const bin = resolve(import.meta.dirname, '../../bin/parkbrief.mjs');
    const ok = spawnSync(process.execPath, [bin, 'set', '--db', db, '--park', '昆明高新区', '--period', '2017', '--indicator', '引进内资', '--value', '126'], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'set', '--db', db, '--park', '昆明高新区', '--period', '2017', '--indicator', '引进内资', '--value', 'x'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('不是数字');
    const show = spawnSync(process.execPath, [bin, 'show', '--db', db, '--park', '昆明高新区', '--period', '2017', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(show.stdout).find((r: { indicator: string }) => r.indicator === '引进内资').value).toBe('126');
  });

  describe('export', () => {
    const out = () => join(dir, '简报.docx');
    const isDocx = (p: string) => existsSync(p) && readFileSync(p).subarray(0, 2).toString() === 'PK';

    it('writes a park-period document as a .docx in either layout', async () => {
      for (const template of ['magazine', 'bulletin']) {
        const r = await cli(['export', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--template', template, '--out', out()]);
        expect(r.code, r.err).toBe(0);
        expect(r.out).toContain('已导出');
        expect(isDocx(out())).toBe(true);
      }
    });

    it('--sources prints each figure\'s source note as a footnote; without it there are none', async () => {
      const footnotes = async () => {
        const part = (await JSZip.loadAsync(readFileSync(out()))).file('word/footnotes.xml');
        return part ? ((await part.async('string')).match(/<w:footnote w:id="[1-9]\d*"/g) ?? []).length : 0;
      };
      const args = ['export', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--template', 'magazine', '--out', out()];
      expect((await cli(args)).code).toBe(0);
      expect(await footnotes()).toBe(0);
      expect((await cli([...args, '--sources'])).code).toBe(0);
      expect(await footnotes()).toBeGreaterThan(5);
      const yearbook = await cli(['export', '--db', db, '--all-parks', '--period', '2022', '--template', 'magazine', '--out', out(), '--sources']);
      expect(yearbook.code).toBe(2);
      expect(yearbook.err).toContain('--sources 只用于单个园区的文稿');
    }, 90_000);

    it('--articles binds other parks\' documents of the period after --park\'s into one bulletin issue', async () => {
      // 昆明 has no 2022 document in the demo: refused, the park named.
      const args = ['export', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--template', 'bulletin', '--out', out(), '--allow-markers'];
      const missing = await cli([...args, '--articles', '昆明高新区']);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('--articles 中的「昆明高新区」2022还没有文稿');
      expect((await cli([...args, '--articles', '昆明高新区'], { PARKBRIEF_LANG: 'en' })).err).toContain('--articles names "昆明高新区", which has no document for 2022');
      expect(existsSync(out())).toBe(false);
      const d = new Database(db);
      d.prepare(
        "INSERT INTO documents (id, park, period, body, created_at, updated_at, updated_by) SELECT '0190c2b4-0000-7000-8000-000000000002', (SELECT pk FROM parks WHERE name = '昆明高新区'), period, json_set(body, '$.title', '昆明高新区：创新驱动谱新篇'), created_at, updated_at, updated_by FROM documents WHERE park = (SELECT pk FROM parks WHERE name = '楚雄高新区') AND period = (SELECT pk FROM periods WHERE key = '2022')",
      ).run();
      d.close();
      const r = await cli([...args, '--articles', '昆明高新区']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('2 篇');
      const xml = await (await JSZip.loadAsync(readFileSync(out()))).file('word/document.xml')!.async('string');
      const text = xml.replace(/<[^>]+>/g, '');
      // One masthead, both titles in the order given.
      expect(text.split('楚雄高新区工作简报')).toHaveLength(2);
      expect(text.indexOf('楚雄高新区：聚焦')).toBeGreaterThan(0);
      expect(text.indexOf('昆明高新区：创新驱动谱新篇')).toBeGreaterThan(text.indexOf('楚雄高新区：聚焦'));
    }, 90_000);

    it.each([
      [['--template', 'magazine', '--articles', '昆明高新区'], '--articles 只用于 --template bulletin'],
      [['--template', 'bulletin', '--articles', '，'], '--articles 应列出园区名称'],
      [['--template', 'bulletin', '--articles', '楚雄高新区'], '「楚雄高新区」的文稿已是本期第一篇'],
      [['--template', 'bulletin', '--articles', '昆明高新区、昆明高新区'], '「昆明高新区」选了两次'],
      [['--template', 'bulletin', '--articles', '玉溪高新区'], '找不到园区「玉溪高新区」'],
    ])('refuses --articles %j and says why in the terminal\'s words', async (args, msg) => {
      const r = await cli(['export', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--out', out(), ...args]);
      expect(r.code).not.toBe(0);
      expect(r.err).toContain(msg);
      // Said with the names typed, never a park's id.
      expect(r.err).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(existsSync(out())).toBe(false);
    });

    it('refuses --articles with --all-parks', async () => {
      const r = await cli(['export', '--db', db, '--all-parks', '--period', '2022', '--template', 'bulletin', '--out', out(), '--articles', '昆明高新区']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--articles 只用于单个园区的文稿');
    });

    it.each([
      [['--park', '楚雄高新区', '--period', '2022', '--template', 'poster'], 1, '未知的版式「poster」'],
      [['--park', '玉溪高新区', '--period', '2022', '--template', 'magazine'], 1, '找不到园区「玉溪高新区」'],
      [['--park', '楚雄高新区', '--period', '2030', '--template', 'magazine'], 1, '找不到期别「2030」'],
      [['--park', '楚雄高新区', '--period', '2021', '--template', 'magazine'], 1, '2021还没有文稿'],
      [['--park', '楚雄高新区', '--period', '2022', '--template', 'magazine', '--out'], 2, 'out'],
    ])('refuses %j with exit %i and says why', async (args, code, msg) => {
      const r = await cli(['export', '--db', db, ...(args.includes('--out') ? args : [...args, '--out', out()])]);
      expect(r.code).toBe(code);
      expect(r.err).toContain(msg);
      expect(existsSync(out())).toBe(false);
    });

    it('lists unfillable placeholders by place and writes nothing, unless --allow-markers', async () => {
      await cli(['parks', '--db', db]);
      const d = new Database(db);
      d.prepare("UPDATE documents SET body = json_set(body, '$.lead[0]', '{没有的指标}和{地区生产总值@2030}') WHERE park = (SELECT pk FROM parks WHERE name = '楚雄高新区')").run();
      d.close();
      const args = ['export', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--template', 'bulletin', '--out', out()];
      const refused = await cli(args);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('文稿中有 2 处数据占位符无法填写，未导出');
      expect(refused.err).toContain('导语第1段：{没有的指标} — 指标库中没有「没有的指标」');
      expect(existsSync(out())).toBe(false);
      const en = await cli(args, { PARKBRIEF_LANG: 'en' });
      expect(en.err).toContain('lead, paragraph 1: {没有的指标} — The catalogue has no indicator "没有的指标"');
      expect((await cli([...args, '--allow-markers'])).code).toBe(0);
      expect(isDocx(out())).toBe(true);
    });

    it('binds every park with a document for the period into one yearbook', async () => {
      await cli(['set', '--db', db, '--park', '昆明高新区', '--period', '2022', '--indicator', '地区生产总值', '--value', '1200']);
      const d = new Database(db);
      d.prepare(
        "INSERT INTO documents (id, park, period, body, created_at, updated_at, updated_by) SELECT '0190c2b4-0000-7000-8000-000000000001', (SELECT pk FROM parks WHERE name = '昆明高新区'), period, replace(body, '楚雄', '昆明'), created_at, updated_at, updated_by FROM documents WHERE park = (SELECT pk FROM parks WHERE name = '楚雄高新区')",
      ).run();
      d.close();
      const r = await cli(['export', '--db', db, '--all-parks', '--period', '2022', '--template', 'magazine', '--out', out(), '--allow-markers']);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('2 篇');
    });
  });
});
