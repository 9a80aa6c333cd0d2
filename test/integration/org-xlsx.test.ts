import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL_COLUMNS, type SchoolColumnKey, XLSX_MIME } from '../../src/server/modules/org/org-xlsx.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await login(ctx, 'admin');
});
afterAll(() => ctx.close());

type Row = Record<SchoolColumnKey, ExcelJS.CellValue>;
const col = (key: SchoolColumnKey) => SCHOOL_COLUMNS.findIndex((c) => c.key === key) + 1;

async function exportBook(): Promise<ExcelJS.Workbook> {
  const res = await ctx.app.inject('/api/org/export.xlsx');
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer);
  return wb;
}

/** The "Trường học" sheet as rows keyed by column, with their Excel row numbers. */
function schoolRows(wb: ExcelJS.Workbook): (Row & { n: number })[] {
  const ws = wb.getWorksheet('Trường học')!;
  const out: (Row & { n: number })[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const row = { n } as Row & { n: number };
    for (const c of SCHOOL_COLUMNS) row[c.key] = r.getCell(col(c.key)).value;
    out.push(row);
  });
  return out;
}

function setCell(wb: ExcelJS.Workbook, n: number, key: SchoolColumnKey, value: ExcelJS.CellValue) {
  wb.getWorksheet('Trường học')!.getRow(n).getCell(col(key)).value = value;
}

