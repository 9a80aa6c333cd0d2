import { sql } from 'kysely';
import type { Scope } from '../access/access.ts';
import type { Executor } from '../db/database.ts';

export interface OutboxInsert {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  locale: string;
  dossierId: string | null;
  unitId: string | null;
}

export async function insertOutbox(db: Executor, rows: OutboxInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notification_outbox')
    .values(
      rows.map((r) => ({
        channel: r.channel,
        recipient: r.recipient,
        subject: r.subject,
        body: r.body,
        template: r.template,
        locale: r.locale,
        dossier_id: r.dossierId,
        unit_id: r.unitId,
        next_attempt_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/**
 * Leases up to `limit` due rows for `leaseSeconds`: other workers skip them (SKIP LOCKED while
 * leasing, then the future next_attempt_at), and a worker that dies mid-send leaves them to be
 * tried again when the lease ends. Backed by notification_outbox_pending.
 */
export function leasePending(db: Executor, limit: number, maxAttempts: number, leaseSeconds: number) {
  return db
    .updateTable('notification_outbox')
    .set({
      attempts: sql`attempts + 1`,
      next_attempt_at: sql`now() + make_interval(secs => ${leaseSeconds})`,
    })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notification_outbox')
        .select('id')
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .where('attempts', '<', maxAttempts)
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'channel', 'recipient', 'subject', 'body', 'attempts'])
    .execute();
}

export async function markSent(db: Executor, id: string, deliveredBy: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ sent_at: sql`now()`, delivered_by: deliveredBy, error: null })
    .where('id', '=', id)
    .execute();
}

/** Records the failure; the next try waits 2^attempts minutes (2, 4, 8 … up to a day). */
export async function markFailed(db: Executor, id: string, attempts: number, error: string): Promise<void> {
  const minutes = Math.min(2 ** attempts, 24 * 60);
  await db
    .updateTable('notification_outbox')
    .set({ error: error.slice(0, 1000), next_attempt_at: sql`now() + make_interval(mins => ${minutes})` })
    .where('id', '=', id)
    .execute();
}

/** Newest first; a restricted scope sees the rows of units in its subtrees. */
export async function findOutbox(
  db: Executor,
  scope: Scope,
  f: { dossierId?: string | undefined; page: number; pageSize: number },
) {
  let q = db.selectFrom('notification_outbox as o');
  if (!scope.all) {
    q = q.where('o.unit_id', 'in', (eb) =>
      eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', 'in', scope.roots),
    );
  }
  if (f.dossierId) q = q.where('o.dossier_id', '=', f.dossierId);
  const [rows, count] = await Promise.all([
    q
      .selectAll('o')
      .orderBy('o.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
