import type {
  CatchmentApplicantResult,
  CatchmentInput,
  CatchmentReason,
  CatchmentResult,
  CatchmentSchoolResult,
  CatchmentWishResult,
} from './catchment.types.ts';
import { lotteryNumber } from './lottery.ts';
import { AllocationInputError, compareIds } from './score.ts';

/**
 * Grades 1 and 6 (Thông tư 30/2024/TT-BGDĐT: by residence catchment; since July 2025 run by the
 * commune). Every child living in a school's catchment who applies there is placed there, even
 * beyond the seats (the overflow is reported, not refused). The seats left go to the other
 * applicants by priority group (rank 1 first, no group last), then by the public lottery
 * (`lotteryNumber`: smaller first, then applicant id).
 *
 * With more than one wish this is applicant-proposing deferred acceptance (Gale & Shapley 1962)
 * with that school priority, so a child who misses its first wish still competes fairly for the
 * next one, and a catchment child never loses its catchment place by also trying elsewhere.
 * Pure and deterministic: the same input (with the same seed) gives the same result.
 */
export function allocateCatchment(input: CatchmentInput): CatchmentResult {
  const { seed, schools, applicants } = input;
  const schoolIndex = indexSchools(input);
  const n = applicants.length;
  // Without a lottery every number is 0, so the order falls to the ids: the order of receipt.
  const lottery = applicants.map((a) => (seed === null ? 0 : lotteryNumber(seed, a.id)));
  const group = applicants.map((a) => a.priorityRank ?? Number.POSITIVE_INFINITY);
  const order = applicants.map((_, i) => i);
  order.sort(
    (a, b) => group[a]! - group[b]! || lottery[a]! - lottery[b]! || compareIds(applicants[a]!.id, applicants[b]!.id),
  );
  const rank = new Int32Array(n);
  order.forEach((i, p) => {
    rank[i] = p;
  });

  const inCatchment: number[][] = schools.map(() => []);
  const held: number[][] = schools.map(() => []); // out-of-catchment, best (lowest rank) first
  const rejectedAt: number[][] = schools.map(() => []);
  const next = new Int32Array(n);
  const free = order.slice().reverse();
  while (free.length > 0) {
    const i = free.pop()!;
    const wish = applicants[i]!.wishes[next[i]!];
    if (!wish) continue;
    next[i]!++;
    const s = schoolIndex.get(wish.schoolId)!;
    if (wish.inCatchment) inCatchment[s]!.push(i);
    else held[s]!.splice(insertionPoint(held[s]!, rank[i]!, rank), 0, i);
    const room = Math.max(0, schools[s]!.seats - inCatchment[s]!.length);
    while (held[s]!.length > room) {
      const out = held[s]!.pop()!;
      rejectedAt[s]!.push(out);
      free.push(out);
    }
  }

  const reasonOf = new Array<CatchmentReason | null>(n).fill(null);
  const schoolResults: CatchmentSchoolResult[] = schools.map((school, s) => {
    for (const i of inCatchment[s]!) reasonOf[i] = 'in_catchment';
    const best = rejectedAt[s]!.reduce((m, i) => Math.min(m, group[i]!), Number.POSITIVE_INFINITY);
    const anyRejected = rejectedAt[s]!.length > 0;
    const byGroup = new Map<number, number>();
    let lastAdmittedLottery: number | null = null;
    for (const i of held[s]!) {
      if (!anyRejected) reasonOf[i] = 'seats_available';
      else if (group[i]! < best) {
        reasonOf[i] = 'priority_group';
        byGroup.set(group[i]!, (byGroup.get(group[i]!) ?? 0) + 1);
      } else {
        reasonOf[i] = seed === null ? 'receipt_order' : 'lottery';
        lastAdmittedLottery = Math.max(lastAdmittedLottery ?? 0, lottery[i]!);
      }
    }
    const admitted = inCatchment[s]!.length + held[s]!.length;
    const count = (r: CatchmentReason) => held[s]!.filter((i) => reasonOf[i] === r).length;
    return {
      schoolId: school.id,
      seats: school.seats,
      admitted,
      inCatchment: inCatchment[s]!.length,
      overflow: Math.max(0, inCatchment[s]!.length - school.seats),
      byPriorityGroup: [...byGroup]
        .sort((a, b) => a[0] - b[0])
        .map(([priorityRank, k]) => ({ priorityRank, admitted: k })),
      byLottery: count('lottery') + count('receipt_order'),
      seatsAvailable: count('seats_available'),
      lotteryGroup: lastAdmittedLottery === null ? null : { priorityRank: Number.isFinite(best) ? best : null },
      lastAdmittedLottery,
      rejected: rejectedAt[s]!.length,
      emptySeats: Math.max(0, school.seats - admitted),
    };
  });

  const admittedWish = new Int32Array(n).fill(-1);
  schools.forEach((_, s) => {
    for (const i of [...inCatchment[s]!, ...held[s]!]) admittedWish[i] = next[i]! - 1;
  });
  const results: CatchmentApplicantResult[] = applicants.map((a, i) => {
    const w = admittedWish[i]!;
    const wishes: CatchmentWishResult[] = a.wishes.map((wish, r) => {
      const s = schoolIndex.get(wish.schoolId)!;
      const sr = schoolResults[s]!;
      const lastAdmitted =
        sr.lotteryGroup && sr.lastAdmittedLottery !== null
          ? { priorityRank: sr.lotteryGroup.priorityRank, lottery: sr.lastAdmittedLottery }
          : null;
      const outcome = r === w ? 'admitted' : w >= 0 && r > w ? 'not_considered' : 'seats_full';
      return {
        schoolId: wish.schoolId,
        schoolName: schools[s]!.name,
        inCatchment: wish.inCatchment,
        outcome,
        reason: outcome === 'admitted' ? reasonOf[i]! : null,
        lastAdmitted,
      };
    });
    return {
      applicantId: a.id,
      schoolId: w >= 0 ? a.wishes[w]!.schoolId : null,
      wishIndex: w >= 0 ? w : null,
      reason: w >= 0 ? reasonOf[i]! : 'seats_full',
      priorityRank: a.priorityRank,
      lottery: lottery[i]!,
      wishes,
    };
  });
  return { seed, applicants: results, schools: schoolResults };
}

