import { sql } from 'kysely';
import type { DossierState } from '../../../shared/dossiers.schema.ts';
import type { Scope } from '../../platform/access/access.ts';
import type { Executor } from '../../platform/db/database.ts';
import { CLOCK_RUNNING } from './dossier-state.ts';

export interface DossierFilter {
  procedure?: string | undefined;
  state?: DossierState | undefined;
  unitId?: string | undefined;
  overdue?: boolean | undefined;
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');
const RUNNING = [...CLOCK_RUNNING];

/**
 * The staff queue: dossiers handled by units in `scope` (org_unit_closure), newest receipt first.
 * Drafts belong to the applicant and are listed only when asked for by state.
 * Indexes: dossiers_unit (unit, received_at), dossiers_running_due (overdue),
 * dossiers_code_search (trigram, q), dossiers_procedure_state.
 */
export async function findDossiers(db: Executor, scope: Scope, f: DossierFilter) {
  let q = db.selectFrom('dossiers as d').innerJoin('procedures as p', 'p.code', 'd.procedure_code');
  const within = (roots: string[]) =>
    db.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', roots);
  if (!scope.all) q = q.where('d.unit_id', 'in', within(scope.roots));
  if (f.unitId) q = q.where('d.unit_id', 'in', within([f.unitId]));
  q = f.state ? q.where('d.state', '=', f.state) : q.where('d.state', '<>', 'draft');
  if (f.procedure) q = q.where('d.procedure_code', '=', f.procedure);
  if (f.overdue === true) q = q.where('d.state', 'in', RUNNING).where('d.due_at', '<', sql<Date>`now()`);
  if (f.overdue === false)
    q = q.where((eb) => eb.or([eb('d.state', 'not in', RUNNING), eb('d.due_at', '>=', sql<Date>`now()`)]));
  // Dates are calendar days in Vietnam (UTC+7).
  if (f.receivedFrom)
    q = q.where('d.received_at', '>=', sql<Date>`(${f.receivedFrom}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.receivedTo)
    q = q.where(
      'd.received_at',
      '<',
      sql<Date>`(${f.receivedTo}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`,
    );
  if (f.q) q = q.where('d.code', 'ilike', `%${likeEscape(f.q)}%`);
  const [rows, count] = await Promise.all([
    q
      .select([
        'd.id',
        'd.code',
        'd.procedure_code',
        'd.unit_id',
        'd.state',
        'd.received_at',
        'd.due_at',
        'd.decided_at',
        'd.version',
        'd.created_at',
        'd.updated_at',
        'p.name_vi as procedure_name_vi',
        'p.name_en as procedure_name_en',
      ])
      .orderBy(sql`d.received_at DESC NULLS LAST`)
      .orderBy('d.created_at', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
