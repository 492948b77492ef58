// Test support for the crash test: the stream of writes a user makes (typed cells, pasted blocks,
// a refused paste, document saves, CSV imports), the state every acknowledged write must leave, and
// the store's actual state read two ways — from the file with better-sqlite3 while the host is dead,
// and through the contract after it restarts. Every written figure is a number never written
// before, so a cell's content says exactly which write it came from.
import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import type { DocumentBody } from '../../src-main/shared/document.ts';
import type { Grid } from '../../src-main/shared/model.ts';

export const PARK = '楚雄高新区';
export const PERIOD = '2022';
const KIND = 'actual';
/** Amounts in 亿元 and counts, where every whole number is a valid figure; percentages left out (≤ 100 rules). */
export const POOL_CODES = ['E01', 'E02', 'E03', 'E04', 'E05', 'E06', 'I01', 'I02', 'I03', 'I04', 'I07', 'V01', 'V02', 'V03', 'V05', 'V07', 'A01', 'A03', 'A05', 'A06', 'N01', 'N03', 'P01', 'P02', 'T01', 'T03'];
const FIELDS = ['value', 'source'] as const;

export interface Target {
  parkId: string;
  periodId: string;
  indicators: { code: string; id: string; name: string }[];
  /** The demo document of the park and period, which every save varies. */
  baseDoc: DocumentBody;
}

/** `${code}.value` / `${code}.source` → the stored text (null: no figure, or no note). */
export type Cells = Map<string, string | null>;
export interface StoreState {
  cells: Cells;
  doc: unknown;
}

type EditInput = { parkId: string; periodId: string; kind: typeof KIND; edits: { indicatorId: string; field: 'value' | 'source'; text: string }[] };

export type Op =
  | { kind: 'edit' | 'paste'; input: EditInput; writes: Cells; label: string; changed: number }
  | { kind: 'refused'; input: EditInput; writes: Cells }
  | { kind: 'document'; body: DocumentBody }
  | { kind: 'import'; fileName: string; csv: Buffer; writes: Cells; label: string };

export const cellKey = (code: string, field: string) => `${code}.${field}`;

/** The writes, drawn from a seeded generator: mostly single cells, then pastes, documents, imports. */
export class OpStream {
  private next = 100_001;
  private readonly target: Target;
  private readonly rnd: () => number;

  constructor(target: Target, rnd: () => number) {
    this.target = target;
    this.rnd = rnd;
  }

  private pick<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(this.rnd() * pool.length), 1)[0]!);
    return out;
  }

  private fresh(): string {
    return String(this.next++);
  }

  draw(): Op {
    const r = this.rnd();
    const { parkId, periodId, indicators } = this.target;
    const input = (edits: EditInput['edits']): EditInput => ({ parkId, periodId, kind: KIND, edits });
    if (r < 0.55) {
      const [ind] = this.pick(indicators, 1);
      const text = this.fresh();
      return { kind: 'edit', input: input([{ indicatorId: ind!.id, field: 'value', text }]), writes: new Map([[cellKey(ind!.code, 'value'), text]]), label: `编辑「${ind!.name}」`, changed: 1 };
    }
    if (r < 0.75) {
      // A pasted block: several figures, some with their note, as one batch.
      const inds = this.pick(indicators, 2 + Math.floor(this.rnd() * 5));
      const edits: EditInput['edits'] = [];
      const writes: Cells = new Map();
      for (const ind of inds) {
        const text = this.fresh();
        edits.push({ indicatorId: ind.id, field: 'value', text });
        writes.set(cellKey(ind.code, 'value'), text);
        if (this.rnd() < 0.4) {
          const note = `崩溃测试备注${this.next++}`;
          edits.push({ indicatorId: ind.id, field: 'source', text: note });
          writes.set(cellKey(ind.code, 'source'), note);
        }
      }
      return { kind: 'paste', input: input(edits), writes, label: edits.length === 1 ? `编辑「${inds[0]!.name}」` : `粘贴 ${edits.length} 个单元格`, changed: inds.length };
    }
    if (r < 0.82) {
      // A paste with one cell that is not a number: refused whole, so none of its figures may appear.
      const inds = this.pick(indicators, 3 + Math.floor(this.rnd() * 3));
      const bad = Math.floor(this.rnd() * inds.length);
      const writes: Cells = new Map();
      const edits = inds.map((ind, i) => {
        const text = i === bad ? `x${this.fresh()}` : this.fresh();
        if (i !== bad) writes.set(cellKey(ind.code, 'value'), text);
        return { indicatorId: ind.id, field: 'value' as const, text };
      });
      return { kind: 'refused', input: input(edits), writes };
    }
    if (r < 0.92) {
      // Bodies of a few to tens of kB, so a save spans several database pages.
      const n = this.next++;
      const filler = '园区坚持项目为王，产业集群加快成形，营商环境持续优化。'.repeat(1 + Math.floor(this.rnd() * 300));
      const base = this.target.baseDoc;
      const body: DocumentBody = { ...base, title: `${base.title}（第${n}稿）`, lead: [...base.lead, `第${n}稿补记：全年地区生产总值{地区生产总值}。${filler}`] };
      return { kind: 'document', body };
    }
    const inds = this.pick(indicators, 2 + Math.floor(this.rnd() * 4));
    const writes: Cells = new Map();
    const lines = ['指标名称,本期值'];
    for (const ind of inds) {
      const text = this.fresh();
      lines.push(`${ind.name},${text}`);
      writes.set(cellKey(ind.code, 'value'), text);
    }
    const fileName = `崩溃测试-${this.next++}.csv`;
    return { kind: 'import', fileName, csv: Buffer.from(lines.join('\r\n') + '\r\n'), writes, label: `导入「${fileName}」` };
  }
}

