import type { DemoDataset } from '../data/dataset.ts';
import { createRandom, pick, type Random } from '../data/prng.ts';
import { ENTRY_AGE } from '../residents/generate.ts';
import type { DemoResident } from '../residents/types.ts';
import { CATCHMENT_GROUPS, type DemoRoundConfig, GRADE10_GROUPS } from './rounds-config.ts';

/**
 * The SYNTHETIC applications of the demo rounds, planned without a database: which children of
 * the synthetic residents apply where, when, and how far their dossier has gone. Deterministic
 * for a given load time (seeded PRNG per round). Contacts are synthetic: e-mails at
 * example.invalid (a domain that cannot receive mail, RFC 6761) and phones 0900 00x xxx.
 */

export type StepAction = 'start_review' | 'request_supplement' | 'resubmit' | 'approve' | 'withdraw';

export interface PlannedStep {
  action: StepAction;
  at: Date;
  reason: string | null;
  details: { documents?: string[]; note?: string } | null;
}

export interface PlannedApplication {
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'male' | 'female';
  /** Code of the commune the child lives in (the registry's current residence). */
  communeCode: string;
  village: string | null;
  /** School keys (demo/data), in order of preference. */
  wishes: string[];
  priorityGroup: string | null;
  contact: { channel: 'sms' | 'email'; address: string };
  receivedAt: Date;
  steps: PlannedStep[];
}

export interface PlannedCatchment {
  schoolKey: string;
  communeCode: string;
  village: string | null;
}

