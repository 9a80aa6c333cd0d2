import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await login(ctx, 'admin');
});
afterAll(() => ctx.close());

const get = async (url: string) => (await ctx.app.inject(url)).json();

describe('school directory search', () => {
  it('finds "Trường THPT Trần Quốc Tuấn" from "truong thpt tran quoc tuan"', async () => {
    const page = await get('/api/org/schools?q=truong%20thpt%20tran%20quoc%20tuan');
    expect(page.items[0].name).toBe('Trường THPT Trần Quốc Tuấn');
  });

  it('folds "d" to "đ"', async () => {
    const page = await get('/api/org/schools?q=dak%20ha&pageSize=50');
    expect(page.total).toBeGreaterThan(0);
    for (const s of page.items) expect(s.name.toLowerCase()).toMatch(/đăk hà|dak ha/);
    expect(page.items.some((s: { name: string }) => s.name.includes('Đăk Hà'))).toBe(true);
  });

  it('finds the same schools typed with accents, without, or in decomposed Unicode', async () => {
    const a = await get(`/api/org/schools?q=${encodeURIComponent('Trần Quốc Tuấn')}`);
    const b = await get('/api/org/schools?q=tran%20quoc%20tuan');
    const c = await get(`/api/org/schools?q=${encodeURIComponent('Trần Quốc Tuấn'.normalize('NFD'))}`);
    expect(b.items).toEqual(a.items);
    expect(c.items).toEqual(a.items);
  });

  it('lists schools in Vietnamese alphabetical order when there is no query', async () => {
    const page = await get('/api/org/schools?pageSize=200');
    const names: string[] = page.items.map((s: { name: string }) => s.name);
    const collator = new Intl.Collator('vi');
    expect([...names].sort(collator.compare)).toEqual(names);
    expect(page.total).toBeGreaterThanOrEqual(300);
  });

  it('filters by level and commune', async () => {
    const thpt = await get('/api/org/schools?level=thpt&pageSize=200');
    expect(thpt.items.every((s: { levels: string[] }) => s.levels.includes('thpt'))).toBe(true);
    const communeId = thpt.items[0].communeId;
    const inCommune = await get(`/api/org/schools?communeId=${communeId}&pageSize=200`);
    expect(inCommune.items.every((s: { communeId: string }) => s.communeId === communeId)).toBe(true);
  });
});

describe('organisation tree', () => {
  it('has the merged province with 96 commune-level units: 86 communes, 9 wards, 1 special zone', async () => {
    const communes: { typeCode: string }[] = await get('/api/org/communes');
    const count = (t: string) => communes.filter((c) => c.typeCode === t).length;
    expect([communes.length, count('commune'), count('ward'), count('special_zone')]).toEqual([96, 86, 9, 1]);
  });

  it('shows one current root, and the former districts only when asked for history', async () => {
    const roots = await get('/api/org/units');
    expect(roots.map((r: { name: string }) => r.name)).toEqual(['Tỉnh Quảng Ngãi']);
    const children = await get(`/api/org/units?parentId=${roots[0].id}`);
    expect(children.some((u: { typeCode: string }) => u.typeCode === 'district')).toBe(false);
    const all = await get(`/api/org/units?parentId=${roots[0].id}&includeExpired=true`);
    const kontum = all.find((u: { name: string }) => u.name === 'Tỉnh Kon Tum');
    expect(kontum).toMatchObject({ active: false, validTo: '2025-06-30' });
  });

  it('reads includeExpired=false as false', async () => {
    const roots = await get('/api/org/units');
    const off = await get(`/api/org/units?parentId=${roots[0].id}&includeExpired=false`);
    expect(off.every((u: { active: boolean }) => u.active)).toBe(true);
    expect((await ctx.app.inject('/api/org/units?includeExpired=maybe')).statusCode).toBe(400);
  });

  it('keeps the history of a commune created from former districts', async () => {
    const communes = await get('/api/org/communes');
    const detail = await get(`/api/org/units/${communes[0].id}`);
    const created = detail.events.find((e: { kind: string }) => e.kind === 'created');
    expect(created.effectiveDate).toBe('2025-07-01');
    expect(created.from.length).toBeGreaterThan(0);
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual(['Tỉnh Quảng Ngãi']);
  });
});