interface UndoEntry {
  label: string;
  before: Cells;
  after: Cells;
}

/** What the store must hold: the effect of every acknowledged write, and the undo stack they built. */
export class Expected {
  cells: Cells;
  doc: unknown;
  readonly undo: UndoEntry[] = [];
  /** Acknowledged cell writes not yet seen after a kill ("cell=text"). */
  private readonly unseen = new Set<string>();

  constructor(initial: StoreState) {
    this.cells = new Map(initial.cells);
    this.doc = initial.doc;
  }

  /**
   * Records a write as done — acknowledged, or found committed after the kill cut its reply off
   * (then it is not counted as an acknowledged write to look for); returns how many cells it set.
   */
  apply(op: Op, acknowledged = true): number {
    if (op.kind === 'refused') return 0;
    if (op.kind === 'document') {
      this.doc = JSON.parse(JSON.stringify(op.body));
      return 0;
    }
    const before: Cells = new Map();
    for (const [k, v] of op.writes) {
      before.set(k, this.cells.get(k) ?? null);
      this.cells.set(k, v);
      if (acknowledged) this.unseen.add(`${k}=${v}`);
    }
    this.undo.push({ label: op.label, before, after: new Map(op.writes) });
    return op.writes.size;
  }

  /**
   * Compares the store after a kill with what was acknowledged. `inFlight` is the write whose reply
   * never came: it may have committed or not, but wholly — every one of its cells new, or every one
   * old — and a refused paste never. Returns the problems and whether the in-flight write landed.
   */
  reconcile(actual: StoreState, inFlight: Op | null): { problems: string[]; landed: boolean; editsSeen: number } {
    const problems: string[] = [];
    const pending = inFlight && inFlight.kind !== 'document' ? inFlight.writes : new Map<string, string>();
    const states = new Set<'old' | 'new'>();
    for (const [k, want] of this.cells) {
      const got = actual.cells.get(k) ?? null;
      if (got === want) {
        if (pending.has(k)) states.add('old');
        continue;
      }
      if (pending.has(k) && got === pending.get(k)) {
        states.add('new');
        continue;
      }
      problems.push(`${k}: acknowledged ${JSON.stringify(want)}${pending.has(k) ? ` (in flight ${JSON.stringify(pending.get(k))})` : ''}, store has ${JSON.stringify(got)}`);
    }
    if (states.size > 1) problems.push(`half-applied ${inFlight!.kind}: ${[...pending.keys()].map((k) => `${k}=${JSON.stringify(actual.cells.get(k) ?? null)}`).join(', ')}`);
    if (inFlight?.kind === 'refused' && states.has('new')) problems.push('a refused paste was written');
    let landed = states.has('new');
    if (!isDeepStrictEqual(actual.doc, this.doc)) {
      if (inFlight?.kind === 'document' && isDeepStrictEqual(actual.doc, JSON.parse(JSON.stringify(inFlight.body)))) landed = true;
      else problems.push(`document: store holds ${describeDoc(actual.doc)}, acknowledged ${describeDoc(this.doc)}`);
    }
    if (landed && inFlight && !problems.length) this.apply(inFlight, false);
    let editsSeen = 0;
    for (const [k, v] of this.cells) if (this.unseen.has(`${k}=${v}`)) editsSeen++;
    this.unseen.clear(); // the rest were overwritten by later acknowledged writes before the kill
    return { problems, landed, editsSeen };
  }

  /** The state an undo of the latest undoable write must give. */
  afterUndo(): Cells {
    const top = this.undo.at(-1)!;
    const cells = new Map(this.cells);
    for (const [k, v] of top.before) cells.set(k, v);
    return cells;
  }
}

function describeDoc(doc: unknown): string {
  const d = doc as { title?: string } | null;
  return d ? `「${d.title}」` : 'no document';
}

/** Differences between two cell maps, for failure messages. */
export function diffCells(want: Cells, got: Cells): string[] {
  const out: string[] = [];
  for (const [k, v] of want) if ((got.get(k) ?? null) !== v) out.push(`${k}: want ${JSON.stringify(v)}, got ${JSON.stringify(got.get(k) ?? null)}`);
  return out;
}

/** The park-period's cells and document straight from the file (read-only: the journal stays as the crash left it). */
export function readStoreState(dbPath: string): StoreState {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT i.code, v.value, v.source FROM indicator_values v JOIN indicators i ON i.pk = v.indicator
         JOIN parks p ON p.pk = v.park JOIN periods q ON q.pk = v.period WHERE p.name = ? AND q.key = ? AND v.kind = ?`,
      )
      .all(PARK, PERIOD, KIND) as { code: string; value: string | null; source: string | null }[];
    const doc = db
      .prepare('SELECT d.body FROM documents d JOIN parks p ON p.pk = d.park JOIN periods q ON q.pk = d.period WHERE p.name = ? AND q.key = ?')
      .pluck()
      .get(PARK, PERIOD) as string | undefined;
    return { cells: poolCells(new Map(rows.map((r) => [r.code, r]))), doc: doc === undefined ? null : (JSON.parse(doc) as unknown) };
  } finally {
    db.close();
  }
}

/** The same, as the running host reports it through the contract. */
export function hostState(grid: Grid, doc: { body: unknown } | null): StoreState {
  const byCode = new Map(grid.rows.filter((r) => r.current).map((r) => [r.indicator.code, { value: r.current!.value, source: r.current!.source }]));
  return { cells: poolCells(byCode), doc: doc?.body ?? null };
}

function poolCells(byCode: Map<string, { value: string | null; source: string | null }>): Cells {
  const cells: Cells = new Map();
  for (const code of POOL_CODES) for (const f of FIELDS) cells.set(cellKey(code, f), byCode.get(code)?.[f] ?? null);
  return cells;
}
