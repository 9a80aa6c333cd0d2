import { describe, expect, it } from 'vitest';
import { activeNavPath, prefixScore } from './nav-match.ts';

const items = [
  { path: '/' },
  { path: '/admissions/rounds' },
  { path: '/admissions/applications', also: ['/admissions/rounds/:roundId/applications'] },
  { path: '/admissions/dashboard' },
];

describe('prefixScore', () => {
  it('matches whole segments only', () => {
    expect(prefixScore('/admissions/rounds', '/admissions/rounds/abc')).toBeGreaterThan(0);
    expect(prefixScore('/admissions/rounds', '/admissions/roundsx')).toBe(-1);
    expect(prefixScore('/', '/schools')).toBe(-1);
    expect(prefixScore('/', '/')).toBe(0);
  });
});

describe('activeNavPath', () => {
  it("highlights the queue, not the rounds entry, on a round's applications pages", () => {
    expect(activeNavPath(items, '/admissions/rounds/r1/applications')).toBe('/admissions/applications');
    expect(activeNavPath(items, '/admissions/rounds/r1/applications/new')).toBe('/admissions/applications');
  });

  it('highlights the rounds entry on the other pages of a round', () => {
    expect(activeNavPath(items, '/admissions/rounds/r1')).toBe('/admissions/rounds');
    expect(activeNavPath(items, '/admissions/rounds/r1/allocation')).toBe('/admissions/rounds');
  });

  it('highlights an entry on its own pages and nothing on unknown ones', () => {
    expect(activeNavPath(items, '/admissions/applications/d1')).toBe('/admissions/applications');
    expect(activeNavPath(items, '/')).toBe('/');
    expect(activeNavPath(items, '/elsewhere')).toBeNull();
  });
});