describe('rename, merge and split keep history', () => {
  it('a renamed school shows its old name for a record made before the change', async () => {
    const school = (await get('/api/org/schools?q=tran%20quoc%20tuan')).items[0];
    const r = await admin.post(`/api/org/units/${school.unitId}/rename`, {
      name: 'Trường THPT Trần Quốc Tuấn (tên mới)',
      effectiveDate: '2026-09-01',
      decisionRef: 'QĐ mô phỏng 01/2026',
    });
    expect(r.status).toBe(200);
    expect(r.body.names.at(-1)).toMatchObject({ name: 'Trường THPT Trần Quốc Tuấn', validTo: '2026-08-31' });
    expect((await get(`/api/org/units/${school.unitId}/name-at?date=2019-05-01`)).name).toBe(
      'Trường THPT Trần Quốc Tuấn',
    );
    expect((await get(`/api/org/units/${school.unitId}/name-at?date=2026-09-02`)).name).toBe(
      'Trường THPT Trần Quốc Tuấn (tên mới)',
    );
    const audit = await admin.get(`/api/audit?entityId=${school.unitId}&action=org.unit.rename`);
    expect(audit.body.items[0].before).toEqual({ name: 'Trường THPT Trần Quốc Tuấn' });
  });

  it('merging two schools into a new one expires both, moves nothing away and keeps them under the successor', async () => {
    const communes = await get('/api/org/communes');
    const commune = communes.find((c: { name: string }) => c.name.includes('Tịnh Khê')) ?? communes[0];
    const schools = (await get(`/api/org/schools?communeId=${commune.id}&level=mam_non&pageSize=50`)).items;
    const [a, b] = schools.length >= 2 ? schools : (await get(`/api/org/schools?level=mam_non&pageSize=2`)).items;
    const parentId = (await get(`/api/org/units/${a.unitId}`)).parentId;
    const r = await admin.post('/api/org/units/merge', {
      sourceIds: [a.unitId, b.unitId],
      into: { code: 'DEMO-MERGED-01', name: 'Trường Mầm non Hợp Nhất (mô phỏng)', typeCode: 'school', parentId },
      effectiveDate: '2026-08-15',
      decisionRef: 'QĐ mô phỏng 02/2026',
    });
    expect(r.status).toBe(200);
    const merged = r.body;
    for (const s of [a, b]) {
      const d = await get(`/api/org/units/${s.unitId}`);
      expect(d).toMatchObject({ active: false, validTo: '2026-08-14', parentId: merged.id });
      expect(d.events.at(-1)).toMatchObject({ kind: 'merged', to: [{ id: merged.id }] });
    }
  });

  it('splitting a commune creates the parts, expires it and hands its units to the first part', async () => {
    const roots = await get('/api/org/units');
    const communes = await get('/api/org/communes');
    const source = communes.at(-1);
    const childrenBefore = await get(`/api/org/units?parentId=${source.id}`);
    const r = await admin.post(`/api/org/units/${source.id}/split`, {
      parts: [
        { code: 'DEMO-SPLIT-A', name: 'Xã Thử Nghiệm A', typeCode: 'commune', parentId: roots[0].id },
        { code: 'DEMO-SPLIT-B', name: 'Xã Thử Nghiệm B', typeCode: 'commune', parentId: roots[0].id },
      ],
      effectiveDate: '2026-10-01',
    });
    expect(r.status).toBe(200);
    const firstPart = r.body[0];
    const childrenAfter = await get(`/api/org/units?parentId=${firstPart.id}`);
    expect(childrenAfter.map((c: { id: string }) => c.id).sort()).toEqual(
      childrenBefore.map((c: { id: string }) => c.id).sort(),
    );
    expect((await get(`/api/org/units/${source.id}`)).validTo).toBe('2026-09-30');
  });

  it('refuses a unit under a parent of the wrong type, with a reason in both languages', async () => {
    const communes = await get('/api/org/communes');
    const r = await admin.post('/api/org/units', {
      code: 'DEMO-WRONG',
      name: 'Sở Giáo dục Sai Chỗ',
      typeCode: 'department',
      parentId: communes[0].id,
      validFrom: '2026-01-01',
    });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('org.invalid_operation');
    expect(r.body.error.messages.vi).toContain('Không thể đặt');
  });

  it('refuses a duplicate code', async () => {
    const roots = await get('/api/org/units');
    const body = {
      code: 'DEMO-DUP',
      name: 'Xã Trùng Mã',
      typeCode: 'commune',
      parentId: roots[0].id,
      validFrom: '2026-01-01',
    };
    expect((await admin.post('/api/org/units', body)).status).toBe(201);
    expect((await admin.post('/api/org/units', body)).body.error.code).toBe('resource.conflict');
  });
});
