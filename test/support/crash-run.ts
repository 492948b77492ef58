// The crash scenario shared by the unit test and scripts/crash-test.ts: the browser-mode host on one
// store, a stream of writes over HTTP, SIGKILL at a seeded moment (sometimes while the host is still
// opening the store), then — with the host dead — SQLite's integrity check, the change log against
// the rows, and every acknowledged write looked for; then a restart, the same state through the
// contract, and an undo and redo of the latest write to show the history survived with the figures.
import { isDeepStrictEqual } from 'node:util';
import type { DocumentBody } from '../../src-main/shared/document.ts';
import type { Grid, HistoryState } from '../../src-main/shared/model.ts';
import type { ImportApplied, ImportPreview } from '../../src-main/shared/tables.ts';
import { diffCells, Expected, hostState, OpStream, PARK, PERIOD, POOL_CODES, readStoreState, type Op, type StoreState, type Target } from './crash-model.ts';
import { HostEndedEarly, startHost, valueOf, type HostOptions, type HostProcess, type RpcReply } from './host-process.ts';
import { seededRandom } from './seeded-random.ts';
import { auditStore } from './store-audit.ts';

export interface CrashRunOptions {
  dbPath: string;
  kills: number;
  seed: number;
  host?: HostOptions;
  /** One line per kill, for the script's progress. */
  progress?: (line: string) => void;
}

export interface CrashFigures {
  seed: number;
  kills: number;
  /** Kills while the host was starting (opening, recovering or checking the store). */
  bootKills: number;
  requests: number;
  acknowledged: { edits: number; pastes: number; refused: number; documents: number; imports: number };
  /** Cell writes acknowledged by the host (a paste or an import counts each of its cells). */
  cellWritesAcknowledged: number;
  /** Acknowledged cell writes found in the store after the kill that followed them (the rest were overwritten before it). */
  editsChecked: number;
  /** Writes whose reply the kill cut off: committed whole, or not at all. */
  inFlight: { landed: number; notLanded: number };
  undoChecks: number;
  integrityOk: number;
  /** Value and document entities compared with the change log, summed over the audits. */
  logEntitiesChecked: number;
  ms: number;
  failures: string[];
}

/** At most this many writes start after the kill is armed; the kill lands within KILL_JITTER_MS of its op. */
const KILL_WINDOW_OPS = 8;
const KILL_JITTER_MS = 20;
const BOOT_KILL_SHARE = 0.1;
const BOOT_KILL_MAX_MS = 400;

export async function runCrashScenario(opts: CrashRunOptions): Promise<CrashFigures> {
  const t0 = performance.now();
  const fig: CrashFigures = {
    seed: opts.seed,
    kills: 0,
    bootKills: 0,
    requests: 0,
    acknowledged: { edits: 0, pastes: 0, refused: 0, documents: 0, imports: 0 },
    cellWritesAcknowledged: 0,
    editsChecked: 0,
    inFlight: { landed: 0, notLanded: 0 },
    undoChecks: 0,
    integrityOk: 0,
    logEntitiesChecked: 0,
    ms: 0,
    failures: [],
  };
  const killRnd = seededRandom(opts.seed);
  let host: HostProcess | null = await startHost(opts.dbPath, opts.host);
  try {
    const target = await loadTarget(host);
    const expected = new Expected(await readHost(host, target, fig));
    const stream = new OpStream(target, seededRandom(opts.seed ^ 0x5bd1e995));
    const fail = (problems: string[]) => {
      for (const p of problems) fig.failures.push(`kill ${fig.kills} (seed ${opts.seed}): ${p}`);
    };

    while (fig.kills < opts.kills && !fig.failures.length) {
      if (!host) {
        if (killRnd() < BOOT_KILL_SHARE) {
          await bootKill(opts, killRnd() * BOOT_KILL_MAX_MS);
          fig.kills++;
          fig.bootKills++;
          fail(afterKill(opts.dbPath, expected, null, fig).problems);
          opts.progress?.(`kill ${fig.kills}: while starting`);
          continue;
        }
        host = await startHost(opts.dbPath, opts.host);
        fail(await verifyThroughHost(host, target, expected, fig));
        if (fig.failures.length) break;
      }

      const killAt = Math.floor(killRnd() * KILL_WINDOW_OPS);
      const jitter = killRnd() * KILL_JITTER_MS;
      const live: HostProcess = host;
      let killed: Promise<void> | null = null;
      let inFlight: Op | null = null;
      for (let i = 0; ; i++) {
        const op = stream.draw();
        if (i === killAt) {
          const timer = new Promise<void>((r) => setTimeout(r, jitter));
          killed = timer.then(() => live.kill());
        }
        const outcome = await runOp(live, target, op, fig);
        if (outcome === 'lost') {
          if (!killed) fail([`the host died by itself during ${op.kind}:\n${live.output()}`]);
          inFlight = op;
          break;
        }
        if (outcome !== 'ok') {
          fail([`${op.kind}: unexpected reply ${outcome}`]);
          break;
        }
        fig.cellWritesAcknowledged += expected.apply(op);
      }
      if (fig.failures.length) break;
      await killed;
      host = null;
      fig.kills++;
      const r = afterKill(opts.dbPath, expected, inFlight, fig);
      fail(r.problems);
      opts.progress?.(`kill ${fig.kills}: ${inFlight ? `${inFlight.kind} in flight, ${r.landed ? 'committed' : 'not committed'}` : 'between writes'}`);
    }
    // The last kill is checked through a restart too.
    if (!fig.failures.length) {
      host ??= await startHost(opts.dbPath, opts.host);
      fail(await verifyThroughHost(host, target, expected, fig));
    }
  } finally {
    await host?.stop();
  }
  fig.ms = Math.round(performance.now() - t0);
  return fig;
}

