import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NODE, REPO } from '../../test/support/processes.ts';
import { tempStore, type TempStore } from '../../test/support/temp-store.ts';
import { runCli } from './run.ts';

let s: TempStore;
beforeEach(() => {
  s = tempStore();
  s.ctx.db.close();
});
afterEach(() => s.dispose());

const yearbook = (out: string) => ['export', '--db', s.path, '--all-parks', '--period', '2022', '--template', 'magazine', '--out', out];

describe('a long job from the command line', () => {
  it('redraws a progress line where stderr is a terminal, then prints the result', async () => {
    const progress: (string | null)[] = [];
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(yearbook(join(s.dir, 'y.docx')), { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, progress: (l) => progress.push(l) });
    expect(code).toBe(0);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[0]).toMatch(/^「年鉴导出」准备（\d+\.\d 秒）$/);
    expect(progress.some((l) => /^「年鉴导出」(读取|生成)( \d+\/\d+)?（/.test(l ?? ''))).toBe(true);
    // The line is cleared before the result is printed.
    expect(progress.at(-1)).toBeNull();
    expect(out.join('\n')).toMatch(/^已导出：.*y\.docx（1 篇/);
    expect(err).toEqual([]);
  });

  it('Ctrl-C cancels the job: exit 130, said in one line, no file', async () => {
    const out = join(s.dir, 'y.docx');
    const err: string[] = [];
    let cancel: (() => void) | null = null;
    const code = await runCli(yearbook(out), {
      out: () => {},
      err: (l) => err.push(l),
      env: {},
      progress: () => cancel?.(),
      onInterrupt: (c) => {
        cancel = c;
        return () => (cancel = null);
      },
    });
    expect(code).toBe(130);
    expect(err).toEqual(['错误：已取消「年鉴导出」，未写入任何数据']);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.docx') || f.includes('.tmp'))).toEqual([]);
  });

  // A real terminal: script(1) gives the command a pseudo-terminal, and ^C typed there is SIGINT.
  it.skipIf(!existsSync('/usr/bin/script'))('on a real terminal, ^C during the export ends it cleanly', async () => {
    const out = join(s.dir, 'y.docx');
    const cmd = [NODE, 'src-main/cli.ts', ...yearbook(out)].map((a) => `'${a}'`).join(' ');
    const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: REPO });
    let text = '';
    const progressSeen = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString('utf8');
        if (text.includes('「年鉴导出」')) resolve();
      }),
    );
    await progressSeen;
    child.stdin.write('\x03');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(text).toContain('错误：已取消「年鉴导出」，未写入任何数据');
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('prints no progress where stderr is not a terminal', async () => {
    const err: string[] = [];
    const code = await runCli(yearbook(join(s.dir, 'y.docx')), { out: () => {}, err: (l) => err.push(l), env: {} });
    expect(code).toBe(0);
    expect(err).toEqual([]);
  });
});
