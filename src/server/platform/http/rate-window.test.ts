import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window.ts';

describe('RateWindow', () => {
  it('allows the limit per window, then says how long to wait', () => {
    const w = new RateWindow(3, 60_000);
    const t0 = 1_000_000;
    expect([w.hit('a', t0), w.hit('a', t0 + 1), w.hit('a', t0 + 2)]).toEqual([0, 0, 0]);
    expect(w.hit('a', t0 + 10_000)).toBe(50);
    expect(w.hit('b', t0 + 10_000)).toBe(0);
    expect(w.hit('a', t0 + 60_000)).toBe(0);
  });

  it('stays bounded under a flood of addresses and keeps counting live ones', () => {
    const w = new RateWindow(1, 60_000, 100);
    for (let i = 0; i < 1_000; i++) w.hit(`ip${i}`, 5);
    expect(w.hit('ip999', 6)).toBeGreaterThan(0);
  });
});
