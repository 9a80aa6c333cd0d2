import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayBefore } from '../../src/server/modules/org/org-history.service.ts';
import {
  formatDate,
  SCHOOL_COLUMNS,
  type SchoolColumnKey,
  todayInVietnam,
  UNIT_COLUMNS,
} from '../../src/server/modules/org/org-xlsx.ts';
import type { UnitColumnKey } from '../../src/server/modules/org/org-xlsx-units-row.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await login(ctx, 'admin');
});
afterAll(() => ctx.close());

type UnitRow = Record<UnitColumnKey, ExcelJS.CellValue>;
type SchoolRow = Record<SchoolColumnKey, ExcelJS.CellValue>;

async function exportBook(): Promise<ExcelJS.Workbook> {
  const res = await ctx.app.inject('/api/org/export.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
  return wb;
}

/** The "Đơn vị" sheet as rows keyed by column, with their Excel row numbers. */
function unitRows(wb: ExcelJS.Workbook): (UnitRow & { n: number })[] {
  const out: (UnitRow & { n: number })[] = [];
  wb.getWorksheet('Đơn vị')!.eachRow((r, n) => {
    if (n === 1) return;
    const row = { n } as UnitRow & { n: number };
    UNIT_COLUMNS.forEach((c, i) => {
      row[c.key] = r.getCell(i + 1).value;
    });
    out.push(row);
  });
  return out;
}

const setUnit = (wb: ExcelJS.Workbook, n: number, key: UnitColumnKey, value: ExcelJS.CellValue) => {
  wb
    .getWorksheet('Đơn vị')!
    .getRow(n)
    .getCell(UNIT_COLUMNS.findIndex((c) => c.key === key) + 1).value = value;
};
const addUnit = (wb: ExcelJS.Workbook, r: Partial<UnitRow>) =>
  wb.getWorksheet('Đơn vị')!.addRow(UNIT_COLUMNS.map((c) => r[c.key] ?? null)).number;
const addSchool = (wb: ExcelJS.Workbook, r: Partial<SchoolRow>) =>
  wb.getWorksheet('Trường học')!.addRow(SCHOOL_COLUMNS.map((c) => r[c.key] ?? null)).number;

/** A workbook with only a units sheet. */
function unitsBook(rows: Partial<UnitRow>[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Đơn vị').addRow(UNIT_COLUMNS.map((c) => c.header));
  for (const r of rows) addUnit(wb, r);
  return wb;
}

async function upload(who: Client, wb: ExcelJS.Workbook, query = '') {
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `gds${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="don-vi.xlsx"\r\n\r\n`),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const headers = {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    cookie: who.cookie,
    'x-csrf-token': who.csrf,
  };
  const res = await ctx.app.inject({ method: 'POST', url: `/api/org/import${query}`, headers, payload });
  return { status: res.statusCode, body: res.json() };
}

const unitIdOf = async (code: string) =>
  (await ctx.platform.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst())?.id;
const detailOf = async (code: string) => (await admin.get(`/api/org/units/${await unitIdOf(code)}`)).body;
const auditCount = async (action: string) => (await admin.get(`/api/audit?action=${action}&pageSize=1`)).body.total;

describe('POST /api/org/import with a "Đơn vị" sheet', () => {
  it('creates a commune with its committee and division, and a school in it, from one exported file', async () => {
    const wb = await exportBook();
    const [units, schools] = [unitRows(wb).length, wb.getWorksheet('Trường học')!.actualRowCount - 1];
    // Children first: the import finds parents anywhere in the sheet.
    addUnit(wb, {
      code: 'QNG.X900.VX',
      name: 'Phòng Văn hóa – Xã hội xã Thử Nghiệm',
      type: 'culture_society_division',
      parent: 'QNG.X900.UB',
    });
    addUnit(wb, { code: 'QNG.X900.UB', name: 'UBND xã Thử Nghiệm', type: 'commune_committee', parent: 'QNG.X900' });
    addUnit(wb, { code: 'QNG.X900', name: 'Xã Thử Nghiệm', type: 'commune', parent: 'QNG', validFrom: '01/01/2026' });
    addSchool(wb, {
      code: '51900001',
      name: 'Trường Mầm non Thử Nghiệm',
      levels: 'Mầm non',
      ownership: 'Công lập',
      commune: 'QNG.X900',
      parent: 'QNG.X900.VX',
    });

    const t0 = performance.now();
    const res = await upload(admin, wb);
    const ms = Math.round(performance.now() - t0);
    console.log(`demo round trip (${units + 3} units + ${schools + 1} schools, 4 new): import took ${ms} ms`);
    expect(res.body).toEqual({ created: 4, updated: 0, unchanged: units + schools, errors: [] });

    const commune = await detailOf('QNG.X900');
    expect(commune).toMatchObject({ typeCode: 'commune', validFrom: '2026-01-01', active: true });
    expect(commune.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const school = (await admin.get(`/api/org/schools/${await unitIdOf('51900001')}`)).body;
    expect(school).toMatchObject({ communeId: commune.id, communeName: 'Xã Thử Nghiệm' });
    const schoolDetail = await detailOf('51900001');
    expect(schoolDetail.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh Quảng Ngãi',
      'Xã Thử Nghiệm',
      'UBND xã Thử Nghiệm',
      'Phòng Văn hóa – Xã hội xã Thử Nghiệm',
    ]);
    const audit = (await admin.get(`/api/audit?action=org.unit.create&entityId=${commune.id}`)).body;
    expect(audit.items[0]).toMatchObject({ actorName: 'admin' });
    expect((await upload(admin, wb)).body).toMatchObject({ created: 0, updated: 0, errors: [] });
  });

  it('renames a ward effective today and keeps the former name in its history', async () => {
    const wb = await exportBook();
    const ward = unitRows(wb).find((r) => r.type === 'ward' && !r.validTo)!;
    setUnit(wb, ward.n, 'name', `${ward.name} Mới`);
    expect((await upload(admin, wb)).body).toMatchObject({ created: 0, updated: 1, errors: [] });
    const detail = await detailOf(String(ward.code));
    expect(detail.name).toBe(`${ward.name} Mới`);
    expect(detail.names).toContainEqual(
      expect.objectContaining({ name: ward.name, validTo: dayBefore(todayInVietnam()) }),
    );
    expect(detail.events.map((e: { kind: string }) => e.kind)).toContain('renamed');
    const audit = (await admin.get(`/api/audit?action=org.unit.rename&entityId=${detail.id}`)).body;
    expect(audit.items[0].after).toMatchObject({ name: `${ward.name} Mới` });
  });

  it('refuses to close a unit with active units under it, and writes nothing from either sheet', async () => {
    const wb = await exportBook();
    const rows = unitRows(wb);
    const tinhKhe = rows.find((r) => r.name === 'Xã Tịnh Khê')!;
    const other = rows.find((r) => r.type === 'division')!;
    setUnit(wb, tinhKhe.n, 'validTo', formatDate(todayInVietnam()));
    setUnit(wb, other.n, 'name', `${other.name} (đổi)`);
    const before = await auditCount('org.');
    const res = await upload(admin, wb);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(res.body.errors).toEqual([
      { row: tinhKhe.n, column: 'Đơn vị: Hiệu lực đến', message: expect.stringContaining('move or close them first') },
    ]);
    expect(res.body.errors[0].message).toContain('UBND xã Tịnh Khê');
    expect((await detailOf(String(tinhKhe.code))).validTo).toBeNull();
    expect((await detailOf(String(other.code))).name).toBe(other.name);
    expect(await auditCount('org.')).toBe(before);
  });

  it('closes a unit with nothing under it: its end date is set and a "dissolved" event recorded', async () => {
    const wb = await exportBook();
    const thanhTra = unitRows(wb).find((r) => r.code === 'QNG.SGD.TT')!;
    // Two days back: "active" is computed with the database's current_date, which in UTC may still be yesterday here.
    const lastDay = dayBefore(dayBefore(todayInVietnam()));
    setUnit(wb, thanhTra.n, 'validTo', formatDate(lastDay));
    expect((await upload(admin, wb, '?dryRun=true')).body).toMatchObject({ updated: 1, errors: [] });
    expect((await detailOf('QNG.SGD.TT')).validTo).toBeNull();

    expect((await upload(admin, wb)).body).toMatchObject({ updated: 1, errors: [] });
    const detail = await detailOf('QNG.SGD.TT');
    expect(detail).toMatchObject({ validTo: lastDay, active: false });
    const dissolved = detail.events.find((e: { kind: string }) => e.kind === 'dissolved');
    expect(dissolved).toMatchObject({ effectiveDate: dayBefore(todayInVietnam()), from: [{ id: detail.id }], to: [] });
    expect((await admin.get(`/api/audit?action=org.unit.dissolve&entityId=${detail.id}`)).body.total).toBe(1);

    // The same file again changes nothing; clearing the end date does not reopen the unit.
    expect((await upload(admin, wb)).body).toMatchObject({ updated: 0, errors: [] });
    setUnit(wb, thanhTra.n, 'validTo', null);
    expect((await upload(admin, wb)).body.errors).toEqual([
      { row: thanhTra.n, column: 'Đơn vị: Hiệu lực đến', message: expect.stringContaining('cannot be reopened') },
    ]);
  });

  it('reports unknown types and parents, wrong parent types and loops, naming the sheet in the column', async () => {
    const res = await upload(
      admin,
      unitsBook([
        { code: 'QNG.X901', name: 'Xã Loại Lạ', type: 'hamlet', parent: 'QNG' },
        { code: 'QNG.X902', name: 'Xã Cấp Trên Lạ', type: 'commune', parent: 'QNG.X999' },
        { code: 'QNG.X903', name: 'Xã Dưới Sở', type: 'commune', parent: 'QNG.SGD' },
        { code: 'QNG.X904.UB', name: 'UBND Vòng A', type: 'commune_committee', parent: 'QNG.X905.UB' },
        { code: 'QNG.X905.UB', name: 'UBND Vòng B', type: 'commune_committee', parent: 'QNG.X904.UB' },
        { code: 'QNG.X906', name: 'Xã Hợp Lệ', type: 'commune', parent: 'QNG' },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Đơn vị: Loại'],
      [3, 'Đơn vị: Mã đơn vị cấp trên'],
      [4, 'Đơn vị: Mã đơn vị cấp trên'],
      [5, 'Đơn vị: Mã đơn vị cấp trên'],
      [6, 'Đơn vị: Mã đơn vị cấp trên'],
    ]);
    expect(res.body.errors[4].message).toContain('QNG.X905.UB → QNG.X904.UB → QNG.X905.UB');
    expect(await unitIdOf('QNG.X906')).toBeUndefined();

    const ok = await upload(
      admin,
      unitsBook([{ code: 'QNG.X906', name: 'Xã Hợp Lệ', type: 'commune', parent: 'QNG' }]),
    );
    expect(ok.body).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
  });

  it('gives a commune officer a row error for a unit outside their commune, and lets them rename their own', async () => {
    const officer = await login(ctx, 'xa.tinhkhe');
    const wb = await exportBook();
    const rows = unitRows(wb);
    const own = rows.find((r) => r.name === 'Phòng Văn hóa – Xã hội xã Tịnh Khê')!;
    const other = rows.find((r) => r.type === 'commune' && r.name !== 'Xã Tịnh Khê' && !r.validTo)!;
    setUnit(wb, own.n, 'name', 'Phòng Văn hóa – Xã hội xã Tịnh Khê (mới)');
    setUnit(wb, other.n, 'name', `${other.name} (đổi)`);
    const added = addUnit(wb, {
      code: 'QNG.X907.UB',
      name: 'UBND Ngoài Xã',
      type: 'commune_committee',
      parent: other.code,
    });
    const res = await upload(officer, wb);
    expect(res.body.errors).toEqual([
      { row: other.n, column: 'Đơn vị: Mã', message: expect.stringContaining('không có quyền') },
      { row: added, column: 'Đơn vị: Mã đơn vị cấp trên', message: expect.stringContaining('không có quyền') },
    ]);
    expect((await detailOf(String(own.code))).name).toBe(own.name);

    const mine = await exportBook();
    setUnit(mine, own.n, 'name', 'Phòng Văn hóa – Xã hội xã Tịnh Khê (mới)');
    expect((await upload(officer, mine)).body).toMatchObject({ updated: 1, errors: [] });
    expect((await detailOf(String(own.code))).name).toBe('Phòng Văn hóa – Xã hội xã Tịnh Khê (mới)');
  });
});
