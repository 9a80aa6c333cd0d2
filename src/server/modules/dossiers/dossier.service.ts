import type { z } from 'zod';
import type { DossierActionBody, DossierDetail, DossierPage } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { presentDetail, presentSummary } from './dossier.presenter.ts';
import { listAttachments, listTransitions } from './dossier-history.repository.ts';
import { type DossierFilter, findDossiers } from './dossier-search.repository.ts';
import { TRANSITIONS } from './dossier-state.ts';
import type { DossierSteps } from './dossier-steps.ts';
import { findDossier, lockDossier } from './dossiers.repository.ts';
import type { UnitDirectory } from './unit-directory.ts';

/**
 * The handling unit's side: the queue, one dossier with its history, and the review steps.
 * `dossiers.read` / `dossiers.process` on a unit cover the dossiers handled in its subtree.
 */
export class DossierService {
  readonly #p: Platform;
  readonly #units: UnitDirectory;
  readonly #steps: DossierSteps;

  constructor(platform: Platform, units: UnitDirectory, steps: DossierSteps) {
    this.#p = platform;
    this.#units = units;
    this.#steps = steps;
  }

  async list(actor: Actor, filter: DossierFilter): Promise<DossierPage> {
    const scope = await this.#p.access.scope(actor, 'dossiers.read');
    const { rows, total } = await findDossiers(this.#p.db, scope, filter);
    const names = await this.#units.names(rows.map((r) => r.unit_id));
    const now = new Date();
    return {
      items: rows.map((r) => presentSummary(r, names.get(r.unit_id) ?? '', now)),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<DossierDetail> {
    const row = found(await findDossier(this.#p.db, id));
    await this.#p.access.require(actor, 'dossiers.read', { unitId: row.unit_id });
    const [transitions, attachments, names] = await Promise.all([
      listTransitions(this.#p.db, id),
      listAttachments(this.#p.db, id),
      this.#units.names([row.unit_id]),
    ]);
    return presentDetail(row, names.get(row.unit_id) ?? '', transitions, attachments);
  }

  /**
   * One review step. The row is locked (SELECT … FOR UPDATE) and its version compared with the
   * one the clerk saw: of two clerks acting on the same version, one wins and the other gets
   * resource.stale.
   */
  async act(actor: Actor, id: string, body: z.output<typeof DossierActionBody>): Promise<DossierDetail> {
    const seen = found(await findDossier(this.#p.db, id));
    await this.#p.access.require(actor, 'dossiers.process', { unitId: seen.unit_id });
    if (TRANSITIONS[body.action].by !== 'unit') throw new AppError('dossier.invalid_transition');
    await this.#p.db.transaction().execute(async (trx) => {
      const row = found(await lockDossier(trx, id));
      if (row.version !== body.expectedVersion) throw new AppError('resource.stale');
      await this.#steps.apply(trx, actor, row, body.action, { reason: body.reason, details: body.details });
    });
    return this.get(actor, id);
  }
}
