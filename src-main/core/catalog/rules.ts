// The catalogue's check rules: stored rows, their validation against the catalogue, and compiling
// them into what core/checks/evaluate.ts runs. A rule that cannot run (bad syntax, an indicator that is gone,
// units that never compare) is skipped and reported once per process — a bad row in the store must
// not take the grid down with it.

import { RULE_KINDS, formatRuleProblem, type CheckRule, type RuleKind, type RuleProblem } from '../../shared/checks.ts';
import { parseDecimal } from '../../shared/figure/exact.ts';
import type { Indicator } from '../../shared/model.ts';
import { unitDef, type Dimension } from '../../shared/figure/units.ts';
import type { CoreContext } from '../context.ts';
import type { ChangeLog } from '../history/change-log.ts';
import type Database from 'better-sqlite3';
import type { Db } from '../store/open.ts';
import { fromDecimal, type Rational } from '../../shared/figure/exact.ts';
import { codesOf, parseCompare, parseGrowth, RuleSyntaxError, type CompareAst, type CompareOp, type GrowthAst } from './rule-parser.ts';

/** What a rule needs to know of an indicator. */
export type CheckIndicator = Pick<Indicator, 'id' | 'code' | 'name' | 'nameEn' | 'unit' | 'kind' | 'nonNegative' | 'integerOnly' | 'parentCode'>;

export interface RuleRow {
  code: string;
  kind: string;
  expr: string;
  tolerance: string | null;
  description: string;
  description_en: string | null;
  sort: number;
  enabled: number;
  builtin: number;
  created_at: string;
  updated_at: string;
}

export type CompiledTerm = { sign: 1 | -1; type: 'number'; value: Rational; text: string } | { sign: 1 | -1; type: 'indicator'; indicator: CheckIndicator };

export interface RuleMeta {
  code: string;
  description: string;
  descriptionEn: string | null;
}

export interface CompiledCompare {
  kind: 'compare';
  meta: RuleMeta;
  sides: CompiledTerm[][];
  ops: CompareOp[];
  /** Constants are in the catalogue unit of the rule's first indicator ("I05 <= 100" is 100%). */
  constantUnit: string;
}

export interface CompiledGrowth {
  kind: 'growth';
  meta: RuleMeta;
  /** null: every indicator with a stated growth rate. */
  indicators: CheckIndicator[] | null;
  /** Percentage points. */
  tolerance: Rational;
}

export type CompiledRule = CompiledCompare | CompiledGrowth;

/** The default allowance for a stated rate rounded to one decimal, with some slack. */
export const DEFAULT_TOLERANCE = '0.15';

export function toRule(r: RuleRow, problem: RuleProblem | null): CheckRule {
  return {
    code: r.code,
    kind: (RULE_KINDS as readonly string[]).includes(r.kind) ? (r.kind as RuleKind) : 'compare',
    expr: r.expr,
    tolerance: r.tolerance,
    description: r.description,
    descriptionEn: r.description_en,
    builtin: r.builtin === 1,
    enabled: r.enabled === 1,
    problem,
  };
}

export function readRuleRows(db: Db): RuleRow[] {
  return db.prepare('SELECT * FROM check_rules ORDER BY sort, code').all() as RuleRow[];
}

export interface NewRule {
  code: string;
  kind?: string | undefined;
  expr: string;
  tolerance?: string | undefined;
  description: string;
  descriptionEn?: string | undefined;
  sort: number;
  builtin?: boolean | undefined;
}

