import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diplomaServices } from '../../src/server/modules/diplomas/diplomas.module.ts';
import { type Client, login } from '../support/http.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let admin: Client;
let teacher: Client;
let soId: string;
let kontumSoId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await login(ctx, 'admin');
  teacher = await login(ctx, 'gv.tranquoctuan');
  const unit = async (code: string) =>
    (await ctx.database.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  soId = await unit('QNG.SGD');
  kontumSoId = await unit('KTM.SGD');
});
afterAll(() => ctx?.close());

const HEADER =
  'STT;Số vào sổ;Số hiệu văn bằng;Họ và tên;Ngày sinh;Nơi sinh;Giới tính;Dân tộc;Trường/Hội đồng thi;Xếp loại';

/** A CSV as Excel saves it in a Vietnamese locale: semicolons, a BOM. */
function csv(lines: string[]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8')]);
}

async function upload(who: Client, body: Buffer, filename: string, unitId = soId) {
  const boundary = `gds${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    body,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/diplomas/imports?issuingUnitId=${unitId}`,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
    },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

/** Upload, validate with the guessed mapping and the given defaults, wait for the report. */
async function validated(body: Buffer, defaults: object, filename = 'danh-sach.csv', unitId = soId) {
  const up = await upload(admin, body, filename, unitId);
  expect(up.status).toBe(201);
  const v = await admin.post(`/api/diplomas/imports/${up.body.id}/validate`, { mapping: up.body.mapping, defaults });
  expect(v.status).toBe(202);
  await diplomaServices(ctx.platform).imports.settled(up.body.id);
  const job = await admin.get(`/api/diplomas/imports/${up.body.id}`);
  expect(job.body.status).toBe('validated');
  return job.body;
}

async function ran(id: string) {
  const r = await admin.post(`/api/diplomas/imports/${id}/run`);
  expect(r.status).toBe(202);
  await diplomaServices(ctx.platform).imports.settled(id);
  return (await admin.get(`/api/diplomas/imports/${id}`)).body;
}

const GOOD = [
  '1;1;A 0100001;Nguyễn Văn An;12/03/1992;Quảng Ngãi;Nam;Kinh;THPT Trần Quốc Tuấn;Khá',
  '2;2;A 0100002;Trần Thị Bích;1992;Sơn Tịnh;Nữ;Kinh;THPT Trần Quốc Tuấn;Giỏi',
  '3;3;A0100003;Y Hương;05/1992;Kon Tum;nữ;Ba Na;THPT Kon Tum;trung bình',
  '4;4;A 0100004;Đinh Văn Đức;01/01/1992;Quảng Ngãi;Nam;Hrê;THPT Trần Quốc Tuấn;Khá',
];

