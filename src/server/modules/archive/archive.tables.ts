import type { Generated } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DateStr, Timestamp } from '../../platform/db/types.ts';

/** Kysely types of the tables of 0024_archive.sql and 0039 (kept in the module while it is new). */

export interface ArchiveFondsTable {
  id: Generated<string>;
  org_identifier: string;
  name: string;
  unit_id: string;
  unit_name: string;
  start_year: number;
  end_year: number | null;
  description: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ArchiveFilesTable {
  id: Generated<string>;
  fonds_id: string;
  code: string;
  year: number;
  title: string;
  retention_years: number | null;
  access_level: 'public' | 'internal' | 'restricted';
  language: string;
  start_date: DateStr;
  end_date: DateStr;
  keywords: string[];
  document_count: Generated<number>;
  sheet_count: number;
  page_count: number;
  reliability: 'original' | 'digitised' | 'copy';
  physical_condition: string | null;
  paper_code: string | null;
  backup_status: 'none' | 'backed_up' | 'verified';
  creator_unit_id: string;
  creator_unit_name: string;
  source_dossier_id: string | null;
  search_key: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface ArchiveFileCountersTable {
  fonds_id: string;
  year: number;
  last_value: number;
}

export interface ArchiveDocumentsTable {
  id: Generated<string>;
  file_id: string;
  seq: number;
  doc_number: string | null;
  doc_date: DateStr | null;
  title: string;
  author: string | null;
  page_count: number | null;
  stored_file_id: string | null;
  created_at: Timestamp;
  created_by: string | null;
  /** 0039: a withdrawn document stays recorded, hidden from readers. */
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
  withdrawn_reason: string | null;
  updated_at: Timestamp | null;
}

export interface ArchiveReadRequestsTable {
  id: Generated<string>;
  file_id: string;
  requester_id: string;
  purpose: string;
  state: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  valid_until: DateStr | null;
  created_at: Timestamp;
}

export interface ArchiveAccessLogTable {
  id: Generated<string>;
  file_id: string;
  document_id: string | null;
  action: 'view_file' | 'read_document';
  user_id: string | null;
  actor_name: string | null;
  ip: string | null;
  ground: 'public' | 'internal' | 'archivist' | 'request';
  request_id: string | null;
  at: Timestamp;
}

export interface ArchiveFixityChecksTable {
  id: Generated<string>;
  run_id: string;
  document_id: string;
  stored_file_id: string;
  expected_sha256: string;
  actual_sha256: string | null;
  outcome: 'ok' | 'mismatch' | 'missing';
  checked_at: Timestamp;
}

type Tables = {
  archive_fonds: ArchiveFondsTable;
  archive_files: ArchiveFilesTable;
  archive_file_counters: ArchiveFileCountersTable;
  archive_documents: ArchiveDocumentsTable;
  archive_read_requests: ArchiveReadRequestsTable;
  archive_access_log: ArchiveAccessLogTable;
  archive_fixity_checks: ArchiveFixityChecksTable;
};

/** The handle with the archive tables added (a transaction stays the same transaction). */
export const at = (db: Executor) => db.withTables<Tables>();
