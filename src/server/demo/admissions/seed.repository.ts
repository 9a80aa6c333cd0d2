import type { Executor } from '../../platform/db/database.ts';

/**
 * Bulk writes of the SYNTHETIC demo applications, with their past timestamps: the dossier, one
 * transition row per state change (as the engine's DossierSteps writes them), and the admission
 * form. The caller takes the codes from the engine's counter and the deadlines from its calendar,
 * so the rows are what the engine would have written on those days. Notifications are not
 * written: nobody is to be told about synthetic dossiers. Demo loading only.
 */

export interface SeedDossier {
  id: string;
  code: string;
  procedure_code: string;
  unit_id: string;
  applicant_key: string;
  contact_email: string | null;
  contact_phone: string | null;
  form: string;
  unique_key: string;
  state: string;
  received_at: Date;
  due_at: Date | null;
  remaining_days: number | null;
  decided_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface SeedTransition {
  dossier_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_kind: 'applicant' | 'system';
  actor_name: string | null;
  at: Date;
  reason: string | null;
  details: string | null;
}

export interface SeedApplication {
  dossier_id: string;
  round_id: string;
  dossier_code: string;
  applicant_key: string;
  child_name: string;
  date_of_birth: string;
  gender: 'male' | 'female';
  residence_commune_id: string;
  residence_village: string | null;
  residence_status: 'confirmed';
  correction_reason: null;
  registry_match: true;
  wishes: string[];
  priority_group: string | null;
  contact_channel: 'sms' | 'email';
  contact_address: string;
  created_at: Date;
  updated_at: Date;
}

/** Ids of units by code (demo keys resolve through their codes). */
export async function unitIdsByCode(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'code'])
    .where('code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function roundExists(db: Executor, code: string): Promise<boolean> {
  return (
    (await db.selectFrom('admission_rounds').select('id').where('code', '=', code).executeTakeFirst()) !== undefined
  );
}

/** Inserts in slices that stay far below PostgreSQL's 65,535 bind parameters. */
export async function insertSeed(
  db: Executor,
  rows: { dossiers: SeedDossier[]; transitions: SeedTransition[]; applications: SeedApplication[] },
): Promise<void> {
  for (let i = 0; i < rows.dossiers.length; i += 500)
    await db
      .insertInto('dossiers')
      .values(rows.dossiers.slice(i, i + 500))
      .execute();
  for (let i = 0; i < rows.transitions.length; i += 500)
    await db
      .insertInto('dossier_transitions')
      .values(rows.transitions.slice(i, i + 500))
      .execute();
  for (let i = 0; i < rows.applications.length; i += 500)
    await db
      .insertInto('admission_applications')
      .values(rows.applications.slice(i, i + 500))
      .execute();
}
