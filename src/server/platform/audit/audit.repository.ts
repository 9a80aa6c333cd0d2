import { sql } from 'kysely';
import type { Scope } from '../access/access.ts';
import type { Executor } from '../db/database.ts';

export interface AuditInsert {
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  unitId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditFilter {
  actorId?: string | undefined;
  unitId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function insertAudit(db: Executor, entries: readonly AuditInsert[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        actor_id: e.actorId,
        actor_name: e.actorName,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        unit_id: e.unitId,
        before: json(e.before),
        after: json(e.after),
        request_id: e.requestId,
        ip: e.ip,
      })),
    )
    .execute();
}

/**
 * Audit entries visible in `scope`, newest first. Scoped by the unit each entry concerns
 * (org_unit_closure); entries with no unit are visible only to an unrestricted scope.
 */
export async function findAudit(db: Executor, scope: Scope, f: AuditFilter) {
  let q = db.selectFrom('audit_log as a').leftJoin('org_units as u', 'u.id', 'a.unit_id');
  if (!scope.all) {
    q = q.where('a.unit_id', 'in', (eb) =>
      eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', scope.roots),
    );
  }
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where('a.unit_id', 'in', (eb) =>
      eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', '=', unitId),
    );
  }
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.action) q = q.where('a.action', 'like', `${f.action.replace(/[%_\\]/g, '\\$&')}%`);
  // Dates are calendar days in Vietnam (UTC+7).
  if (f.from) q = q.where('a.at', '>=', sql<Date>`(${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) q = q.where('a.at', '<', sql<Date>`(${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  const [rows, count] = await Promise.all([
    q
      .select([
        'a.id',
        'a.at',
        'a.actor_id',
        'a.actor_name',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.unit_id',
        'u.name as unit_name',
        'a.before',
        'a.after',
        'a.request_id',
        'a.ip',
      ])
      .orderBy('a.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
