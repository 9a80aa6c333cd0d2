import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';
import { makeUser } from './archive-support.ts';
import { answersFor, assessmentUrl, dayOffset, openCampaign, unitByCode, uploadedPdf } from './dx-support.ts';

/**
 * The DX index workflow (QĐ 4725/QĐ-BGDĐT): a school self-assesses with evidence, the principal
 * submits before the deadline, the commune evaluates, asks for more evidence, recognises; the Sở
 * publishes; who may see and do what; every change audited.
 */
let ctx: TestContext;
const who: Record<string, Client> = {};
let school: string; // Trường Tiểu học số 1 Tịnh Khê (commune Tịnh Khê)
let other: string; // Trường Tiểu học Đăk Hà (commune Đăk Hà)
const YEAR = 2026;
let url: string;

beforeAll(async () => {
  ctx = await createTestContext();
  for (const u of [
    'so.gdtrh',
    'so.lanhdao',
    'xa.tinhkhe',
    'xa.dakha',
    'ht.thso1tinhkhe',
    'cntt.thso1tinhkhe',
    'ht.thdakha',
  ])
    who[u] = await login(ctx, u);
  who.teacher = await makeUser(ctx, 'gv.thso1', 'teacher', '51000578');
  school = await unitByCode(ctx, '51000578');
  other = await unitByCode(ctx, '62000370');
  await openCampaign(who['so.gdtrh']!, YEAR);
  url = assessmentUrl(YEAR, school);
}, 60_000);
afterAll(() => ctx?.close());

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.platform.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('criteria sets', () => {
  it('lists the QĐ 4725 set and gives its groups of 100 points with the mandatory conditions', async () => {
    const list = await who['so.gdtrh']!.get('/api/dx/criteria-sets');
    expect(list.body.items.map((x: { code: string }) => x.code)).toContain('QD4725-2022');
    const set = await who['so.gdtrh']!.get('/api/dx/criteria-sets/QD4725-2022');
    expect(set.body.mandatoryRule).toBe('cap_level_1');
    const teaching = set.body.definition.groups[0];
    expect(teaching.title).toBe('Chuyển đổi số trong hoạt động dạy, học');
    expect(teaching.criteria.filter((c: { kind: string }) => c.kind === 'mandatory')).toHaveLength(2);
  });
});

