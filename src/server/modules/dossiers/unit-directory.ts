import type { OrgService } from '../org/org.service.ts';

export interface UnitInfo {
  name: string;
  typeCode: string;
  active: boolean;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

/**
 * The units dossiers are handled by, read through the org module's service (a module never
 * reads another module's tables) and kept for a minute: every list page names its units and
 * every new dossier checks its unit, and units change a few times a year.
 */
export class UnitDirectory {
  readonly #org: OrgService;
  readonly #cache = new Map<string, { at: number; unit: UnitInfo | undefined }>();

  constructor(org: OrgService) {
    this.#org = org;
  }

  async get(id: string): Promise<UnitInfo | undefined> {
    const hit = this.#cache.get(id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.unit;
    const u = await this.#org.unit(id).catch(() => undefined);
    const unit = u && { name: u.name, typeCode: u.typeCode, active: u.active };
    if (this.#cache.size >= MAX_ENTRIES) this.#cache.clear();
    this.#cache.set(id, { at: Date.now(), unit });
    return unit;
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const units = await Promise.all(unique.map((id) => this.get(id)));
    return new Map(unique.map((id, i) => [id, units[i]?.name ?? '']));
  }
}
