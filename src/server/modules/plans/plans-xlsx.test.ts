import { describe, expect, it } from 'vitest';
import { budgetHeader, parseAmount, parseBudgetHeader, parseUnitRef, parseYesNo, unitRef } from './plans-xlsx.ts';

describe('plan spreadsheet cells', () => {
  it('reads money written the Vietnamese way, as a number, or refuses it', () => {
    expect(parseAmount('19.382,4')).toBe(19382.4);
    expect(parseAmount('31,2')).toBe(31.2);
    expect(parseAmount('31.2')).toBe(31.2);
    expect(parseAmount('4.000')).toBe(4000);
    expect(parseAmount(300)).toBe(300);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('6 triệu/trường')).toBeUndefined();
    expect(parseAmount('-5')).toBeUndefined();
  });

  it('round-trips units as "Name [CODE]" and keeps a plain name', () => {
    expect(parseUnitRef(unitRef('Văn phòng Sở', 'QNG.SGD.VP'))).toEqual({ name: 'Văn phòng Sở', code: 'QNG.SGD.VP' });
    expect(parseUnitRef('Sở Nội vụ')).toEqual({ name: 'Sở Nội vụ', code: null });
  });

  it('reads budget headers by year and source label, and yes/no cells', () => {
    expect(parseBudgetHeader(budgetHeader(2023, 'CTX, NST'))).toEqual({ year: 2023, source: 'ctx, nst' });
    expect(parseBudgetHeader('Kinh phí')).toBeNull();
    expect(parseYesNo('Không')).toBe(false);
    expect(parseYesNo('')).toBe(true);
    expect(parseYesNo('có lẽ')).toBeUndefined();
  });
});
