import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadDemoResidents } from '../../src/server/demo/residents/load-residents.ts';
import { formatPersonalId } from '../../src/server/modules/population/personal-id.ts';
import type { MemoryOtpSender } from '../../src/server/platform/otp/otp-sender.ts';
import type { Gender } from '../../src/shared/population.schema.ts';
import type { Client } from './http.ts';
import type { TestContext } from './test-app.ts';

/**
 * Builders for the admissions integration tests (and the benchmarks' synthetic data): the demo
 * units a round needs, a round made and opened through the API, verified contacts and filed
 * applications. Each test passes its own codes, seats, villages and children. No `vitest`
 * import, so that bench/ can use the pure parts: a failed step throws, as `login` does.
 */

const DAY_MS = 24 * 3600 * 1000;

/** The instant `offsetDays` days from now (negative: in the past), as ISO 8601. */
export const daysFromNow = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString();

/** A timeline whose registration runs now (from yesterday for 10 days); review, results and confirmation follow 10 days apart. */
export const timelineRegisteringNow = () => ({
  registerFrom: daysFromNow(-1),
  registerTo: daysFromNow(10),
  reviewTo: daysFromNow(20),
  resultsAt: daysFromNow(30),
  confirmTo: daysFromNow(40),
});

/**
 * The body of a grade-1 round registering now, by catchment with two wishes and a lottery for
 * children from outside it (Thông tư 30/2024/TT-BGDĐT); `round` names it and may replace any field.
 */
export const grade1RoundRegisteringNow = (round: {
  code: string;
  name: string;
  schoolYear: string;
  runningUnitId: string;
  [field: string]: unknown;
}) => ({
  level: 1,
  timeline: timelineRegisteringNow(),
  rules: { method: 'catchment', wishCount: 2, lotteryForOutOfCatchment: true },
  priorityGroups: [],
  ...round,
});

/**
 * Grade-10 rules by exam (Thông tư 30/2024/TT-BGDĐT): maths and literature ×2, English ×1, three
 * wishes with offsets [0, 1, 2], the specialised schools first; `over` replaces any of them.
 */
export const grade10ExamRules = (over: object = {}) => ({
  method: 'exam',
  subjects: [
    { code: 'toan', name: 'Toán', coefficient: 2 },
    { code: 'van', name: 'Ngữ văn', coefficient: 2 },
    { code: 'anh', name: 'Tiếng Anh', coefficient: 1 },
  ],
  wishCount: 3,
  wishOffsets: [0, 1, 2],
  specialisedFirst: true,
  maxBonusPoints: 0,
  tieBreakers: ['priority_points', 'subject:toan', 'subject:van'],
  tieAtLastSeat: 'admit_all',
  ...over,
});

export interface ChildIdentity {
  personalId: string;
  dateOfBirth: string;
  fullName: string;
  gender: Gender;
}

/**
 * A synthetic child with the personal ID of `serial` (6 digits) born in the year of its date of
 * birth in `provinceCode`; with serials outside the demo residents' range the registry does not know it.
 */
export function syntheticChild(
  provinceCode: string,
  serial: number | string,
  child: Omit<ChildIdentity, 'personalId'>,
) {
  const birthYear = Number(child.dateOfBirth.slice(0, 4));
  const personalId = formatPersonalId({ provinceCode, birthYear, gender: child.gender, serial: String(serial) });
  return { personalId, ...child };
}

/** The id of the commune of the demo province called `name` (e.g. 'Xã Tịnh Khê'). */
export async function findCommuneId(ctx: TestContext, name: string): Promise<string> {
  const communes: { id: string; name: string }[] = (await ctx.app.inject('/api/org/communes')).json();
  return communes.find((c) => c.name === name)!.id;
}

/** The Sở (department) of the demo province, which runs grade-10 rounds. */
export async function findDepartmentId(ctx: TestContext): Promise<string> {
  const province = (await ctx.app.inject('/api/org/units')).json()[0].id;
  const children: { id: string; typeCode: string }[] = (
    await ctx.app.inject(`/api/org/units?parentId=${province}`)
  ).json();
  return children.find((u) => u.typeCode === 'department')!.id;
}

