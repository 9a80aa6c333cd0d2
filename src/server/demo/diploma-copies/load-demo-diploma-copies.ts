import { sql } from 'kysely';
import { copyServices } from '../../modules/diploma-copies/diploma-copies.module.ts';
import { diplomaServices } from '../../modules/diplomas/diplomas.module.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';

/**
 * Demo certified-copy requests — SYNTHETIC: contacts nobody owns (090000xxxx), diplomas of the
 * demo registers (serials "DM …", loaded by load-demo-diplomas.ts first). Three requests from
 * their holders: one issued (signed with the demo certificate, ready to collect), two waiting
 * in the queue of the diploma officer `so.vanbang`. Idempotent: nothing is added once any
 * request exists.
 */
export async function loadDemoDiplomaCopies(p: Platform): Promise<void> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM diploma_copy_requests`.execute(p.db);
  if ((rows[0]?.n ?? 0) > 0) return;
  const system = systemActor('demo');
  const entries = diplomaServices(p).entries;
  const copies = copyServices(p);
  const settings = await copies.staff.settings(system);
  const filed: { dossierId: string; entryId: string }[] = [];
  for (const [i, serial] of ['DM 000001', 'DM 000002', 'DM 000003'].entries()) {
    const entry = (await entries.search(system, { serial, page: 1, pageSize: 1 })).items[0];
    if (!entry) continue;
    const d = entry.birthDate;
    const receipt = await copies.requests.fileFor(
      { kind: 'anonymous', requestId: null, ip: null, locale: 'vi' },
      { channel: 'sms', address: `+8490000${String(1001 + i)}` },
      {
        requesterKind: 'holder',
        requesterName: entry.fullName,
        holderName: entry.fullName,
        birthDate: d.day && d.month ? `${d.day}/${d.month}/${d.year}` : String(d.year),
        typeCode: entry.typeCode,
        graduationYear: entry.year,
        schoolName: entry.schoolName,
        serial: entry.serial ?? undefined,
        copies: 1 + i,
        delivery: 'pickup',
        expectedTotalVnd: settings.perCopyVnd * (1 + i),
      },
      `demo-diploma-copy-${i + 1}`,
      undefined,
    );
    filed.push({ dossierId: receipt.dossierId, entryId: entry.id });
  }
  const first = filed[0];
  if (!first) return;
  const detail = await copies.staff.detail(system, first.dossierId);
  await copies.staff.issue(system, first.dossierId, {
    entryId: first.entryId,
    expectedVersion: detail.dossier.version,
  });
}
