import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierEngine, dossierEngine } from '../../src/server/modules/dossiers/dossier-engine.ts';
import type { AnonymousActor } from '../../src/server/platform/actor.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * Scopes are subtrees: a school sees its own dossiers, the commune officer those of its schools,
 * the province everything; configuration (procedures, holidays) is the province's.
 * A: Trường Tiểu học số 1 Tịnh Khê; B: Trường Tiểu học Đăk Hà.
 */
let ctx: TestContext;
let engine: DossierEngine;
const who: Record<string, Client> = {};
const dossier = { A: '', B: '' };
const applicant: AnonymousActor = { kind: 'anonymous', requestId: null, ip: null, locale: 'vi' };

const unitOf = async (c: Client) => (await c.get('/api/auth/me')).body.user.grants[0].unitId as string;

beforeAll(async () => {
  ctx = await createTestContext();
  engine = dossierEngine(ctx.platform);
  for (const u of ['admin', 'so.lanhdao', 'xa.tinhkhe', 'xa.dakha', 'ht.thso1tinhkhe', 'ht.thdakha', 'gv.tranquoctuan'])
    who[u] = await login(ctx, u);
  for (const [k, u] of [
    ['A', 'ht.thso1tinhkhe'],
    ['B', 'ht.thdakha'],
  ] as const) {
    const r = await engine.applicants.submitNew(
      applicant,
      {
        procedureCode: 'CHUYEN_TRUONG',
        unitId: await unitOf(who[u]!),
        applicantKey: `hmac-acc-${k}-0000001`,
        contact: { email: 'a@example.com' },
      },
      { idempotencyKey: `acc-key-${k}-000001`, skipRequiredDocuments: true },
    );
    dossier[k] = r.dossierId;
  }
});
afterAll(() => ctx.close());

const sees = async (c: Client, id: string) => (await c.get(`/api/dossiers/${id}`)).status === 200;
const lists = async (c: Client, id: string) => {
  const r = await c.get('/api/dossiers?pageSize=200');
  return r.status === 200 && r.body.items.some((x: { id: string }) => x.id === id);
};
const canReview = async (c: Client, id: string) => {
  const v = (await who.admin!.get(`/api/dossiers/${id}`)).body.version;
  const r = await c.post(`/api/dossiers/${id}/actions`, { action: 'start_review', expectedVersion: v });
  return r.status === 200;
};

// actor → [read A, list A, read B, list B]
const matrix: [string, boolean[]][] = [
  ['admin', [true, true, true, true]],
  ['xa.tinhkhe', [true, true, false, false]],
  ['xa.dakha', [false, false, true, true]],
  ['ht.thso1tinhkhe', [true, true, false, false]],
  ['ht.thdakha', [false, false, true, true]],
  ['so.lanhdao', [false, false, false, false]],
  ['gv.tranquoctuan', [false, false, false, false]],
];

describe('access matrix', () => {
  it.each(matrix)('%s reads and lists only the dossiers of its subtree', async (actor, expected) => {
    const c = who[actor]!;
    expect([
      await sees(c, dossier.A),
      await lists(c, dossier.A),
      await sees(c, dossier.B),
      await lists(c, dossier.B),
    ]).toEqual(expected);
  });

  it("answers another school's dossier with access.denied and refuses to act on it", async () => {
    const r = await who['ht.thdakha']!.get(`/api/dossiers/${dossier.A}`);
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('access.denied');
    expect(await canReview(who['ht.thdakha']!, dossier.A)).toBe(false);
    expect(await canReview(who['ht.thso1tinhkhe']!, dossier.A)).toBe(true);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await ctx.app.inject('/api/dossiers')).statusCode).toBe(401);
  });

  it("shows the outbox to staff who answer families, each only their own units' messages", async () => {
    const ids = async (u: string) =>
      new Set(
        (await who[u]!.get('/api/notify/outbox?pageSize=200')).body.items.map(
          (o: { dossierId: string }) => o.dossierId,
        ),
      );
    expect((await who.admin!.get('/api/notify/outbox')).status).toBe(200);
    const school = await ids('ht.thso1tinhkhe');
    expect(school.has(dossier.A)).toBe(true);
    expect(school.has(dossier.B)).toBe(false);
    const commune = await ids('xa.dakha');
    expect(commune.has(dossier.B)).toBe(true);
    expect(commune.has(dossier.A)).toBe(false);
    expect((await who['gv.tranquoctuan']!.get('/api/notify/outbox')).status).toBe(403);
  });
});

