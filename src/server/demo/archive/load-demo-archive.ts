import { createHash } from 'node:crypto';
import { archiveServices } from '../../modules/archive/archive.module.ts';
import { at } from '../../modules/archive/archive.tables.ts';
import { systemActor } from '../../platform/actor.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { renderPdf } from '../../platform/pdf/pdf-writer.ts';
import type { Platform } from '../../platform/platform.ts';

/**
 * Demo data of the electronic archive. SYNTHETIC: the fonds are named after the real former
 * and current Sở (public facts), but their identifiers, every file, document and person are
 * invented for the demo. Adds the archivist `luutru.so` (demo password) on today's Sở, whose
 * scope covers the former Kon Tum Sở (a historical child). Idempotent: nothing when a fonds exists.
 */
export const DEMO_ARCHIVIST = 'luutru.so';

interface DemoFile {
  fonds: 'qng' | 'ktm';
  number: string;
  year: number;
  title: string;
  level: 'public' | 'internal' | 'restricted';
  retention: number | null;
  keywords: string[];
  digitised?: { paperCode: string; condition: string };
  documents: string[];
}

const FILES: DemoFile[] = [
  {
    fonds: 'qng',
    number: '01',
    year: 2024,
    title: 'Hồ sơ tổ chức kỳ thi tốt nghiệp THPT năm 2024',
    level: 'public',
    retention: null,
    keywords: ['thi tốt nghiệp', 'THPT'],
    documents: ['Kế hoạch tổ chức kỳ thi', 'Báo cáo kết quả kỳ thi'],
  },
  {
    fonds: 'qng',
    number: '02',
    year: 2025,
    title: 'Hồ sơ hợp nhất Sở GDĐT hai tỉnh Quảng Ngãi và Kon Tum',
    level: 'internal',
    retention: null,
    keywords: ['sắp xếp tổ chức'],
    documents: ['Đề án hợp nhất', 'Quyết định thành lập'],
  },
  {
    fonds: 'qng',
    number: '03',
    year: 2023,
    title: 'Hồ sơ xử lý kỷ luật viên chức năm 2023',
    level: 'restricted',
    retention: 70,
    keywords: ['kỷ luật', 'nhân sự'],
    documents: ['Biên bản họp hội đồng kỷ luật'],
  },
  {
    fonds: 'ktm',
    number: '12',
    year: 1996,
    title: 'Hồ sơ công nhận trường đạt chuẩn quốc gia năm 1996',
    level: 'public',
    retention: null,
    keywords: ['trường chuẩn quốc gia'],
    digitised: { paperCode: 'KT-1996/12', condition: 'Giấy ố vàng, mép rách nhẹ' },
    documents: ['Tờ trình đề nghị công nhận'],
  },
  {
    fonds: 'ktm',
    number: '07',
    year: 2010,
    title: 'Hồ sơ quyết toán ngân sách năm 2010',
    level: 'internal',
    retention: 10,
    keywords: ['tài chính', 'quyết toán'],
    digitised: { paperCode: 'KT-TC-2010/07', condition: 'Còn tốt' },
    documents: ['Báo cáo quyết toán'],
  },
];

async function demoPdf(p: Platform, title: string, fondsName: string) {
  const bytes = Buffer.from(
    await renderPdf({
      title,
      author: fondsName,
      createdAt: new Date('2025-01-01T00:00:00Z'),
      blocks: [
        { kind: 'title', text: title.toUpperCase() },
        { kind: 'paragraph', text: `Văn bản mẫu của ${fondsName}. Dữ liệu tổng hợp, chỉ dùng để trình diễn.` },
      ],
      footer: 'Dữ liệu trình diễn (tổng hợp) / synthetic demo data',
    }),
  );
  const sha = createHash('sha256').update(bytes).digest('hex');
  const key = `archive/demo/${sha}.pdf`;
  const s = await p.storage.put(key, bytes, 'application/pdf');
  const row = await p.db
    .insertInto('stored_files')
    .values({
      storage_key: key,
      filename: `${title}.pdf`,
      content_type: 'application/pdf',
      size_bytes: s.size,
      sha256: s.sha256,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function loadDemoArchive(p: Platform, password: string): Promise<boolean> {
  if (await at(p.db).selectFrom('archive_fonds').select('id').limit(1).executeTakeFirst()) return false;
  const unit = async (code: string) =>
    (await p.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const so = await unit('QNG.SGD');
  const kt = await unit('KTM.SGD');
  const existing = await p.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', DEMO_ARCHIVIST)
    .executeTakeFirst();
  if (!existing) {
    const u = await p.db
      .insertInto('users')
      .values({
        username: DEMO_ARCHIVIST,
        full_name: 'Lê Thị Lưu',
        password_hash: await hashPassword(password),
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await p.db.insertInto('role_grants').values({ user_id: u.id, role_code: 'archivist', unit_id: so }).execute();
  }
  const actor = systemActor('demo');
  const { files } = archiveServices(p);
  // Identifiers of the form of mã định danh (Quyết định 20/2020/QĐ-TTg), invented for the demo.
  const fonds = {
    qng: await files.createFonds(actor, {
      orgIdentifier: '000.00.31.H48',
      name: 'Phông Sở GDĐT tỉnh Quảng Ngãi',
      unitId: so,
      startYear: 1989,
      endYear: null,
      description: 'Dữ liệu trình diễn (tổng hợp).',
    }),
    ktm: await files.createFonds(actor, {
      orgIdentifier: '000.00.31.H34',
      name: 'Phông Sở GDĐT tỉnh Kon Tum (1991–2025)',
      unitId: kt,
      startYear: 1991,
      endYear: 2025,
      description: 'Dữ liệu trình diễn (tổng hợp).',
    }),
  };
  for (const f of FILES) {
    const fd = fonds[f.fonds];
    const created = await files.create(actor, {
      fondsId: fd.id,
      code: `${fd.orgIdentifier}.${f.year}.${f.number}`,
      title: f.title,
      retentionYears: f.retention,
      accessLevel: f.level,
      language: 'vi',
      startDate: `${f.year}-02-01`,
      endDate: `${f.year}-11-30`,
      keywords: f.keywords,
      sheetCount: f.documents.length * 4,
      pageCount: f.documents.length * 7,
      reliability: f.digitised ? 'digitised' : 'original',
      physicalCondition: f.digitised?.condition ?? null,
      paperCode: f.digitised?.paperCode ?? null,
      backupStatus: 'none',
      creatorUnitId: f.fonds === 'qng' ? so : kt,
    });
    for (const title of f.documents)
      await files.addDocument(actor, created.id, {
        title,
        docNumber: null,
        docDate: `${f.year}-03-15`,
        author: fd.unitName,
        pageCount: null,
        storedFileId: await demoPdf(p, title, fd.name),
      });
  }
  return true;
}
