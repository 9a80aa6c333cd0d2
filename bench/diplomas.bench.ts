import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createRandom } from '../src/server/demo/data/prng.ts';
import { diplomaServices } from '../src/server/modules/diplomas/diplomas.module.ts';
import { systemActor } from '../src/server/platform/actor.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { openRuntime } from '../src/server/runtime.ts';
import { EntrySearchQuery } from '../src/shared/diplomas.schema.ts';

/**
 * The diploma registry at scale (issue 5: "2,000,000 synthetic register entries: name search
 * p95 < 50 ms and serial lookup p95 < 5 ms; import rate printed"). Writes a CSV of synthetic
 * THPT lists 1990–2018 (Vietnamese names with a realistic spread of family names, so that
 * "Nguyễn Văn An" is common), imports it through the import path (upload → validate into the
 * staging table → INSERT … SELECT … ON CONFLICT), prints the rate, then runs name searches and
 * serial lookups through the staff service (each audited, as in production), sequentially, and
 * prints p50/p95/p99. Last line: one JSON object.
 */
const TOTAL = Number(process.env.DIPLOMA_BENCH_ENTRIES ?? 2_000_000);
const SEARCHES = Number(process.env.DIPLOMA_BENCH_SEARCHES ?? 500);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-bench-dipl-'));
const config = loadConfig({
  ...process.env,
  NODE_ENV: 'test', // the demo province without admission rounds and library
  DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: process.env.BENCH_PG_PORT ?? '55993',
  LOG_LEVEL: 'silent',
  DATABASE_URL: '',
  DEMO_DATA: 'on',
  JOBS: 'false',
});
const runtime = await openRuntime(config, createLogger('silent'));
const { db } = runtime.platform;
const services = diplomaServices(runtime.platform);
const system = systemActor('bench');
const rand = createRandom(20_250_701);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

// Family names with approximate shares in Vietnam; middle and given names from common lists.
const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Huỳnh', 5],
  ['Phan', 4.5],
  ['Võ', 3.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Trương', 1],
  ['Đoàn', 0.8],
  ['Lương', 0.6],
  ['Tạ', 0.4],
  ['Y', 0.3],
];
const familyTotal = FAMILY.reduce((s, [, w]) => s + w, 0);
const family = () => {
  let r = rand() * familyTotal;
  for (const [n, w] of FAMILY) {
    r -= w;
    if (r <= 0) return n;
  }
  return 'Nguyễn';
};
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Hữu', 'Đức', 'Thanh', 'Công', 'Ngọc', 'Xuân', 'Hoàng', 'Tấn', 'Đình'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Thanh', 'Mỹ', 'Hồng', 'Phương', 'Bích', 'Diệu', 'Thùy', 'Ánh'];
const GIVEN_M =
  'An Bình Cường Dũng Đức Hải Hùng Huy Khang Khoa Kiên Long Lực Minh Nam Nghĩa Phong Phúc Quang Quân Sơn Tài Thắng Thành Thịnh Toàn Trung Tuấn Vinh Việt'.split(
    ' ',
  );
const GIVEN_F =
  'Anh Ánh Bích Chi Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hương Lan Linh Loan Mai My Nga Ngân Nhung Oanh Phương Quyên Thảo Thu Trang Trâm Uyên Vân Yến'.split(
    ' ',
  );
const SCHOOLS = Array.from({ length: 60 }, (_, i) => `Trường THPT số ${i + 1} Quảng Ngãi`);
const PLACES = ['Quảng Ngãi', 'Kon Tum', 'Bình Định', 'Đà Nẵng', 'Gia Lai', 'Quảng Nam'];

function person(): { name: string; female: boolean } {
  const female = rand() < 0.5;
  const middle = female ? pick(MIDDLE_F) : pick(MIDDLE_M);
  const second = rand() < 0.3 ? ` ${female ? pick(MIDDLE_F) : pick(MIDDLE_M)}` : '';
  return { name: `${family()} ${middle}${second} ${female ? pick(GIVEN_F) : pick(GIVEN_M)}`, female };
}

