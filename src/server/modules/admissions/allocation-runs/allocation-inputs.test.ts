import { describe, expect, it } from 'vitest';
import { buildCatchmentInput } from './allocation-inputs.ts';
import type { CountedApplication } from './allocation-run.repository.ts';

const schools = [
  { school_id: 'A', name: 'Trường Tiểu học A', seats: 30 },
  { school_id: 'B', name: 'Trường Tiểu học B', seats: 30 },
];
// A takes the whole commune K; B takes the village "thon mot" of it.
const catchments = [
  { school_id: 'A', commune_id: 'K', village_key: null },
  { school_id: 'B', commune_id: 'K', village_key: 'thon mot' },
];
const app = (code: string, village: string | null, wishes: string[], commune = 'K'): CountedApplication => ({
  dossier_id: `id-${code}`,
  dossier_code: code,
  wishes,
  priority_group: null,
  residence_commune_id: commune,
  village_key: village,
});
const input = (...applications: CountedApplication[]) =>
  buildCatchmentInput({ seed: 's', schools, catchments, applications, priorityRanks: new Map() });

describe('buildCatchmentInput', () => {
  it("gives a child of a village with its own school that school's catchment, not the whole commune's", () => {
    const [c] = input(app('C1', 'thon mot', ['A', 'B'])).applicants;
    expect(c!.wishes).toEqual([
      { schoolId: 'A', inCatchment: false },
      { schoolId: 'B', inCatchment: true },
    ]);
  });

  it('gives the other villages the whole-commune school', () => {
    const [c] = input(app('C2', 'thon hai', ['A'])).applicants;
    expect(c!.wishes).toEqual([{ schoolId: 'A', inCatchment: true }]);
  });

  it('adds the catchment school a family did not list after its wishes, so the guaranteed place stays', () => {
    const [c] = input(app('C3', 'thon mot', ['A'])).applicants;
    expect(c!.wishes).toEqual([
      { schoolId: 'A', inCatchment: false },
      { schoolId: 'B', inCatchment: true },
    ]);
  });

  it('adds nothing for a child living outside every catchment', () => {
    const [c] = input(app('C4', 'thon ba', ['B'], 'other')).applicants;
    expect(c!.wishes).toEqual([{ schoolId: 'B', inCatchment: false }]);
  });
});
