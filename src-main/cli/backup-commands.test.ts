import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsFolder } from '../core/backups/backup-files.ts';
import { corruptPages } from '../../test/support/corrupt-store.ts';
import { fileSha256 } from '../../test/support/temp-store.ts';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-cli-backup-'));
  db = join(dir, 'store.sqlite');
  expect((await cli(['parks', '--db', db])).code).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const setGdp = (value: string) => cli(['set', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--indicator', '地区生产总值', '--value', value]);

async function gdp(): Promise<string> {
  const r = await cli(['show', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--json']);
  return (JSON.parse(r.out) as { indicator: string; value: string }[]).find((x) => x.indicator === '地区生产总值')!.value;
}

/** A page in the middle of a closed store overwritten with garbage, as a torn write or a bad sector would leave it. */
const damage = (path: string) => corruptPages(path, { pages: [3], seed: 3 });

describe('parkbrief backup / backups / restore', () => {
  it('backs up to --out, restores it, and prints how to undo the restore', async () => {
    const out = join(dir, '周五备份.sqlite');
    const b = await cli(['backup', '--db', db, '--out', out]);
    expect(b.code).toBe(0);
    expect(b.out).toContain(`已备份：${out}`);
    expect(b.out).toMatch(/2 个园区，\d+ 个数值/);

    await setGdp('350');
    const r = await cli(['restore', out, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已用');
    expect(await gdp()).toBe('333.52');
    const undo = /要撤销这次恢复：parkbrief restore "([^"]+)"/.exec(r.out)?.[1];
    expect(undo).toBeTruthy();
    expect((await cli(['restore', undo!, '--db', db])).code).toBe(0);
    expect(await gdp()).toBe('350');
  });

  it('puts a backup without --out in the backups folder, lists it, and restores it by its bare name', async () => {
    expect((await cli(['backup', '--db', db])).code).toBe(0);
    const list = await cli(['backups', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.out).toContain(backupsFolder(db));
    const name = /(store-\d{8}-\d{6}-\d{3}-manual\.sqlite)/.exec(list.out)?.[1];
    expect(name).toBeTruthy();
    expect(list.out).toContain('手动备份');
    await setGdp('351');
    expect((await cli(['restore', name!, '--db', db])).code).toBe(0);
    expect(await gdp()).toBe('333.52');
    const json = JSON.parse((await cli(['backups', '--db', db, '--json'])).out) as { backups: { reason: string }[] };
    // The CLI's own daily backup came with the first command that used the existing store.
    expect(json.backups.map((x) => x.reason).sort()).toEqual(['before-restore', 'daily', 'manual']);
  });

  it('refuses to back up over the store itself, or a store that does not exist (creating nothing)', async () => {
    expect((await cli(['backup', '--db', db, '--out', db])).code).toBe(2);
    const missing = join(dir, 'nothing.sqlite');
    const r = await cli(['backup', '--db', missing]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('请确认文件存在');
    expect(r.err).toContain('技术信息：file not found');
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses to restore a file that is not a ParkBrief store, leaving the store as it was', async () => {
    const foreign = join(dir, 'notes.sqlite');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (x)');
    f.close();
    const before = await gdp();
    const r = await cli(['restore', foreign, '--db', db]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('不能用来恢复');
    expect(r.err).toContain('当前数据库未做任何改动');
    expect(await gdp()).toBe(before);
  });
});

describe('a damaged store on the command line', () => {
  it('every command stops with a clear message and exit 3, and the file is not touched', async () => {
    expect((await cli(['backup', '--db', db])).code).toBe(0);
    damage(db);
    const hash = fileSha256(db);
    for (const args of [['parks'], ['show', '--park', '楚雄高新区', '--period', '2022'], ['backup'], ['set', '--park', '楚雄高新区', '--period', '2022', '--indicator', 'E01', '--value', '1']]) {
      const r = await cli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.err).toContain(`数据库「${db}」未通过完整性检查，已损坏`);
      expect(r.err).toContain('parkbrief restore');
    }
    const en = await cli(['parks', '--db', db], { PARKBRIEF_LANG: 'en' });
    expect(en.err).toContain('failed its integrity check');
    expect(fileSha256(db)).toBe(hash);
    // Nothing new beside it (SQLite's own -wal/-shm of a read-only look aside).
    expect(readdirSync(dir).filter((f) => !/-(wal|shm)$/.test(f)).sort()).toEqual(['backups', 'store.sqlite']);
  });

  it('salvage saves what is readable without touching the damaged file; restore then brings the store back', async () => {
    damage(db);
    const hash = fileSha256(db);
    const s = await cli(['salvage', '--db', db]);
    expect(s.code).toBe(0);
    expect(s.out).toContain('原库');
    const out = /要使用它：parkbrief restore "([^"]+)"/.exec(s.out)?.[1];
    expect(out && existsSync(out)).toBe(true);
    expect(fileSha256(db)).toBe(hash);
    const r = await cli(['restore', out!, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('被替换的数据库已保存为');
    expect((await cli(['parks', '--db', db])).code).toBe(0);
  });
});
