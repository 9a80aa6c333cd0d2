import { describe, expect, it } from 'vitest';
import { seatsAsClasses } from './seats.ts';

describe('seatsAsClasses', () => {
  it('writes small and composite numbers exactly, with the fewest classes', () => {
    expect(seatsAsClasses(7)).toEqual({ classes: 1, pupilsPerClass: 7, seats: 7 });
    expect(seatsAsClasses(90)).toEqual({ classes: 2, pupilsPerClass: 45, seats: 90 });
    expect(seatsAsClasses(6000)).toEqual({ classes: 100, pupilsPerClass: 60, seats: 6000 });
  });

  it('never offers more seats than released when no exact product exists', () => {
    expect(seatsAsClasses(61)).toEqual({ classes: 61, pupilsPerClass: 1, seats: 61 });
    expect(seatsAsClasses(101)).toEqual({ classes: 2, pupilsPerClass: 50, seats: 100 });
    for (let n = 1; n <= 700; n++) expect(seatsAsClasses(n).seats).toBeLessThanOrEqual(n);
  });
});
