import { describe, expect, it } from 'vitest';
import { statusOf } from './kpi-status.ts';

describe('statusOf', () => {
  it('meets a "higher is better" target at or above it, is near within 10 %', () => {
    expect(statusOf(100, 100, 'higher')).toBe('met');
    expect(statusOf(90, 100, 'higher')).toBe('near');
    expect(statusOf(89.9, 100, 'higher')).toBe('behind');
  });

  it('meets a "lower is better" target at or below it', () => {
    expect(statusOf(0, 0, 'lower')).toBe('met');
    expect(statusOf(5, 0, 'lower')).toBe('behind');
    expect(statusOf(10.5, 10, 'lower')).toBe('near');
  });

  it('says when there is no target or no value', () => {
    expect(statusOf(50, null, 'higher')).toBe('no_target');
    expect(statusOf(null, 30, 'higher')).toBe('no_data');
  });
});