/** A fresh workbook with only the header row and the given rows. */
function bookOf(rows: Partial<Row>[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Trường học');
  ws.addRow(SCHOOL_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(SCHOOL_COLUMNS.map((c) => r[c.key] ?? null));
  return wb;
}

const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

async function upload(who: Client | null, file: Buffer | ExcelJS.Workbook, query = '', type = XLSX_MIME) {
  const body = Buffer.isBuffer(file) ? file : await bytes(file);
  const boundary = `gds${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="truong-hoc.xlsx"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf });
  const res = await ctx.app.inject({ method: 'POST', url: `/api/org/import${query}`, headers, payload });
  return { status: res.statusCode, body: res.json() };
}

const findSchool = async (q: string) =>
  (await ctx.app.inject(`/api/org/schools?includeExpired=true&q=${encodeURIComponent(q)}`)).json().items as {
    unitId: string;
    code: string;
    name: string;
    phone: string | null;
    levels: string[];
    ownership: string;
  }[];
const byCode = async (code: string) => (await findSchool(code)).find((s) => s.code === code);

describe('GET /api/org/export.xlsx', () => {
  it('sends, without sign-in, a workbook of units and every demo school with Vietnamese text intact', async () => {
    const res = await ctx.app.inject('/api/org/export.xlsx');
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''\S+\.xlsx$/,
    );
    const wb = await exportBook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Trường học']);
    const rows = schoolRows(wb);
    expect(rows.length).toBeGreaterThanOrEqual(300);
    const tinhKhe = rows.find((r) => r.name === 'Trường Tiểu học số 1 Tịnh Khê');
    expect(tinhKhe).toMatchObject({ levels: 'Tiểu học', ownership: 'Công lập' });
    expect(rows.every((r) => String(r.name) === String(r.name).normalize('NFC'))).toBe(true);
    const ws = wb.getWorksheet('Trường học')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(col('name')).width).toBeGreaterThan(30);
    const units: string[] = [];
    wb.getWorksheet('Đơn vị')!.eachRow((r) => units.push(`${r.getCell(2).value}|${r.getCell(3).value}`));
    expect(units).toContain('Xã Tịnh Khê|commune');
  });
});

describe('POST /api/org/import', () => {
  it('round-trips: a changed phone, a new name and a new row give created 1, updated 2, and nothing else changes', async () => {
    const wb = await exportBook();
    const rows = schoolRows(wb).filter((r) => !r.validTo);
    const [a, b] = [rows[10]!, rows[20]!];
    setCell(wb, a.n, 'phone', '0255 3 999 001');
    setCell(wb, b.n, 'name', `${b.name} (đổi tên)`);
    const ws = wb.getWorksheet('Trường học')!;
    const added: Partial<Row> = {
      code: '51999001',
      name: 'Trường Mầm non tư thục Hoa Sen Nhập Tệp',
      levels: 'Mầm non',
      ownership: 'Tư thục',
      commune: a.commune,
      parent: a.parent,
      email: 'mn-hoa-sen@demo.giaoducso.invalid',
      validFrom: new Date(Date.UTC(2026, 0, 15)),
    };
    ws.addRow(SCHOOL_COLUMNS.map((c) => added[c.key] ?? null));

    const unitCount = wb.getWorksheet('Đơn vị')!.actualRowCount - 1;
    const t0 = performance.now();
    const res = await upload(admin, wb);
    const ms = Math.round(performance.now() - t0);
    console.log(`demo round trip (${unitCount} units + ${schoolRows(wb).length} schools): import took ${ms} ms`);
    expect(res.status).toBe(200);
    // The units sheet comes back unchanged, row for row.
    const unchanged = unitCount + schoolRows(wb).length - 3;
    expect(res.body).toEqual({ created: 1, updated: 2, unchanged, errors: [] });

    expect((await byCode(String(a.code)))!.phone).toBe('0255 3 999 001');
    const renamed = (await byCode(String(b.code)))!;
    expect(renamed.name).toBe(`${b.name} (đổi tên)`);
    const detail = (await admin.get(`/api/org/units/${renamed.unitId}`)).body;
    expect(detail.names.map((x: { name: string }) => x.name)).toContain(b.name);
    expect(detail.events.map((e: { kind: string }) => e.kind)).toContain('renamed');
    const created = (await byCode('51999001'))!;
    expect(created).toMatchObject({ name: added.name, levels: ['mam_non'], ownership: 'private' });
    const createdDetail = (await admin.get(`/api/org/units/${created.unitId}`)).body;
    expect(createdDetail.validFrom).toBe('2026-01-15');
    expect(createdDetail.ancestors.map((x: { name: string }) => x.name)).toContain('Tỉnh Quảng Ngãi');

    for (const [action, unitId] of [
      ['org.school.update', (await byCode(String(a.code)))!.unitId],
      ['org.unit.rename', renamed.unitId],
      ['org.unit.create', created.unitId],
    ]) {
      const page = (await admin.get(`/api/audit?action=${action}&entityId=${unitId}`)).body;
      expect(page.total, action).toBe(1);
      expect(page.items[0].actorName).toBe('admin');
    }
    const again = await upload(admin, wb);
    expect(again.body).toMatchObject({ created: 0, updated: 0, errors: [] });
  });

  it('corrects a name given earlier today in place instead of recording a one-day name', async () => {
    const wb = await exportBook();
    const b = schoolRows(wb).filter((r) => !r.validTo)[40]!;
    setCell(wb, b.n, 'name', `${b.name} mới`);
    expect((await upload(admin, wb)).body).toMatchObject({ updated: 1, errors: [] });
    setCell(wb, b.n, 'name', `${b.name} (mới)`);
    expect((await upload(admin, wb)).body).toMatchObject({ updated: 1, errors: [] });
    const s = (await byCode(String(b.code)))!;
    const detail = (await admin.get(`/api/org/units/${s.unitId}`)).body;
    expect(detail.name).toBe(`${b.name} (mới)`);
    expect(detail.names.map((x: { name: string }) => x.name)).toEqual([b.name]);
  });

  it('writes nothing when a row is wrong, and lists every error with its row number', async () => {
    const wb = await exportBook();
    const ok = schoolRows(wb).find((r) => !r.validTo)!;
    const good = { levels: 'Tiểu học', ownership: 'Công lập', commune: ok.commune, parent: ok.parent };
    const file = bookOf([
      { ...good, code: '51888001', name: 'Trường Tiểu học Lỗi Xã', commune: 'QNG.X999' },
      { ...good, code: '51888002', name: 'Trường Lỗi Cấp', levels: 'Tiểu học, Đại học' },
      { ...good, code: '51888003', name: 'Trường Trùng Mã A' },
      { ...good, code: '51888003', name: 'Trường Trùng Mã B' },
      { ...good, code: '51888004', name: '' },
      { ...good, code: '51888005', name: 'Trường Tiểu học Hợp Lệ' },
    ]);
    const res = await upload(admin, file);
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Mã xã/phường'],
      [3, 'Cấp học'],
      [5, 'Mã trường'],
      [6, 'Tên trường'],
    ]);
    expect(await byCode('51888005')).toBeUndefined();
    expect(await byCode('51888003')).toBeUndefined();
  });

  it('reports without writing on a dry run', async () => {
    const wb = await exportBook();
    const a = schoolRows(wb)[30]!;
    setCell(wb, a.n, 'phone', '0255 3 777 777');
    const before = (await admin.get('/api/audit?action=org.&pageSize=1')).body.total;
    const res = await upload(admin, wb, '?dryRun=true');
    expect(res.body).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await byCode(String(a.code)))!.phone).toBe(a.phone);
    expect((await admin.get('/api/audit?action=org.&pageSize=1')).body.total).toBe(before);
  });

  it('gives a commune officer a row error for a school of another commune, and writes nothing', async () => {
    const officer = await login(ctx, 'xa.tinhkhe');
    const wb = await exportBook();
    const rows = schoolRows(wb).filter((r) => !r.validTo);
    const own = rows.find((r) => r.name === 'Trường Tiểu học số 1 Tịnh Khê')!;
    const other = rows.find((r) => r.commune !== own.commune && r.parent !== own.parent)!;
    setCell(wb, own.n, 'phone', '0255 3 111 222');
    setCell(wb, other.n, 'phone', '0255 3 111 333');
    const added = {
      ...own,
      code: '51777001',
      name: 'Trường Mầm non Ngoài Xã',
      parent: other.parent,
      commune: other.commune,
    };
    wb.getWorksheet('Trường học')!.addRow(SCHOOL_COLUMNS.map((c) => added[c.key]));
    const lastRow = wb.getWorksheet('Trường học')!.rowCount;
    const res = await upload(officer, wb);
    expect(res.body).toMatchObject({ created: 0, updated: 0 });
    expect(res.body.errors).toEqual([
      { row: other.n, column: 'Mã trường', message: expect.stringContaining('không có quyền') },
      { row: lastRow, column: 'Mã đơn vị quản lý', message: expect.stringContaining('không có quyền') },
    ]);
    expect((await byCode(String(own.code)))!.phone).toBe(own.phone);
    expect(await byCode('51777001')).toBeUndefined();

    wb.getWorksheet('Trường học')!.spliceRows(lastRow, 1);
    setCell(wb, other.n, 'phone', other.phone);
    const ok = await upload(officer, wb);
    expect(ok.body).toMatchObject({ updated: 1, errors: [] });
    expect((await byCode(String(own.code)))!.phone).toBe('0255 3 111 222');
  });

  it('refuses a file that is not .xlsx with 400 file.invalid', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const [file, type] of [
      [png, 'image/png'],
      [Buffer.from('Mã trường,Tên trường\n1,Trường A\n'), 'text/csv'],
      [Buffer.from('PK\x03\x04 not really a zip'), XLSX_MIME],
    ] as const) {
      const res = await upload(admin, file, '', type);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('file.invalid');
    }
    const huge = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(admin, huge);
    expect([tooBig.status, tooBig.body.error.code]).toEqual([400, 'file.invalid']);
    const json = await admin.post('/api/org/import', { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.code).toBe('file.invalid');
  });

  it('refuses a sheet without the required columns', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trường học').addRow(['Mã trường', 'Tên trường']);
    const res = await upload(admin, wb);
    expect(res.status).toBe(400);
    expect(res.body.error.messages.vi).toContain('Cấp học');
  });

  it('needs sign-in (401) and org.manage (403)', async () => {
    const file = bookOf([]);
    expect((await upload(null, file)).status).toBe(401);
    const teacher = await login(ctx, 'gv.tranquoctuan');
    expect((await upload(teacher, file)).body.error.code).toBe('access.denied');
  });

  it('imports 2,000 new schools in a few seconds', async () => {
    const wb = await exportBook();
    const ok = schoolRows(wb).find((r) => !r.validTo)!;
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      code: String(53_000_000 + i),
      name: `Trường Tiểu học Thử Tải ${i + 1}`,
      levels: 'Tiểu học',
      ownership: 'Công lập',
      commune: ok.commune,
      parent: ok.parent,
      phone: `0255 3 ${String(100_000 + i)}`,
    }));
    const t0 = performance.now();
    const res = await upload(admin, bookOf(rows));
    const ms = Math.round(performance.now() - t0);
    console.log(`2,000 new schools: import took ${ms} ms`);
    expect(res.body).toMatchObject({ created: 2000, errors: [] });
    expect(ms).toBeLessThan(15_000);
  });
});