function insertionPoint(list: readonly number[], r: number, rank: Int32Array): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rank[list[mid]!]! < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexSchools(input: CatchmentInput): Map<string, number> {
  if (input.seed !== null && input.seed.length === 0) throw new AllocationInputError('the lottery seed is empty');
  const index = new Map<string, number>();
  input.schools.forEach((s, k) => {
    if (index.has(s.id)) throw new AllocationInputError(`duplicate school id ${s.id}`);
    if (!Number.isInteger(s.seats) || s.seats < 0) throw new AllocationInputError(`school ${s.id}: seats`);
    index.set(s.id, k);
  });
  const ids = new Set<string>();
  for (const a of input.applicants) {
    if (ids.has(a.id)) throw new AllocationInputError(`duplicate applicant id ${a.id}`);
    ids.add(a.id);
    if (a.priorityRank !== null && !(Number.isInteger(a.priorityRank) && a.priorityRank >= 1)) {
      throw new AllocationInputError(`${a.id}: priority rank ${a.priorityRank}`);
    }
    if (a.wishes.length === 0) throw new AllocationInputError(`${a.id}: no wish`);
    a.wishes.forEach((w, r) => {
      if (!index.has(w.schoolId)) throw new AllocationInputError(`${a.id}: unknown school ${w.schoolId}`);
      if (a.wishes.findIndex((x) => x.schoolId === w.schoolId) !== r) {
        throw new AllocationInputError(`${a.id}: school ${w.schoolId} twice`);
      }
    });
  }
  return index;
}
