import type { Gender, GuardianRelation } from '../../../shared/population.schema.ts';
import type { EthnicityCode } from '../../modules/population/ethnicities.ts';

/** SYNTHETIC residents of the demo province: invented children, not real people. */

export interface DemoResidence {
  /** Code of the commune-level unit ('QNG.X045'): ids are made when the demo is loaded. */
  communeCode: string;
  village: string | null;
  addressLine: string | null;
}

export interface DemoGuardian {
  fullName: string;
  relation: GuardianRelation;
  /** Canonical `+84…`, or null. */
  phone: string | null;
}

export interface DemoResident {
  personalId: string;
  /** NFC, family name first. */
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: EthnicityCode;
  permanent: DemoResidence;
  current: DemoResidence;
  guardians: DemoGuardian[];
  /** Why a deliberately tricky record exists; null for ordinary ones. */
  note: string | null;
}
