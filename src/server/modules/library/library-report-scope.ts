import type { SchoolProfile } from '../../../shared/org.schema.ts';
import type { Permission } from '../../platform/access/permissions.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import type { OrgService } from '../org/org.service.ts';
import { unitsUnder } from './library-stats.repository.ts';

/**
 * Reading the library's usage statistics and the contribution report of schools (0019).
 * Typed through the catalogue of platform/access/permissions.ts.
 */
export const LIBRARY_REPORT: Permission = 'library.report';

/** The Sở's own units: a report grant on them reads the whole province (their subtree holds no school). */
const DEPARTMENT_TYPES = new Set(['department', 'division']);
const TTL_MS = 60_000;

export interface ReportScope {
  /** Every school (and readers of no school). */
  all: boolean;
  /** The units whose schools are covered, as shown on the report. */
  units: { id: string; name: string }[];
  /** With `all` false: the units below the roots. */
  covered: Set<string>;
}

/**
 * Who sees which schools in the library's report: a `library.report` grant on a unit covers the
 * schools below it (a commune officer: the commune's schools), and one on the Sở or a division of
 * it covers the province (the Sở's staff hold their grants on divisions, which have no schools
 * below them). The school directory comes from the org module's service, cached for a minute.
 */
export class ReportScopes {
  readonly #p: Platform;
  readonly #org: OrgService;
  #schools: { at: number; list: Promise<SchoolProfile[]> } | null = null;

  constructor(platform: Platform, org: OrgService) {
    this.#p = platform;
    this.#org = org;
  }

  async of(actor: Actor): Promise<ReportScope> {
    await this.#p.access.require(actor, LIBRARY_REPORT);
    if (actor.kind !== 'user') return { all: true, units: [], covered: new Set() };
    const granted = [
      ...new Set(actor.grants.filter((g) => g.permissions.includes(LIBRARY_REPORT)).map((g) => g.unitId)),
    ];
    const roots = new Map<string, { id: string; name: string; top: boolean }>();
    for (const id of granted) {
      const unit = await this.#org.unit(id);
      const province = DEPARTMENT_TYPES.has(unit.typeCode)
        ? unit.ancestors.findLast((a) => a.typeCode === 'province')
        : undefined;
      const root = province
        ? { id: province.id, name: province.name, top: unit.ancestors[0]?.id === province.id }
        : { id: unit.id, name: unit.name, top: unit.parentId === null };
      roots.set(root.id, root);
    }
    const units = [...roots.values()].map(({ id, name }) => ({ id, name }));
    if ([...roots.values()].some((r) => r.top)) return { all: true, units, covered: new Set() };
    return { all: false, units, covered: await unitsUnder(this.#p.db, [...roots.keys()]) };
  }

  /** Whether the scope covers a school. */
  covers(scope: ReportScope, schoolId: string): boolean {
    return scope.all || scope.covered.has(schoolId);
  }

  /** Every school of the directory, expired ones too (they keep their history). */
  async schools(): Promise<SchoolProfile[]> {
    if (!this.#schools || Date.now() - this.#schools.at > TTL_MS) {
      const list = this.#loadSchools();
      this.#schools = { at: Date.now(), list };
      list.catch(() => {
        this.#schools = null;
      });
    }
    return this.#schools.list;
  }

  async #loadSchools(): Promise<SchoolProfile[]> {
    const all: SchoolProfile[] = [];
    for (let page = 1; ; page++) {
      const p = await this.#org.searchSchools({ includeExpired: true, page, pageSize: 200 });
      all.push(...p.items);
      if (p.items.length < 200 || all.length >= p.total) return all;
    }
  }
}
