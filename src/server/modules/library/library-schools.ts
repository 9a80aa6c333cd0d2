import type { Actor } from '../../platform/actor.ts';
import type { OrgService } from '../org/org.service.ts';

const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

interface UnitFacts {
  name: string;
  isSchool: boolean;
}

/**
 * Schools as the library needs them, read through the org module's service and kept for a
 * minute: whether a unit is a school (resources are owned by schools), its name (the Dublin
 * Core publisher), and the school of a user (defaults, usage statistics).
 */
export class LibrarySchools {
  readonly #org: OrgService;
  readonly #cache = new Map<string, { at: number; facts: UnitFacts | undefined }>();

  constructor(org: OrgService) {
    this.#org = org;
  }

  async facts(id: string): Promise<UnitFacts | undefined> {
    const hit = this.#cache.get(id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.facts;
    const u = await this.#org.unit(id).catch(() => undefined);
    const facts = u && { name: u.name, isSchool: u.typeCode === 'school' && u.active };
    if (this.#cache.size >= MAX_ENTRIES) this.#cache.clear();
    this.#cache.set(id, { at: Date.now(), facts });
    return facts;
  }

  /** The schools the actor holds a grant on (with `permission` when given), in grant order. */
  async schoolsOf(actor: Actor, permission?: string): Promise<string[]> {
    if (actor.kind !== 'user') return [];
    const units = [
      ...new Set(actor.grants.filter((g) => !permission || g.permissions.includes(permission)).map((g) => g.unitId)),
    ];
    const facts = await Promise.all(units.map((u) => this.facts(u)));
    return units.filter((_, i) => facts[i]?.isSchool);
  }
}
