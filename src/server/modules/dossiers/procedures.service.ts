import type { z } from 'zod';
import {
  DocumentRule,
  type Procedure,
  type ProcedureCreate,
  type ProcedureUpdate,
} from '../../../shared/dossiers.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { OrgService } from '../org/org.service.ts';
import * as repo from './procedures.repository.ts';

const Documents = DocumentRule.array();

export function presentProcedure(r: repo.ProcedureRow): Procedure {
  return {
    code: r.code,
    name: { vi: r.name_vi, en: r.name_en },
    mode: r.mode,
    unitType: r.unit_type,
    processingDays: r.processing_days,
    cutoffTime: r.cutoff_time,
    documents: Documents.parse(r.documents),
    feeVnd: r.fee_vnd,
    codePrefix: r.code_prefix,
    active: r.active,
    ownerModule: r.owner_module,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The editable fields, named as in ProcedureUpdate (for the audit's before/after). */
function editable(p: Procedure) {
  const { name, code: _c, codePrefix: _p, version: _v, updatedAt: _u, ...rest } = p;
  return { nameVi: name.vi, nameEn: name.en, ...rest };
}

/**
 * Procedure definitions (documents, processing time, fee). Reading them needs `dossiers.read`
 * or `dossiers.configure`; changing them needs `dossiers.configure` over the whole province:
 * a procedure applies to every unit of its type.
 */
export class ProceduresService {
  readonly #p: Platform;
  readonly #org: OrgService;

  constructor(platform: Platform, org: OrgService) {
    this.#p = platform;
    this.#org = org;
  }

  async list(actor: Actor): Promise<Procedure[]> {
    await this.#requireReader(actor);
    return (await repo.listProcedures(this.#p.db)).map(presentProcedure);
  }

  async get(actor: Actor, code: string): Promise<Procedure> {
    await this.#requireReader(actor);
    return presentProcedure(found(await repo.findProcedure(this.#p.db, code)));
  }

  /** For the engine itself (no access check): the definition a dossier follows. */
  async definition(code: string): Promise<repo.ProcedureRow> {
    return found(await repo.findProcedure(this.#p.db, code));
  }

  async create(actor: Actor, input: z.output<typeof ProcedureCreate>): Promise<Procedure> {
    await this.#requireConfigurer(actor);
    await this.#checkUnitType(input.unitType);
    await this.#p.db.transaction().execute(async (trx) => {
      if (await repo.findProcedure(trx, input.code))
        throw new AppError('resource.conflict', { details: [{ path: 'body.code', message: input.code }] });
      if (await repo.prefixTaken(trx, input.codePrefix))
        throw new AppError('resource.conflict', { details: [{ path: 'body.codePrefix', message: input.codePrefix }] });
      const values = {
        code: input.code,
        code_prefix: input.codePrefix,
        name_vi: input.nameVi,
        name_en: input.nameEn,
        mode: input.mode,
        unit_type: input.unitType,
        processing_days: input.processingDays,
        cutoff_time: input.cutoffTime,
        documents: JSON.stringify(input.documents),
        fee_vnd: input.feeVnd,
        active: input.active,
        owner_module: input.ownerModule ?? null,
      };
      await repo.insertProcedure(trx, values);
      await this.#p.audit.record(trx, actor, {
        action: 'dossiers.procedure.create',
        entityType: 'procedure',
        entityId: input.code,
        after: input,
      });
    });
    return this.get(actor, input.code);
  }

  /** Changes apply to dossiers received from now on; a received dossier keeps its deadline. */
  async update(actor: Actor, code: string, patch: z.output<typeof ProcedureUpdate>): Promise<Procedure> {
    await this.#requireConfigurer(actor);
    if (patch.unitType) await this.#checkUnitType(patch.unitType);
    const before = editable(presentProcedure(found(await repo.findProcedure(this.#p.db, code))));
    const set: Partial<repo.ProcedureValues> = {
      ...(patch.nameVi !== undefined && { name_vi: patch.nameVi }),
      ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
      ...(patch.mode !== undefined && { mode: patch.mode }),
      ...(patch.unitType !== undefined && { unit_type: patch.unitType }),
      ...(patch.processingDays !== undefined && { processing_days: patch.processingDays }),
      ...(patch.cutoffTime !== undefined && { cutoff_time: patch.cutoffTime }),
      ...(patch.documents !== undefined && { documents: JSON.stringify(patch.documents) }),
      ...(patch.feeVnd !== undefined && { fee_vnd: patch.feeVnd }),
      ...(patch.active !== undefined && { active: patch.active }),
      ...(patch.ownerModule !== undefined && { owner_module: patch.ownerModule }),
    };
    await this.#p.db.transaction().execute(async (trx) => {
      if (!(await repo.updateProcedure(trx, code, set, patch.expectedVersion))) throw new AppError('resource.stale');
      const { expectedVersion: _v, ...after } = patch;
      await this.#p.audit.record(trx, actor, {
        action: 'dossiers.procedure.update',
        entityType: 'procedure',
        entityId: code,
        before: Object.fromEntries(Object.keys(after).map((k) => [k, before[k as keyof typeof before] ?? null])),
        after,
      });
    });
    return this.get(actor, code);
  }

  async #requireReader(actor: Actor): Promise<void> {
    if (await this.#p.access.can(actor, 'dossiers.configure')) return;
    await this.#p.access.require(actor, 'dossiers.read');
  }

  async #requireConfigurer(actor: Actor): Promise<void> {
    const scope = await this.#p.access.scope(actor, 'dossiers.configure');
    if (!scope.all) throw new AppError('access.denied');
  }

  async #checkUnitType(code: string): Promise<void> {
    const types = await this.#org.unitTypes();
    if (!types.some((t) => t.code === code))
      throw new AppError('request.invalid', { details: [{ path: 'body.unitType', message: code }] });
  }
}
