import { describe, expect, it } from 'vitest';
import { codesOf, parseCompare, parseGrowth, RuleSyntaxError } from './rule-parser.ts';

const ind = (code: string, sign: 1 | -1 = 1) => ({ sign, atom: { type: 'indicator', code } });
const num = (value: string, sign: 1 | -1 = 1) => ({ sign, atom: { type: 'number', value } });

describe('the rule language', () => {
  it.each([
    ['E03 >= I01 + I02 + I03', [[ind('E03')], [ind('I01'), ind('I02'), ind('I03')]], ['>=']],
    ['0 <= I05 <= 100', [[num('0')], [ind('I05')], [num('100')]], ['<=', '<=']],
    ['P03 = P01 + P02', [[ind('P03')], [ind('P01'), ind('P02')]], ['=']],
    ['P03 == P01+P02', [[ind('P03')], [ind('P01'), ind('P02')]], ['=']],
    ['A1 - (B1 - C1) > 2.5', [[ind('A1'), ind('B1', -1), ind('C1')], [num('2.5')]], ['>']],
    ['O01 >= children(O01)', [[ind('O01')], [{ sign: 1, atom: { type: 'children', code: 'O01' } }]], ['>=']],
    // As a Chinese IME types it: full-width signs, ≥ ≤, ideographic space.
    ['E03　≥　I01＋（I02－I03）', [[ind('E03')], [ind('I01'), ind('I02'), ind('I03', -1)]], ['>=']],
    ['I05 ≤ １００', [[ind('I05')], [num('100')]], ['<=']],
    ['U001<U002', [[ind('U001')], [ind('U002')]], ['<']],
  ])('reads %s', (expr, sides, ops) => {
    expect(parseCompare(expr)).toEqual({ kind: 'compare', sides, ops });
  });

  it.each([
    ['', 'EXPECTED_OPERAND', 0],
    ['E03', 'EXPECTED_COMPARISON', 3],
    ['E03 >=', 'EXPECTED_OPERAND', 6],
    ['E03 >= I01 +', 'EXPECTED_OPERAND', 12],
    ['E03 >= (I01 + I02', 'UNCLOSED', 17],
    ['E03 >= I01 I02', 'UNEXPECTED', 11],
    ['E03 >= sum(I01)', 'UNKNOWN_FUNCTION', 7],
    ['E03 >= children(1)', 'EXPECTED_CODE', 16],
    ['E03 >= I01 * 2', 'UNEXPECTED', 11],
    ['E03 >= 1.2.3', 'BAD_NUMBER', 7],
    ['地区生产总值 >= E04', 'UNEXPECTED', 0],
    ['E03 >= -I01', 'UNEXPECTED', 7],
  ])('refuses %j with %s at %d', (expr, problem, pos) => {
    let err: unknown;
    try {
      parseCompare(expr);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RuleSyntaxError);
    expect(err).toMatchObject({ problem, pos });
  });

  it('reads the indicator list of a growth rule', () => {
    expect(parseGrowth('*')).toEqual({ kind: 'growth', codes: null });
    expect(parseGrowth('E01, E03，I02')).toEqual({ kind: 'growth', codes: ['E01', 'E03', 'I02'] });
    expect(() => parseGrowth('E01,')).toThrow(RuleSyntaxError);
    expect(() => parseGrowth('* E01')).toThrow(RuleSyntaxError);
    expect(() => parseGrowth('E01 >= E02')).toThrow(RuleSyntaxError);
  });

  it('names every indicator a rule uses once', () => {
    expect(codesOf(parseCompare('E03 >= I01 + I01 + children(O01)'))).toEqual(['E03', 'I01', 'O01']);
  });
});
