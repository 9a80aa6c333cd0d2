import { describe, expect, it } from 'vitest';
import { formatScore } from './score-format.ts';

describe('formatScore', () => {
  it('writes two decimals after a comma', () => {
    expect(formatScore(36.5)).toBe('36,50');
    expect(formatScore(27)).toBe('27,00');
    expect(formatScore(7.25)).toBe('7,25');
    expect(formatScore(0)).toBe('0,00');
  });
  it('is empty for no score', () => {
    expect(formatScore(null)).toBe('');
    expect(formatScore(undefined)).toBe('');
    expect(formatScore(Number.NaN)).toBe('');
  });
});