/** The unit id of the first school found by `q` (its name). */
export async function findSchoolId(ctx: TestContext, q: string): Promise<string> {
  return (await ctx.app.inject(`/api/org/schools?q=${encodeURIComponent(q)}`)).json().items[0].unitId;
}

/** Xã Tịnh Khê and two of its primary schools: School 1 (named "số 1") and another. */
export async function findTinhKhePrimaries(ctx: TestContext) {
  const tinhKhe = await findCommuneId(ctx, 'Xã Tịnh Khê');
  const schools: { unitId: string; name: string; levels: string[] }[] = (
    await ctx.app.inject(`/api/org/schools?communeId=${tinhKhe}&pageSize=200`)
  ).json().items;
  const primaries = schools.filter((s) => s.levels.includes('tieu_hoc'));
  const first = primaries.find((s) => s.name.includes('số 1'))!;
  const other = primaries.find((s) => s !== first)!;
  return { tinhKhe, school1: first.unitId, school1Name: first.name, school2: other.unitId, school2Name: other.name };
}

export interface SchoolSeats {
  schoolId: string;
  classes: number;
  pupilsPerClass: number;
  specialised?: boolean;
}
export interface Catchment {
  schoolId: string;
  communeId: string;
  village?: string | null;
}
export interface RoundSetup {
  /** The body of POST /api/admissions/rounds. */
  round: { code: string; name: string; level: number; runningUnitId: string; [field: string]: unknown };
  schools: SchoolSeats[];
  /** Grades 1 and 6 only: grade 10 admits by scores. */
  catchments?: Catchment[];
}

/** A round as its staff see it: the id and the version their next change must name. */
export interface StaffRound {
  id: string;
  version: number;
  /** Moves the round to `to` at the current version, and keeps the version it answers. */
  setStatus(to: string): Promise<{ status: number; body: any }>;
}

