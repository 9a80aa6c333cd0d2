import type { z } from 'zod';
import type { ApplicationPatch } from '../../../../shared/admission-applications.schema.ts';
import type { DossierState } from '../../../../shared/dossiers.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, found } from '../../../platform/errors.ts';
import type { OtpSession } from '../../../platform/otp/otp.service.ts';
import type { Platform } from '../../../platform/platform.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import { invalid } from '../rounds/round-context.ts';
import { snapshot } from './application.presenter.ts';
import * as repo from './application.repository.ts';
import { formProblems, loadRound } from './application-round.ts';
import { type RegistryResidence, residenceStatus } from './application-rules.ts';

type LookupResidence = (
  actor: Actor,
  session: OtpSession,
  personalId: string,
  dateOfBirth: string,
) => Promise<RegistryResidence[] | undefined>;

/** States in which the parent may still change the application (no decision yet). */
const EDITABLE: readonly DossierState[] = ['submitted', 'in_review', 'supplement_requested', 'resubmitted'];

/**
 * Edits by the parent until the registration deadline (issue 3: "edits until the deadline keep a
 * history"): each edit stores the version it replaces in admission_application_versions.
 * The first wish names the dossier's handling school: a new first wish moves the dossier there
 * (the engine's moveUnit, same transaction) while the school has not started its review, so
 * that families can follow the published demand; after that, withdraw and apply again.
 */
export class ApplicationEdits {
  readonly #p: Platform;
  readonly #lookup: LookupResidence;

  constructor(platform: Platform, lookup: LookupResidence) {
    this.#p = platform;
    this.#lookup = lookup;
  }

  async edit(
    actor: Actor,
    session: OtpSession,
    row: repo.ApplicationRow,
    key: string,
    patch: z.output<typeof ApplicationPatch>,
  ): Promise<void> {
    const round = await loadRound(this.#p.db, row.round_id);
    if (round.row.status !== 'open' || Date.now() >= round.row.register_to.getTime())
      throw new AppError('dossier.window_closed');
    const timeline = await dossierEngine(this.#p).applicants.getPublicTimeline(row.dossier_id, key);
    if (!EDITABLE.includes(timeline.state)) throw new AppError('dossier.invalid_transition');
    // A new first wish moves the dossier to that school, while it has not started its review.
    const newFirst = patch.wishes && patch.wishes[0] !== row.wishes[0] ? patch.wishes[0] : undefined;
    const problems = formProblems(round, patch);
    if (problems.length) throw invalid(problems);
    const set: Parameters<typeof repo.updateApplication>[2] = {
      ...(patch.wishes && { wishes: patch.wishes }),
      ...(patch.priorityGroup !== undefined && { priority_group: patch.priorityGroup }),
      ...(patch.guardians && { guardians: JSON.stringify(patch.guardians) }),
    };
    if (patch.residence) {
      const registry = row.registry_match
        ? await this.#lookup(actor, session, patch.personalId, patch.dateOfBirth)
        : undefined;
      const residence = residenceStatus(patch.residence, registry);
      if (residence.problems.length) throw invalid(residence.problems);
      Object.assign(set, {
        residence_commune_id: patch.residence.communeId,
        residence_village: patch.residence.village,
        residence_status: residence.status,
        correction_reason: residence.status === 'correction' ? (patch.residence.correctionReason ?? null) : null,
      });
    }
    await this.#p.db.transaction().execute(async (trx) => {
      const locked = found(await repo.lockApplication(trx, row.dossier_id));
      await repo.insertVersion(trx, {
        dossierId: locked.dossier_id,
        version: locked.version,
        data: snapshot(locked),
        editedBy: actor.kind === 'user' ? actor.userId : 'applicant',
      });
      if (newFirst) await dossierEngine(this.#p).applicants.moveUnit(trx, actor, locked.dossier_id, key, newFirst);
      await repo.updateApplication(trx, locked.dossier_id, set);
      await this.#p.audit.record(trx, actor, {
        action: 'admissions.application.update',
        entityType: 'dossier',
        entityId: locked.dossier_id,
        unitId: locked.wishes[0] ?? null,
        // Which fields changed, not their values (children's data stays out of the audit log).
        after: { fields: Object.keys(set), version: locked.version + 1, by: 'applicant' },
      });
    });
  }
}
