import { randomUUID } from 'node:crypto';
import { type Actor, actorLabel } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import type { Platform } from '../../platform/platform.ts';
import * as repo from './org.repository.ts';
import { dayBefore } from './org-history.service.ts';
import * as xrepo from './org-xlsx.repository.ts';
import type { Planned } from './org-xlsx-plan.ts';
import type { UnitPlanned } from './org-xlsx-units-plan.ts';
import * as schools from './school.repository.ts';

/**
 * Writes a checked import plan (units sheet first, then schools sheet) inside the import's
 * transaction, keeping history as OrgHistoryService does: renames keep the former name, moves
 * and closures are events, nothing is deleted; one audit entry per change. The events are
 * inserted and the closure rebuilt once, by `finish`.
 */
export class ImportWriter {
  readonly #p: Platform;
  readonly #trx: Trx;
  readonly #actor: Actor;
  readonly #today: string;
  readonly #events: xrepo.EventRow[] = [];
  #structural = false;

  constructor(p: Platform, trx: Trx, actor: Actor, today: string) {
    this.#p = p;
    this.#trx = trx;
    this.#actor = actor;
    this.#today = today;
  }

  /** New units in plan order (parents first), then renames, moves and closures. */
  async writeUnits(planned: readonly UnitPlanned[]): Promise<void> {
    const creates = planned.flatMap((x) => (x.kind === 'create' ? [x] : []));
    await xrepo.insertUnits(
      this.#trx,
      creates.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        type_code: c.typeCode,
        parent_id: c.parentId,
        valid_from: c.validFrom,
        valid_to: c.validTo,
      })),
    );
    for (const c of creates) {
      this.#event('created', c.id, c.validFrom);
      const { code, name, typeCode, parentId, validFrom, validTo } = c;
      await this.#audit('org.unit.create', 'org_unit', c.id, null, {
        code,
        name,
        typeCode,
        parentId,
        validFrom,
        validTo,
      });
    }
    const updates = planned.flatMap((x) => (x.kind === 'update' ? [x] : []));
    await this.#rename(updates.flatMap((u) => (u.name ? [{ unit: u.unit, name: u.name }] : [])));
    for (const u of updates) {
      if (u.parentId) await this.#move(u.unit, u.parentId);
      if (u.validTo) {
        // The last day of validity is the cell's date; the dissolution takes effect the next day.
        await repo.updateUnit(this.#trx, u.unit.id, { valid_to: u.validTo });
        this.#event('dissolved', u.unit.id, dayAfter(u.validTo));
        await this.#audit('org.unit.dissolve', 'org_unit', u.unit.id, { validTo: null }, { validTo: u.validTo });
      }
    }
    if (creates.length) this.#structural = true;
  }

  /** New schools (unit + profile), then renames, moves and profile updates. */
  async writeSchools(planned: readonly Planned[]): Promise<void> {
    const creates = planned.flatMap((x) => (x.kind === 'create' ? [x] : []));
    const ids = creates.map(() => randomUUID());
    await xrepo.insertUnits(
      this.#trx,
      creates.map((c, i) => ({
        id: ids[i]!,
        code: c.code,
        name: c.name,
        type_code: c.typeCode,
        parent_id: c.parentId,
        valid_from: c.validFrom,
        valid_to: c.validTo,
      })),
    );
    await xrepo.insertSchools(
      this.#trx,
      creates.map((c, i) => ({ unit_id: ids[i]!, ...c.profile })),
    );
    for (const [i, c] of creates.entries()) {
      this.#event('created', ids[i]!, c.validFrom);
      const { code, name, typeCode, parentId, validFrom, validTo, profile } = c;
      const after = { code, name, typeCode, parentId, validFrom, validTo, school: profile };
      await this.#audit('org.unit.create', 'org_unit', ids[i]!, null, after);
    }
    if (creates.length) this.#structural = true;

    const updates = planned.flatMap((x) => (x.kind === 'update' ? [x] : []));
    await this.#rename(updates.flatMap((u) => (u.name ? [{ unit: u.unit, name: u.name }] : [])));
    for (const u of updates) {
      if (u.parentId) await this.#move(u.unit, u.parentId);
      const keys = Object.keys(u.profile) as (keyof typeof u.profile)[];
      if (keys.length) {
        await schools.updateSchool(this.#trx, u.unit.id, u.profile);
        const before = Object.fromEntries(keys.map((k) => [k, u.before[k]]));
        await this.#audit('org.school.update', 'school', u.unit.id, before, u.profile);
      }
    }
  }

  /** The history events, the closure (once, if the tree's shape changed) and a summary audit entry. */
  async finish(action: string, entityType: string, summary: unknown): Promise<void> {
    await xrepo.insertEvents(this.#trx, this.#events);
    if (this.#structural) await repo.rebuildClosure(this.#trx);
    await this.#p.audit.record(this.#trx, this.#actor, { action, entityType, after: summary });
  }

  /**
   * As OrgHistoryService.rename, effective today. A name given today (a new unit, or a rename
   * earlier today) is corrected in place rather than recorded as a one-day name.
   */
  async #rename(renames: { unit: xrepo.UnitRef; name: string }[]): Promise<void> {
    const starts = await xrepo.findNameStarts(
      this.#trx,
      renames.map((r) => r.unit.id),
    );
    const today = this.#today;
    for (const { unit, name } of renames) {
      const since = starts.get(unit.id) ?? unit.valid_from;
      if (!since || since < today) await repo.insertFormerName(this.#trx, unit.id, unit.name, since, dayBefore(today));
      await repo.updateUnit(this.#trx, unit.id, { name });
      this.#event('renamed', unit.id, today);
      await this.#audit('org.unit.rename', 'org_unit', unit.id, { name: unit.name }, { name, effectiveDate: today });
    }
  }

  async #move(unit: xrepo.UnitRef, parentId: string): Promise<void> {
    await repo.updateUnit(this.#trx, unit.id, { parent_id: parentId });
    this.#event('moved', unit.id, this.#today);
    const after = { parentId, effectiveDate: this.#today };
    await this.#audit('org.unit.move', 'org_unit', unit.id, { parentId: unit.parent_id }, after);
    this.#structural = true;
  }

  #event(kind: xrepo.EventRow['kind'], unitId: string, date: string): void {
    const by = actorLabel(this.#actor).id;
    this.#events.push({ id: randomUUID(), kind, effective_date: date, created_by: by, unit_id: unitId });
  }

  async #audit(action: string, entityType: string, unitId: string, before: unknown, after: unknown): Promise<void> {
    await this.#p.audit.record(this.#trx, this.#actor, { action, entityType, entityId: unitId, unitId, before, after });
  }
}

/** 'yyyy-mm-dd' of the day after. */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
