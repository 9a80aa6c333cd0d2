import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, Executor } from '../../platform/db/database.ts';

/** SQL of the organisation tree. Sorting uses the ICU Vietnamese collation `vi`. */

const ACTIVE = sql<boolean>`(u.valid_to IS NULL OR u.valid_to >= current_date)`;

const childCount = (eb: ExpressionBuilder<DB & { u: DB['org_units'] }, 'u'>, includeExpired: boolean) => {
  let q = eb
    .selectFrom('org_units as c')
    .select(sql<number>`count(*)::int`.as('n'))
    .whereRef('c.parent_id', '=', 'u.id');
  if (!includeExpired) q = q.where(sql<boolean>`(c.valid_to IS NULL OR c.valid_to >= current_date)`);
  return q.as('child_count');
};

const unitColumns = [
  'u.id',
  'u.code',
  'u.name',
  'u.type_code',
  'u.parent_id',
  'u.valid_from',
  'u.valid_to',
  'u.version',
] as const;

export function listUnitTypes(db: Executor) {
  return db.selectFrom('unit_types').selectAll().orderBy('sort_order').execute();
}

export function findUnitType(db: Executor, code: string) {
  return db.selectFrom('unit_types').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listChildren(db: Executor, parentId: string | null, includeExpired: boolean) {
  let q = db
    .selectFrom('org_units as u')
    .select([...unitColumns, ACTIVE.as('active'), (eb) => childCount(eb, includeExpired)]);
  q = parentId ? q.where('u.parent_id', '=', parentId) : q.where('u.parent_id', 'is', null);
  if (!includeExpired) q = q.where(ACTIVE);
  return q.orderBy(sql`u.name COLLATE vi`).execute();
}

export function findUnit(db: Executor, id: string) {
  return db
    .selectFrom('org_units as u')
    .select([...unitColumns, ACTIVE.as('active'), (eb) => childCount(eb, false)])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export function findUnitByCode(db: Executor, code: string) {
  return db
    .selectFrom('org_units as u')
    .select([...unitColumns, ACTIVE.as('active')])
    .where('u.code', '=', code)
    .executeTakeFirst();
}

/** Root-first ancestors of a unit (excluding itself). */
export function findAncestors(db: Executor, id: string) {
  return db
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.ancestor_id')
    .select(['u.id', 'u.name', 'u.type_code'])
    .where('c.descendant_id', '=', id)
    .where('c.depth', '>', 0)
    .orderBy('c.depth', 'desc')
    .execute();
}

export function findNames(db: Executor, id: string) {
  return db
    .selectFrom('org_unit_names')
    .select(['name', 'valid_from', 'valid_to'])
    .where('unit_id', '=', id)
    .orderBy('valid_to')
    .execute();
}

/** The unit's name on a given day: an earlier name if one was valid then, else the current one. */
export async function findNameAt(db: Executor, id: string, day: string): Promise<string | undefined> {
  const old = await db
    .selectFrom('org_unit_names')
    .select('name')
    .where('unit_id', '=', id)
    .where('valid_to', '>=', day)
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
    .orderBy('valid_to')
    .executeTakeFirst();
  if (old) return old.name;
  return (await db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

export async function findEvents(db: Executor, id: string) {
  const events = await db
    .selectFrom('org_unit_events as e')
    .innerJoin('org_unit_event_units as eu', 'eu.event_id', 'e.id')
    .select(['e.id', 'e.kind', 'e.effective_date', 'e.decision_ref', 'e.note'])
    .where('eu.unit_id', '=', id)
    .distinct()
    .orderBy('e.effective_date')
    .execute();
  if (events.length === 0) return [];
  const members = await db
    .selectFrom('org_unit_event_units as eu')
    .innerJoin('org_units as u', 'u.id', 'eu.unit_id')
    .select(['eu.event_id', 'eu.side', 'u.id', 'u.name'])
    .where(
      'eu.event_id',
      'in',
      events.map((e) => e.id),
    )
    .orderBy(sql`u.name COLLATE vi`)
    .execute();
  return events.map((e) => ({
    ...e,
    from: members.filter((m) => m.event_id === e.id && m.side === 'from').map((m) => ({ id: m.id, name: m.name })),
    to: members.filter((m) => m.event_id === e.id && m.side === 'to').map((m) => ({ id: m.id, name: m.name })),
  }));
}

export interface UnitInsert {
  id?: string;
  code: string;
  name: string;
  typeCode: string;
  parentId: string | null;
  validFrom: string | null;
  validTo?: string | null;
}

export async function insertUnit(db: Executor, u: UnitInsert): Promise<string> {
  const row = await db
    .insertInto('org_units')
    .values({
      ...(u.id ? { id: u.id } : {}),
      code: u.code,
      name: u.name,
      type_code: u.typeCode,
      parent_id: u.parentId,
      valid_from: u.validFrom,
      valid_to: u.validTo ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(
  db: Executor,
  id: string,
  set: Partial<{ name: string; parent_id: string | null; valid_to: string | null }>,
) {
  await db
    .updateTable('org_units')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertFormerName(
  db: Executor,
  unitId: string,
  name: string,
  validFrom: string | null,
  validTo: string,
) {
  await db
    .insertInto('org_unit_names')
    .values({ unit_id: unitId, name, valid_from: validFrom, valid_to: validTo })
    .execute();
}

/** The day after the unit's latest former name ended, i.e. when its current name began. */
export async function findCurrentNameStart(db: Executor, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('org_unit_names')
    .select(sql<string>`(max(valid_to) + 1)::text`.as('d'))
    .where('unit_id', '=', id)
    .executeTakeFirst();
  return row?.d ?? null;
}

export async function insertEvent(
  db: Executor,
  e: {
    kind: DB['org_unit_events']['kind'];
    effectiveDate: string;
    decisionRef: string | null;
    note: string | null;
    createdBy: string | null;
  },
  from: string[],
  to: string[],
): Promise<string> {
  const { id } = await db
    .insertInto('org_unit_events')
    .values({
      kind: e.kind,
      effective_date: e.effectiveDate,
      decision_ref: e.decisionRef,
      note: e.note,
      created_by: e.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = [
    ...from.map((unit_id) => ({ event_id: id, unit_id, side: 'from' as const })),
    ...to.map((unit_id) => ({ event_id: id, unit_id, side: 'to' as const })),
  ];
  if (rows.length) await db.insertInto('org_unit_event_units').values(rows).execute();
  return id;
}

/** Active children of a unit (to carry over to a successor). */
export function findActiveChildIds(db: Executor, parentId: string) {
  return db
    .selectFrom('org_units as u')
    .select('u.id')
    .where('u.parent_id', '=', parentId)
    .where(ACTIVE)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

export async function isDescendant(db: Executor, unitId: string, ancestorId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit_closure')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rebuildClosure(db: Executor) {
  await sql`SELECT gds_rebuild_org_closure()`.execute(db);
}

/** Current commune-level units, for filters and for placing schools. */
export function listCommunes(db: Executor) {
  return db
    .selectFrom('org_units as u')
    .select([...unitColumns, ACTIVE.as('active'), sql<number>`0`.as('child_count')])
    .where('u.type_code', 'in', ['commune', 'ward', 'special_zone'])
    .where(ACTIVE)
    .orderBy(sql`u.name COLLATE vi`)
    .execute();
}
