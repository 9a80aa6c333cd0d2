import { sql } from 'kysely';
import type { Selection } from '../../../shared/directives.schema.ts';
import { dayInVietnam } from '../../modules/directives/directive-rules.ts';
import { directiveServices } from '../../modules/directives/directives.module.ts';
import { dt } from '../../modules/directives/directives.tables.ts';
import { insertAnswer, markRead } from '../../modules/directives/recipients.repository.ts';
import { systemActor } from '../../platform/actor.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Platform } from '../../platform/platform.ts';
import { DEMO_EMAIL_DOMAIN } from '../data/school-factory.ts';

/**
 * Demo directives of the Sở and of one commune. SYNTHETIC: the numbers, dates, texts and every
 * answer are invented for the demo (the subjects echo the seeds' tasks: the school-year
 * digital-transformation report, admissions, information security). Dates are relative to the
 * day the demo is loaded; some directives are past their deadline, with answers on time, late
 * and missing. Reads and answers are written as the demo principals and officers (demo password).
 * Adds the principal `ht.thptkontum` (an invented name, demo password) of THPT Kon Tum.
 * Idempotent: nothing when a directive exists.
 */
export const DEMO_KONTUM_PRINCIPAL = 'ht.thptkontum';

interface DemoDirective {
  key: string;
  issuer: string;
  number: string | null;
  /** Days from today. */
  docDate: number;
  deadline: number | null;
  title: string;
  summary: string;
  kind: 'none' | 'confirm' | 'text' | 'report';
  selection: (u: Units) => Selection;
  state: 'draft' | 'issued' | 'closed';
  /** unit code → [answering username, days from today of the answer (null: only read), text]. */
  answers?: [string, string, number, string | null][];
}

type Units = Map<string, string>;

const THPT: Selection = { by: 'level', levels: ['thpt'] };

const DIRECTIVES: DemoDirective[] = [
  {
    key: 'dx-report',
    issuer: 'QNG.SGD',
    number: '2150/SGDĐT-GDTrH',
    docDate: -20,
    deadline: -5,
    title: 'Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số năm học 2025–2026',
    summary:
      'Đề nghị các trường THPT báo cáo kết quả triển khai phần mềm quản lý trường học, sổ điểm điện tử, học bạ số và dạy học trực tuyến trong năm học (dữ liệu minh họa).',
    kind: 'text',
    selection: () => THPT,
    state: 'issued',
    answers: [
      [
        '51000138',
        'ht.tranquoctuan',
        -7,
        '100% giáo viên dùng sổ điểm điện tử; học bạ số đã triển khai ở khối 10 (dữ liệu minh họa).',
      ],
      [
        '62000134',
        DEMO_KONTUM_PRINCIPAL,
        -2,
        'Đã triển khai sổ điểm điện tử; học bạ số đang thử nghiệm (dữ liệu minh họa).',
      ],
    ],
  },
  {
    key: 'admissions',
    issuer: 'QNG.SGD',
    number: '2301/SGDĐT-VP',
    docDate: -3,
    deadline: 7,
    title: 'Triển khai công tác tuyển sinh đầu cấp năm học 2026–2027 trên hệ thống trực tuyến',
    summary:
      'Đề nghị UBND các xã, phường, đặc khu chỉ đạo các trường mầm non, tiểu học, THCS chuẩn bị tuyển sinh trực tuyến và xác nhận đã nhận văn bản (dữ liệu minh họa).',
    kind: 'confirm',
    selection: () => ({ by: 'type', unitTypes: ['commune', 'ward', 'special_zone'] }),
    state: 'issued',
    answers: [
      ['QNG.X001', 'xa.tinhkhe', -1, ''],
      ['QNG.P007', 'xa.kontum', 0, null],
    ],
  },
  {
    key: 'security',
    issuer: 'QNG.SGD',
    number: '2088/SGDĐT-VP',
    docDate: -30,
    deadline: null,
    title: 'Tăng cường bảo đảm an toàn thông tin trong các cơ sở giáo dục',
    summary: 'Văn bản để các trường biết và thực hiện; không yêu cầu báo cáo (dữ liệu minh họa).',
    kind: 'none',
    selection: () => THPT,
    state: 'issued',
    answers: [['51000138', 'ht.tranquoctuan', -29, null]],
  },
  {
    key: 'devices',
    issuer: 'QNG.SGD',
    number: '2315/SGDĐT-GDTrH',
    docDate: -1,
    deadline: 10,
    title: 'Rà soát thiết bị phục vụ dạy học trực tuyến',
    summary:
      'Đề nghị các trường rà soát số máy tính, thiết bị ghi hình và đường truyền phục vụ dạy học trực tuyến (dữ liệu minh họa).',
    kind: 'text',
    selection: () => THPT,
    state: 'issued',
  },
  {
    key: 'year-end',
    issuer: 'QNG.SGD',
    number: '1420/SGDĐT-GDTrH',
    docDate: -160,
    deadline: -140,
    title: 'Báo cáo tổng kết năm học 2024–2025',
    summary: 'Văn bản đã đóng (dữ liệu minh họa).',
    kind: 'confirm',
    selection: () => THPT,
    state: 'closed',
    answers: [['51000138', 'ht.tranquoctuan', -150, '']],
  },
  {
    key: 'grade1',
    issuer: 'QNG.X001',
    number: '45/UBND-VHXH',
    docDate: -2,
    deadline: 3,
    title: 'Báo cáo số học sinh lớp 1 đầu năm học',
    summary: 'Đề nghị các trường tiểu học trên địa bàn xã báo cáo số học sinh lớp 1 (dữ liệu minh họa).',
    kind: 'text',
    selection: (u) => ({ by: 'commune', communeIds: [u.get('QNG.X001')!], levels: ['tieu_hoc'] }),
    state: 'issued',
  },
  {
    key: 'training',
    issuer: 'QNG.SGD',
    number: null,
    docDate: 0,
    deadline: 20,
    title: 'Kế hoạch tập huấn kỹ năng số cho giáo viên năm 2026',
    summary: 'Bản nháp, chưa ban hành (dữ liệu minh họa).',
    kind: 'confirm',
    selection: () => THPT,
    state: 'draft',
  },
];

