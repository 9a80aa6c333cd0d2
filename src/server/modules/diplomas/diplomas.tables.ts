import type { Generated } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DateStr, Json, Timestamp } from '../../platform/db/types.ts';

/** Kysely types of the tables of 0022_diplomas.sql (kept in the module while it is new). */

export interface DiplomaTypesTable {
  code: string;
  name_vi: string;
  name_en: string;
  classifications: string[];
  sort_order: number;
}

export interface DiplomaRegistersTable {
  id: Generated<string>;
  type_code: string;
  year: number;
  issuing_unit_id: string;
  issuing_unit_name: string;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface DiplomaEntriesTable {
  id: Generated<string>;
  register_id: string;
  type_code: string;
  year: number;
  register_no: string;
  serial: string | null;
  serial_key: Generated<string | null>;
  full_name: string;
  name_key: Generated<string>;
  name_words: Generated<string[]>;
  /** 0026: the last word of name_key (the given name), for the name search. */
  given_key: Generated<string>;
  birth_year: number;
  birth_month: number | null;
  birth_day: number | null;
  birth_place: string | null;
  gender: string | null;
  ethnicity: string | null;
  school_name: string;
  school_key: Generated<string>;
  school_unit_id: string | null;
  classification: string | null;
  decision_no: string | null;
  decision_date: DateStr | null;
  page_file_ids: Generated<string[]>;
  import_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface DiplomaCorrectionsTable {
  id: Generated<string>;
  entry_id: string;
  decision_no: string;
  decision_date: DateStr;
  signer: string;
  reason: string;
  changes: Json;
  created_at: Timestamp;
  created_by: string | null;
}

export interface DiplomaImportsTable {
  id: Generated<string>;
  status: string;
  filename: string;
  format: string;
  storage_key: string;
  headers: Json;
  sample: Json;
  mapping: Json | null;
  defaults: Json | null;
  issuing_unit_id: string;
  total_rows: Generated<number>;
  processed_rows: Generated<number>;
  valid_rows: Generated<number>;
  error_rows: Generated<number>;
  existing_rows: Generated<number>;
  inserted_rows: Generated<number>;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface DiplomaVerificationsTable {
  id: Generated<string>;
  at: Timestamp;
  client_hash: string;
  serial_hash: string;
  name_hash: string;
  with_birth_date: boolean;
  matched: boolean;
  entry_id: string | null;
}

type Tables = {
  diploma_types: DiplomaTypesTable;
  diploma_registers: DiplomaRegistersTable;
  diploma_entries: DiplomaEntriesTable;
  diploma_corrections: DiplomaCorrectionsTable;
  diploma_imports: DiplomaImportsTable;
  diploma_verifications: DiplomaVerificationsTable;
};

/** The handle with the diploma tables added (a transaction stays the same transaction). */
export const dt = (db: Executor) => db.withTables<Tables>();
