import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommunes } from '../../src/server/demo/residents/communes.ts';
import { loadDemoResidents } from '../../src/server/demo/residents/load-residents.ts';
import { buildTrickyResidents } from '../../src/server/demo/residents/tricky.ts';
import { setOtpSender } from '../../src/server/platform/otp/otp-provider.ts';
import { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import {
  createOpenRound,
  findTinhKhePrimaries,
  grade1RoundRegisteringNow,
  syntheticChild,
  verifiedContactToken,
} from '../support/admissions.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/**
 * The public admission application (issue 3, item 2) and the staff queue (item 3), on an open
 * grade-1 round of Xã Tịnh Khê whose registration runs now.
 */
let ctx: TestContext;
let commune: Client;
const sender = new MemoryOtpSender();
const tricky = buildTrickyResidents(2027, demoCommunes());
const boy = tricky.twin_boy;
const girl = tricky.twin_girl;
let unit: Awaited<ReturnType<typeof findTinhKhePrimaries>>;
let roundId = '';
let token = '';
const usedIds: string[] = [boy.personalId, girl.personalId];

/** A child the registry does not know (born 2021, province 051). */
function unknownChild(serial: string, gender: 'male' | 'female' = 'male') {
  const child = syntheticChild('051', serial, { dateOfBirth: '2021-05-20', fullName: 'Võ Minh Khang', gender });
  usedIds.push(child.personalId);
  return child;
}

function call(
  method: 'GET' | 'PUT' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return ctx.app.inject({
    method,
    url,
    headers: { 'x-otp-token': token, ...headers },
    remoteAddress: '10.7.0.1',
    ...(payload ? { payload } : {}),
  });
}

const form = (
  child: { personalId: string; dateOfBirth: string; fullName: string; gender: string },
  village: string | null = 'Thôn Trường Thọ',
) => ({
  personalId: child.personalId,
  dateOfBirth: child.dateOfBirth,
  fullName: child.fullName,
  gender: child.gender,
  residence: { communeId: unit.tinhKhe, village },
  wishes: [unit.school2, unit.school1],
  priorityGroup: null,
});

const submit = (body: object, key = randomUUID()) =>
  call('POST', `/api/public/admissions/rounds/${roundId}/applications`, body, { 'idempotency-key': key });

async function count(table: 'admission_applications' | 'admission_application_versions' | 'dossiers'): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
    ctx.platform.db,
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  ctx = await createTestContext();
  setOtpSender(ctx.platform, sender);
  await loadDemoResidents(ctx.platform.db);
  commune = await login(ctx, 'xa.tinhkhe');
  unit = await findTinhKhePrimaries(ctx);
  const round = await createOpenRound(commune, {
    round: grade1RoundRegisteringNow({
      code: 'TS1-TINHKHE-APPLY',
      name: 'Tuyển sinh lớp 1 Tịnh Khê',
      schoolYear: '2027-2028',
      runningUnitId: unit.tinhKhe,
      priorityGroups: [{ code: 'LS', nameVi: 'Con liệt sĩ, thương binh', rank: 1 }],
    }),
    schools: [
      { schoolId: unit.school1, classes: 3, pupilsPerClass: 35 },
      { schoolId: unit.school2, classes: 2, pupilsPerClass: 30 },
    ],
    catchments: [
      { schoolId: unit.school1, communeId: unit.tinhKhe, village: 'Thôn Trường Thọ' },
      { schoolId: unit.school2, communeId: unit.tinhKhe, village: null },
    ],
  });
  roundId = round.id;
  token = await verifiedContactToken(ctx, sender, '0905777001', '10.7.0.1');
});
afterAll(() => ctx.close());

let boyCode = '';

