// The check-rule language (审核关系), ours and deliberately tiny, so it is parsed by hand here
// rather than by a general expression library: a rule must stay readable by the statisticians who
// edit the catalogue, and anything the language cannot say is refused with the place it went wrong.
//
//   compare rule   sum op sum [op sum …]        E03 >= I01 + I02 + I03 · 0 <= I05 <= 100 · P03 = P01 + P02
//   sum            atom (('+' | '-') atom)*
//   atom           CODE | NUMBER | children(CODE) | '(' sum ')'
//   op             >=  <=  >  <  =   (≥ ≤ ＝ and full-width ＋ － （ ） as a Chinese IME types them)
//   growth rule    * | CODE (',' CODE)*          which indicators' stated 同比 to check
//
// CODE is an indicator's catalogue code (E03, U001); children(O01) is the sum of the indicators whose
// parent is O01 (the "其中：" rows), so a child added later is checked without editing the rule.

import type { RuleProblemCode } from '../../shared/checks.ts';

export type CompareOp = '>=' | '<=' | '>' | '<' | '=';

export type Atom = { type: 'indicator'; code: string } | { type: 'number'; value: string } | { type: 'children'; code: string };

/** A sum flattened to signed atoms: parentheses only ever distribute a minus. */
export interface Term {
  sign: 1 | -1;
  atom: Atom;
}

export interface CompareAst {
  kind: 'compare';
  /** sides[i] ops[i] sides[i+1] */
  sides: Term[][];
  ops: CompareOp[];
}

export interface GrowthAst {
  kind: 'growth';
  /** null: every indicator with a stated growth rate. */
  codes: string[] | null;
}

export class RuleSyntaxError extends Error {
  readonly problem: RuleProblemCode;
  readonly pos: number;
  readonly token: string;
  constructor(problem: RuleProblemCode, pos: number, token: string) {
    super(`${problem} at ${pos}: ${token}`);
    this.name = 'RuleSyntaxError';
    this.problem = problem;
    this.pos = pos;
    this.token = token;
  }
}

type Token =
  | { t: 'code'; text: string; pos: number }
  | { t: 'number'; text: string; pos: number }
  | { t: 'op'; text: CompareOp; pos: number }
  | { t: '+' | '-' | '(' | ')' | ',' | '*'; text: string; pos: number }
  | { t: 'end'; text: ''; pos: number };

const FULL_WIDTH: Record<string, string> = { '＋': '+', '－': '-', '（': '(', '）': ')', '，': ',', '＊': '*', '＝': '=', '＞': '>', '＜': '<', '≥': '>=', '≤': '<=', '．': '.' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const raw = src[i]!;
    const c = FULL_WIDTH[raw] ?? raw;
    if (/\s|\u3000/.test(c)) {
      i++;
      continue;
    }
    const pos = i;
    if (c === '>=' || c === '<=') {
      out.push({ t: 'op', text: c, pos });
      i++;
    } else if (c === '>' || c === '<') {
      const next = FULL_WIDTH[src[i + 1] ?? ''] ?? src[i + 1];
      if (next === '=') {
        out.push({ t: 'op', text: `${c}=` as CompareOp, pos });
        i += 2;
      } else {
        out.push({ t: 'op', text: c, pos });
        i++;
      }
    } else if (c === '=') {
      // "==" reads as "=": someone used to programming should not be refused for it.
      i += (FULL_WIDTH[src[i + 1] ?? ''] ?? src[i + 1]) === '=' ? 2 : 1;
      out.push({ t: 'op', text: '=', pos });
    } else if ('+-(),*'.includes(c)) {
      out.push({ t: c as '+' | '-' | '(' | ')' | ',' | '*', text: c, pos });
      i++;
    } else if (/[0-9０-９]/.test(c)) {
      let text = '';
      while (i < src.length && /[0-9０-９.．]/.test(src[i]!)) {
        const d = src[i]!;
        text += FULL_WIDTH[d] ?? (/[０-９]/.test(d) ? String.fromCharCode(d.charCodeAt(0) - 0xfee0) : d);
        i++;
      }
      if (!/^\d+(\.\d+)?$/.test(text)) throw new RuleSyntaxError('BAD_NUMBER', pos, text);
      out.push({ t: 'number', text, pos });
    } else if (/[A-Za-z]/.test(c)) {
      let text = '';
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) text += src[i++];
      out.push({ t: 'code', text, pos });
    } else {
      throw new RuleSyntaxError('UNEXPECTED', pos, raw);
    }
  }
  out.push({ t: 'end', text: '', pos: src.length });
  return out;
}

