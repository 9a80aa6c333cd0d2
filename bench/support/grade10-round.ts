import { sql } from 'kysely';
import { createRandom } from '../../src/server/demo/data/prng.ts';
import type { Executor } from '../../src/server/platform/db/database.ts';
import { daysFromNow, grade10ExamRules } from '../../test/support/admissions.ts';

/**
 * Setup of bench/allocation-e2e.bench.ts: a synthetic grade-10 round of the demo Sở, closed for
 * review, with `schoolCount` synthetic upper-secondary schools (3 specialised), `applicants`
 * applications of three wishes each (dossiers approved: reviewed, as before an allocation) and their exam scores, written
 * with a few multi-row `INSERT … SELECT FROM unnest(…)` statements. Deterministic (seeded PRNG);
 * every school, child and mark is synthetic.
 */
export async function seedGrade10Round(
  db: Executor,
  opts: { applicants: number; schoolCount: number; seed?: number },
): Promise<{ roundId: string; seats: number }> {
  const rnd = createRandom(opts.seed ?? 20270601);
  const { rows: units } = await sql<{ department: string; commune: string }>`
    SELECT (SELECT id FROM org_units WHERE type_code = 'department' AND valid_to IS NULL ORDER BY code LIMIT 1) AS department,
           (SELECT id FROM org_units WHERE type_code = 'commune' AND valid_to IS NULL ORDER BY code LIMIT 1) AS commune`.execute(
    db,
  );
  const { department, commune } = units[0]!;

  // Schools: 3 specialised, the rest ordinary; seats ≈ 0.9 × applicants in all.
  const n = opts.schoolCount;
  const classes = Array.from({ length: n }, () => 6 + Math.floor(rnd() * 5));
  const per = Math.max(1, Math.round((0.9 * opts.applicants) / classes.reduce((a, b) => a + b, 0)));
  const pupils = Math.min(60, per);
  const codes = Array.from({ length: n }, (_, k) => `BENCH-THPT-${String(k + 1).padStart(3, '0')}`);
  const { rows: schools } = await sql<{ id: string }>`
    INSERT INTO org_units (code, name, type_code, parent_id, valid_from)
    SELECT c, 'Trường THPT mô phỏng ' || right(c, 3), 'school', ${department}::uuid, '2020-01-01'
      FROM unnest(${codes}::text[]) WITH ORDINALITY AS u(c, o) ORDER BY o
    RETURNING id`.execute(db);
  const ids = schools.map((s) => s.id);
  await sql`INSERT INTO schools (unit_id, levels, ownership, commune_id)
    SELECT u, ARRAY['thpt'], 'public', ${commune}::uuid FROM unnest(${ids}::uuid[]) AS u`.execute(db);

  const year = new Date().getFullYear();
  const rules = grade10ExamRules({ tieAtLastSeat: 'admit_none' });
  const groups = [
    {
      code: 'UT1',
      nameVi: 'Nhóm đối tượng 1',
      nameEn: null,
      points: 2,
      rank: null,
      evidenceVi: null,
      evidenceEn: null,
    },
    {
      code: 'UT2',
      nameVi: 'Nhóm đối tượng 2',
      nameEn: null,
      points: 1.5,
      rank: null,
      evidenceVi: null,
      evidenceEn: null,
    },
    {
      code: 'UT3',
      nameVi: 'Nhóm đối tượng 3',
      nameEn: null,
      points: 1,
      rank: null,
      evidenceVi: null,
      evidenceEn: null,
    },
  ];
  const { rows: round } = await sql<{ id: string }>`
    INSERT INTO admission_rounds (code, name, level, school_year, running_unit_id, status, register_from, register_to,
                                  review_to, results_at, confirm_to, rules, priority_groups)
    VALUES ('TS10-BENCH-E2E', 'Tuyển sinh lớp 10 (benchmark, dữ liệu mô phỏng)', 10, ${`${year}-${year + 1}`},
            ${department}::uuid, 'closed_for_review', ${daysFromNow(-20)}, ${daysFromNow(-1)}, ${daysFromNow(10)}, ${daysFromNow(20)}, ${daysFromNow(30)},
            ${JSON.stringify(rules)}::jsonb, ${JSON.stringify(groups)}::jsonb)
    RETURNING id`.execute(db);
  const roundId = round[0]!.id;
  const specialised = ids.map((_, k) => k < 3);
  await sql`INSERT INTO admission_round_schools (round_id, school_id, classes, pupils_per_class, specialised)
    SELECT ${roundId}::uuid, u.s, u.c, ${pupils}, u.sp
      FROM unnest(${ids}::uuid[], ${classes}::int[], ${specialised}::bool[]) AS u(s, c, sp)`.execute(db);
  const seats = classes.reduce((a, c) => a + c * pupils, 0);

  // Applications: 10 % put a specialised school first; the rest pick by a Zipf-like popularity.
  const popularity = ids.map((_, k) => 1 / (1 + ((k * 7919) % n)) ** 0.8);
  const cum: number[] = [];
  popularity.reduce((s, p, k) => {
    cum[k] = s + p;
    return cum[k]!;
  }, 0);
  const pick = () => {
    const x = rnd() * cum[n - 1]!;
    let lo = 3;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mark = (ability: number) => Math.min(10, Math.max(0, Math.round((ability + (rnd() - 0.5) * 3) * 4) / 4));
  const BATCH = 20_000;
  for (let from = 0; from < opts.applicants; from += BATCH) {
    const count = Math.min(BATCH, opts.applicants - from);
    const serial: number[] = [];
    const wishes: string[] = [];
    const marks: string[] = [];
    const priority: number[] = [];
    for (let i = 0; i < count; i++) {
      serial.push(from + i + 1);
      const w: number[] = [];
      if (rnd() < 0.1) w.push(Math.floor(rnd() * 3));
      while (w.length < 3) {
        const k = pick();
        if (!w.includes(k)) w.push(k);
      }
      wishes.push(`{${w.map((k) => ids[k]).join(',')}}`);
      const ability = 2 + ((rnd() + rnd() + rnd()) / 3) * 7;
      marks.push(JSON.stringify({ toan: mark(ability), van: mark(ability), anh: mark(ability) }));
      const p = rnd();
      priority.push(p < 0.03 ? 2 : p < 0.08 ? 1.5 : p < 0.15 ? 1 : 0);
    }
    await sql`
      WITH u AS (
        SELECT gen_random_uuid() AS id, 'TS_LOP10-BENCH-' || lpad(s::text, 7, '0') AS code, s, w, m, p
          FROM unnest(${serial}::int[], ${wishes}::text[], ${marks}::text[], ${priority}::numeric[]) AS u(s, w, m, p)
      ), d AS (
        INSERT INTO dossiers (id, code, procedure_code, unit_id, applicant_key, state, received_at)
        SELECT id, code, 'TS_LOP10', ${department}::uuid, encode(sha256(convert_to('bench-' || s, 'UTF8')), 'hex'), 'approved',
               now() FROM u
      ), a AS (
        INSERT INTO admission_applications (dossier_id, round_id, dossier_code, applicant_key, child_name, date_of_birth,
          gender, residence_commune_id, residence_status, registry_match, wishes, contact_channel, contact_address)
        SELECT id, ${roundId}::uuid, code, encode(sha256(convert_to('bench-' || s, 'UTF8')), 'hex'),
               'Thí sinh mô phỏng', '2012-06-01', 'male', ${commune}::uuid, 'unregistered', false, w::uuid[], 'sms',
               '+8490' || lpad(s::text, 7, '0')
          FROM u
      )
      INSERT INTO admission_exam_scores (dossier_id, round_id, registration_no, marks, priority_points)
      SELECT id, ${roundId}::uuid, lpad(s::text, 8, '0'), m::jsonb, p FROM u`.execute(db);
  }
  await sql`ANALYZE admission_applications, dossiers, admission_exam_scores`.execute(db);
  return { roundId, seats };
}
