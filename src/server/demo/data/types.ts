/**
 * Shapes of the synthetic demo dataset. Units are referred to by stable string keys
 * (not database ids) so the loader can resolve them in any order it likes.
 */

export type UnitTypeCode =
  | 'province'
  | 'district'
  | 'commune'
  | 'ward'
  | 'special_zone'
  | 'department'
  | 'division'
  | 'district_education_office'
  | 'commune_committee'
  | 'culture_society_division'
  | 'school'
  | 'gdtx_centre';

export type SchoolLevel = 'mam_non' | 'tieu_hoc' | 'thcs' | 'thpt' | 'lien_cap' | 'gdtx';

export interface DemoUnit {
  /** Stable unique key, e.g. 'xa-tinh-khe'. */
  key: string;
  /** Unique code shown to users, e.g. 'QNG.X045'; schools use 8 digits. */
  code: string;
  /** Current (or last) name, NFC. */
  name: string;
  typeCode: UnitTypeCode;
  parentKey: string | null;
  /** 'yyyy-mm-dd'. */
  validFrom: string | null;
  /** Last day valid; null = still exists. */
  validTo: string | null;
  /** Older names, oldest first. */
  formerNames?: { name: string; validFrom: string | null; validTo: string }[];
}

export interface DemoSchool extends DemoUnit {
  typeCode: 'school' | 'gdtx_centre';
  levels: SchoolLevel[];
  ownership: 'public' | 'private';
  /** The commune-level unit the school stands in. */
  communeKey: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface DemoEvent {
  kind: 'created' | 'renamed' | 'merged' | 'split' | 'moved' | 'dissolved';
  effectiveDate: string;
  decisionRef: string | null;
  fromKeys: string[];
  toKeys: string[];
  note: string | null;
}

export interface DemoUser {
  /** Lowercase ascii [a-z0-9._-]. */
  username: string;
  /** Synthetic Vietnamese name, family name first. */
  fullName: string;
  email: string | null;
  mustChangePassword: boolean;
  grants: { role: string; unitKey: string }[];
  /** What this demo login shows, for the README and login page. */
  description: { vi: string; en: string };
}

export interface DemoDataset {
  /** Says the schools, people and figures are synthetic. */
  notice: { vi: string; en: string };
  /** Every non-school unit, parents before children. */
  units: DemoUnit[];
  schools: DemoSchool[];
  events: DemoEvent[];
  users: DemoUser[];
}