class Parser {
  private i = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.i]!;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }

  compare(): CompareAst {
    const sides = [this.sum()];
    const ops: CompareOp[] = [];
    while (this.peek().t === 'op') {
      ops.push(this.next().text as CompareOp);
      sides.push(this.sum());
    }
    const end = this.peek();
    if (end.t !== 'end') throw new RuleSyntaxError(ops.length ? 'UNEXPECTED' : 'EXPECTED_COMPARISON', end.pos, end.text);
    if (!ops.length) throw new RuleSyntaxError('EXPECTED_COMPARISON', end.pos, end.text);
    return { kind: 'compare', sides, ops };
  }

  private sum(): Term[] {
    const terms = this.atom(1);
    for (;;) {
      const t = this.peek().t;
      if (t !== '+' && t !== '-') return terms;
      this.next();
      terms.push(...this.atom(t === '+' ? 1 : -1));
    }
  }

  private atom(sign: 1 | -1): Term[] {
    const tok = this.next();
    if (tok.t === 'number') return [{ sign, atom: { type: 'number', value: tok.text } }];
    if (tok.t === '(') {
      const inner = this.sum();
      const close = this.next();
      if (close.t !== ')') throw new RuleSyntaxError('UNCLOSED', close.pos, close.text);
      return inner.map((x) => ({ sign: (x.sign * sign) as 1 | -1, atom: x.atom }));
    }
    if (tok.t === 'code') {
      if (this.peek().t !== '(') return [{ sign, atom: { type: 'indicator', code: tok.text } }];
      if (tok.text !== 'children') throw new RuleSyntaxError('UNKNOWN_FUNCTION', tok.pos, tok.text);
      this.next();
      const arg = this.next();
      if (arg.t !== 'code') throw new RuleSyntaxError('EXPECTED_CODE', arg.pos, arg.text);
      const close = this.next();
      if (close.t !== ')') throw new RuleSyntaxError('UNCLOSED', close.pos, close.text);
      return [{ sign, atom: { type: 'children', code: arg.text } }];
    }
    throw new RuleSyntaxError(tok.t === 'end' ? 'EXPECTED_OPERAND' : 'UNEXPECTED', tok.pos, tok.text);
  }

  growth(): GrowthAst {
    if (this.peek().t === '*') {
      this.next();
      const end = this.next();
      if (end.t !== 'end') throw new RuleSyntaxError('UNEXPECTED', end.pos, end.text);
      return { kind: 'growth', codes: null };
    }
    const codes: string[] = [];
    for (;;) {
      const tok = this.next();
      if (tok.t !== 'code') throw new RuleSyntaxError(tok.t === 'end' ? 'EXPECTED_CODE' : 'UNEXPECTED', tok.pos, tok.text);
      codes.push(tok.text);
      const sep = this.next();
      if (sep.t === 'end') return { kind: 'growth', codes };
      if (sep.t !== ',') throw new RuleSyntaxError('UNEXPECTED', sep.pos, sep.text);
    }
  }
}

/** Parses a compare rule; throws RuleSyntaxError with the position of the first thing it cannot read. */
export function parseCompare(expr: string): CompareAst {
  return new Parser(tokenize(expr)).compare();
}

/** Parses the indicator list of a growth-consistency rule. */
export function parseGrowth(expr: string): GrowthAst {
  return new Parser(tokenize(expr)).growth();
}

/** Every indicator code a rule names, children(X) naming X. */
export function codesOf(ast: CompareAst | GrowthAst): string[] {
  if (ast.kind === 'growth') return ast.codes ?? [];
  const out: string[] = [];
  for (const side of ast.sides) for (const t of side) if (t.atom.type !== 'number') out.push(t.atom.code);
  return [...new Set(out)];
}