describe('POST /api/public/admissions/rounds/:roundId/applications', () => {
  it('asks for a verified one-time code and a client key', async () => {
    const none = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/admissions/rounds/${roundId}/applications`,
      headers: { 'idempotency-key': randomUUID() },
      payload: form(boy),
    });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('auth.required');
    const noKey = await call('POST', `/api/public/admissions/rounds/${roundId}/applications`, form(boy));
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.code).toBe('request.invalid');
  });

  it('files a registered child and gives the receipt with the wished schools by name', async () => {
    const res = await submit(form(boy));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      dossierCode: expect.stringMatching(/^TS1-\d{4}-\d+$/),
      roundName: 'Tuyển sinh lớp 1 Tịnh Khê',
      schoolWishes: [unit.school2Name, unit.school1Name],
      registryMatch: true,
    });
    expect(Date.parse(body.receivedAt)).not.toBeNaN();
    boyCode = body.dossierCode;
  });

  it('refuses an ID whose birth-year digits contradict the date of birth', async () => {
    const res = await submit({ ...form(unknownChild('700009')), dateOfBirth: '2019-05-20' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.personalId');
  });

  it('refuses wishes outside the round and an unknown priority group', async () => {
    const res = await submit({ ...form(unknownChild('700001')), wishes: [randomUUID()], priorityGroup: 'XX' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.priorityGroup', 'body.wishes.0']);
  });

  it('gives the same receipt, and keeps one row, when the same key is sent twice', async () => {
    const child = unknownChild('700002');
    const key = randomUUID();
    const a = await submit(form(child, null), key);
    const before = await count('admission_applications');
    const b = await submit(form(child, null), key);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json()).toEqual(a.json());
    expect(await count('admission_applications')).toBe(before);
  });

  it('refuses a second application for the same child in the round with dossier.duplicate', async () => {
    const res = await submit(form(boy));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('dossier.duplicate');
  });

  it('makes one dossier of 20 concurrent submissions with one key', async () => {
    const [apps, dossiers] = [await count('admission_applications'), await count('dossiers')];
    const key = randomUUID();
    const all = await Promise.all(Array.from({ length: 20 }, () => submit(form(girl), key)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(all.map((r) => r.json().dossierCode)).size).toBe(1);
    expect(await count('admission_applications')).toBe(apps + 1);
    expect(await count('dossiers')).toBe(dossiers + 1);
  });

  it('accepts a child the registry does not know, with registryMatch false', async () => {
    const res = await submit(form(unknownChild('700003', 'female'), 'Thôn Khê Ba'));
    expect(res.statusCode).toBe(201);
    expect(res.json().registryMatch).toBe(false);
  });

  it('asks for a reason when the residence differs from the registry, and accepts a correction with one', async () => {
    const twin = tricky.rare_diacritic;
    usedIds.push(twin.personalId);
    const child = {
      personalId: twin.personalId,
      dateOfBirth: twin.dateOfBirth,
      fullName: twin.fullName,
      gender: twin.gender,
    };
    const refused = await submit(form(child, 'Thôn Không Có'));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('body.residence.correctionReason');
    const body = form(child, 'Thôn Không Có');
    const fixed = await submit({
      ...body,
      residence: { ...body.residence, correctionReason: 'Gia đình mới chuyển đến' },
    });
    expect(fixed.statusCode).toBe(201);
  });
});

describe('filings arriving together', () => {
  it('files 60 children at once in shared transactions: 60 dossiers, 60 distinct codes, each with its rows', async () => {
    const children = Array.from({ length: 60 }, (_, i) => unknownChild(String(710000 + i), i % 2 ? 'female' : 'male'));
    const before = { apps: await count('admission_applications'), dossiers: await count('dossiers') };
    const all = await Promise.all(children.map((c) => submit(form(c, 'Thôn Khê Ba'))));
    expect(all.map((r) => r.statusCode)).toEqual(Array(60).fill(201));
    const codes = all.map((r) => r.json().dossierCode);
    expect(new Set(codes).size).toBe(60);
    expect(await count('admission_applications')).toBe(before.apps + 60);
    expect(await count('dossiers')).toBe(before.dossiers + 60);
    const { rows } = await sql<{ transitions: number; audits: number; outbox: number; lookups: number }>`
      SELECT (SELECT count(*)::int FROM dossier_transitions t JOIN dossiers d ON d.id = t.dossier_id
               WHERE d.code = ANY(${codes}::text[])) AS transitions,
             (SELECT count(*)::int FROM audit_log a JOIN dossiers d ON d.id::text = a.entity_id
               WHERE d.code = ANY(${codes}::text[])) AS audits,
             (SELECT count(*)::int FROM notification_outbox o JOIN dossiers d ON d.id = o.dossier_id
               WHERE d.code = ANY(${codes}::text[])) AS outbox,
             (SELECT count(*)::int FROM population_lookups WHERE purpose = 'admissions.apply'
               AND request_id IS NOT NULL) AS lookups`.execute(ctx.platform.db);
    expect(rows[0]).toMatchObject({ transitions: 120, audits: 120, outbox: 60 });
    expect(rows[0]!.lookups).toBeGreaterThanOrEqual(60);
  });

  it('refuses only the second of two keys for one child sent together, and gives each key its own answer', async () => {
    const child = unknownChild('720001');
    const [a, b, c] = await Promise.all([
      submit(form(child, null)),
      submit(form(child, null)),
      submit(form(unknownChild('720002'), null)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('dossier.duplicate');
    expect(c.statusCode).toBe(201);
  });
});

describe('POST /api/admissions/rounds/:roundId/applications/assisted', () => {
  const assisted = (who: Client, body: object, key = randomUUID()) =>
    who.post(`/api/admissions/rounds/${roundId}/applications/assisted`, body, { 'idempotency-key': key });
  const inPerson = (child: ReturnType<typeof unknownChild>) => ({
    ...form(child, 'Thôn Khê Ba'),
    contact: { channel: 'sms', address: '0905 123 456' },
    consent: true,
  });

  it("files for a parent in person, names the clerk in the dossier's history and keeps the consent", async () => {
    const key = randomUUID();
    const res = await assisted(commune, inPerson(unknownChild('730001')), key);
    expect(res.status).toBe(201);
    expect(res.body.dossierCode).toMatch(/^TS1-/);
    const again = await assisted(commune, inPerson(unknownChild('730001')), key);
    expect(again.body).toEqual(res.body);
    const { rows } = await sql<{ actor_name: string; form: { assisted?: { consent: boolean } }; phone: string }>`
      SELECT t.actor_name, d.form, d.contact_phone AS phone FROM dossiers d
      JOIN dossier_transitions t ON t.dossier_id = d.id AND t.action = 'submit'
      WHERE d.code = ${res.body.dossierCode}`.execute(ctx.platform.db);
    expect(rows[0]!.actor_name).toBeTruthy();
    expect(rows[0]!.form.assisted?.consent).toBe(true);
    expect(rows[0]!.phone).toBe('+84905123456');
  });

  it('needs the consent and a valid contact', async () => {
    const noConsent = await assisted(commune, { ...inPerson(unknownChild('730002')), consent: false });
    expect(noConsent.status).toBe(400);
    const badPhone = await assisted(commune, {
      ...inPerson(unknownChild('730003')),
      contact: { channel: 'sms', address: '12' },
    });
    expect(badPhone.status).toBe(400);
  });

  it("refuses a school head of another commune's school and anonymous callers", async () => {
    const other = await login(ctx, 'ht.thdakha');
    expect((await assisted(other, inPerson(unknownChild('730004')))).status).toBe(403);
    const anon = await ctx.app.inject({
      method: 'POST',
      url: `/api/admissions/rounds/${roundId}/applications/assisted`,
      headers: { 'idempotency-key': randomUUID() },
      payload: inPerson(unknownChild('730005')),
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('drafts', () => {
  const url = () => `/api/public/admissions/rounds/${roundId}/draft`;
  const child = { personalId: '', dateOfBirth: '2021-05-20' };

  it('saves a draft and reads it back after the tab was closed', async () => {
    child.personalId = unknownChild('700010').personalId;
    const saved = await call('PUT', url(), { ...child, form: { fullName: 'Nguyễn Thị Mai', wishes: [unit.school1] } });
    expect(saved.statusCode, saved.body).toBe(200);
    const back = await call('GET', `${url()}`, undefined, {
      'x-child-id': child.personalId,
      'x-child-dob': child.dateOfBirth,
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().form).toEqual({ fullName: 'Nguyễn Thị Mai', wishes: [unit.school1] });
  });

  it('shows nothing for a wrong date of birth or without a verified code', async () => {
    const wrong = await call('GET', `${url()}`, undefined, {
      'x-child-id': child.personalId,
      'x-child-dob': '2021-05-21',
    });
    expect(wrong.statusCode).toBe(404);
    const anonymous = await ctx.app.inject({
      url: `${url()}`,
      headers: { 'x-child-id': child.personalId, 'x-child-dob': child.dateOfBirth },
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('status, edits and withdrawal', () => {
  const byCode = (code: string) => `/api/public/admissions/applications/${code}`;
  const who = () => ({ personalId: boy.personalId, dateOfBirth: boy.dateOfBirth });

  it("refuses the child's ID in the address: it goes in headers (proxies keep addresses)", async () => {
    const res = await call('GET', `${byCode(boyCode)}?personalId=${boy.personalId}&dateOfBirth=${boy.dateOfBirth}`);
    expect(res.statusCode).toBe(400);
  });

  it('shows the status and public timeline to the right ID and date of birth', async () => {
    const res = await call('GET', `${byCode(boyCode)}`, undefined, {
      'x-child-id': boy.personalId,
      'x-child-dob': boy.dateOfBirth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dossierCode: boyCode, state: 'submitted', childName: boy.fullName, version: 1 });
    expect(res.json().timeline.code).toBe(boyCode);
    // No parents given on the form: the registry's (names and relations, never its phones).
    expect(res.json().guardians.length).toBeGreaterThan(0);
    for (const g of res.json().guardians) expect(g).toMatchObject({ relation: expect.any(String), phone: null });
    expect(res.json()).toMatchObject({ roundId, registerTo: expect.any(String) });
  });

  it('keeps the parents the family gives, validates them, and lets the family correct them', async () => {
    const child = unknownChild('740001', 'female');
    const bad = await submit({
      ...form(child, 'Thôn Khê Ba'),
      guardians: [{ fullName: 'A', relation: 'uncle', phone: '12' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.guardians.0.fullName', 'body.guardians.0.phone', 'body.guardians.0.relation']);
    const guardians = [{ fullName: 'Lê Thị Hồng Nhung', relation: 'mother', phone: '0905123456' }];
    const ok = await submit({ ...form(child, 'Thôn Khê Ba'), guardians });
    expect(ok.statusCode).toBe(201);
    const code = ok.json().dossierCode;
    const who = { 'x-child-id': child.personalId, 'x-child-dob': child.dateOfBirth };
    expect((await call('GET', byCode(code), undefined, who)).json().guardians).toEqual(guardians);
    const father = { fullName: 'Võ Văn Tâm', relation: 'father', phone: null };
    const edited = await call('PATCH', byCode(code), {
      personalId: child.personalId,
      dateOfBirth: child.dateOfBirth,
      guardians: [...guardians, father],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().guardians).toEqual([...guardians, father]);
  });

  it('answers a wrong date of birth exactly like an unknown code', async () => {
    const wrong = await call('GET', `${byCode(boyCode)}`, undefined, {
      'x-child-id': boy.personalId,
      'x-child-dob': '2021-01-01',
    });
    const unknown = await call('GET', byCode('TS1-2026-999999'), undefined, {
      'x-child-id': boy.personalId,
      'x-child-dob': boy.dateOfBirth,
    });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const strip = (b: { error: { requestId?: string } }) => ({ ...b.error, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('keeps the previous version when the parent edits', async () => {
    const res = await call('PATCH', byCode(boyCode), { ...who(), wishes: [unit.school2], priorityGroup: 'LS' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, priorityGroup: 'LS', schoolWishes: [{ id: unit.school2 }] });
    const versions = await ctx.platform.db
      .selectFrom('admission_application_versions as v')
      .innerJoin('admission_applications as a', 'a.dossier_id', 'v.dossier_id')
      .selectAll('v')
      .where('a.dossier_code', '=', boyCode)
      .execute();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1,
      edited_by: 'applicant',
      data: { wishes: [unit.school2, unit.school1], priorityGroup: null },
    });
  });

  it('moves the dossier to the new first wish while the school has not started its review', async () => {
    const moved = await call('PATCH', byCode(boyCode), { ...who(), wishes: [unit.school1, unit.school2] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().schoolWishes.map((w: { id: string }) => w.id)).toEqual([unit.school1, unit.school2]);
    const { rows } = await sql<{ unit_id: string }>`SELECT unit_id FROM dossiers WHERE code = ${boyCode}`.execute(
      ctx.platform.db,
    );
    expect(rows[0]!.unit_id).toBe(unit.school1);
    const principal = await login(ctx, 'ht.thso1tinhkhe');
    const queue = await principal.get(`/api/admissions/rounds/${roundId}/applications?q=${boyCode}`);
    expect(queue.body.items.map((i: { dossierCode: string }) => i.dossierCode)).toEqual([boyCode]);
    // Once the school reviews it, the first wish stays: withdraw and apply again.
    const id = queue.body.items[0].dossierId;
    const v = (await principal.get(`/api/dossiers/${id}`)).body.version;
    expect(
      (await principal.post(`/api/dossiers/${id}/actions`, { action: 'start_review', expectedVersion: v })).status,
    ).toBe(200);
    const back = await call('PATCH', byCode(boyCode), { ...who(), wishes: [unit.school2, unit.school1] });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.messages.vi).toContain('rút hồ sơ và nộp lại');
  });

  it('lets the parent withdraw and apply again in the same round', async () => {
    const res = await call('POST', `${byCode(boyCode)}/withdraw`, { ...who(), reason: 'Gia đình chuyển nơi ở' });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('withdrawn');
    const again = await submit(form(boy));
    expect(again.statusCode).toBe(201);
    expect(again.json().dossierCode).not.toBe(boyCode);
  });
});

describe('GET /api/admissions/rounds/:roundId/applications', () => {
  const url = () => `/api/admissions/rounds/${roundId}/applications`;

  it('shows the commune officer the whole round, searchable without accents, and audits the view', async () => {
    const all = await commune.get(url());
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(5);
    const found = await commune.get(`${url()}?q=tran gia han`);
    expect(found.body.items.map((i: { childName: string }) => i.childName)).toEqual([girl.fullName]);
    const audit = await ctx.platform.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'admissions.application.view')
      .execute();
    expect(audit.map((a) => a.entity_id)).toContain(found.body.items[0].dossierId);
  });

  it('shows a principal only the applications whose first wish is the school', async () => {
    const principal = await login(ctx, 'ht.thso1tinhkhe');
    const res = await principal.get(url());
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { childName: string }) => i.childName)).not.toContain(girl.fullName);
    expect(res.body.items.every((i: { firstWish: { id: string } }) => i.firstWish.id === unit.school1)).toBe(true);
  });

  it('filters by registry match, priority group and overdue, and counts by state across the other filters', async () => {
    const all = await commune.get(`${url()}?pageSize=200`);
    const unknown = await commune.get(`${url()}?registryMatch=false&pageSize=200`);
    expect(unknown.body.total).toBeGreaterThan(0);
    expect(unknown.body.items.every((i: { registryMatch: boolean }) => !i.registryMatch)).toBe(true);
    const known = await commune.get(`${url()}?registryMatch=true&pageSize=200`);
    expect(known.body.total + unknown.body.total).toBe(all.body.total);
    const none = await commune.get(`${url()}?priorityGroup=none`);
    const ls = await commune.get(`${url()}?priorityGroup=LS`);
    expect(ls.body.items.every((i: { priorityGroup: string }) => i.priorityGroup === 'LS')).toBe(true);
    expect(none.body.total + ls.body.total).toBe(all.body.total);
    expect((await commune.get(`${url()}?overdue=true`)).body.total).toBe(0);
    expect((await commune.get(`${url()}?overdue=false`)).body.total).toBe(all.body.total);
    const counts: Record<string, number> = all.body.countsByState;
    expect(Object.values(counts).reduce((a, n) => a + n, 0)).toBe(all.body.total);
    const submitted = await commune.get(`${url()}?state=submitted`);
    expect(submitted.body.countsByState).toEqual(counts);
    expect(submitted.body.total).toBe(counts.submitted);
    expect((await commune.get(`${url()}?registryMatch=maybe`)).status).toBe(400);
  });

  it('asks anonymous callers to sign in', async () => {
    expect((await ctx.app.inject(url())).statusCode).toBe(401);
  });
});

describe('personal data', () => {
  it('stores no raw personal ID in applications, versions, drafts, dossiers or the audit log', async () => {
    for (const table of [
      'admission_applications',
      'admission_application_versions',
      'admission_application_drafts',
      'dossiers',
      'audit_log',
    ]) {
      const { rows } = await sql<{ t: string }>`SELECT coalesce(string_agg(to_jsonb(x)::text, ' '), '') AS t
        FROM ${sql.table(table)} x`.execute(ctx.platform.db);
      for (const id of usedIds) expect(rows[0]!.t, `${table} holds ${id}`).not.toContain(id);
    }
  });
});
