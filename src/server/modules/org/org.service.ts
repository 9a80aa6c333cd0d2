import type { z } from 'zod';
import type { SchoolPage, SchoolUpdate, UnitDetail, UnitSummary, UnitType } from '../../../shared/org.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, found } from '../../platform/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { presentSchool, presentUnit, presentUnitType } from './org.presenter.ts';
import * as repo from './org.repository.ts';
import * as schools from './school.repository.ts';

/**
 * Reading the organisation tree and the school directory, and editing school profiles.
 * The tree and directory are public facts (names, codes, addresses of public bodies), readable
 * without signing in; changes need `org.manage` on the unit. Structural changes (rename,
 * merge, split, move) are in org-history.service.ts.
 */
export class OrgService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async unitTypes(): Promise<UnitType[]> {
    return (await repo.listUnitTypes(this.#p.db)).map(presentUnitType);
  }

  async children(parentId: string | null, includeExpired: boolean): Promise<UnitSummary[]> {
    return (await repo.listChildren(this.#p.db, parentId, includeExpired)).map(presentUnit);
  }

  async communes(): Promise<UnitSummary[]> {
    return (await repo.listCommunes(this.#p.db)).map(presentUnit);
  }

  async unit(id: string): Promise<UnitDetail> {
    const db = this.#p.db;
    const unit = found(await repo.findUnit(db, id));
    const [ancestors, names, events, school] = await Promise.all([
      repo.findAncestors(db, id),
      repo.findNames(db, id),
      repo.findEvents(db, id),
      schools.findSchool(db, id),
    ]);
    return {
      ...presentUnit(unit),
      ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, typeCode: a.type_code })),
      names: names.map((n) => ({ name: n.name, validFrom: n.valid_from, validTo: n.valid_to })),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        effectiveDate: e.effective_date,
        decisionRef: e.decision_ref,
        note: e.note,
        from: e.from,
        to: e.to,
      })),
      school: school ? presentSchool(school) : null,
    };
  }

  /** The unit's name as it was on `day` (records keep the unit they were made under). */
  async nameAt(id: string, day: string): Promise<string> {
    return found(await repo.findNameAt(this.#p.db, id, day));
  }

  async searchSchools(filter: schools.SchoolFilter): Promise<SchoolPage> {
    const { items, total } = await schools.searchSchools(this.#p.db, filter);
    return { items: items.map(presentSchool), total, page: filter.page, pageSize: filter.pageSize };
  }

  async school(id: string) {
    return presentSchool(found(await schools.findSchool(this.#p.db, id)));
  }

  async updateSchool(actor: Actor, id: string, patch: z.output<typeof SchoolUpdate>) {
    await this.#p.access.require(actor, 'org.manage', { unitId: id });
    return this.#p.db.transaction().execute(async (trx) => {
      const before = found(await schools.findSchool(trx, id));
      if (!before.active) throw new AppError('org.invalid_operation', { hint: expiredHint });
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      await schools.updateSchool(trx, id, set);
      const after = found(await schools.findSchool(trx, id));
      await this.#p.audit.record(trx, actor, {
        action: 'org.school.update',
        entityType: 'school',
        entityId: id,
        unitId: id,
        before: presentSchool(before),
        after: presentSchool(after),
      });
      return presentSchool(after);
    });
  }
}

export const expiredHint = { vi: 'Đơn vị đã ngừng hoạt động.', en: 'The unit no longer exists.' };
