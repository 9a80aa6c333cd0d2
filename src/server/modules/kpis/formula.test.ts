import { describe, expect, it } from 'vitest';
import { evaluate, FormulaError, inputsOf, parseFormula } from './formula.ts';

const run = (src: string, inputs: Record<string, number | null> = {}) =>
  evaluate(parseFormula(src), new Map(Object.entries(inputs)));

describe('parseFormula', () => {
  it('respects precedence and parentheses', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('-2 * -3')).toBe(6);
    expect(run('7 / 2')).toBe(3.5);
  });

  it('reads named inputs with a source and a path', () => {
    const e = parseFormula(
      'share(report:KS_CDS.phan_mem_qlnt, platform:schools.general) + report:KS_CDS.phan_mem_qlnt',
    );
    expect(inputsOf(e)).toEqual(['report:KS_CDS.phan_mem_qlnt', 'platform:schools.general']);
  });

  it('reads a form code with a dash, and a spaced minus after a name', () => {
    const e = parseFormula('report:KS-CDS.uses_school_software - 1');
    expect(inputsOf(e)).toEqual(['report:KS-CDS.uses_school_software']);
    expect(evaluate(e, new Map([['report:KS-CDS.uses_school_software', 5]]))).toBe(4);
  });

  it('points at the place of an error', () => {
    expect(() => parseFormula('1 + ')).toThrow(FormulaError);
    try {
      parseFormula('2 * (3 + x');
    } catch (e) {
      expect((e as FormulaError).at).toBe(10);
    }
    expect(() => parseFormula('foo(1)')).toThrow(/Unknown function/);
    expect(() => parseFormula('share(1)')).toThrow(/2–2 arguments/);
    expect(() => parseFormula('1 # 2')).toThrow(/Unexpected character/);
    expect(() => parseFormula('')).toThrow(/empty/);
    expect(() => parseFormula('1 2')).toThrow(/Unexpected/);
  });
});

describe('evaluate', () => {
  it('computes share(a, b) as a percentage', () => {
    expect(run('share(a, b)', { a: 45, b: 60 })).toBe(75);
  });

  it('gives no value on a division by zero', () => {
    expect(run('share(a, b)', { a: 3, b: 0 })).toBeNull();
    expect(run('a / (b - b)', { a: 1, b: 2 })).toBeNull();
  });

  it('gives no value when an input is missing', () => {
    expect(run('a + 1', {})).toBeNull();
    expect(run('max(a, b)', { a: 1, b: null })).toBeNull();
  });

  it('has min, max and round', () => {
    expect(run('min(3, 1, 2)')).toBe(1);
    expect(run('max(3, 1, 2)')).toBe(3);
    expect(run('round(2 / 3 * 100, 1)')).toBe(66.7);
    expect(run('round(2.5)')).toBe(3);
  });
});
