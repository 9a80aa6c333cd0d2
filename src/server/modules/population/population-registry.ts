import type { Gender, GuardianRelation } from '../../../shared/population.schema.ts';
import type { EthnicityCode } from './ethnicities.ts';

/** Where a person lives, as the registry records it. */
export interface Residence {
  /** The commune-level unit (org_units id): xã, phường or đặc khu. */
  communeId: string;
  /** Thôn, làng or tổ dân phố; null when the registry has none. */
  village: string | null;
  /** House number and street, where there is one. */
  addressLine: string | null;
}

export interface Guardian {
  fullName: string;
  relation: GuardianRelation;
  /** Canonical `+84…`, or null. */
  phone: string | null;
}

/** A person as the population registry knows them; names NFC, family name first. */
export interface Resident {
  personalId: string;
  fullName: string;
  /** 'yyyy-mm-dd'. */
  dateOfBirth: string;
  gender: Gender;
  ethnicity: EthnicityCode;
  /** Nơi thường trú. */
  permanentResidence: Residence;
  /** Nơi ở hiện tại (may be a temporary residence elsewhere). */
  currentResidence: Residence;
  guardians: Guardian[];
}

/**
 * The national population database (Cơ sở dữ liệu quốc gia về dân cư), reached later through
 * its official connector; today a demo implementation over synthetic residents. A pure data
 * source: validation, rate limits, access logging and what is shown are PopulationService's.
 */
export interface PopulationRegistry {
  /** 'demo': synthetic data (say so on screen); 'national': the real database. */
  readonly source: 'demo' | 'national';

  /**
   * The child with this personal ID number AND this date of birth ('yyyy-mm-dd'). A wrong date
   * of birth gives undefined exactly like an unknown ID: the lookup must not tell which was
   * wrong (no oracle on who exists). Never looks anyone up by name.
   */
  lookupChild(personalId: string, dateOfBirth: string): Promise<Resident | undefined>;

  /**
   * Children born in [yearFrom, yearTo] whose permanent or current residence is the commune,
   * by given name: the commune's list of children of an age who have not applied.
   */
  listChildrenBornIn(communeId: string, yearFrom: number, yearTo: number): Promise<Resident[]>;
}
