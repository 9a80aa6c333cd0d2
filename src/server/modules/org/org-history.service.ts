import type { z } from 'zod';
import type { UnitCreate, UnitMerge, UnitRename, UnitSplit } from '../../../shared/org.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorLabel } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './org.repository.ts';
import { expiredHint } from './org.service.ts';

type NewUnit = Omit<z.output<typeof UnitCreate>, 'validFrom'>;

/** 'yyyy-mm-dd' of the day before. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const invalid = (vi: string, en: string) => new AppError('org.invalid_operation', { hint: { vi, en } });

/**
 * Structural changes to the tree that keep history (DOMAIN: units are merged, split and renamed;
 * records keep the unit they were made under). Nothing is deleted: a unit that ceases gets a
 * valid_to and, for a merge, the successor as its parent, so that the successor's subtree (and
 * the roles granted on it) still covers the records made under it.
 */
export class OrgHistoryService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async create(actor: Actor, input: z.output<typeof UnitCreate>): Promise<string> {
    await this.#p.access.require(actor, 'org.manage', { unitId: input.parentId });
    return this.#tx(async (trx) => {
      const id = await this.#insertChecked(trx, input, input.validFrom);
      await this.#event(trx, actor, 'created', input.validFrom, null, [], [id]);
      await repo.rebuildClosure(trx);
      await this.#audit(trx, actor, 'org.unit.create', id, null, input);
      return id;
    });
  }

  async rename(actor: Actor, id: string, input: z.output<typeof UnitRename>): Promise<void> {
    await this.#p.access.require(actor, 'org.manage', { unitId: id });
    await this.#tx(async (trx) => {
      const unit = found(await repo.findUnit(trx, id));
      if (!unit.active) throw new AppError('org.invalid_operation', { hint: expiredHint });
      if (unit.name === input.name)
        throw invalid('Tên mới trùng tên hiện tại.', 'The new name equals the current one.');
      const since = (await repo.findCurrentNameStart(trx, id)) ?? unit.valid_from;
      if (since && input.effectiveDate <= since) {
        throw invalid(
          'Ngày hiệu lực phải sau ngày bắt đầu của tên hiện tại.',
          'The effective date must follow the start of the current name.',
        );
      }
      await repo.insertFormerName(trx, id, unit.name, since, dayBefore(input.effectiveDate));
      await repo.updateUnit(trx, id, { name: input.name });
      await this.#event(trx, actor, 'renamed', input.effectiveDate, input.decisionRef ?? null, [id], [id]);
      await this.#audit(
        trx,
        actor,
        'org.unit.rename',
        id,
        { name: unit.name },
        { name: input.name, effectiveDate: input.effectiveDate },
      );
    });
  }

  /** Merges units into an existing one (which survives) or into a new unit; all others expire. */
  async merge(actor: Actor, input: z.output<typeof UnitMerge>): Promise<string> {
    const sourceIds = [...new Set(input.sourceIds)];
    for (const id of sourceIds) await this.#p.access.require(actor, 'org.manage', { unitId: id });
    if ('parentId' in input.into) await this.#p.access.require(actor, 'org.manage', { unitId: input.into.parentId });
    return this.#tx(async (trx) => {
      const sources = await Promise.all(sourceIds.map(async (id) => found(await repo.findUnit(trx, id))));
      if (sources.some((s) => !s.active)) throw new AppError('org.invalid_operation', { hint: expiredHint });
      let targetId: string;
      if ('existingId' in input.into) {
        targetId = input.into.existingId;
        if (!sourceIds.includes(targetId)) {
          throw invalid(
            'Đơn vị nhận sáp nhập phải là một trong các đơn vị được sáp nhập.',
            'The surviving unit must be one of the merged units.',
          );
        }
      } else {
        targetId = await this.#insertChecked(trx, input.into, input.effectiveDate);
      }
      const until = dayBefore(input.effectiveDate);
      for (const s of sources) {
        if (s.id === targetId) continue;
        for (const child of await repo.findActiveChildIds(trx, s.id))
          await repo.updateUnit(trx, child, { parent_id: targetId });
        await repo.updateUnit(trx, s.id, { valid_to: until, parent_id: targetId });
        await this.#audit(
          trx,
          actor,
          'org.unit.merge',
          s.id,
          { validTo: s.valid_to, parentId: s.parent_id },
          { validTo: until, mergedInto: targetId },
        );
      }
      await this.#event(
        trx,
        actor,
        'merged',
        input.effectiveDate,
        input.decisionRef ?? null,
        sourceIds.filter((i) => i !== targetId),
        [targetId],
      );
      await repo.rebuildClosure(trx);
      return targetId;
    });
  }

  /** Splits a unit into new parts; it expires. Its active children go to the first part. */
  async split(actor: Actor, id: string, input: z.output<typeof UnitSplit>): Promise<string[]> {
    await this.#p.access.require(actor, 'org.manage', { unitId: id });
    for (const part of input.parts) await this.#p.access.require(actor, 'org.manage', { unitId: part.parentId });
    return this.#tx(async (trx) => {
      const unit = found(await repo.findUnit(trx, id));
      if (!unit.active) throw new AppError('org.invalid_operation', { hint: expiredHint });
      const parts: string[] = [];
      for (const part of input.parts) parts.push(await this.#insertChecked(trx, part, input.effectiveDate));
      for (const child of await repo.findActiveChildIds(trx, id))
        await repo.updateUnit(trx, child, { parent_id: parts[0]! });
      const until = dayBefore(input.effectiveDate);
      await repo.updateUnit(trx, id, { valid_to: until });
      await this.#event(trx, actor, 'split', input.effectiveDate, input.decisionRef ?? null, [id], parts);
      await repo.rebuildClosure(trx);
      await this.#audit(trx, actor, 'org.unit.split', id, { validTo: unit.valid_to }, { validTo: until, parts });
      return parts;
    });
  }

  /** Checks type, parent and code, then inserts. */
  async #insertChecked(trx: Trx, u: NewUnit, validFrom: string): Promise<string> {
    const type = await repo.findUnitType(trx, u.typeCode);
    if (!type) throw invalid(`Loại đơn vị không tồn tại: ${u.typeCode}.`, `Unknown unit type: ${u.typeCode}.`);
    if (u.parentId) {
      const parent = found(await repo.findUnit(trx, u.parentId));
      if (!parent.active) throw invalid('Đơn vị cấp trên đã ngừng hoạt động.', 'The parent unit no longer exists.');
      if (!type.parent_types.includes(parent.type_code)) {
        throw invalid(
          `Không thể đặt "${type.name_vi}" dưới đơn vị loại "${parent.type_code}".`,
          `A "${type.name_en}" cannot be placed under a unit of type "${parent.type_code}".`,
        );
      }
    } else if (type.parent_types.length > 0) {
      throw invalid('Đơn vị này cần có đơn vị cấp trên.', 'This unit needs a parent.');
    }
    if (await repo.findUnitByCode(trx, u.code))
      throw new AppError('resource.conflict', { details: [{ path: 'code', message: u.code }] });
    return repo.insertUnit(trx, { code: u.code, name: u.name, typeCode: u.typeCode, parentId: u.parentId, validFrom });
  }

  #tx<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
    return this.#p.db.transaction().execute(fn);
  }

  async #event(
    trx: Trx,
    actor: Actor,
    kind: 'created' | 'renamed' | 'merged' | 'split',
    date: string,
    decisionRef: string | null,
    from: string[],
    to: string[],
  ) {
    await repo.insertEvent(
      trx,
      { kind, effectiveDate: date, decisionRef, note: null, createdBy: actorLabel(actor).id },
      from,
      to,
    );
  }

  async #audit(trx: Trx, actor: Actor, action: string, unitId: string, before: unknown, after: unknown) {
    await this.#p.audit.record(trx, actor, { action, entityType: 'org_unit', entityId: unitId, unitId, before, after });
  }
}
