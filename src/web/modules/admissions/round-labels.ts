import type { RoundStatus, Timeline } from '../../../shared/admissions.schema.ts';

/**
 * The life of a round as the server enforces it (rounds/round-lifecycle.ts): which moves a
 * page offers, and the permission each needs. The server checks again and explains refusals.
 */
export const TRANSITIONS: Readonly<Record<RoundStatus, readonly { to: RoundStatus; permission: string }[]>> = {
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

export const STATUSES: readonly RoundStatus[] = [
  'draft',
  'open',
  'closed_for_review',
  'allocating',
  'published',
  'closed',
];
export const LEVELS = [1, 6, 10] as const;

/** The timeline fields in order; the first two and the last two are optional pairs. */
export const TIMELINE_FIELDS: readonly { key: keyof Timeline; required: boolean }[] = [
  { key: 'trialFrom', required: false },
  { key: 'trialTo', required: false },
  { key: 'registerFrom', required: true },
  { key: 'registerTo', required: true },
  { key: 'reviewTo', required: true },
  { key: 'resultsAt', required: true },
  { key: 'confirmTo', required: true },
  { key: 'supplementaryFrom', required: false },
  { key: 'supplementaryTo', required: false },
];

/** Tie-breakers the allocation library implements (TieBreaker in admission-rules.schema.ts). */
export const FIXED_TIE_BREAKERS = ['priority_points', 'bonus_points'] as const;

/** `2026-2027` → `2027-2028`: the school year after. */
export function nextSchoolYear(year: string): string {
  const first = Number(year.slice(0, 4));
  return Number.isFinite(first) ? `${first + 1}-${first + 2}` : year;
}

/** The school year starting in the autumn of this calendar year (rounds run in June–July). */
export function currentSchoolYear(now = new Date()): string {
  const y = now.getFullYear();
  return `${y}-${y + 1}`;
}
