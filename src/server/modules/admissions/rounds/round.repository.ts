import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, Executor } from '../../../platform/db/database.ts';

/**
 * SQL of admission_rounds. Names of units come from org_units and scopes from org_unit_closure,
 * the org module's published read model; both are only read here.
 */

/** Who may see which rounds: those run inside `runningRoots`, or with a school inside `schoolRoots`. */
export type ReadScope = { all: true } | { all: false; runningRoots: string[]; schoolRoots: string[] };

export interface RoundFilter {
  level?: number | undefined;
  schoolYear?: string | undefined;
  status?: string | undefined;
  page: number;
  pageSize: number;
}

const roundColumns = [
  'r.id',
  'r.code',
  'r.name',
  'r.level',
  'r.school_year',
  'r.running_unit_id',
  'ru.name as running_unit_name',
  'r.status',
  'r.trial_from',
  'r.trial_to',
  'r.register_from',
  'r.register_to',
  'r.review_to',
  'r.results_at',
  'r.confirm_to',
  'r.supplementary_from',
  'r.supplementary_to',
  'r.rules',
  'r.priority_groups',
  'r.lottery_seed',
  'r.lottery_seed_published_at',
  'r.copied_from_id',
  'r.version',
  'r.created_at',
  'r.updated_at',
  sql<number>`(SELECT count(*)::int FROM admission_round_schools s WHERE s.round_id = r.id)`.as('school_count'),
  sql<number>`(SELECT coalesce(sum(s.seats), 0)::int FROM admission_round_schools s WHERE s.round_id = r.id)`.as(
    'seats',
  ),
] as const;

function base(db: Executor) {
  return db.selectFrom('admission_rounds as r').innerJoin('org_units as ru', 'ru.id', 'r.running_unit_id');
}

/** The readable-by-scope condition, on `r` (uses org_unit_closure's primary key and its descendant index). */
function readable(scope: ReadScope) {
  return (eb: ExpressionBuilder<DB & { r: DB['admission_rounds'] }, 'r'>) => {
    if (scope.all) return eb.lit(true);
    const under = (roots: string[]) =>
      eb.selectFrom('org_unit_closure as c').select('c.descendant_id').where('c.ancestor_id', 'in', roots);
    const ors = [];
    if (scope.runningRoots.length) ors.push(eb('r.running_unit_id', 'in', under(scope.runningRoots)));
    if (scope.schoolRoots.length)
      ors.push(
        eb.exists(
          eb
            .selectFrom('admission_round_schools as rs')
            .select('rs.school_id')
            .whereRef('rs.round_id', '=', 'r.id')
            .where('rs.school_id', 'in', under(scope.schoolRoots)),
        ),
      );
    return ors.length ? eb.or(ors) : eb.lit(false);
  };
}

export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

export function findRound(db: Executor, id: string) {
  return base(db).select(roundColumns).where('r.id', '=', id).executeTakeFirst();
}

export async function isReadable(db: Executor, scope: ReadScope, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('admission_rounds as r')
    .select('r.id')
    .where('r.id', '=', id)
    .where(readable(scope))
    .executeTakeFirst();
  return row !== undefined;
}

/** Rounds in scope, newest school year first, then by level and code. */
export async function listRounds(db: Executor, scope: ReadScope, f: RoundFilter) {
  let q = base(db).where(readable(scope));
  if (f.level !== undefined) q = q.where('r.level', '=', f.level);
  if (f.schoolYear) q = q.where('r.school_year', '=', f.schoolYear);
  if (f.status) q = q.where('r.status', '=', f.status as RoundRow['status']);
  const [rows, count] = await Promise.all([
    q
      .select(roundColumns)
      .orderBy('r.school_year', 'desc')
      .orderBy('r.level')
      .orderBy('r.code')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

/** Locks the round row for the rest of the transaction (writers serialise on it). */
export function lockRound(db: Executor, id: string) {
  return db
    .selectFrom('admission_rounds')
    .select(['id', 'version', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findRoundIdByCode(db: Executor, code: string) {
  return db.selectFrom('admission_rounds').select('id').where('code', '=', code).executeTakeFirst();
}

export async function insertRound(db: Executor, values: RoundValues): Promise<string> {
  const row = await db.insertInto('admission_rounds').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Columns a create or copy writes. */
export interface RoundValues {
  code: string;
  name: string;
  level: number;
  school_year: string;
  running_unit_id: string;
  trial_from: Date | null;
  trial_to: Date | null;
  register_from: Date;
  register_to: Date;
  review_to: Date;
  results_at: Date;
  confirm_to: Date;
  supplementary_from: Date | null;
  supplementary_to: Date | null;
  rules: string;
  priority_groups: string;
  copied_from_id: string | null;
  created_by: string | null;
  updated_by: string | null;
}

export type RoundSet = Partial<
  Pick<
    RoundValues,
    | 'name'
    | 'trial_from'
    | 'trial_to'
    | 'register_from'
    | 'register_to'
    | 'review_to'
    | 'results_at'
    | 'confirm_to'
    | 'supplementary_from'
    | 'supplementary_to'
    | 'rules'
    | 'priority_groups'
  > & { status: RoundRow['status']; lottery_seed: string; lottery_seed_published_at: Date }
>;

/** Applies `set` and bumps the version: every change to a round or its schools goes through here. */
export async function touchRound(db: Executor, id: string, set: RoundSet, by: string | null) {
  await db
    .updateTable('admission_rounds')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()`, updated_by: by })
    .where('id', '=', id)
    .execute();
}

/**
 * Open rounds for the public page: of a level, and, for a commune, those run by it or by a unit
 * above it, those with a catchment in it, and every grade-10 round (province-wide).
 * Uses admission_rounds_status_level and admission_catchments_commune.
 */
export function listOpenRounds(db: Executor, f: { level?: number | undefined; communeId?: string | undefined }) {
  let q = base(db).where('r.status', '=', 'open');
  if (f.level !== undefined) q = q.where('r.level', '=', f.level);
  const communeId = f.communeId;
  if (communeId)
    q = q.where((eb) =>
      eb.or([
        eb('r.level', '=', 10),
        eb.exists(
          eb
            .selectFrom('org_unit_closure as c')
            .select('c.depth')
            .whereRef('c.ancestor_id', '=', 'r.running_unit_id')
            .where('c.descendant_id', '=', communeId),
        ),
        eb.exists(
          eb
            .selectFrom('admission_catchments as k')
            .select('k.id')
            .whereRef('k.round_id', '=', 'r.id')
            .where('k.commune_id', '=', communeId),
        ),
      ]),
    );
  return q.select(roundColumns).orderBy('r.level').orderBy('r.register_from').orderBy('r.code').execute();
}
