import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierEngine, dossierEngine } from '../../src/server/modules/dossiers/dossier-engine.ts';
import type { AnonymousActor } from '../../src/server/platform/actor.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * What goes wrong on opening day: two clerks on one dossier, a double click on "Nộp hồ sơ",
 * a retry after a lost answer, the same child filed twice.
 */
let ctx: TestContext;
let engine: DossierEngine;
let principal: Client;
let schoolA: string;
const applicant: AnonymousActor = { kind: 'anonymous', requestId: null, ip: null, locale: 'vi' };
const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

/** CHUYEN_TRUONG needs three documents; the module here says its data came from elsewhere. */
const input = (applicantKey: string, uniqueKey?: string) => ({
  procedureCode: 'CHUYEN_TRUONG',
  unitId: schoolA,
  applicantKey,
  contact: { phone: '0912345678' },
  ...(uniqueKey && { uniqueKey }),
});
const skip = { skipRequiredDocuments: true };

beforeAll(async () => {
  ctx = await createTestContext();
  engine = dossierEngine(ctx.platform);
  principal = await login(ctx, 'ht.thso1tinhkhe');
  schoolA = (await principal.get('/api/auth/me')).body.user.grants[0].unitId;
});
afterAll(() => ctx.close());

describe('two clerks on one dossier', () => {
  it('lets one of two simultaneous actions on the same version win; the other gets resource.stale', async () => {
    const r = await engine.applicants.submitNew(applicant, input('hmac-child-100000000001'), {
      idempotencyKey: 'idem-clerks-00001',
      ...skip,
    });
    const body = { action: 'start_review', expectedVersion: r.version };
    const [a, b] = await Promise.all([
      principal.post(`/api/dossiers/${r.dossierId}/actions`, body),
      principal.post(`/api/dossiers/${r.dossierId}/actions`, body),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.code).toBe('resource.stale');
    const d = (await principal.get(`/api/dossiers/${r.dossierId}`)).body;
    expect(d.transitions.filter((t: { action: string }) => t.action === 'start_review')).toHaveLength(1);
    expect(d.version).toBe(r.version + 1);
  });

  it('refuses an action on a version the clerk did not see', async () => {
    const r = await engine.applicants.submitNew(applicant, input('hmac-child-100000000002'), {
      idempotencyKey: 'idem-clerks-00002',
      ...skip,
    });
    const res = await principal.post(`/api/dossiers/${r.dossierId}/actions`, {
      action: 'start_review',
      expectedVersion: r.version - 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('resource.stale');
  });
});

describe('idempotent submission', () => {
  it('gives one dossier and one receipt for a double click on submit', async () => {
    const d = await engine.applicants.createDraft(applicant, input('hmac-child-100000000003'));
    const [a, b] = await Promise.all([
      engine.applicants.submit(applicant, d.dossierId, 'hmac-child-100000000003', {
        idempotencyKey: 'click-0003',
        ...skip,
      }),
      engine.applicants.submit(applicant, d.dossierId, 'hmac-child-100000000003', {
        idempotencyKey: 'click-0003',
        ...skip,
      }),
    ]);
    expect(a).toEqual(b);
    expect(a.code).toMatch(/^CT-\d{4}-\d{6}$/);
    const again = await engine.applicants.submit(applicant, d.dossierId, 'hmac-child-100000000003', {
      idempotencyKey: 'click-0003',
    });
    expect(again.code).toBe(a.code);
    expect(await engine.applicants.receiptFor('click-0003', 'hmac-child-100000000003')).toMatchObject({ code: a.code });
  });

  it('creates one dossier for concurrent submitNew calls with one key, with the same code', async () => {
    const calls = Array.from({ length: 5 }, () =>
      engine.applicants.submitNew(applicant, input('hmac-child-100000000004'), {
        idempotencyKey: 'burst-0004',
        ...skip,
      }),
    );
    const receipts = await Promise.all(calls);
    expect(new Set(receipts.map((r) => r.dossierId)).size).toBe(1);
    expect(new Set(receipts.map((r) => r.code)).size).toBe(1);
    const rows = await ctx.platform.db
      .selectFrom('dossiers')
      .select('id')
      .where('applicant_key', '=', 'hmac-child-100000000004')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('answers a second submission of a filed dossier under a new key with dossier.invalid_transition', async () => {
    const d = await engine.applicants.createDraft(applicant, input('hmac-child-100000000005'));
    await engine.applicants.submit(applicant, d.dossierId, 'hmac-child-100000000005', {
      idempotencyKey: 'k-0005-a',
      ...skip,
    });
    await expect(
      engine.applicants.submit(applicant, d.dossierId, 'hmac-child-100000000005', {
        idempotencyKey: 'k-0005-b',
        ...skip,
      }),
    ).rejects.toMatchObject({ code: 'dossier.invalid_transition' });
  });

  it("does not hand someone else's receipt to a different applicant using the same key", async () => {
    await expect(
      engine.applicants.submitNew(applicant, input('hmac-child-999999999999'), {
        idempotencyKey: 'burst-0004',
        ...skip,
      }),
    ).rejects.toMatchObject({ code: 'resource.conflict' });
  });

  it('never gives two dossiers the same code, under load', async () => {
    const receipts = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        engine.applicants.submitNew(applicant, input(`hmac-load-${String(i).padStart(8, '0')}`), {
          idempotencyKey: `load-key-${i}`,
          ...skip,
        }),
      ),
    );
    expect(new Set(receipts.map((r) => r.code)).size).toBe(30);
  });
});

describe('one active dossier per person and round (unique key)', () => {
  const unique = 'round-2026-lop1:hmac-child-100000000006';

  it('refuses a second active dossier for the same unique key, whatever the client key', async () => {
    const first = await engine.applicants.submitNew(applicant, input('hmac-child-100000000006', unique), {
      idempotencyKey: 'uniq-0006-a',
      ...skip,
    });
    const same = await engine.applicants.submitNew(applicant, input('hmac-child-100000000006', unique), {
      idempotencyKey: 'uniq-0006-a',
      ...skip,
    });
    expect(same.code).toBe(first.code);
    await expect(
      engine.applicants.submitNew(applicant, input('hmac-child-100000000006', unique), {
        idempotencyKey: 'uniq-0006-b',
        ...skip,
      }),
    ).rejects.toMatchObject({ code: 'dossier.duplicate' });
    await expect(
      engine.applicants.createDraft(applicant, input('hmac-child-100000000006', unique)),
    ).rejects.toMatchObject({
      code: 'dossier.duplicate',
    });
  });

  it('allows a new dossier once the active one is withdrawn', async () => {
    const first = (await engine.applicants.receiptFor('uniq-0006-a', 'hmac-child-100000000006'))!;
    await engine.applicants.withdraw(applicant, first.dossierId, 'hmac-child-100000000006', 'Nộp lại cho đúng trường');
    const again = await engine.applicants.createDraft(applicant, input('hmac-child-100000000006', unique));
    expect(again.state).toBe('draft');
  });

  it('lets only one of two simultaneous first filings through', async () => {
    const key = 'round-2026-lop1:hmac-child-100000000007';
    const results = await Promise.allSettled([
      engine.applicants.submitNew(applicant, input('hmac-child-100000000007', key), {
        idempotencyKey: 'race-7-a',
        ...skip,
      }),
      engine.applicants.submitNew(applicant, input('hmac-child-100000000007', key), {
        idempotencyKey: 'race-7-b',
        ...skip,
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'dossier.duplicate' });
  });
});

describe('idempotent drafts', () => {
  it('returns the same draft for a retried createDraft', async () => {
    const a = await engine.applicants.createDraft(applicant, input('hmac-child-100000000008'), {
      idempotencyKey: 'draft-key-8',
    });
    const b = await engine.applicants.createDraft(applicant, input('hmac-child-100000000008'), {
      idempotencyKey: 'draft-key-8',
    });
    expect(b.dossierId).toBe(a.dossierId);
    await engine.attachments.attachAsApplicant(applicant, a.dossierId, 'hmac-child-100000000008', {
      documentCode: 'HOC_BA',
      filename: 'hoc-ba.pdf',
      body: PDF,
    });
    await expect(
      engine.applicants.submit(applicant, a.dossierId, 'hmac-child-100000000008', { idempotencyKey: 'draft-key-8' }),
    ).rejects.toMatchObject({ code: 'resource.conflict' });
  });

  it('refuses a malformed client key', async () => {
    await expect(
      engine.applicants.createDraft(applicant, input('hmac-child-100000000010'), { idempotencyKey: 'short' }),
    ).rejects.toMatchObject({ code: 'request.invalid', details: [{ path: 'idempotencyKey' }] });
  });

  it('refuses a draft update with a stale version and updates a current one', async () => {
    const d = await engine.applicants.createDraft(applicant, input('hmac-child-100000000009'));
    const upd = await engine.applicants.updateDraft(
      applicant,
      d.dossierId,
      'hmac-child-100000000009',
      { form: { note: 'sửa' }, contact: { email: 'moi@example.com' } },
      { expectedVersion: d.version },
    );
    expect(upd.version).toBe(d.version + 1);
    await expect(
      engine.applicants.updateDraft(
        applicant,
        d.dossierId,
        'hmac-child-100000000009',
        { form: {} },
        { expectedVersion: d.version },
      ),
    ).rejects.toMatchObject({ code: 'resource.stale' });
  });
});
