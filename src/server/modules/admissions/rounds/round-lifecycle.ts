import { isDeepStrictEqual } from 'node:util';
import type { RoundPatch, RoundPhase, RoundStatus, Timeline } from '../../../../shared/admissions.schema.ts';
import type { Permission } from '../../../platform/access/permissions.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';

/**
 * The life of a round and what may still change in each state.
 *
 *   draft ──open──▶ open ──▶ closed_for_review ──▶ allocating ──▶ published ──▶ closed
 *                                     ▲                  │
 *                                     └──────────────────┘ (back to review after a practice run)
 *
 * A draft is configured freely. Opening publishes the configuration to parents (the trial
 * window and registration run on the timeline), so from then on the rules, schools, catchments
 * and start dates are fixed: families choose schools from them. Only deadlines still ahead may be
 * extended, and seats increased while registration or review is under way.
 */
export const TRANSITIONS: Readonly<Record<RoundStatus, readonly { to: RoundStatus; permission: Permission }[]>> = {
  draft: [{ to: 'open', permission: 'admissions.manage' }],
  open: [{ to: 'closed_for_review', permission: 'admissions.manage' }],
  closed_for_review: [{ to: 'allocating', permission: 'admissions.allocate' }],
  allocating: [
    { to: 'published', permission: 'admissions.allocate' },
    { to: 'closed_for_review', permission: 'admissions.allocate' },
  ],
  published: [{ to: 'closed', permission: 'admissions.manage' }],
  closed: [],
};

export function findTransition(from: RoundStatus, to: RoundStatus) {
  return TRANSITIONS[from].find((t) => t.to === to) ?? null;
}

/** Deadlines that may still be moved later in each state: only those not yet behind the round. */
export const EXTENDABLE: Readonly<Record<RoundStatus, readonly (keyof Timeline)[]>> = {
  draft: [],
  open: ['registerTo', 'reviewTo', 'resultsAt', 'confirmTo', 'supplementaryTo'],
  closed_for_review: ['reviewTo', 'resultsAt', 'confirmTo', 'supplementaryTo'],
  allocating: ['resultsAt', 'confirmTo', 'supplementaryTo'],
  published: ['confirmTo', 'supplementaryTo'],
  closed: [],
};

/** Seats may be increased while applications are filed or reviewed, not once allocation starts. */
export const SEATS_MAY_GROW: readonly RoundStatus[] = ['open', 'closed_for_review'];

const sameInstant = (a: string | null | undefined, b: string | null) =>
  (a ?? null) === null ? b === null : b !== null && Date.parse(a as string) === Date.parse(b);

/**
 * What a PATCH may not do to a round that is no longer a draft. Fields sent unchanged are
 * accepted, so a client may send back the whole form.
 */
export function lockedPatchProblems(
  status: RoundStatus,
  current: { name: string; timeline: Timeline; rules: unknown; priorityGroups: unknown },
  patch: RoundPatch,
): ErrorDetail[] {
  if (status === 'draft') return [];
  const out: ErrorDetail[] = [];
  const fixed = `không sửa được khi kỳ tuyển sinh đã mở (${status}) / cannot change once the round is open (${status})`;
  if (patch.name !== undefined && patch.name !== current.name) out.push({ path: 'name', message: fixed });
  if (patch.rules !== undefined && !isDeepStrictEqual(patch.rules, current.rules))
    out.push({ path: 'rules', message: fixed });
  if (patch.priorityGroups !== undefined && !isDeepStrictEqual(patch.priorityGroups, current.priorityGroups))
    out.push({ path: 'priorityGroups', message: fixed });
  for (const [key, value] of Object.entries(patch.timeline ?? {}) as [keyof Timeline, string | null][]) {
    const was = current.timeline[key];
    if (value === undefined || sameInstant(value, was)) continue;
    const later = value !== null && was !== null && Date.parse(value) > Date.parse(was);
    if (!EXTENDABLE[status].includes(key) || !later)
      out.push({
        path: `timeline.${key}`,
        message: `chỉ được gia hạn (lùi về sau) các mốc chưa qua: ${EXTENDABLE[status].join(', ') || '—'} / only deadlines still ahead may be extended (moved later): ${EXTENDABLE[status].join(', ') || '—'}`,
      });
  }
  return out;
}

/** Where an open round stands at `now`, for parents. */
export function phaseAt(t: Timeline, now: Date): RoundPhase {
  const ms = now.getTime();
  if (ms >= Date.parse(t.registerTo)) return 'registration_closed';
  if (ms >= Date.parse(t.registerFrom)) return 'registration';
  if (t.trialFrom && t.trialTo && ms >= Date.parse(t.trialFrom) && ms < Date.parse(t.trialTo)) return 'trial';
  return 'upcoming';
}
