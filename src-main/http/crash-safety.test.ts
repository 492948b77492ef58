// Issue 5, item 1: nothing acknowledged is lost when the host dies. The real browser-mode host runs
// as its own process on a store; writes stream to it over HTTP (cells, pasted blocks, a refused
// paste, document saves, CSV imports) and it is killed with SIGKILL at seeded moments, then
// checked with the host dead (integrity_check, the change log against the rows, every acknowledged
// write present, the write in flight whole or absent) and through the contract after a restart
// (the same state; undo and redo of the latest write). The same for a CLI Excel export killed while
// overwriting a workbook. scripts/crash-test.ts runs the same scenarios with more kills.
//
// PARKBRIEF_CRASH_KILLS, PARKBRIEF_CRASH_EXPORT_KILLS and PARKBRIEF_CRASH_SEED change the run.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Expected, type Op } from '../../test/support/crash-model.ts';
import { runCrashScenario } from '../../test/support/crash-run.ts';
import { runExportKills } from '../../test/support/export-kill.ts';
import { auditStore } from '../../test/support/store-audit.ts';
import { tempStore } from '../../test/support/temp-store.ts';

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return v;
};
const KILLS = envInt('PARKBRIEF_CRASH_KILLS', 20);
const EXPORT_KILLS = envInt('PARKBRIEF_CRASH_EXPORT_KILLS', 6);
const SEED = envInt('PARKBRIEF_CRASH_SEED', 5);
const FAULT = pathToFileURL(join(import.meta.dirname, '../../test/support/write-behind-fault.ts')).href;
/** Each kill costs a host start (~0.6 s idle, a few seconds on a loaded machine). */
const timeout = (kills: number) => 60_000 + kills * 8_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parkbrief-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety: SIGKILL of the browser-mode host', () => {
  it(
    `keeps every acknowledged write and a sound store through ${KILLS} kills`,
    async () => {
      const fig = await runCrashScenario({ dbPath: join(dir, 'store.sqlite'), kills: KILLS, seed: SEED });
      expect(fig.failures).toEqual([]);
      expect(fig.kills).toBe(KILLS);
      expect(fig.integrityOk).toBe(KILLS);
      // The run exercised what it claims: every kind of write acknowledged, writes cut off mid-flight,
      // acknowledged figures looked for after kills, undo across restarts.
      for (const [kind, n] of Object.entries(fig.acknowledged)) expect(n, kind).toBeGreaterThan(0);
      expect(fig.inFlight.landed + fig.inFlight.notLanded).toBeGreaterThan(KILLS / 2);
      expect(fig.editsChecked).toBeGreaterThan(KILLS);
      expect(fig.undoChecks).toBeGreaterThan(KILLS / 2);
      expect(fig.logEntitiesChecked).toBeGreaterThan(0);
    },
    timeout(KILLS),
  );

  it(
    'fails against a host that acknowledges edits before committing them',
    async () => {
      const fig = await runCrashScenario({ dbPath: join(dir, 'store.sqlite'), kills: 3, seed: SEED, host: { nodeArgs: ['--import', FAULT] } });
      expect(fig.failures.join('\n')).toMatch(/acknowledged/);
    },
    timeout(3),
  );

  it('audit: notices a figure changed behind the change log, and a damaged file', () => {
    const s = tempStore();
    try {
      s.ctx.db.close();
      const copy = join(dir, 'copy.sqlite');
      copyFileSync(s.path, copy);
      expect(auditStore(copy)).toMatchObject({ integrity: ['ok'], foreignKeyProblems: 0, logMismatches: [] });
      const db = new Database(copy);
      db.prepare(
        "UPDATE indicator_values SET value = '1' WHERE (park, period, kind, indicator) = (SELECT park, period, kind, indicator FROM indicator_values WHERE value IS NOT NULL LIMIT 1)",
      ).run();
      db.close();
      expect(auditStore(copy).logMismatches).toEqual([expect.stringMatching(/value log="[\d.]+" row="1"/)]);
      // Cell pointers of the figures' B-tree scribbled over: SQLite's own check must see it (or refuse to read at all).
      const probe = new Database(s.path, { readonly: true });
      const root = probe.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'indicator_values'").pluck().get() as number;
      const pageSize = probe.pragma('page_size', { simple: true }) as number;
      probe.close();
      const damaged = join(dir, 'damaged.sqlite');
      const bytes = readFileSync(s.path);
      bytes.fill(0x5a, (root - 1) * pageSize + 12, (root - 1) * pageSize + 64);
      writeFileSync(damaged, bytes);
      let integrity: string[];
      try {
        integrity = auditStore(damaged).integrity;
      } catch (e) {
        integrity = [(e as Error).message];
      }
      expect(integrity).not.toEqual(['ok']);
    } finally {
      s.dispose();
    }
  });
});

describe('crash safety: the after-kill comparison', () => {
  const cells = (entries: [string, string | null][]) => new Map(entries);
  // Only the writes matter to the comparison; the request itself is not looked at.
  const input = { parkId: '', periodId: '', kind: 'actual' as const, edits: [] };
  const paste = (writes: [string, string][]): Op => ({ kind: 'paste', input, writes: new Map(writes), label: '粘贴 2 个单元格', changed: 2 });
  const expected = () => new Expected({ cells: cells([['E01.value', '1'], ['E02.value', null]]), doc: null });

  it('accepts a write in flight that committed whole, or not at all', () => {
    const op = paste([['E01.value', '2'], ['E02.value', '3']]);
    expect(expected().reconcile({ cells: cells([['E01.value', '1'], ['E02.value', null]]), doc: null }, op)).toMatchObject({ problems: [], landed: false });
    const e = expected();
    expect(e.reconcile({ cells: cells([['E01.value', '2'], ['E02.value', '3']]), doc: null }, op)).toMatchObject({ problems: [], landed: true });
    expect(e.undo.at(-1)?.label).toBe('粘贴 2 个单元格');
  });

  it('refuses a half-applied paste, a written refused paste, and a lost acknowledged figure', () => {
    const op = paste([['E01.value', '2'], ['E02.value', '3']]);
    expect(expected().reconcile({ cells: cells([['E01.value', '2'], ['E02.value', null]]), doc: null }, op).problems).toEqual([expect.stringMatching(/^half-applied paste/)]);
    const refused: Op = { kind: 'refused', input, writes: new Map([['E02.value', '3']]) };
    expect(expected().reconcile({ cells: cells([['E01.value', '1'], ['E02.value', '3']]), doc: null }, refused).problems).toEqual(['a refused paste was written']);
    expect(expected().reconcile({ cells: cells([['E01.value', null], ['E02.value', null]]), doc: null }, null).problems).toEqual(['E01.value: acknowledged "1", store has null']);
  });
});

describe('crash safety: SIGKILL of a CLI Excel export overwriting a workbook', () => {
  it(
    `leaves the old workbook or the whole new one through ${EXPORT_KILLS} kills`,
    async () => {
      const fig = await runExportKills({ dir, kills: EXPORT_KILLS, seed: SEED });
      expect(fig.failures).toEqual([]);
      expect(fig.kills).toBe(EXPORT_KILLS);
      expect(fig.keptOld + fig.gotNew).toBe(EXPORT_KILLS);
      expect(fig.onTempFile).toBe(Math.floor(EXPORT_KILLS / 2));
    },
    timeout(EXPORT_KILLS * 2),
  );
});
