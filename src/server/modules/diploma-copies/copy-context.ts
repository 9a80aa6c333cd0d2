import { sql } from 'kysely';
import type { OtpPurpose } from '../../../shared/population.schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { keyedHash } from '../../platform/otp/keyed-hash.ts';
import { serverSecret } from '../../platform/otp/server-secret.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { readSettings, setHandlingUnit } from './copies.repository.ts';

/** The procedure the requests are dossiers of (seeded in 0004, timed in 0027). */
export const PROCEDURE = 'BANSAO_VB';

/**
 * The one-time-code purpose of the public request and status pages. `dossiers.track` (follow a
 * dossier) is the generic purpose of the platform; a dedicated purpose would need a line in
 * src/shared/population.schema.ts.
 */
export const COPY_PURPOSE: OtpPurpose = 'dossiers.track';

/**
 * The applicant key of a request: an HMAC of the verified contact (the request is the
 * contact's; the same phone sees its requests, and nobody else's). Never the address itself.
 */
export async function applicantKeyOfContact(p: Platform, address: string): Promise<string> {
  return keyedHash(await serverSecret(p), 'address', `diploma-copy:${address}`);
}

/** The diploma types (the registry's reference data) for the form and the copy's title. */
export async function listTypes(db: Executor) {
  const { rows } = await sql<{ code: string; name_vi: string; name_en: string }>`
    SELECT code, name_vi, name_en FROM diploma_types ORDER BY sort_order, code`.execute(db);
  return rows;
}

export interface HandlingUnit {
  id: string;
  name: string;
  /** The body above it, as printed in the heading ("Ủy ban nhân dân tỉnh Quảng Ngãi"). */
  parentName: string;
}

const units = new WeakMap<Platform, { at: number; unit: Promise<HandlingUnit> }>();
const TTL_MS = 60_000;

/**
 * The unit that handles requests: the one set in diploma_copy_settings, else the first living
 * unit of type 'department' under a root of the organisation tree (today's Sở), remembered.
 * Read through the org module's service.
 */
export function handlingUnit(p: Platform): Promise<HandlingUnit> {
  const hit = units.get(p);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.unit;
  const unit = findHandlingUnit(p);
  units.set(p, { at: Date.now(), unit });
  unit.catch(() => units.delete(p));
  return unit;
}

async function findHandlingUnit(p: Platform): Promise<HandlingUnit> {
  const org = new OrgService(p);
  const settings = await readSettings(p.db);
  let id = settings.handling_unit_id;
  if (!id) {
    for (const root of await org.children(null, false)) {
      const dept = (await org.children(root.id, false)).find((u) => u.typeCode === 'department' && u.active);
      if (dept) {
        id = dept.id;
        break;
      }
    }
    if (!id) throw new Error('diploma copies: no living unit of type department to handle requests');
    await setHandlingUnit(p.db, id);
  }
  const unit = await org.unit(id);
  const parent = unit.ancestors.at(-1);
  return { id, name: unit.name, parentName: parent ? parentHeading(parent.name) : '' };
}

/** The heading names the provincial People's Committee, not the province (Nghị định 30/2020/NĐ-CP, Phụ lục I). */
function parentHeading(name: string): string {
  return /^tỉnh |^thành phố /i.test(name) ? `Ủy ban nhân dân ${name.charAt(0).toLowerCase()}${name.slice(1)}` : name;
}
