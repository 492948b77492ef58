// The CLI at a terminal and in a pipe (issue 16): control characters from files are shown, not
// obeyed; a closed pipe ends the command quietly; a child killed by a signal is named as such.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver } from '../../bin/hand-over.mjs';
import { runCliCaptured as cli } from '../../test/support/run-cli-captured.ts';
import { CLOSED_PIPE_EXIT } from './closed-pipe.ts';
import { escapeForTerminal } from './terminal-text.ts';

const CLI = resolve(import.meta.dirname, '../cli.ts');
// Anything a terminal would act on rather than show.
// eslint-disable-next-line no-control-regex
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let db: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-terminal-'));
  db = join(dir, 'store.sqlite');
  await cli(['parks', '--db', db]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('escapeForTerminal', () => {
  it('shows escape sequences, carriage returns, C1 and bidi controls as visible escapes', () => {
    expect(escapeForTerminal('\u001b[2J清屏\r已导入\u009b\u202e')).toBe('\\x1b[2J清屏\\r已导入\\x9b\\u202e');
    expect(escapeForTerminal('楚雄高新区\t340.1亿元')).toBe('楚雄高新区\t340.1亿元');
  });

  it('keeps our own line breaks in a line, and escapes them in a value printed as one item', () => {
    expect(escapeForTerminal('第一行\n第二行')).toBe('第一行\n第二行');
    expect(escapeForTerminal('单元格\n已导入：新增 99 项', 'one-line')).toBe('单元格\\n已导入：新增 99 项');
  });
});

describe('parkbrief import of a file with escape sequences', () => {
  it('prints the file name and cell text escaped, so nothing clears the screen or forges a line', async () => {
    const name = '\u001b[2J\u001b[H指标.csv';
    const f = join(dir, name);
    writeFileSync(f, '指标名称,计量单位,本期值\n"地区生产总值\u001b[2J\r\n已导入：新增 99 项",亿元,340.1\n');
    const r = await cli(['import', f, '--park', '楚雄高新区', '--period', '2022', '--db', db]);
    expect(r.code).toBe(1);
    const printed = r.out + '\n' + r.err;
    expect(printed).not.toMatch(OBEYED);
    expect(printed).toContain('\\x1b[2J\\x1b[H指标.csv');
    expect(printed).toContain('\\x1b[2J\\n已导入：新增 99 项');
    expect(printed.split('\n').filter((l) => l.startsWith('已导入'))).toEqual([]);
  });
});

describe('a closed pipe', () => {
  it('ends the command quietly with the exit code of SIGPIPE, no stack trace', async () => {
    const child = spawn(process.execPath, [CLI, 'show', '--db', db, '--park', '昆明高新区', '--period', '2017', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader is gone before the first line is written, as `| head -0` would be.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    expect(stderr).toBe('');
    expect(code).toBe(CLOSED_PIPE_EXIT);
    expect(CLOSED_PIPE_EXIT).toBe(141);
  });
});

describe('the hand-over to the project Node', () => {
  const run = (code: string) => {
    const lines: string[] = [];
    const exit = handOver(process.execPath, ['-e', code], { ...process.env, PARKBRIEF_LANG: '' }, (l) => lines.push(l));
    return { exit, lines };
  };

  it('names a signal that killed the child and exits 128 + n', () => {
    const killed = run("process.kill(process.pid, 'SIGKILL')");
    expect(killed.exit).toBe(137);
    expect(killed.lines).toEqual([expect.stringMatching(/^错误：ParkBrief 进程被信号 SIGKILL 终止（退出码 137）/)]);
    expect(run("process.kill(process.pid, 'SIGTERM')").exit).toBe(143);
  });

  it('passes an ordinary exit code on unchanged and stays quiet for SIGPIPE', () => {
    expect(run('process.exit(3)')).toEqual({ exit: 3, lines: [] });
    // Node ignores SIGPIPE in itself; a shell child gets the default action, as a killed writer would.
    const lines: string[] = [];
    expect(handOver('/bin/sh', ['-c', 'kill -PIPE $$'], {}, (l) => lines.push(l))).toBe(141);
    expect(lines).toEqual([]);
  });

  it('says so when the project Node cannot be started', () => {
    const lines: string[] = [];
    expect(handOver(join(dir, 'no-node'), [], {}, (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/^错误：无法启动项目自带的 Node（.*ENOENT）；请在项目目录运行 npm ci。$/);
  });
});