export interface PlannedRound {
  config: DemoRoundConfig;
  /** Seats per school after the over-subscription adjustment. */
  pupilsPerClass: Map<string, number>;
  catchments: PlannedCatchment[];
  applications: PlannedApplication[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Midnight in Vietnam (UTC+7) of the load day, plus `days`, plus `hours`. */
export function dayAt(now: Date, days: number, hours = 0): Date {
  const vnMidnight = Math.floor((now.getTime() + 7 * HOUR) / DAY) * DAY - 7 * HOUR;
  return new Date(vnMidnight + days * DAY + hours * HOUR);
}

function seedOf(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Plans every demo round. `firstContact` numbers the synthetic contacts across rounds. */
export function planDemoAdmissions(
  configs: readonly DemoRoundConfig[],
  dataset: DemoDataset,
  residents: readonly DemoResident[],
  now: Date,
  admissionYear = 2027,
): PlannedRound[] {
  const codeOf = new Map(dataset.units.map((u) => [u.key, u.code]));
  const communeOfSchool = new Map(dataset.schools.map((s) => [s.key, codeOf.get(s.communeKey) ?? '']));
  let contact = 0;
  return configs.map((config) => {
    const random = createRandom(seedOf(config.code));
    const birthYear = admissionYear - ENTRY_AGE[config.level];
    const communes = new Set(config.communeKeys.map((k) => codeOf.get(k)));
    // Ordinary residents only: the tricky records (notes) stay for the registry demo.
    const cohort = residents.filter(
      (r) => r.note === null && r.dateOfBirth.startsWith(`${birthYear}-`) && communes.has(r.permanent.communeCode),
    );
    const schoolKeys = config.schools.map((s) => s.key);
    const catchments = config.level === 10 ? [] : catchmentsOf(config, cohort, codeOf);
    const home = (r: DemoResident) =>
      catchments.find((c) => c.communeCode === r.current.communeCode && c.village === r.current.village)?.schoolKey;
    const applications: PlannedApplication[] = [];
    const from = dayAt(now, config.days.register[0], 7).getTime();
    const to = Math.min(dayAt(now, config.days.register[1], 17).getTime(), now.getTime() - HOUR);
    for (const r of cohort) {
      if (random() >= config.share) continue;
      const wishes =
        config.level === 10
          ? grade10Wishes(random, r, schoolKeys, config, communeOfSchool)
          : catchmentWishes(random, schoolKeys, home(r));
      const receivedAt = new Date(from + Math.floor(random() * (to - from)));
      contact++;
      applications.push({
        personalId: r.personalId,
        fullName: r.fullName,
        dateOfBirth: r.dateOfBirth,
        gender: r.gender,
        communeCode: r.current.communeCode,
        village: r.current.village,
        wishes,
        priorityGroup: priorityOf(random, config, r),
        contact:
          random() < 0.75
            ? { channel: 'email', address: `phuhuynh+${contact}@example.invalid` }
            : { channel: 'sms', address: `+84900${String(contact).padStart(5, '0')}` },
        receivedAt,
        steps: [],
      });
    }
    applications.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
    applications.forEach((a, i) => {
      a.steps = stepsOf(random, config, a.receivedAt, now, i === Math.floor(applications.length / 2));
    });
    return { config, pupilsPerClass: seatsOf(config, applications), catchments, applications };
  });
}

/** Villages of the commune shared out among its schools in turn (each school also takes villages nobody lists). */
function catchmentsOf(config: DemoRoundConfig, cohort: readonly DemoResident[], codeOf: Map<string, string>) {
  const commune = codeOf.get(config.runningUnitKey) ?? '';
  const villages = [...new Set(cohort.flatMap((r) => (r.permanent.village ? [r.permanent.village] : [])))].sort();
  return villages.map((village, i) => ({
    schoolKey: config.schools[i % config.schools.length]!.key,
    communeCode: commune,
    village,
  }));
}

/** Mostly the catchment school first; a second wish half of the time. */
function catchmentWishes(random: Random, schools: readonly string[], home: string | undefined): string[] {
  const first = home && random() < 0.85 ? home : pick(random, schools);
  const others = schools.filter((s) => s !== first);
  return others.length && random() < 0.5 ? [first, pick(random, others)] : [first];
}

/** A specialised school first for some; then schools of the child's own commune; up to three wishes. */
function grade10Wishes(
  random: Random,
  r: DemoResident,
  schools: readonly string[],
  config: DemoRoundConfig,
  communeOfSchool: Map<string, string>,
): string[] {
  const specialised = config.schools.filter((s) => s.specialised).map((s) => s.key);
  const near = schools.filter((s) => communeOfSchool.get(s) === r.current.communeCode && !specialised.includes(s));
  const out: string[] = [];
  if (random() < 0.3) out.push(pick(random, specialised));
  for (const s of near) if (out.length < 3) out.push(s);
  while (out.length < Math.min(3, 1 + Math.floor(random() * 3))) {
    const s = pick(random, schools);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function priorityOf(random: Random, config: DemoRoundConfig, r: DemoResident): string | null {
  if (config.level === 10)
    return r.ethnicity !== 'kinh' && random() < 0.5
      ? 'NHOM3'
      : random() < 0.05
        ? pick(random, GRADE10_GROUPS).code
        : null;
  return random() < 0.08 ? pick(random, CATCHMENT_GROUPS).code : null;
}

/**
 * How far each dossier went, with times after the receipt and before `now`. One application per
 * round (`withdrawn`) is withdrawn by the family.
 */
function stepsOf(
  random: Random,
  config: DemoRoundConfig,
  receivedAt: Date,
  now: Date,
  withdrawn: boolean,
): PlannedStep[] {
  const end =
    config.status === 'open' ? now.getTime() : Math.min(now.getTime(), dayAt(now, config.days.review).getTime());
  const span = Math.max(end - receivedAt.getTime(), 10 * 60_000);
  let t = receivedAt.getTime();
  const next = (): Date => {
    t += Math.floor((random() * span) / 6) + 60_000;
    return new Date(Math.min(t, end - 60_000));
  };
  const step = (action: StepAction, reason: string | null = null, details: PlannedStep['details'] = null) => ({
    action,
    at: next(),
    reason,
    details,
  });
  if (withdrawn) return [step('withdraw', 'Gia đình chuyển nơi ở, không học tại địa bàn.')];
  const u = random();
  const plan: Record<DemoRoundConfig['status'], number[]> = {
    // Cumulative shares: submitted, in review, supplement requested, resubmitted, approved.
    open: [0.35, 0.55, 0.63, 0.68, 1],
    closed_for_review: [0.2, 0.5, 0.55, 0.58, 1],
    published: [0, 0, 0, 0, 1],
  };
  const [sub, rev, supp, resub] = plan[config.status];
  if (u < sub!) return [];
  const review = step('start_review');
  if (u < rev!) return [review];
  const supplement = step('request_supplement', 'Bản sao giấy khai sinh chưa rõ, đề nghị bổ sung bản rõ nét.', {
    documents: ['GIAY_KHAI_SINH'],
  });
  if (u < supp!) return [review, supplement];
  if (u < resub!) return [review, supplement, step('resubmit', null, { note: 'Đã tải lên bản rõ nét.' })];
  return [review, step('approve')];
}

/** Seats as configured, except the over-subscribed school: two fewer than its first wishes. */
function seatsOf(config: DemoRoundConfig, applications: readonly PlannedApplication[]): Map<string, number> {
  const seats = new Map(config.schools.map((s) => [s.key, s.pupilsPerClass]));
  const target = config.overSubscribed;
  if (target) {
    const active = applications.filter((a) => a.steps.at(-1)?.action !== 'withdraw' && a.wishes[0] === target);
    seats.set(target, Math.min(35, Math.max(1, active.length - 2)));
  }
  return seats;
}
