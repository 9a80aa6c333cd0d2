import type { Executor } from '../../platform/db/database.ts';
import { buildDemoResidents, type DemoResident } from './generate.ts';

export interface LoadResidentsOptions {
  /** Entry year the cohorts are born for (default 2027: born 2021, 2016, 2012). */
  admissionYear?: number;
  /** Residents to load instead of the generated set (tests). */
  residents?: readonly DemoResident[];
}

/**
 * Inserts the SYNTHETIC demo residents into demo_residents, resolving commune codes to the ids
 * the demo province was loaded with (load it first, in the same transaction or before).
 * Idempotent: an ID already there is skipped. Returns how many rows were inserted.
 */
export async function loadDemoResidents(db: Executor, opts: LoadResidentsOptions = {}): Promise<number> {
  const residents = opts.residents ?? buildDemoResidents({ admissionYear: opts.admissionYear });
  if (residents.length === 0) return 0;
  const codes = [...new Set(residents.flatMap((r) => [r.permanent.communeCode, r.current.communeCode]))];
  const units = await db.selectFrom('org_units').select(['id', 'code']).where('code', 'in', codes).execute();
  const ids = new Map(units.map((u) => [u.code, u.id]));
  const idOf = (code: string) => {
    const id = ids.get(code);
    if (!id) throw new Error(`demo residents: commune ${code} is not loaded; load the demo province first`);
    return id;
  };
  let inserted = 0;
  // 500 rows × 13 columns stays far below PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < residents.length; i += 500) {
    const rows = await db
      .insertInto('demo_residents')
      .values(
        residents.slice(i, i + 500).map((r) => ({
          personal_id: r.personalId,
          full_name: r.fullName.normalize('NFC'),
          date_of_birth: r.dateOfBirth,
          gender: r.gender,
          ethnicity: r.ethnicity,
          permanent_commune_id: idOf(r.permanent.communeCode),
          permanent_village: r.permanent.village,
          permanent_address: r.permanent.addressLine,
          current_commune_id: idOf(r.current.communeCode),
          current_village: r.current.village,
          current_address: r.current.addressLine,
          guardians: JSON.stringify(r.guardians),
          note: r.note,
        })),
      )
      .onConflict((oc) => oc.column('personal_id').doNothing())
      .returning('personal_id')
      .execute();
    inserted += rows.length;
  }
  return inserted;
}
