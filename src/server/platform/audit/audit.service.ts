import type { AuditPage } from '../../../shared/audit.schema.ts';
import type { Access, Scope } from '../access/access.ts';
import { type Actor, actorLabel } from '../actor.ts';
import type { Db, Executor } from '../db/database.ts';
import { type AuditFilter, type AuditInsert, findAudit, insertAudit } from './audit.repository.ts';

export interface AuditChange {
  /** Verb-first, dotted: `org.unit.rename`, `auth.login`, `users.grant`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes and reads the audit trail. `record` takes the transaction of the change it describes,
 * so that the change and its audit entry commit or fail together.
 */
function entry(actor: Actor, change: AuditChange): AuditInsert {
  const who = actorLabel(actor);
  return {
    actorId: who.id,
    actorName: who.name,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId ?? null,
    unitId: change.unitId ?? null,
    before: change.before,
    after: change.after,
    requestId: actor.requestId,
    ip: actor.ip,
  };
}

export class Audit {
  readonly #db: Db;
  readonly #access: Access;

  constructor(db: Db, access: Access) {
    this.#db = db;
    this.#access = access;
  }

  async record(exec: Executor, actor: Actor, change: AuditChange): Promise<void> {
    await insertAudit(exec, [entry(actor, change)]);
  }

  /** Several entries in one statement (a batch of filings), each with its own actor. */
  async recordMany(exec: Executor, changes: readonly { actor: Actor; change: AuditChange }[]): Promise<void> {
    await insertAudit(
      exec,
      changes.map((c) => entry(c.actor, c.change)),
    );
  }

  /**
   * The history of one record, for a module that has already checked that its caller may see
   * that record (e.g. a reviewer's dossier): no audit.read needed, nothing else shown.
   */
  async trailOf(entityType: string, entityId: string, limit = 200): Promise<AuditPage['items']> {
    const page = await this.#page({ all: true }, { entityType, entityId, page: 1, pageSize: limit });
    return page.items;
  }

  async browse(actor: Actor, filter: AuditFilter): Promise<AuditPage> {
    return this.#page(await this.#access.scope(actor, 'audit.read'), filter);
  }

  async #page(scope: Scope, filter: AuditFilter): Promise<AuditPage> {
    const { rows, total } = await findAudit(this.#db, scope, filter);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: r.request_id,
        ip: r.ip,
      })),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }
}