/** Kills a host that may still be opening the store (or may just have printed its URL). */
async function bootKill(opts: CrashRunOptions, afterMs: number): Promise<void> {
  let kill: Promise<void> | null = null;
  const started = startHost(opts.dbPath, {
    ...opts.host,
    onSpawn: (child) => {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      kill = new Promise<void>((r) => setTimeout(r, afterMs)).then(() => {
        child.kill('SIGKILL');
        return exited;
      });
    },
  });
  try {
    await started;
  } catch (e) {
    if (!(e instanceof HostEndedEarly) || e.signal !== 'SIGKILL') throw e;
  }
  await kill;
}

/** With the host dead: the file's own checks, then every acknowledged write looked for. */
function afterKill(dbPath: string, expected: Expected, inFlight: Op | null, fig: CrashFigures): { problems: string[]; landed: boolean } {
  const audit = auditStore(dbPath);
  const problems: string[] = [];
  if (audit.integrity.length === 1 && audit.integrity[0] === 'ok') fig.integrityOk++;
  else problems.push(`integrity_check: ${audit.integrity.join('; ')}`);
  if (audit.foreignKeyProblems) problems.push(`foreign_key_check: ${audit.foreignKeyProblems} rows`);
  problems.push(...audit.logMismatches.map((m) => `change log disagrees with the store: ${m}`));
  fig.logEntitiesChecked += audit.logEntities;
  const r = expected.reconcile(readStoreState(dbPath), inFlight);
  problems.push(...r.problems);
  fig.editsChecked += r.editsSeen;
  if (inFlight) fig.inFlight[r.landed ? 'landed' : 'notLanded']++;
  return { problems, landed: r.landed };
}

async function rpc<T>(host: HostProcess, method: string, input: unknown, fig: CrashFigures): Promise<T> {
  fig.requests++;
  return valueOf<T>(method, await host.rpc(method, input));
}

async function loadTarget(host: HostProcess): Promise<Target> {
  const parks = valueOf<{ id: string; name: string }[]>('parks.list', await host.rpc('parks.list', {}));
  const periods = valueOf<{ id: string; key: string }[]>('periods.list', await host.rpc('periods.list', {}));
  const parkId = parks.find((p) => p.name === PARK)?.id;
  const periodId = periods.find((p) => p.key === PERIOD)?.id;
  if (!parkId || !periodId) throw new Error(`the demo store lacks ${PARK} ${PERIOD}`);
  const grid = valueOf<Grid>('grid.get', await host.rpc('grid.get', { parkId, periodId, kind: 'actual' }));
  const indicators = POOL_CODES.map((code) => {
    const ind = grid.rows.find((r) => r.indicator.code === code)?.indicator;
    if (!ind) throw new Error(`the catalogue lacks ${code}`);
    return { code, id: ind.id, name: ind.name };
  });
  const doc = valueOf<{ body: DocumentBody } | null>('documents.get', await host.rpc('documents.get', { parkId, periodId }));
  if (!doc) throw new Error(`the demo store has no document for ${PARK} ${PERIOD}`);
  return { parkId, periodId, indicators, baseDoc: doc.body };
}

