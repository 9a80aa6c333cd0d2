import type { SchoolLevel } from '../../../shared/org.schema.ts';

/** School levels in display order; labels are i18n keys `level.<code>` (Mầm non, Tiểu học, THCS…). */
export const SCHOOL_LEVELS: SchoolLevel[] = ['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'lien_cap', 'gdtx'];

export const OWNERSHIPS = ['public', 'private'] as const;

export function isSchoolLevel(value: string | null): value is SchoolLevel {
  return !!value && (SCHOOL_LEVELS as string[]).includes(value);
}

/** Keeps URL parameters that are uuids; anything else is dropped rather than sent. */
export function uuidOrUndefined(value: string | null): string | undefined {
  return value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined;
}