describe('procedures', () => {
  it('can be read by those who handle dossiers, not by others', async () => {
    const list = await who['ht.thso1tinhkhe']!.get('/api/dossiers/procedures');
    expect(list.status).toBe(200);
    expect(list.body.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['TS_LOP1', 'TS_LOP6', 'TS_LOP10', 'BANSAO_VB', 'CHUYEN_TRUONG']),
    );
    const ts1 = list.body.find((p: { code: string }) => p.code === 'TS_LOP1');
    expect(ts1).toMatchObject({
      mode: 'toan_trinh',
      unitType: 'school',
      feeVnd: 0,
      cutoffTime: '17:00',
      ownerModule: 'admissions',
    });
    expect(ts1.documents[0]).toMatchObject({
      code: 'GIAY_KHAI_SINH',
      required: true,
      accepted: ['pdf', 'jpeg', 'png'],
    });
    expect((await who['gv.tranquoctuan']!.get('/api/dossiers/procedures')).status).toBe(403);
  });

  it('are changed only by a province-wide configurer, on the version read, and audited', async () => {
    const p = (await who.admin!.get('/api/dossiers/procedures/CHUYEN_TRUONG')).body;
    expect(
      (
        await who['ht.thso1tinhkhe']!.patch('/api/dossiers/procedures/CHUYEN_TRUONG', {
          expectedVersion: p.version,
          feeVnd: 1,
        })
      ).status,
    ).toBe(403);
    const ok = await who.admin!.patch('/api/dossiers/procedures/CHUYEN_TRUONG', {
      expectedVersion: p.version,
      processingDays: 2,
      feeVnd: 10_000,
      cutoffTime: '16:30',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ processingDays: 2, feeVnd: 10_000, cutoffTime: '16:30', version: p.version + 1 });
    const stale = await who.admin!.patch('/api/dossiers/procedures/CHUYEN_TRUONG', {
      expectedVersion: p.version,
      feeVnd: 0,
    });
    expect(stale.body.error.code).toBe('resource.stale');
    const audit = (await who.admin!.get('/api/audit?entityType=procedure&entityId=CHUYEN_TRUONG')).body.items[0];
    expect(audit).toMatchObject({
      action: 'dossiers.procedure.update',
      before: { processingDays: 3, feeVnd: 0, cutoffTime: '17:00' },
      after: { processingDays: 2, feeVnd: 10_000, cutoffTime: '16:30' },
    });
  });

  it('validates what is entered', async () => {
    const v = (await who.admin!.get('/api/dossiers/procedures/TS_LOP6')).body.version;
    const doc = { code: 'X_DOC', nameVi: 'Giấy tờ', nameEn: 'Paper', required: true, accepted: ['pdf'], maxSizeMb: 5 };
    const bad = [
      { documents: [{ ...doc, accepted: ['exe'] }] },
      { documents: [doc, doc] },
      { documents: [{ ...doc, maxSizeMb: 50 }] },
      { processingDays: -1 },
      { cutoffTime: '25:00' },
      { unitType: 'khong_ton_tai' },
    ];
    for (const patch of bad) {
      const r = await who.admin!.patch('/api/dossiers/procedures/TS_LOP6', { expectedVersion: v, ...patch });
      expect(r.status, JSON.stringify(patch)).toBe(400);
    }
    const dup = await who.admin!.post('/api/dossiers/procedures', {
      code: 'TS_LOP6',
      nameVi: 'Trùng',
      nameEn: 'Duplicate',
      mode: 'mot_phan',
      unitType: 'school',
      processingDays: 1,
      codePrefix: 'ZZ',
    });
    expect(dup.body.error.code).toBe('resource.conflict');
    const prefix = await who.admin!.post('/api/dossiers/procedures', {
      code: 'NEW_ONE',
      nameVi: 'Thủ tục mới',
      nameEn: 'New one',
      mode: 'mot_phan',
      unitType: 'school',
      processingDays: 1,
      codePrefix: 'TS1',
    });
    expect(prefix.body.error.details[0].path).toBe('body.codePrefix');
  });
});

describe('public holidays', () => {
  it('lists the seeded days off and make-up Saturdays of a year', async () => {
    const days = (await who['ht.thso1tinhkhe']!.get('/api/dossiers/holidays?year=2026')).body;
    expect(days.find((d: { day: string }) => d.day === '2026-02-17')).toMatchObject({ kind: 'holiday' });
    expect(days.find((d: { day: string }) => d.day === '2026-01-10')).toMatchObject({ kind: 'working_day' });
  });

  it('are edited by the province, audited, and used for deadlines at once', async () => {
    expect(
      (await who['xa.tinhkhe']!.put('/api/dossiers/holidays/2026-11-24', { nameVi: 'x', nameEn: 'x' })).status,
    ).toBe(403);
    const set = await who.admin!.put('/api/dossiers/holidays/2026-11-24', {
      nameVi: 'Ngày Văn hóa Việt Nam',
      nameEn: 'Vietnam Culture Day',
    });
    expect(set.status).toBe(200);
    expect((await engine.calendar.get()).holidays.has('2026-11-24')).toBe(true);
    const audit = (await who.admin!.get('/api/audit?entityType=public_holiday&entityId=2026-11-24')).body.items;
    expect(audit[0].action).toBe('dossiers.holiday.set');
    expect((await ctx.app.inject({ method: 'DELETE', url: '/api/dossiers/holidays/2026-11-24' })).statusCode).toBe(401);
    const del = await who.admin!.del('/api/dossiers/holidays/2026-11-24');
    expect(del.status).toBe(204);
    expect((await engine.calendar.get()).holidays.has('2026-11-24')).toBe(false);
  });
});
