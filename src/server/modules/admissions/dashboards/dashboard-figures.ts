import type { CommuneFigures, DemandFigures, SchoolFigures } from '../../../../shared/admission-dashboards.schema.ts';

/** Pure arithmetic of the dashboards: per school figures, roll-ups per commune and for the round. */

export interface SchoolSeats {
  school_id: string;
  code: string;
  name: string;
  commune_id: string;
  commune_name: string;
  seats: number;
  specialised: boolean;
}

export interface Counts {
  firstWish: ReadonlyMap<string, { first_wish: number; approved: number }>;
  anyWish: ReadonlyMap<string, number>;
  /** null before the final allocation run. */
  admitted: ReadonlyMap<string, number> | null;
}

/** a / b to two decimals; null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? Math.round((a / b) * 100) / 100 : null;
}

function figures(seats: number, firstWish: number, anyWish: number, approved: number, admitted: number | null) {
  return {
    seats,
    firstWish,
    anyWish,
    demandRatio: ratio(firstWish, seats),
    approved,
    admitted,
    fillRate: admitted === null ? null : ratio(admitted, seats),
  } satisfies DemandFigures;
}

export function schoolFigures(schools: readonly SchoolSeats[], c: Counts): SchoolFigures[] {
  return schools.map((s) => {
    const fw = c.firstWish.get(s.school_id);
    return {
      schoolId: s.school_id,
      code: s.code,
      name: s.name,
      communeId: s.commune_id,
      communeName: s.commune_name,
      specialised: s.specialised,
      ...figures(
        s.seats,
        fw?.first_wish ?? 0,
        c.anyWish.get(s.school_id) ?? 0,
        fw?.approved ?? 0,
        c.admitted ? (c.admitted.get(s.school_id) ?? 0) : null,
      ),
    };
  });
}

/** Sums of a set of schools. anyWish is summed per school (an application naming two schools counts at each). */
export function sumFigures(rows: readonly SchoolFigures[], allocated: boolean): DemandFigures {
  const sum = (f: (r: SchoolFigures) => number) => rows.reduce((n, r) => n + f(r), 0);
  return figures(
    sum((r) => r.seats),
    sum((r) => r.firstWish),
    sum((r) => r.anyWish),
    sum((r) => r.approved),
    allocated ? sum((r) => r.admitted ?? 0) : null,
  );
}

/** One row per commune where the schools stand, in the order the schools come (by name). */
export function communeFigures(rows: readonly SchoolFigures[], allocated: boolean): CommuneFigures[] {
  const groups = new Map<string, SchoolFigures[]>();
  for (const r of rows) groups.set(r.communeId, [...(groups.get(r.communeId) ?? []), r]);
  return [...groups.values()]
    .map((g) => ({
      communeId: g[0]!.communeId,
      communeName: g[0]!.communeName,
      schools: g.length,
      ...sumFigures(g, allocated),
    }))
    .sort((a, b) => a.communeName.localeCompare(b.communeName, 'vi'));
}
