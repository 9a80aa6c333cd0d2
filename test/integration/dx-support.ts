import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { QD_4725_2022 } from '../../src/server/modules/dx-index/criteria/qd-4725-2022.ts';
import type { Client } from '../support/http.ts';
import type { TestContext } from '../support/test-app.ts';

/** Helpers of the DX index tests (QĐ 4725/QĐ-BGDĐT). */

export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

export function dayOffset(n: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function unitByCode(ctx: TestContext, code: string): Promise<string> {
  return (await ctx.platform.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;
}

/** Living primary/lower-secondary schools of a commune (by the commune's code). */
export async function schoolsOfCommune(ctx: TestContext, communeCode: string): Promise<string[]> {
  const rows = await ctx.platform.db
    .selectFrom('schools as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .innerJoin('org_units as c', 'c.id', 's.commune_id')
    .select('u.id')
    .where('c.code', '=', communeCode)
    .where('u.valid_to', 'is', null)
    .where(sql<boolean>`s.levels && ARRAY['tieu_hoc', 'thcs']::text[]`)
    .orderBy('u.code')
    .execute();
  return rows.map((r) => r.id);
}

export async function openCampaign(
  so: Client,
  year: number,
  dates = { opensOn: dayOffset(-10), submitBy: dayOffset(10), evaluateBy: dayOffset(20) },
) {
  const r = await so.post('/api/dx/campaigns', { year, criteriaSetCode: 'QD4725-2022', ...dates });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

type Answer = { criterionCode: string; option: string | null; points: number | null; evidenceText?: string };

/**
 * Answers of every criterion giving the wanted group totals: options taken greedily from the
 * largest, the rest as the group's points criterion (DH4 up to 14, QT10 up to 10).
 */
export function answersFor(teaching: number, governance: number, mandatoryMet = true): Answer[] {
  const out: Answer[] = [];
  for (const [g, target, pointsCode] of [
    ['teaching', teaching, 'DH4'],
    ['governance', governance, 'QT10'],
  ] as const) {
    let left = target;
    const group = QD_4725_2022.definition.groups.find((x) => x.code === g)!;
    for (const c of group.criteria) {
      if (c.kind === 'mandatory')
        out.push({ criterionCode: c.code, option: mandatoryMet ? 'met' : 'not_met', points: null });
      else if (c.kind === 'options') {
        const o = [...c.options].sort((a, b) => b.points - a.points).find((x) => x.points <= left - 0)!;
        left -= o.points;
        out.push({ criterionCode: c.code, option: o.code, points: null, evidenceText: `Minh chứng ${c.code}` });
      }
    }
    const pc = group.criteria.find((c) => c.code === pointsCode)!;
    if (left > pc.maxPoints) throw new Error(`cannot reach ${target} in ${g}`);
    out.push({ criterionCode: pointsCode, option: null, points: left, evidenceText: `Minh chứng ${pointsCode}` });
  }
  return out;
}

export const assessmentUrl = (year: number, schoolId: string) =>
  `/api/dx/campaigns/${year}/schools/${schoolId}/assessment`;

/** Saves answers and submits, as the school's IT staff then its principal. */
export async function saveAndSubmit(
  filler: Client,
  principal: Client,
  year: number,
  schoolId: string,
  answers: Answer[],
) {
  const url = assessmentUrl(year, schoolId);
  const g = await filler.get(url);
  expect(g.status, JSON.stringify(g.body)).toBe(200);
  const s = await filler.put(url, { answers, version: g.body.version });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const sub = await principal.post(`${url}/submit`, { version: s.body.version });
  expect(sub.status, JSON.stringify(sub.body)).toBe(200);
  return sub.body;
}

/** A stored PDF and a completed 'dx' upload of it owned by the user (what tus leaves behind). */
export async function uploadedPdf(ctx: TestContext, username: string, text: string): Promise<string> {
  const db = ctx.platform.db;
  const bytes = Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const stored = await ctx.platform.storage.put(`uploads/test/${sha}`, bytes, 'application/pdf');
  const f = await db
    .insertInto('stored_files')
    .values({
      storage_key: `uploads/test/${sha}`,
      filename: `${text}.pdf`,
      content_type: 'application/pdf',
      size_bytes: stored.size,
      sha256: stored.sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const owner = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  await db
    .insertInto('uploads')
    .values({
      owner_id: owner.id,
      purpose: 'dx',
      filename: `${text}.pdf`,
      declared_type: 'application/pdf',
      upload_length: bytes.length,
      upload_offset: bytes.length,
      state: 'complete',
      file_id: f.id,
      expires_at: new Date(Date.now() + 3600_000),
    })
    .execute();
  return f.id;
}