const shift = (today: string, days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function loadDemoDirectives(p: Platform, password: string): Promise<void> {
  const db = p.db;
  if (await dt(db).selectFrom('directives').select('id').limit(1).executeTakeFirst()) return;
  await addPrincipal(p, password);
  const actor = systemActor('demo');
  const s = directiveServices(p).directives;
  const today = dayInVietnam();
  const codes = ['QNG.SGD', 'QNG.X001', 'QNG.P007', '51000138', '62000134'];
  const units: Units = new Map(
    (await db.selectFrom('org_units').select(['id', 'code']).where('code', 'in', codes).execute()).map((u) => [
      u.code,
      u.id,
    ]),
  );
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
  );
  for (const d of DIRECTIVES) {
    const issuerUnitId = units.get(d.issuer);
    if (!issuerUnitId) continue;
    const created = await s.create(actor, {
      issuerUnitId,
      number: d.number,
      docDate: shift(today, Math.max(d.docDate, 0)),
      title: d.title,
      summary: d.summary,
      responseKind: d.kind,
      deadline: d.deadline === null ? null : shift(today, Math.max(d.deadline, 0)),
      selection: d.selection(units),
      attachmentIds: [],
    });
    if (d.state === 'draft') continue;
    await s.issue(actor, created.id);
    // Back-date what happened before today (the service only issues from today on).
    await sql`UPDATE directives SET doc_date = ${shift(today, d.docDate)}::date,
      deadline = ${d.deadline === null ? null : shift(today, d.deadline)}::date,
      issued_at = ${shift(today, d.docDate)}::date + time '08:00'
      WHERE id = ${created.id}::uuid`.execute(db);
    await sql`UPDATE directive_recipients SET deadline = ${d.deadline === null ? null : shift(today, d.deadline)}::date
      WHERE directive_id = ${created.id}::uuid`.execute(db);
    for (const [code, username, day, text] of d.answers ?? []) {
      const unitId = units.get(code);
      const userId = users.get(username) ?? users.get('ht.tranquoctuan');
      if (!unitId || !userId) continue;
      await markRead(db, created.id, [unitId], userId);
      if (text !== null)
        await insertAnswer(db, { directiveId: created.id, unitId, version: 1, text, fileIds: [], userId });
      const at = sql`${shift(today, day)}::date + time '09:30'`;
      await sql`UPDATE directive_recipients SET first_read_at = ${at},
        first_answered_at = CASE WHEN first_answered_at IS NULL THEN NULL ELSE ${at} END,
        answered_at = CASE WHEN answered_at IS NULL THEN NULL ELSE ${at} END,
        complied_on = CASE WHEN complied_on IS NULL THEN NULL ELSE ${shift(today, day)}::date END
        WHERE directive_id = ${created.id}::uuid AND unit_id = ${unitId}::uuid`.execute(db);
      await sql`UPDATE directive_responses SET answered_at = ${at}
        WHERE directive_id = ${created.id}::uuid AND unit_id = ${unitId}::uuid`.execute(db);
    }
    if (d.state === 'closed') await s.close(actor, created.id);
  }
}

async function addPrincipal(p: Platform, password: string) {
  const school = await p.db.selectFrom('org_units').select('id').where('code', '=', '62000134').executeTakeFirst();
  const exists = await p.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', DEMO_KONTUM_PRINCIPAL)
    .executeTakeFirst();
  if (!school || exists) return;
  const { id } = await p.db
    .insertInto('users')
    .values({
      username: DEMO_KONTUM_PRINCIPAL,
      full_name: 'Trần Thị Bích Ngọc',
      email: `${DEMO_KONTUM_PRINCIPAL}@${DEMO_EMAIL_DOMAIN}`,
      password_hash: await hashPassword(password),
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await p.db.insertInto('role_grants').values({ user_id: id, role_code: 'principal', unit_id: school.id }).execute();
}
