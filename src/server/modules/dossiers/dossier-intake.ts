import type { z } from 'zod';
import type { DossierDraftInput } from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { insertTransition } from './dossier-history.repository.ts';
import { stepActor } from './dossier-steps.ts';
import { claimIdempotencyKey, insertDossier } from './dossiers.repository.ts';
import { findProcedure, type ProcedureRow } from './procedures.repository.ts';
import type { UnitDirectory } from './unit-directory.ts';

type Input = z.output<typeof DossierDraftInput>;

const isUniqueViolation = (err: unknown, constraint: string) =>
  (err as { code?: string; constraint?: string }).code === '23505' &&
  (err as { constraint?: string }).constraint === constraint;

/**
 * Taking a new dossier in: the procedure must exist and be active, the handling unit must be a
 * living unit of the procedure's responsible type, and staff entering it for someone need
 * `dossiers.process` there. The module's uniqueness rule (unique_key) is enforced by the
 * database (dossiers_unique_active), so that two concurrent requests cannot both pass.
 */
export class DossierIntake {
  readonly #p: Platform;
  readonly #units: UnitDirectory;

  constructor(platform: Platform, units: UnitDirectory) {
    this.#p = platform;
    this.#units = units;
  }

  procedure(code: string): Promise<ProcedureRow | undefined> {
    return findProcedure(this.#p.db, code);
  }

  async check(actor: Actor, input: Input): Promise<ProcedureRow> {
    const proc = await findProcedure(this.#p.db, input.procedureCode);
    if (!proc)
      throw new AppError('resource.not_found', { details: [{ path: 'procedureCode', message: input.procedureCode }] });
    if (!proc.active) throw new AppError('dossier.window_closed');
    await this.checkUnit(actor, proc, input.unitId);
    return proc;
  }

  async checkUnit(actor: Actor, procedure: ProcedureRow | string, unitId: string): Promise<void> {
    const proc = typeof procedure === 'string' ? await findProcedure(this.#p.db, procedure) : procedure;
    const unit = await this.#units.get(unitId);
    if (!proc || !unit?.active || unit.typeCode !== proc.unit_type)
      throw new AppError('request.invalid', {
        details: [
          {
            path: 'unitId',
            message: `không phải đơn vị đang hoạt động loại ${proc?.unit_type} / not an active ${proc?.unit_type}`,
          },
        ],
      });
    if (actor.kind === 'user') await this.#p.access.require(actor, 'dossiers.process', { unitId });
  }

  claim(trx: Executor, key: string, operation: 'create' | 'submit', dossierId: string, applicantKey: string) {
    return claimIdempotencyKey(trx, { key, operation, dossierId, applicantKey });
  }

  /** The draft, its first transition (created) and the audit entry. */
  async insert(trx: Executor, actor: Actor, id: string, input: Input): Promise<void> {
    try {
      await insertDossier(trx, {
        id,
        procedure_code: input.procedureCode,
        unit_id: input.unitId,
        applicant_key: input.applicantKey,
        contact_email: input.contact.email ?? null,
        contact_phone: input.contact.phone ?? null,
        locale: input.locale,
        form: input.form === undefined ? null : JSON.stringify(input.form),
        unique_key: input.uniqueKey ?? null,
      });
    } catch (err) {
      if (isUniqueViolation(err, 'dossiers_unique_active')) throw new AppError('dossier.duplicate', { cause: err });
      throw err;
    }
    const who = stepActor(actor);
    await insertTransition(trx, {
      dossierId: id,
      action: 'create',
      fromState: null,
      toState: 'draft',
      actorKind: who.kind,
      actorId: who.id,
      actorName: who.name,
      reason: null,
      details: null,
    });
    await this.#p.audit.record(trx, actor, {
      action: 'dossiers.create',
      entityType: 'dossier',
      entityId: id,
      unitId: input.unitId,
      after: {
        procedureCode: input.procedureCode,
        state: 'draft',
        ...(who.kind === 'applicant' && { by: 'applicant' }),
      },
    });
  }
}
