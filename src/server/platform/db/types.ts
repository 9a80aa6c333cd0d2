import type { ColumnType, Generated } from 'kysely';
import type {
  AdmissionAllocationResultsTable,
  AdmissionAllocationRunsTable,
  AdmissionApplicationDraftsTable,
  AdmissionApplicationsTable,
  AdmissionApplicationVersionsTable,
  AdmissionCatchmentsTable,
  AdmissionRoundSchoolsTable,
  AdmissionRoundsTable,
  DemoResidentsTable,
  DossierAttachmentsTable,
  DossierCountersTable,
  DossierIdempotencyKeysTable,
  DossiersTable,
  DossierTransitionsTable,
  NotificationOutboxTable,
  OtpCodesTable,
  OtpSessionsTable,
  PopulationLookupsTable,
  ProceduresTable,
  PublicHolidaysTable,
} from './types-admissions.ts';

export type * from './types-admissions.ts';

import type { AdmissionDemandPublicationsTable } from './types-dashboards.ts';
import type { AdmissionAllocationCutoffsTable, AdmissionExamScoresTable } from './types-exam-scores.ts';
import type {
  LibraryCollectionItemsTable,
  LibraryCollectionsTable,
  LibraryFavouritesTable,
  LibraryLanguagesTable,
  LibraryLicencesTable,
  LibraryModeratorAssignmentsTable,
  LibraryResourcesTable,
  LibraryResourceVersionsTable,
  LibrarySeriesTable,
  LibrarySubjectLevelsTable,
  LibrarySubjectsTable,
  LibraryTransitionsTable,
  LibraryUsageEventsTable,
} from './types-library.ts';
import type {
  AdmissionResultPublicationsTable,
  AdmissionResultsTable,
  AdmissionSupplementaryRoundsTable,
} from './types-results.ts';
import type { StoredFileThumbnailsTable, UploadsTable } from './types-uploads.ts';

/** Kysely table types. One interface per table; keep in step with src/server/migrations. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'yyyy-mm-dd' strings (see database.ts type parser). */
export type DateStr = ColumnType<string, string, string>;
export type Json = ColumnType<unknown, string | null, string | null>;

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  unit_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
}

export interface StoredFilesTable {
  id: Generated<string>;
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: ColumnType<string, number | string, never>;
  sha256: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface UnitTypesTable {
  code: string;
  name_vi: string;
  name_en: string;
  category: 'administrative' | 'organisation';
  parent_types: string[];
  sort_order: number;
}

export interface OrgUnitsTable {
  id: Generated<string>;
  code: string;
  name: string;
  type_code: string;
  parent_id: string | null;
  valid_from: DateStr | null;
  valid_to: DateStr | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  search_key: ColumnType<string, never, never>;
}

export interface OrgUnitNamesTable {
  id: Generated<string>;
  unit_id: string;
  name: string;
  valid_from: DateStr | null;
  valid_to: DateStr;
}

export interface OrgUnitEventsTable {
  id: Generated<string>;
  kind: 'created' | 'renamed' | 'merged' | 'split' | 'moved' | 'dissolved';
  effective_date: DateStr;
  decision_ref: string | null;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface OrgUnitEventUnitsTable {
  event_id: string;
  unit_id: string;
  side: 'from' | 'to';
}

export interface OrgUnitClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface SchoolsTable {
  unit_id: string;
  levels: string[];
  ownership: 'public' | 'private';
  commune_id: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  given_name: ColumnType<string, never, never>;
  email: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  locale: Generated<string>;
  password_changed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  search_key: ColumnType<string, never, never>;
}

export interface RolesTable {
  code: string;
  name_vi: string;
  name_en: string;
  permissions: string[];
  sort_order: number;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role_code: string;
  unit_id: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  id: Generated<string>;
  at: Timestamp;
  ip: string;
  username: string | null;
}

export interface DB {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  stored_files: StoredFilesTable;
  unit_types: UnitTypesTable;
  org_units: OrgUnitsTable;
  org_unit_names: OrgUnitNamesTable;
  org_unit_events: OrgUnitEventsTable;
  org_unit_event_units: OrgUnitEventUnitsTable;
  org_unit_closure: OrgUnitClosureTable;
  schools: SchoolsTable;
  users: UsersTable;
  roles: RolesTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  public_holidays: PublicHolidaysTable;
  procedures: ProceduresTable;
  dossier_counters: DossierCountersTable;
  dossiers: DossiersTable;
  dossier_transitions: DossierTransitionsTable;
  dossier_attachments: DossierAttachmentsTable;
  dossier_idempotency_keys: DossierIdempotencyKeysTable;
  notification_outbox: NotificationOutboxTable;
  admission_rounds: AdmissionRoundsTable;
  admission_round_schools: AdmissionRoundSchoolsTable;
  admission_catchments: AdmissionCatchmentsTable;
  otp_codes: OtpCodesTable;
  otp_sessions: OtpSessionsTable;
  population_lookups: PopulationLookupsTable;
  demo_residents: DemoResidentsTable;
  admission_applications: AdmissionApplicationsTable;
  admission_application_versions: AdmissionApplicationVersionsTable;
  admission_application_drafts: AdmissionApplicationDraftsTable;
  admission_allocation_runs: AdmissionAllocationRunsTable;
  admission_allocation_results: AdmissionAllocationResultsTable;
  admission_exam_scores: AdmissionExamScoresTable;
  admission_allocation_cutoffs: AdmissionAllocationCutoffsTable;
  admission_result_publications: AdmissionResultPublicationsTable;
  admission_results: AdmissionResultsTable;
  admission_supplementary_rounds: AdmissionSupplementaryRoundsTable;
  admission_demand_publications: AdmissionDemandPublicationsTable;
  library_subjects: LibrarySubjectsTable;
  library_subject_levels: LibrarySubjectLevelsTable;
  library_series: LibrarySeriesTable;
  library_licences: LibraryLicencesTable;
  library_languages: LibraryLanguagesTable;
  library_resources: LibraryResourcesTable;
  library_resource_versions: LibraryResourceVersionsTable;
  library_transitions: LibraryTransitionsTable;
  library_moderator_assignments: LibraryModeratorAssignmentsTable;
  library_collections: LibraryCollectionsTable;
  library_collection_items: LibraryCollectionItemsTable;
  library_favourites: LibraryFavouritesTable;
  library_usage_events: LibraryUsageEventsTable;
  uploads: UploadsTable;
  stored_file_thumbnails: StoredFileThumbnailsTable;
}
