import { createHash, randomUUID } from 'node:crypto';
import type { FixityReport } from '../../../shared/archive.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './fixity.repository.ts';

const PAGE = 200;

/**
 * Fixity (Archivematica's "fixity check"; Thông tư 02/2019/TT-BNV on keeping electronic records
 * intact): re-reads every stored file of an archive document, re-computes its SHA-256 and
 * compares it with the one recorded when it was stored. Each check is a row; a mismatch or a
 * missing object is a problem on the report and a warning in the log.
 */
export class FixityService {
  readonly #p: Platform;

  constructor(p: Platform) {
    this.#p = p;
  }

  async run(
    actor: Actor = systemActor('archive.fixity'),
  ): Promise<{ runId: string; checked: number; problems: number }> {
    await this.#p.access.require(actor, 'archive.manage');
    const runId = randomUUID();
    let after: string | null = null;
    let checked = 0;
    let problems = 0;
    for (;;) {
      const docs = await repo.documentsToCheck(this.#p.db, after, PAGE);
      if (docs.length === 0) break;
      const rows = [];
      for (const d of docs) {
        const actual = await this.#hash(d.storage_key);
        const outcome = actual === null ? 'missing' : actual === d.sha256 ? 'ok' : 'mismatch';
        if (outcome !== 'ok') {
          problems++;
          this.#p.log.warn({ documentId: d.id, key: d.storage_key, outcome }, 'archive fixity problem');
        }
        rows.push({
          run_id: runId,
          document_id: d.id,
          stored_file_id: d.stored_file_id!,
          expected_sha256: d.sha256,
          actual_sha256: actual,
          outcome,
        } as const);
      }
      await repo.insertChecks(this.#p.db, rows);
      checked += docs.length;
      after = docs[docs.length - 1]!.id;
    }
    await this.#p.db.transaction().execute((trx) =>
      this.#p.audit.record(trx, actor, {
        action: 'archive.fixity.run',
        entityType: 'archive_fixity_run',
        entityId: runId,
        after: { checked, problems },
      }),
    );
    return { runId, checked, problems };
  }

  /** The last run's figures and its problems, for the fonds the caller looks after. */
  async report(actor: Actor): Promise<FixityReport> {
    const scope = await this.#p.access.scope(actor, 'archive.manage');
    const last = await repo.lastRun(this.#p.db);
    if (!last) return { lastRunAt: null, checked: 0, problems: [] };
    const { checked, problems } = await repo.runSummary(this.#p.db, last.run_id);
    const mine = scope.all ? problems : await this.#inScope(actor, problems);
    return {
      lastRunAt: new Date(last.checked_at).toISOString(),
      checked,
      problems: mine.map((p) => ({
        documentId: p.document_id,
        fileId: p.file_id,
        fileCode: p.file_code,
        documentTitle: p.document_title,
        expectedSha256: p.expected_sha256,
        actualSha256: p.actual_sha256,
        outcome: p.outcome,
        checkedAt: new Date(p.checked_at).toISOString(),
      })),
    };
  }

  async #inScope<T extends { fonds_unit_id: string }>(actor: Actor, rows: T[]): Promise<T[]> {
    const out: T[] = [];
    for (const r of rows)
      if (await this.#p.access.can(actor, 'archive.manage', { unitId: r.fonds_unit_id })) out.push(r);
    return out;
  }

  async #hash(key: string): Promise<string | null> {
    try {
      if (!(await this.#p.storage.exists(key))) return null;
      const h = createHash('sha256');
      for await (const chunk of await this.#p.storage.get(key)) h.update(chunk as Buffer);
      return h.digest('hex');
    } catch {
      return null;
    }
  }
}
