import type { ColumnType, Generated } from 'kysely';
import type { DateStr, Json, Timestamp } from './types.ts';

/** Table types of the admissions migrations (0005–0008); `DB` in types.ts lists them. */

/** 0005_population_otp.sql: one-time codes, the population registry's access log, synthetic residents. */
export interface OtpCodesTable {
  id: string;
  created_at: Timestamp;
  channel: 'sms' | 'email';
  purpose: string;
  address_hash: string;
  client_hash: string;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
}

export interface OtpSessionsTable {
  id: Generated<string>;
  token_hash: string;
  channel: 'sms' | 'email';
  purpose: string;
  address: string;
  address_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface PopulationLookupsTable {
  id: Generated<string>;
  at: Timestamp;
  actor_kind: 'user' | 'public' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  client_hash: string | null;
  otp_session_id: string | null;
  purpose: string;
  kind: 'child' | 'cohort';
  personal_id_hash: string | null;
  commune_id: string | null;
  found: boolean | null;
  result_count: number | null;
  request_id: string | null;
}

export interface DemoResidentsTable {
  personal_id: string;
  full_name: string;
  given_name: ColumnType<string, never, never>;
  date_of_birth: DateStr;
  gender: 'male' | 'female';
  ethnicity: string;
  permanent_commune_id: string;
  permanent_village: string | null;
  permanent_address: string | null;
  current_commune_id: string;
  current_village: string | null;
  current_address: string | null;
  guardians: Json;
  synthetic: Generated<boolean>;
  note: string | null;
}

/** 0006_admissions_rounds.sql: admission rounds, their schools and seats, catchments. */
export interface AdmissionRoundsTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: number;
  school_year: string;
  running_unit_id: string;
  status: Generated<'draft' | 'open' | 'closed_for_review' | 'allocating' | 'published' | 'closed'>;
  trial_from: Timestamp | null;
  trial_to: Timestamp | null;
  register_from: Timestamp;
  register_to: Timestamp;
  review_to: Timestamp;
  results_at: Timestamp;
  confirm_to: Timestamp;
  supplementary_from: Timestamp | null;
  supplementary_to: Timestamp | null;
  rules: ColumnType<unknown, string, string>;
  priority_groups: ColumnType<unknown, string | undefined, string>;
  lottery_seed: string | null;
  lottery_seed_published_at: Timestamp | null;
  copied_from_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface AdmissionRoundSchoolsTable {
  round_id: string;
  school_id: string;
  classes: number;
  pupils_per_class: number;
  seats: ColumnType<number, never, never>;
  specialised: Generated<boolean>;
  note: string | null;
}

export interface AdmissionCatchmentsTable {
  id: Generated<string>;
  round_id: string;
  school_id: string;
  commune_id: string;
  village: string | null;
  village_key: ColumnType<string | null, never, never>;
}

// ── Dossier engine and notifications (migration 0004) ─────────────────────────────────────

export interface PublicHolidaysTable {
  day: DateStr;
  name_vi: string;
  name_en: string;
  kind: 'holiday' | 'working_day';
  updated_at: Timestamp;
}

export interface ProceduresTable {
  code: string;
  name_vi: string;
  name_en: string;
  mode: 'toan_trinh' | 'mot_phan';
  unit_type: string;
  processing_days: number;
  cutoff_time: Generated<string>;
  documents: Json;
  fee_vnd: Generated<number>;
  code_prefix: string;
  active: Generated<boolean>;
  owner_module: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DossierCountersTable {
  procedure_code: string;
  year: number;
  last_value: number;
}

export interface DossiersTable {
  id: Generated<string>;
  code: string | null;
  procedure_code: string;
  unit_id: string;
  applicant_key: string;
  contact_email: string | null;
  contact_phone: string | null;
  locale: Generated<'vi' | 'en'>;
  form: Json;
  unique_key: string | null;
  state: Generated<string>;
  received_at: Timestamp | null;
  due_at: Timestamp | null;
  remaining_days: number | null;
  decided_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DossierTransitionsTable {
  id: Generated<string>;
  dossier_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_kind: 'user' | 'applicant' | 'system';
  actor_id: string | null;
  actor_name: string | null;
  at: Timestamp;
  reason: string | null;
  details: Json;
}

export interface DossierAttachmentsTable {
  id: Generated<string>;
  dossier_id: string;
  document_code: string;
  file_id: string;
  uploaded_by_kind: 'user' | 'applicant' | 'system';
  uploaded_by: string | null;
  created_at: Timestamp;
}

export interface DossierIdempotencyKeysTable {
  key: string;
  operation: 'create' | 'submit';
  dossier_id: string;
  applicant_key: string;
  created_at: Timestamp;
}

export interface NotificationOutboxTable {
  id: Generated<string>;
  created_at: Timestamp;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
  template: string;
  locale: string;
  dossier_id: string | null;
  unit_id: string | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  sent_at: Timestamp | null;
  delivered_by: string | null;
  error: string | null;
}

/** 0007_admission_applications.sql: public applications to admission rounds (no raw personal IDs). */
export interface StoredGuardian {
  fullName: string;
  relation: 'father' | 'mother' | 'guardian';
  phone: string | null;
}

export interface AdmissionApplicationsTable {
  dossier_id: string;
  round_id: string;
  dossier_code: string;
  applicant_key: string;
  child_name: string;
  date_of_birth: DateStr;
  gender: 'male' | 'female';
  residence_commune_id: string;
  residence_village: string | null;
  residence_status: 'confirmed' | 'correction' | 'unregistered';
  correction_reason: string | null;
  registry_match: boolean;
  wishes: string[];
  first_wish_id: Generated<string>;
  priority_group: string | null;
  /** [{fullName, relation, phone}] (0014). */
  guardians: ColumnType<StoredGuardian[], string | undefined, string>;
  contact_channel: 'sms' | 'email';
  contact_address: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  search_key: Generated<string>;
}

export interface AdmissionApplicationVersionsTable {
  dossier_id: string;
  version: number;
  data: Json;
  edited_at: Timestamp;
  edited_by: string;
}

export interface AdmissionApplicationDraftsTable {
  round_id: string;
  applicant_key: string;
  contact_address: string;
  data: Json;
  updated_at: Timestamp;
}

/** 0008_admission_allocations.sql: allocation runs of admission rounds and their results. */
export interface AdmissionAllocationRunsTable {
  id: Generated<string>;
  round_id: string;
  kind: 'practice' | 'final';
  inputs_sha256: string;
  created_by: string | null;
  created_at: Timestamp;
  status: Generated<'completed'>;
  summary: Json;
}

export interface AdmissionAllocationResultsTable {
  run_id: string;
  dossier_id: string;
  school_id: string | null;
  reason: string;
  explanation: Json;
  /** Grade 10 (0009): the stage that admitted, the admitting wish (1 = NV1), the total × 100. */
  stage: 'specialised' | 'ordinary' | null;
  wish_no: number | null;
  total_hundredths: number | null;
}