async function readHost(host: HostProcess, t: Target, fig: CrashFigures): Promise<StoreState> {
  const grid = await rpc<Grid>(host, 'grid.get', { parkId: t.parkId, periodId: t.periodId, kind: 'actual' }, fig);
  const doc = await rpc<{ body: unknown } | null>(host, 'documents.get', { parkId: t.parkId, periodId: t.periodId }, fig);
  return hostState(grid, doc);
}

/** After a restart: the contract shows the acknowledged state, and the latest write undoes and redoes. */
async function verifyThroughHost(host: HostProcess, t: Target, expected: Expected, fig: CrashFigures): Promise<string[]> {
  const problems: string[] = [];
  const now = await readHost(host, t, fig);
  problems.push(...diffCells(expected.cells, now.cells).map((d) => `after restart, grid.get: ${d}`));
  if (!isDeepStrictEqual(now.doc, expected.doc)) problems.push('after restart, documents.get differs from the acknowledged document');
  const top = expected.undo.at(-1);
  const hs = await rpc<HistoryState>(host, 'history.state', {}, fig);
  if (hs.canUndo !== !!top || hs.undoLabel !== (top?.label ?? null) || hs.canRedo) {
    problems.push(`after restart, history.state ${JSON.stringify(hs)}; expected undo of ${JSON.stringify(top?.label ?? null)} and no redo`);
  }
  if (!top || problems.length) return problems;
  await rpc(host, 'history.undo', {}, fig);
  problems.push(...diffCells(expected.afterUndo(), (await readHost(host, t, fig)).cells).map((d) => `after undo of ${top.label}: ${d}`));
  await rpc(host, 'history.redo', {}, fig);
  problems.push(...diffCells(expected.cells, (await readHost(host, t, fig)).cells).map((d) => `after redo of ${top.label}: ${d}`));
  fig.undoChecks++;
  return problems;
}

/** Sends one write; 'lost' when the reply never came whole, a description when it was not the expected one. */
async function runOp(host: HostProcess, t: Target, op: Op, fig: CrashFigures): Promise<'ok' | 'lost' | string> {
  const send = async (method: string, input: unknown): Promise<RpcReply> => {
    fig.requests++;
    return host.rpc(method, input);
  };
  const ok = (r: RpcReply & { lost: false }) => r.status === 200 && r.body.ok;
  const show = (r: RpcReply & { lost: false }) => `${r.status} ${JSON.stringify(r.body).slice(0, 400)}`;
  switch (op.kind) {
    case 'edit':
    case 'paste': {
      const r = await send('values.edit', op.input);
      if (r.lost) return 'lost';
      if (!ok(r) || (r.body as { value: { changed: number } }).value.changed !== op.changed) return show(r);
      fig.acknowledged[op.kind === 'edit' ? 'edits' : 'pastes']++;
      return 'ok';
    }
    case 'refused': {
      const r = await send('values.edit', op.input);
      if (r.lost) return 'lost';
      if (r.status !== 200 || r.body.ok || r.body.error.code !== 'VALIDATION') return show(r);
      fig.acknowledged.refused++;
      return 'ok';
    }
    case 'document': {
      const r = await send('documents.save', { parkId: t.parkId, periodId: t.periodId, body: op.body });
      if (r.lost) return 'lost';
      if (!ok(r)) return show(r);
      fig.acknowledged.documents++;
      return 'ok';
    }
    case 'import': {
      const p = await send('imports.preview', { fileName: op.fileName, base64: op.csv.toString('base64'), parkId: t.parkId, periodId: t.periodId, kind: 'actual' });
      if (p.lost) return 'lost';
      const preview = ok(p) ? (p.body as { value: ImportPreview }).value : null;
      if (!preview?.canApply || preview.counts.new + preview.counts.changed !== op.writes.size) return show(p);
      const a = await send('imports.apply', { previewId: preview.previewId });
      if (a.lost) return 'lost';
      const applied = ok(a) ? (a.body as { value: ImportApplied }).value : null;
      if (!applied || applied.inserted + applied.updated !== op.writes.size) return show(a);
      fig.acknowledged.imports++;
      return 'ok';
    }
  }
}