describe('import', () => {
  it('guesses the mapping from Vietnamese headers', async () => {
    const up = await upload(admin, csv(GOOD), 'thpt-2010.csv');
    expect(up.status).toBe(201);
    expect(up.body.guessed).toBe(true);
    expect(up.body.mapping).toMatchObject({
      registerNo: 1,
      serial: 2,
      fullName: 3,
      birthDate: 4,
      birthPlace: 5,
      gender: 6,
      ethnicity: 7,
      schoolName: 8,
      classification: 9,
    });
    expect(up.body.sample[0][3]).toBe('Nguyễn Văn An');
  });

  it('refuses a mapping without the required fields', async () => {
    const up = await upload(admin, csv(GOOD), 'thpt-2010.csv');
    const { fullName: _drop, ...mapping } = up.body.mapping;
    const v = await admin.post(`/api/diplomas/imports/${up.body.id}/validate`, {
      mapping,
      defaults: { typeCode: 'thpt' },
    });
    expect(v.status).toBe(422);
    expect(v.body.error.code).toBe('diplomas.mapping_invalid');
    expect(v.body.error.messages.en).toContain('fullName');
    expect(v.body.error.messages.en).toContain('year');
  });

  it('reports bad dates, missing fields and duplicates in the file, row by row, and writes only the good rows', async () => {
    const job = await validated(
      csv([
        ...GOOD,
        '5;5;A 0100005;Lê Văn Bảo;31/02/1992;Quảng Ngãi;Nam;Kinh;THPT Trần Quốc Tuấn;Khá',
        '6;6;A 0100006;;12/03/1992;Quảng Ngãi;Nam;Kinh;THPT Trần Quốc Tuấn;Khá',
        '7;7;A 0100001;Phạm Văn Cường;12/03/1992;Quảng Ngãi;Nam;Kinh;THPT Trần Quốc Tuấn;Khá',
        '8;2;A 0100008;Võ Thị Dung;12/03/1992;Quảng Ngãi;Nữ;Kinh;THPT Trần Quốc Tuấn;Khá',
        '9;9;A 0100009;Hồ Văn Em;12/03/1992;Quảng Ngãi;Không rõ;Kinh;THPT Trần Quốc Tuấn;Khá',
        ';;;;;;;;;',
      ]),
      { typeCode: 'thpt', year: 2010 },
    );
    expect(job).toMatchObject({ totalRows: 9, validRows: 4, errorRows: 5, existingRows: 0 });
    const report = await admin.get(`/api/diplomas/imports/${job.id}/report`);
    const byRow = Object.fromEntries(
      report.body.items.map((i: { rowNo: number; problems: { field: string; code: string }[] }) => [
        i.rowNo,
        i.problems.map((p) => `${p.field}:${p.code}`),
      ]),
    );
    expect(byRow).toEqual({
      6: ['birthDate:bad_date'],
      7: ['fullName:missing'],
      8: ['serial:duplicate_in_file'],
      9: ['registerNo:duplicate_in_file'],
      10: ['gender:bad_value'],
    });
    const done = await ran(job.id);
    expect(done).toMatchObject({ status: 'done', insertedRows: 4 });
    const reg = await admin.get('/api/diplomas/registers');
    const thpt2010 = reg.body.items.find(
      (r: { typeCode: string; year: number; issuingUnitId: string }) =>
        r.typeCode === 'thpt' && r.year === 2010 && r.issuingUnitId === soId,
    );
    expect(thpt2010).toMatchObject({ entries: 4, issuingUnitName: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi' });
  });

  it('re-importing the same list writes nothing twice', async () => {
    const again = await validated(csv(GOOD), { typeCode: 'thpt', year: 2010 });
    expect(again).toMatchObject({ validRows: 0, existingRows: 4, errorRows: 0 });
    expect(await ran(again.id)).toMatchObject({ status: 'done', insertedRows: 0 });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM diploma_entries WHERE year = 2010`.execute(
      ctx.database.db,
    );
    expect(rows[0]!.n).toBe(4);
  });

  it('reports a serial already in the registry under another register number as a conflict', async () => {
    const job = await validated(
      csv(['1;50;A 0100001;Nguyễn Văn An;12/03/1992;Quảng Ngãi;Nam;Kinh;THPT Trần Quốc Tuấn;Khá']),
      { typeCode: 'thpt', year: 2010 },
    );
    expect(job).toMatchObject({ validRows: 0, errorRows: 1 });
    const report = await admin.get(`/api/diplomas/imports/${job.id}/report`);
    expect(report.body.items[0].problems[0]).toMatchObject({ field: 'serial', code: 'conflict_with_registry' });
  });

  it('keeps registers apart per issuing unit: the former Kon Tum Sở has its own THPT 2010 numbers, under its name then', async () => {
    const job = await validated(
      csv(['1;1;KT 0000001;A Thị Hoa;1992;Kon Tum;Nữ;Xơ Đăng;THPT Kon Tum;Khá']),
      { typeCode: 'thpt', year: 2010 },
      'kontum.csv',
      kontumSoId,
    );
    expect(job.validRows).toBe(1);
    expect(await ran(job.id)).toMatchObject({ insertedRows: 1 });
    const reg = await admin.get('/api/diplomas/registers');
    const kt = reg.body.items.find((r: { issuingUnitId: string }) => r.issuingUnitId === kontumSoId);
    expect(kt).toMatchObject({ year: 2010, entries: 1, issuingUnitName: 'Sở Giáo dục và Đào tạo tỉnh Kon Tum' });
  });

  it('reads an .xlsx list with real date cells and separate year column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['Số vào sổ', 'Số hiệu', 'Họ tên', 'Ngày sinh', 'Hội đồng thi', 'Năm tốt nghiệp', 'Loại văn bằng']);
    ws.addRow([
      1,
      'B 0200001',
      'Phan Thị Giang',
      new Date(Date.UTC(1990, 6, 9)),
      'Hội đồng thi Nghĩa Hành',
      2008,
      'THCS',
    ]);
    ws.addRow([2, 'B 0200002', 'Lý Văn Hải', '03/1990', 'Hội đồng thi Nghĩa Hành', 2008, 'Tốt nghiệp THCS']);
    const job = await validated(Buffer.from(await wb.xlsx.writeBuffer()), {}, 'thcs-2008.xlsx');
    expect(job.mapping).toMatchObject({
      registerNo: 0,
      serial: 1,
      fullName: 2,
      birthDate: 3,
      schoolName: 4,
      year: 5,
      typeCode: 6,
    });
    expect(job).toMatchObject({ validRows: 2, errorRows: 0 });
    expect(await ran(job.id)).toMatchObject({ insertedRows: 2 });
    const found = await admin.get('/api/diplomas/entries?name=phan thi giang');
    expect(found.body.items[0]).toMatchObject({
      typeCode: 'thcs',
      year: 2008,
      birthDate: { year: 1990, month: 7, day: 9 },
    });
  });

  it('is for diploma officers only', async () => {
    expect((await upload(teacher, csv(GOOD), 'x.csv')).status).toBe(403);
    expect((await teacher.get('/api/diplomas/entries?name=an')).status).toBe(403);
  });
});

describe('uniqueness', () => {
  it('the database refuses a second entry with the same serial (spacing and case aside) or register number', async () => {
    const db = ctx.database.db;
    const reg = await sql<{
      id: string;
    }>`SELECT id FROM diploma_registers WHERE year = 2010 AND issuing_unit_id = ${soId}`.execute(db);
    const insert = (registerNo: string, serial: string) =>
      sql`INSERT INTO diploma_entries (register_id, type_code, year, register_no, serial, full_name, birth_year, school_name)
        VALUES (${reg.rows[0]!.id}, 'thpt', 2010, ${registerNo}, ${serial}, 'Người Thử', 1992, 'THPT Thử')`.execute(db);
    await expect(insert('100', 'a-0100001')).rejects.toMatchObject({ code: '23505' });
    await expect(insert('1', 'Z 9999999')).rejects.toMatchObject({ code: '23505' });
  });
});

describe('search', () => {
  it('finds by name without accents, words in any order, and by serial, birth year, year and school', async () => {
    const byName = await admin.get('/api/diplomas/entries?name=nguyen van an');
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn An']);
    expect((await admin.get('/api/diplomas/entries?name=DUC dinh')).body.items[0].fullName).toBe('Đinh Văn Đức');
    expect((await admin.get('/api/diplomas/entries?serial=a0100002')).body.items[0].fullName).toBe('Trần Thị Bích');
    const byBirth = await admin.get('/api/diplomas/entries?birthYear=1992&year=2010&school=tran quoc tuan');
    expect(byBirth.body.items).toHaveLength(3);
    expect((await admin.get('/api/diplomas/entries?name=nguyen van')).body.items).toHaveLength(1);
    expect((await admin.get('/api/diplomas/entries')).status).toBe(400);
  });

  it('audits each view of an entry', async () => {
    const hit = (await admin.get('/api/diplomas/entries?name=tran thi bich')).body.items[0];
    const entry = await admin.get(`/api/diplomas/entries/${hit.id}`);
    expect(entry.status).toBe(200);
    expect(entry.body).toMatchObject({
      birthPlace: 'Sơn Tịnh',
      gender: 'female',
      classification: 'Giỏi',
      corrections: [],
    });
    const trail = await ctx.platform.audit.trailOf('diploma_entry', hit.id);
    expect(trail.map((a) => a.action)).toContain('diplomas.entry.view');
    expect(trail.find((a) => a.action === 'diplomas.entry.view')!.actorName).toBe('admin');
  });
});

describe('corrections', () => {
  it('records the decision with before and after per field, applies it, and audits it', async () => {
    const hit = (await admin.get('/api/diplomas/entries?name=nguyen van an')).body.items[0];
    const before = (await admin.get(`/api/diplomas/entries/${hit.id}`)).body;
    const res = await admin.post(`/api/diplomas/entries/${hit.id}/corrections`, {
      decisionNo: '125/QĐ-SGDĐT',
      decisionDate: '2024-05-10',
      signer: 'Phó Giám đốc Lê Văn Minh',
      reason: 'Sai ngày sinh so với giấy khai sinh',
      version: before.version,
      changes: { birthDate: { year: 1992, month: 3, day: 21 }, birthPlace: 'Quảng Ngãi', fullName: 'Nguyễn Văn  Ân' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fullName: 'Nguyễn Văn Ân', birthDate: { day: 21 }, version: before.version + 1 });
    expect(res.body.corrections).toHaveLength(1);
    expect(res.body.corrections[0]).toMatchObject({
      decisionNo: '125/QĐ-SGDĐT',
      signer: 'Phó Giám đốc Lê Văn Minh',
      changes: [
        { field: 'fullName', before: 'Nguyễn Văn An', after: 'Nguyễn Văn Ân' },
        { field: 'birthDate', before: '12/03/1992', after: '21/03/1992' },
      ],
    });
    const trail = await ctx.platform.audit.trailOf('diploma_entry', hit.id);
    const audit = trail.find((a) => a.action === 'diplomas.entry.correct')!;
    expect(audit.before).toEqual({ fullName: 'Nguyễn Văn An', birthDate: '12/03/1992' });
    expect(audit.after).toMatchObject({
      fullName: 'Nguyễn Văn Ân',
      birthDate: '21/03/1992',
      decisionNo: '125/QĐ-SGDĐT',
    });
    // The search key follows the correction.
    expect((await admin.get('/api/diplomas/entries?name=nguyen van an')).body.items[0].fullName).toBe('Nguyễn Văn Ân');
  });

  it('refuses a stale version and a correction that changes nothing', async () => {
    const hit = (await admin.get('/api/diplomas/entries?name=y huong')).body.items[0];
    const entry = (await admin.get(`/api/diplomas/entries/${hit.id}`)).body;
    const body = {
      decisionNo: '1/QĐ',
      decisionDate: '2024-01-02',
      signer: 'Giám đốc',
      reason: 'Thử',
      version: entry.version,
    };
    const same = await admin.post(`/api/diplomas/entries/${hit.id}/corrections`, {
      ...body,
      changes: { ethnicity: 'Ba Na' },
    });
    expect(same.status).toBe(422);
    const stale = await admin.post(`/api/diplomas/entries/${hit.id}/corrections`, {
      ...body,
      version: entry.version + 5,
      changes: { ethnicity: 'Xơ Đăng' },
    });
    expect(stale.status).toBe(409);
    expect(
      (await teacher.post(`/api/diplomas/entries/${hit.id}/corrections`, { ...body, changes: { ethnicity: 'Kinh' } }))
        .status,
    ).toBe(403);
  });
});