describe('campaigns', () => {
  it('are opened by the Sở only, once per year, with dates in order', async () => {
    const dates = { opensOn: dayOffset(-10), submitBy: dayOffset(10), evaluateBy: dayOffset(20) };
    const commune = await who['xa.tinhkhe']!.post('/api/dx/campaigns', {
      year: 2027,
      criteriaSetCode: 'QD4725-2022',
      ...dates,
    });
    expect(commune.status).toBe(403);
    const again = await who['so.gdtrh']!.post('/api/dx/campaigns', {
      year: YEAR,
      criteriaSetCode: 'QD4725-2022',
      ...dates,
    });
    expect(again.status).toBe(409);
    const bad = await who['so.gdtrh']!.post('/api/dx/campaigns', {
      year: 2027,
      criteriaSetCode: 'QD4725-2022',
      ...dates,
      evaluateBy: dayOffset(0),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('body.evaluateBy');
  });
});

describe('self-assessment and submission', () => {
  it('shows an empty draft with the criteria set to the school', async () => {
    const r = await who['ht.thso1tinhkhe']!.get(url);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'draft', version: 0, canEdit: true, canSubmit: true, canEvaluate: false });
    expect(r.body.criteriaSet.definition.groups.map((g: { code: string }) => g.code)).toEqual([
      'teaching',
      'governance',
    ]);
    expect(r.body.deadline).toBe(dayOffset(10));
  });

  it('saves a draft with evidence, computing totals and levels; refuses an option off the scale', async () => {
    const bad = await who['cntt.thso1tinhkhe']!.put(url, {
      answers: [{ criterionCode: 'DH5', option: 'p99', points: null }],
      version: 0,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('body.answers.0.option');
    const script = await who['cntt.thso1tinhkhe']!.put(url, {
      answers: [{ criterionCode: 'DH5', option: 'p30', points: null, evidenceLinks: ['javascript:alert(1)'] }],
      version: 0,
    });
    expect(script.status).toBe(400);
    expect(script.body.error.details[0].path).toBe('body.answers.0.evidenceLinks.0');
    const r = await who['cntt.thso1tinhkhe']!.put(url, {
      answers: [
        { criterionCode: 'DH1', option: 'met', points: null, evidenceText: 'Kế hoạch số 12/KH-TH ngày 05/9/2025' },
        { criterionCode: 'DH4', option: null, points: 12, evidenceLinks: ['https://lms.example.edu.vn'] },
      ],
      version: 0,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.self.teaching).toEqual({ total: 12, mandatoryMet: false, level: 1 });
    expect(r.body.answers.find((a: { criterionCode: string }) => a.criterionCode === 'DH4').evidenceLinks).toEqual([
      'https://lms.example.edu.vn',
    ]);
    const stale = await who['cntt.thso1tinhkhe']!.put(url, { answers: [], version: 0 });
    expect(stale.status).toBe(409);
  });

  it('attaches an uploaded evidence file that the evaluator can open and another commune cannot', async () => {
    const fileId = await uploadedPdf(ctx, 'cntt.thso1tinhkhe', 'ke-hoach-day-hoc-truc-tuyen');
    const notMine = await uploadedPdf(ctx, 'ht.thdakha', 'not-mine');
    const refused = await who['cntt.thso1tinhkhe']!.post(`${url}/evidence`, {
      criterionCode: 'DH1',
      storedFileId: notMine,
    });
    expect(refused.status).toBe(422);
    const r = await who['cntt.thso1tinhkhe']!.post(`${url}/evidence`, { criterionCode: 'DH1', storedFileId: fileId });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ev = r.body.answers.find((a: { criterionCode: string }) => a.criterionCode === 'DH1').files[0];
    expect(ev.filename).toBe('ke-hoach-day-hoc-truc-tuyen.pdf');
    const content = await ctx.app.inject({
      url: `${url}/evidence/${ev.id}`,
      headers: { cookie: who['xa.tinhkhe']!.cookie },
    });
    expect(content.statusCode).toBe(200);
    expect(content.body).toContain('ke-hoach-day-hoc-truc-tuyen');
    const outsider = await who['xa.dakha']!.get(`${url}/evidence/${ev.id}`);
    expect(outsider.status).toBe(403);
  });

  it('refuses submission by IT staff, and an incomplete one by the principal listing what is missing', async () => {
    const cur = await who['ht.thso1tinhkhe']!.get(url);
    const it1 = await who['cntt.thso1tinhkhe']!.post(`${url}/submit`, { version: cur.body.version });
    expect(it1.status).toBe(403);
    const r = await who['ht.thso1tinhkhe']!.post(`${url}/submit`, { version: cur.body.version });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('dx.incomplete');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain('criteria.DH2');
  });

  it('lets the principal submit a complete one; the school can no longer change it', async () => {
    const cur = await who['ht.thso1tinhkhe']!.get(url);
    const saved = await who['ht.thso1tinhkhe']!.put(url, { answers: answersFor(80, 60), version: cur.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.self.teaching).toEqual({ total: 80, mandatoryMet: true, level: 3 });
    expect(saved.body.self.governance.level).toBe(2);
    const sub = await who['ht.thso1tinhkhe']!.post(`${url}/submit`, { version: saved.body.version });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body).toMatchObject({ state: 'submitted', canEdit: false, canSubmit: false });
    const late = await who['cntt.thso1tinhkhe']!.put(url, { answers: [], version: sub.body.version });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('dx.invalid_state');
  });
});

describe('access', () => {
  it('lets a school see only its own assessment and a commune evaluate only its schools', async () => {
    expect((await who['ht.thdakha']!.get(url)).status).toBe(403);
    expect((await who.teacher!.get(url)).status).toBe(403);
    expect((await who['xa.dakha']!.get(url)).status).toBe(403);
    const cur = await who['xa.tinhkhe']!.get(url);
    // The commune holds dx.assess and dx.submit (to create principals) but a school assesses itself.
    expect(cur.body).toMatchObject({ canEdit: false, canSubmit: false });
    expect((await who['xa.tinhkhe']!.post(`${url}/submit`, { version: cur.body.version })).status).toBe(403);
    expect((await who['xa.tinhkhe']!.get('/api/dx/my-schools')).body.items).toEqual([]);
    expect(cur.body.canEvaluate).toBe(true);
    const foreign = await who['xa.dakha']!.post(`${url}/recognise`, { version: cur.body.version });
    expect(foreign.status).toBe(403);
    const q = await who['xa.dakha']!.get(`/api/dx/campaigns/${YEAR}/queue`);
    expect(q.body.items.map((i: { schoolId: string }) => i.schoolId)).not.toContain(school);
    const mine = await who['xa.tinhkhe']!.get(`/api/dx/campaigns/${YEAR}/queue`);
    expect(mine.body.items.map((i: { schoolId: string }) => i.schoolId)).toEqual([school]);
    // the Sở covers the province
    expect((await who['so.lanhdao']!.get(assessmentUrl(YEAR, other))).status).toBe(200);
  });
});

describe('evaluation', () => {
  it('lets the commune change a score with a comment, then ask for more evidence', async () => {
    const cur = await who['xa.tinhkhe']!.get(url);
    const ev = await who['xa.tinhkhe']!.put(`${url}/evaluation`, {
      answers: [{ criterionCode: 'DH3', option: 'no', points: null, comment: 'Chưa có hợp đồng bản quyền phần mềm' }],
      version: cur.body.version,
    });
    expect(ev.status, JSON.stringify(ev.body)).toBe(200);
    expect(ev.body.final.teaching.total).toBe(74);
    expect(ev.body.final.teaching.level).toBe(2);
    expect(ev.body.self.teaching.total).toBe(80);
    const ret = await who['xa.tinhkhe']!.post(`${url}/return`, {
      reason: 'Đề nghị bổ sung minh chứng',
      requests: [{ criterionCode: 'DH3', comment: 'Bổ sung hợp đồng hoặc giấy đăng ký sử dụng phần mềm' }],
      resubmitBy: dayOffset(15),
      version: ev.body.version,
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    expect(ret.body.state).toBe('returned');
    const mail = await ctx.platform.db
      .selectFrom('notification_outbox')
      .select(['subject', 'body'])
      .where('template', '=', 'dx.returned')
      .where('unit_id', '=', school)
      .execute();
    expect(mail.length).toBeGreaterThan(0);
    expect(mail[0]!.body).toContain('Đề nghị bổ sung minh chứng');
  });

  it('shows the school the request and lets it resubmit with more evidence', async () => {
    const cur = await who['ht.thso1tinhkhe']!.get(url);
    expect(cur.body).toMatchObject({ state: 'returned', returnReason: 'Đề nghị bổ sung minh chứng', canEdit: true });
    expect(cur.body.deadline).toBe(dayOffset(15));
    const dh3 = cur.body.answers.find((a: { criterionCode: string }) => a.criterionCode === 'DH3');
    expect(dh3.evidenceRequest).toBe('Bổ sung hợp đồng hoặc giấy đăng ký sử dụng phần mềm');
    expect(dh3.evalComment).toBe('Chưa có hợp đồng bản quyền phần mềm');
    const saved = await who['ht.thso1tinhkhe']!.put(url, {
      answers: [{ criterionCode: 'DH3', option: 'yes', points: null, evidenceText: 'Hợp đồng số 03/2026/HĐ' }],
      version: cur.body.version,
    });
    const sub = await who['ht.thso1tinhkhe']!.post(`${url}/submit`, { version: saved.body.version });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.state).toBe('submitted');
  });

  it('recognises the result, after which the school and the evaluator can no longer change it', async () => {
    const cur = await who['xa.tinhkhe']!.get(url);
    const ev = await who['xa.tinhkhe']!.put(`${url}/evaluation`, {
      answers: [{ criterionCode: 'DH3', option: 'yes', points: null, comment: 'Đã bổ sung hợp đồng' }],
      version: cur.body.version,
    });
    const r = await who['xa.tinhkhe']!.post(`${url}/recognise`, { version: ev.body.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ state: 'recognised', canEvaluate: false, canEdit: false });
    expect(r.body.final.teaching).toEqual({ total: 80, mandatoryMet: true, level: 3 });
    const again = await who['xa.tinhkhe']!.post(`${url}/recognise`, { version: r.body.version });
    expect(again.status).toBe(409);
  });
});

describe('publication', () => {
  it('shows the public nothing before the Sở publishes, and only recognised results after', async () => {
    const anon = (u: string) => ctx.app.inject(u).then((r) => ({ status: r.statusCode, body: r.json() }));
    expect((await anon(`/api/public/dx/${YEAR}/results`)).status).toBe(404);
    expect((await anon('/api/public/dx/years')).body.items).toEqual([]);
    expect((await anon(assessmentUrl(YEAR, school))).status).toBe(401);
    const campaigns = await who['so.gdtrh']!.get('/api/dx/campaigns');
    const c = campaigns.body.items.find((x: { year: number }) => x.year === YEAR);
    expect((await who['xa.tinhkhe']!.post(`/api/dx/campaigns/${YEAR}/publish`, { version: c.version })).status).toBe(
      403,
    );
    const pub = await who['so.gdtrh']!.post(`/api/dx/campaigns/${YEAR}/publish`, { version: c.version });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const res = await anon(`/api/public/dx/${YEAR}/results`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ schoolId: school, teaching: 80, levelTeaching: 3, rank: 1 });
    const ranking = await anon(`/api/public/dx/${YEAR}/ranking`);
    expect(ranking.body.recognised).toBe(1);
    expect(ranking.body.communes.find((x: { rank: number | null }) => x.rank === 1).name).toBe('Xã Tịnh Khê');
  });
});

describe('deadline', () => {
  it('refuses a late self-assessment unless the evaluator reopens it', async () => {
    await openCampaign(who['so.gdtrh']!, 2025, {
      opensOn: dayOffset(-60),
      submitBy: dayOffset(-1),
      evaluateBy: dayOffset(5),
    });
    const u = assessmentUrl(2025, school);
    const cur = await who['ht.thso1tinhkhe']!.get(u);
    expect(cur.body.canEdit).toBe(false);
    const late = await who['ht.thso1tinhkhe']!.put(u, { answers: answersFor(50, 50), version: 0 });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('dx.deadline_passed');
    const re = await who['xa.tinhkhe']!.post(`${u}/reopen`, { until: dayOffset(2), version: 0 });
    expect(re.status, JSON.stringify(re.body)).toBe(200);
    const saved = await who['ht.thso1tinhkhe']!.put(u, { answers: answersFor(50, 50), version: re.body.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sub = await who['ht.thso1tinhkhe']!.post(`${u}/submit`, { version: saved.body.version });
    expect(sub.body.state).toBe('submitted');
  });
});

describe('audit', () => {
  it('records every change of the assessment in order', async () => {
    const cur = await who['ht.thso1tinhkhe']!.get(url);
    expect(await auditActions(cur.body.id)).toEqual([
      'dx.assessment.save',
      'dx.evidence.add',
      'dx.assessment.save',
      'dx.assessment.submit',
      'dx.assessment.evaluate',
      'dx.assessment.return',
      'dx.assessment.save',
      'dx.assessment.submit',
      'dx.assessment.evaluate',
      'dx.assessment.recognise',
    ]);
  });
});
