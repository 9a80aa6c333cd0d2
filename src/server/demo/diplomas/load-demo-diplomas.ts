import { Readable } from 'node:stream';
import { diplomaServices } from '../../modules/diplomas/diplomas.module.ts';
import { systemActor } from '../../platform/actor.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Platform } from '../../platform/platform.ts';
import { createRandom } from '../data/prng.ts';

/**
 * Demo diploma registers — SYNTHETIC: invented people, serials that no real diploma carries
 * ("DM" prefix). Two lists go through the import path: THPT 2015 of the Sở GDĐT Quảng Ngãi and
 * THPT 2012 of the former Sở GDĐT Kon Tum (issued under its name then). A demo officer
 * `so.vanbang` holds the diploma_officer role province-wide. Idempotent: re-running imports
 * nothing twice and keeps the one officer.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đinh', 'Y', 'A'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dung', 'Đức', 'Hà', 'Hương', 'Khoa', 'Lan', 'Minh', 'Nga', 'Phúc', 'Trâm', 'Vinh'];

function list(prefix: string, year: number, school: string, place: string, n: number, seed: number): Buffer {
  const rand = createRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const rows = ['Số vào sổ;Số hiệu;Họ và tên;Ngày sinh;Nơi sinh;Giới tính;Dân tộc;Trường;Xếp loại'];
  for (let i = 1; i <= n; i++) {
    const by = year - 18;
    const birth = rand() < 0.1 ? String(by) : `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${by}`;
    rows.push(
      `${i};${prefix} ${String(i).padStart(6, '0')};${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)};${birth};${place};${pick(['Nam', 'Nữ'])};Kinh;${school};${pick(['Giỏi', 'Khá', 'Trung bình'])}`,
    );
  }
  return Buffer.from(rows.join('\n'), 'utf8');
}

export async function loadDemoDiplomas(p: Platform, password: string): Promise<void> {
  const db = p.db;
  const unit = async (code: string) =>
    (await db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst())?.id;
  const province = await unit('QNG');
  if (
    province &&
    !(await db.selectFrom('users').select('id').where('username', '=', 'so.vanbang').executeTakeFirst())
  ) {
    const u = await db
      .insertInto('users')
      .values({
        username: 'so.vanbang',
        full_name: 'Lê Thị Thanh Thủy',
        password_hash: await hashPassword(password),
        must_change_password: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('role_grants')
      .values({ user_id: u.id, role_code: 'diploma_officer', unit_id: province })
      .execute();
  }
  const imports = diplomaServices(p).imports;
  const system = systemActor('demo');
  const lists: [string, Buffer][] = [
    ['QNG.SGD', list('DM', 2015, 'Trường THPT Trần Quốc Tuấn', 'Quảng Ngãi', 300, 2015)],
    ['KTM.SGD', list('DK', 2012, 'Trường THPT Kon Tum', 'Kon Tum', 200, 2012)],
  ];
  for (const [code, body] of lists) {
    const unitId = await unit(code);
    if (!unitId) continue;
    const job = await imports.upload(system, unitId, `demo-${code}.csv`, Readable.from(body));
    await imports.validate(system, job.id, {
      mapping: job.mapping,
      defaults: { typeCode: 'thpt', year: code === 'QNG.SGD' ? 2015 : 2012 },
    });
    await imports.settled(job.id);
    if ((await imports.get(system, job.id)).validRows === 0) continue;
    await imports.run(system, job.id);
    await imports.settled(job.id);
  }
}