export function insertRule(ctx: CoreContext, log: ChangeLog, n: NewRule): void {
  const now = new Date().toISOString();
  const row: RuleRow = {
    code: n.code,
    kind: n.kind ?? 'compare',
    expr: n.expr,
    tolerance: n.tolerance ?? null,
    description: n.description,
    description_en: n.descriptionEn ?? null,
    sort: n.sort,
    enabled: 1,
    builtin: n.builtin ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  ctx.db
    .prepare(
      `INSERT INTO check_rules (code, kind, expr, tolerance, description, description_en, sort, enabled, builtin, created_at, updated_at)
       VALUES (@code, @kind, @expr, @tolerance, @description, @description_en, @sort, @enabled, @builtin, @created_at, @updated_at)`,
    )
    .run(row);
  log.record('rule', row.code, null, { ...row });
}

// Parsing is the only cost worth saving: the grid reads the rules on every read.
const parsed = new Map<string, CompareAst | GrowthAst | RuleSyntaxError>();

function parseCached(kind: string, expr: string): CompareAst | GrowthAst | RuleSyntaxError {
  const key = `${kind}\u0000${expr}`;
  let ast = parsed.get(key);
  if (!ast) {
    try {
      ast = kind === 'growth' ? parseGrowth(expr) : parseCompare(expr);
    } catch (e) {
      if (!(e instanceof RuleSyntaxError)) throw e;
      ast = e;
    }
    if (parsed.size > 1000) parsed.clear();
    parsed.set(key, ast);
  }
  return ast;
}

/** Money compares across 元/万元/亿元, and a figure may be reported in either currency: both convert per value. */
function sameFamily(a: Dimension, b: Dimension): boolean {
  const money = (d: Dimension) => d === 'cny' || d === 'usd';
  return a === b || (money(a) && money(b));
}

/** Catalogue lookups a rule is compiled against. */
export interface Catalogue {
  byCode: ReadonlyMap<string, CheckIndicator>;
  /** Children ("其中：" rows) by the parent's code, in catalogue order. */
  children: ReadonlyMap<string, CheckIndicator[]>;
}

export function catalogueOf(indicators: Iterable<CheckIndicator>): Catalogue {
  const byCode = new Map<string, CheckIndicator>();
  const children = new Map<string, CheckIndicator[]>();
  for (const i of indicators) {
    byCode.set(i.code, i);
    if (i.parentCode) {
      const list = children.get(i.parentCode) ?? [];
      list.push(i);
      children.set(i.parentCode, list);
    }
  }
  return { byCode, children };
}

/** A rule compiled against the catalogue, or the reason it cannot run. */
export function compileRule(r: RuleRow, cat: Catalogue): CompiledRule | RuleProblem {
  if (!(RULE_KINDS as readonly string[]).includes(r.kind)) return { code: 'UNKNOWN_KIND', params: { token: r.kind } };
  const ast = parseCached(r.kind, r.expr);
  if (ast instanceof RuleSyntaxError) return { code: ast.problem, params: { pos: ast.pos + 1, token: ast.token } };
  for (const code of codesOf(ast)) if (!cat.byCode.has(code)) return { code: 'UNKNOWN_INDICATOR', params: { token: code } };
  const meta: RuleMeta = { code: r.code, description: r.description, descriptionEn: r.description_en };

  if (ast.kind === 'growth') {
    const tol = parseDecimal(r.tolerance ?? DEFAULT_TOLERANCE);
    if (tol === null || tol.startsWith('-')) return { code: 'BAD_TOLERANCE', params: { token: r.tolerance ?? '' } };
    return { kind: 'growth', meta, indicators: ast.codes ? ast.codes.map((c) => cat.byCode.get(c)!) : null, tolerance: fromDecimal(tol) };
  }

  const sides: CompiledTerm[][] = ast.sides.map((side) =>
    side.flatMap((t): CompiledTerm[] => {
      if (t.atom.type === 'number') return [{ sign: t.sign, type: 'number', value: fromDecimal(t.atom.value), text: t.atom.value }];
      if (t.atom.type === 'indicator') return [{ sign: t.sign, type: 'indicator', indicator: cat.byCode.get(t.atom.code)! }];
      return (cat.children.get(t.atom.code) ?? []).map((indicator) => ({ sign: t.sign, type: 'indicator' as const, indicator }));
    }),
  );
  const named = [...new Set(codesOf(ast))].map((c) => cat.byCode.get(c)!);
  const involved = [...named, ...sides.flat().flatMap((t) => (t.type === 'indicator' ? [t.indicator] : []))];
  const first = involved[0];
  if (!first) return { code: 'EXPECTED_CODE', params: { pos: 1, token: r.expr } };
  const firstDim = unitDef(first.unit)?.dimension;
  for (const i of involved) {
    const d = unitDef(i.unit)?.dimension;
    if (!firstDim || !d || !sameFamily(firstDim, d)) {
      return { code: 'MIXED_UNITS', params: { a: first.name, unitA: first.unit, b: i.name, unitB: i.unit } };
    }
  }
  return { kind: 'compare', meta, sides, ops: ast.ops, constantUnit: first.unit };
}

const reported = new Set<string>();

/** Tells the operator once per process about a rule that is skipped; the catalogue view shows it too. */
function reportOnce(r: RuleRow, problem: RuleProblem): void {
  const key = `${r.code}\u0000${r.kind}\u0000${r.expr}`;
  if (reported.has(key)) return;
  reported.add(key);
  console.warn(`[parkbrief] ${formatRuleProblem(r, problem)}`);
}

interface Compiled {
  /** PRAGMA data_version (other connections' commits) and total_changes() (this one's writes). */
  version: string;
  /** The rule rows and indicators compiled against. */
  key: string;
  rules: CompiledRule[];
}

interface Statements {
  rules: Database.Statement;
  version: Database.Statement;
}

// The grid runs the rules on every read. Statements are prepared once per connection; while nothing
// at all has been written the compiled rules are reused as they are, and after a write they are
// reused while neither the rule rows nor the indicators they see have changed.
const statements = new WeakMap<Db, Statements>();
const compiledFor = new WeakMap<Db, Compiled>();

function fingerprint(rows: readonly RuleRow[], indicators: Iterable<CheckIndicator>): string {
  let key = '';
  for (const r of rows) key += `${r.code}\u0001${r.kind}\u0001${r.expr}\u0001${r.tolerance}\u0001${r.description}\u0001${r.description_en}\u0002`;
  for (const i of indicators) key += `${i.id}\u0001${i.code}\u0001${i.name}\u0001${i.nameEn}\u0001${i.unit}\u0001${i.kind}\u0001${+i.nonNegative}${+i.integerOnly}\u0001${i.parentCode}\u0002`;
  return key;
}

/** The enabled rules that can run, compiled against the store's indicators; the others are reported and skipped. */
export function runnableRules(db: Db, indicators: readonly CheckIndicator[]): CompiledRule[] {
  let st = statements.get(db);
  if (!st) {
    st = {
      rules: db.prepare('SELECT * FROM check_rules WHERE enabled = 1 ORDER BY sort, code'),
      version: db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck(),
    };
    statements.set(db, st);
  }
  const version = st.version.get() as string;
  const cached = compiledFor.get(db);
  if (cached?.version === version) return cached.rules;
  const rows = st.rules.all() as RuleRow[];
  const key = fingerprint(rows, indicators);
  if (cached?.key === key) {
    compiledFor.set(db, { ...cached, version });
    return cached.rules;
  }
  const cat = catalogueOf(indicators);
  const rules: CompiledRule[] = [];
  for (const r of rows) {
    const c = compileRule(r, cat);
    if ('kind' in c) rules.push(c);
    else reportOnce(r, c);
  }
  compiledFor.set(db, { version, key, rules });
  return rules;
}

/** Every rule with its problem, for the catalogue view. */
export function listRules(db: Db, indicators: Iterable<CheckIndicator>): CheckRule[] {
  const cat = catalogueOf(indicators);
  return readRuleRows(db).map((r) => {
    const c = compileRule(r, cat);
    return toRule(r, 'kind' in c ? null : c);
  });
}