// ── The list ─────────────────────────────────────────────────────────────────────────────────
const file = path.join(dataDir, 'so-goc-thpt-1990-2018.csv');
const serials: string[] = [];
const names: { name: string; birthYear: number; year: number }[] = [];
{
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write('Năm tốt nghiệp;Số vào sổ;Số hiệu;Họ và tên;Ngày sinh;Nơi sinh;Giới tính;Dân tộc;Trường;Xếp loại\n');
  const perYear = Math.ceil(TOTAL / 29);
  let buf = '';
  for (let i = 0; i < TOTAL; i++) {
    const year = 1990 + Math.floor(i / perYear);
    const no = (i % perYear) + 1;
    const serial = `QN ${String(i + 1).padStart(7, '0')}`;
    const p = person();
    const by = year - 18;
    const r = rand();
    const birth =
      r < 0.05
        ? String(by)
        : r < 0.1
          ? `${1 + Math.floor(rand() * 12)}/${by}`
          : `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/${by}`;
    buf += `${year};${no};${serial};${p.name};${birth};${pick(PLACES)};${p.female ? 'Nữ' : 'Nam'};Kinh;${pick(SCHOOLS)};${pick(['Giỏi', 'Khá', 'Trung bình', 'Khá'])}\n`;
    if (i % 4000 === 0) {
      serials.push(serial);
      names.push({ name: p.name, birthYear: by, year });
    }
    if (buf.length > 1_000_000) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((r) => out.end(r));
}
const so = await db.selectFrom('org_units').select('id').where('code', '=', 'QNG.SGD').executeTakeFirstOrThrow();
console.log(`list written: ${TOTAL} rows, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB`);

// ── Import through the import path ───────────────────────────────────────────────────────────
const t0 = performance.now();
const job = await services.imports.upload(system, so.id, path.basename(file), fs.createReadStream(file));
const tUp = performance.now();
await services.imports.validate(system, job.id, { mapping: job.mapping, defaults: { typeCode: 'thpt' } });
await services.imports.settled(job.id);
const validated = await services.imports.get(system, job.id);
const tVal = performance.now();
if (validated.status !== 'validated' || validated.validRows !== TOTAL)
  throw new Error(`validation: ${validated.status} ${validated.validRows}/${TOTAL} ${validated.error ?? ''}`);
await services.imports.run(system, job.id);
await services.imports.settled(job.id);
const done = await services.imports.get(system, job.id);
const tRun = performance.now();
if (done.insertedRows !== TOTAL)
  throw new Error(`import: ${done.status} ${done.insertedRows}/${TOTAL} ${done.error ?? ''}`);
const importS = (tRun - t0) / 1000;
const rate = Math.round(TOTAL / importS);
console.log(
  `import: upload ${((tUp - t0) / 1000).toFixed(1)} s, validate ${((tVal - tUp) / 1000).toFixed(1)} s, write ${((tRun - tVal) / 1000).toFixed(1)} s; ` +
    `${TOTAL} rows in ${importS.toFixed(1)} s = ${rate.toLocaleString('en')} rows/s`,
);
await sql`ANALYZE diploma_entries`.execute(db);

// ── Searches ─────────────────────────────────────────────────────────────────────────────────
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
/** Full name 45 %, full name + birth year 20 %, family + given 15 %, given name + year of graduation 10 %, name with the accents typed 10 %. */
function nameQuery(): Record<string, string> {
  const n = pick(names);
  const words = fold(n.name).split(' ');
  const r = rand();
  if (r < 0.45) return { name: fold(n.name) };
  if (r < 0.65) return { name: fold(n.name), birthYear: String(n.birthYear) };
  if (r < 0.8) return { name: `${words[0]} ${words.at(-1)}` };
  if (r < 0.9) return { name: words.at(-1)!, year: String(n.year) };
  return { name: n.name };
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
async function timed(q: Record<string, string>): Promise<{ ms: number; n: number }> {
  const t = performance.now();
  const page = await services.entries.search(system, EntrySearchQuery.parse(q));
  return { ms: performance.now() - t, n: page.items.length };
}
for (let i = 0; i < 30; i++) await timed(nameQuery());
const nameMs: number[] = [];
let empty = 0;
for (let i = 0; i < SEARCHES; i++) {
  const r = await timed(nameQuery());
  nameMs.push(r.ms);
  if (r.n === 0) empty++;
}
const serialMs: number[] = [];
for (let i = 0; i < SEARCHES; i++) {
  const s = pick(serials);
  const r = await timed({ serial: rand() < 0.5 ? s : s.replace(' ', '').toLowerCase() });
  if (r.n !== 1) throw new Error(`serial ${s} found ${r.n} times`);
  serialMs.push(r.ms);
}
const figures = {
  entries: TOTAL,
  import_s: Math.round(importS * 10) / 10,
  import_rows_per_s: rate,
  name_p50_ms: pct(nameMs, 50),
  name_p95_ms: pct(nameMs, 95),
  name_p99_ms: pct(nameMs, 99),
  name_empty: empty,
  serial_p50_ms: pct(serialMs, 50),
  serial_p95_ms: pct(serialMs, 95),
  serial_p99_ms: pct(serialMs, 99),
};
console.log(
  `name search (${SEARCHES}): p50 ${figures.name_p50_ms} ms, p95 ${figures.name_p95_ms} ms, p99 ${figures.name_p99_ms} ms`,
);
console.log(
  `serial lookup (${SEARCHES}): p50 ${figures.serial_p50_ms} ms, p95 ${figures.serial_p95_ms} ms, p99 ${figures.serial_p99_ms} ms`,
);
await runtime.close();
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ ...figures, target_met: figures.name_p95_ms < 50 && figures.serial_p95_ms < 5 }));