function ensure(step: string, res: { status: number; body: unknown }, status = 200): void {
  if (res.status !== status) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Creates a round as `staff`, gives it its schools and seats (and catchments), and opens it. */
export async function createOpenRound(staff: Client, setup: RoundSetup): Promise<StaffRound> {
  const created = await staff.post('/api/admissions/rounds', setup.round);
  ensure(`create round ${setup.round.code}`, created, 201);
  const url = `/api/admissions/rounds/${created.body.id}`;
  const round: StaffRound = {
    id: created.body.id,
    version: created.body.version,
    async setStatus(to) {
      const res = await staff.post(`${url}/status`, { status: to, expectedVersion: round.version });
      if (res.status === 200) round.version = res.body.version;
      return res;
    },
  };
  const seats = await staff.put(`${url}/schools`, { expectedVersion: round.version, schools: setup.schools });
  ensure('round schools', seats);
  round.version = seats.body.version;
  if (setup.catchments) {
    const catchments = await staff.put(`${url}/catchments`, {
      expectedVersion: round.version,
      catchments: setup.catchments,
    });
    ensure('round catchments', catchments);
    round.version = catchments.body.version;
  }
  ensure('open round', await round.setStatus('open'));
  return round;
}

/** Ends registration without waiting: moves the round's deadline `ago` (an interval) into the past. */
export async function endRegistration(ctx: TestContext, roundId: string, ago: string): Promise<void> {
  await sql`UPDATE admission_rounds SET register_to = now() - ${ago}::interval WHERE id = ${roundId}`.execute(
    ctx.platform.db,
  );
}

/**
 * Approves the round's applications that are still undecided (received, in review or back from
 * a supplement) through the staff bulk action, as the reviewers do before the allocation; with
 * `only` or `except` (dossier codes), just those or all but those. Returns how many.
 */
export async function approveAll(
  staff: Client,
  roundId: string,
  opts: { only?: readonly string[]; except?: readonly string[] } = {},
): Promise<number> {
  const url = `/api/admissions/rounds/${roundId}/applications`;
  const ids: string[] = [];
  for (const state of ['submitted', 'in_review', 'resubmitted']) {
    for (let page = 1; ; page++) {
      const res = await staff.get(`${url}?state=${state}&pageSize=100&page=${page}`);
      ensure(`queue (${state})`, res);
      const items = res.body.items as { dossierId: string; dossierCode: string }[];
      for (const i of items)
        if ((!opts.only || opts.only.includes(i.dossierCode)) && !opts.except?.includes(i.dossierCode))
          ids.push(i.dossierId);
      if (page * 100 >= res.body.total) break;
    }
  }
  for (let i = 0; i < ids.length; i += 500) {
    const res = await staff.post(`${url}/bulk`, { dossierIds: ids.slice(i, i + 500), action: 'approve' });
    ensure('bulk approve', res);
    if (res.body.failed > 0) throw new Error(`bulk approve: ${JSON.stringify(res.body.items.slice(0, 3))}`);
  }
  return ids.length;
}

/** Requests and verifies a one-time code to `phone` from client address `ip`, as a parent does before applying. */
export async function verifiedContactToken(
  ctx: TestContext,
  sender: MemoryOtpSender,
  phone: string,
  ip = '127.0.0.1',
): Promise<string> {
  const purpose = 'admissions.apply';
  const post = (url: string, payload: object) => ctx.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
  await post('/api/public/otp/request', { channel: 'sms', address: phone, purpose });
  const code = sender.lastCode(`+84${phone.slice(1)}`)!;
  const res = await post('/api/public/otp/verify', { channel: 'sms', address: phone, purpose, code });
  ensure(`verify ${phone}`, { status: res.statusCode, body: res.body });
  return res.json().token;
}

export interface Filing {
  roundId: string;
  /** The verified-contact token of the family. */
  token: string;
  ip: string;
}
export interface Choices {
  residence: { communeId: string; village: string | null };
  wishes: string[];
  priorityGroup?: string | null;
}

/** Files a public application for `child` with a fresh idempotency key; returns the dossier code. */
export async function fileApplication(
  ctx: TestContext,
  filing: Filing,
  child: ChildIdentity,
  choices: Choices,
): Promise<string> {
  const { personalId, dateOfBirth, fullName, gender } = child;
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/admissions/rounds/${filing.roundId}/applications`,
    headers: { 'x-otp-token': filing.token, 'idempotency-key': randomUUID() },
    remoteAddress: filing.ip,
    payload: { personalId, dateOfBirth, fullName, gender, priorityGroup: null, ...choices },
  });
  ensure(`file ${fullName}`, { status: res.statusCode, body: res.body }, 201);
  return res.json().dossierCode;
}

export interface Resident extends ChildIdentity {
  village: string;
}

/**
 * The youngest cohort of demo residents of `communeId` with a permanent village (loading the
 * residents if the database has none), grouped by village, the largest village first.
 */
export async function youngestCohortByVillage(
  ctx: TestContext,
  communeId: string,
): Promise<{ year: number; villages: [string, Resident[]][] }> {
  const { rows: n } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM demo_residents`.execute(ctx.platform.db);
  if (n[0]!.n === 0) await loadDemoResidents(ctx.platform.db);
  const { rows } = await sql<Resident & { year: number }>`
    SELECT personal_id AS "personalId", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
           full_name AS "fullName", gender, permanent_village AS village,
           extract(year FROM date_of_birth)::int AS year
      FROM demo_residents
     WHERE permanent_commune_id = ${communeId} AND permanent_village IS NOT NULL AND note IS NULL
     ORDER BY date_of_birth DESC, personal_id`.execute(ctx.platform.db);
  const year = rows[0]!.year;
  const byVillage = new Map<string, Resident[]>();
  for (const { year: y, ...child } of rows)
    if (y === year) byVillage.set(child.village, [...(byVillage.get(child.village) ?? []), child]);
  return { year, villages: [...byVillage].sort((x, y) => y[1].length - x[1].length) };
}
