import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-cli-checks-'));
  db = join(dir, 'store.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const set = (indicator: string, value: string, env: NodeJS.ProcessEnv = {}) =>
  cli(['set', '--db', db, '--park', '楚雄高新区', '--period', '2022', '--indicator', indicator, '--value', value], env);

describe('parkbrief set and the check rules', () => {
  it('saves a figure that breaches a rule, exits 0 and prints the warning after the save', async () => {
    expect(await set('高新技术企业数', '20')).toEqual({ code: 0, out: '已保存：楚雄高新区 · 2022年 · 高新技术企业数', err: '' });
    const r = await set('新增高新技术企业数', '25');
    expect(r.code).toBe(0);
    expect(r.out).toBe('已保存：楚雄高新区 · 2022年 · 新增高新技术企业数');
    expect(r.err).toBe('审核提示 R10：新增高新技术企业数（25户）多于高新技术企业数（20户），请核对');
    // The figure is in the store: show reads it back.
    expect((await cli(['show', '--db', db, '--park', '楚雄高新区', '--period', '2022'])).out).toContain('新增高新技术企业数\t25户');
  });

  it('prints the warning in English with PARKBRIEF_LANG=en, and nothing once the figures agree', async () => {
    await set('高新技术企业数', '20');
    const r = await set('新增高新技术企业数', '25', { PARKBRIEF_LANG: 'en' });
    expect(r.err).toBe('Check R10: New high-tech enterprises (25 firms) is more than High-tech enterprises (20 firms); please check');
    expect(await set('高新技术企业数', '30')).toMatchObject({ code: 0, err: '' });
  });
});
