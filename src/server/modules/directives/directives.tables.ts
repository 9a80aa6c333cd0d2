import type { Generated } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { DateStr, Timestamp } from '../../platform/db/types.ts';

/** Kysely types of the tables of 0031_directives.sql (kept in the module while it is new). */

export type ResponseKind = 'none' | 'confirm' | 'text' | 'report';
export type DirectiveState = 'draft' | 'issued' | 'closed';

export interface DirectivesTable {
  id: Generated<string>;
  issuer_unit_id: string;
  issuer_unit_name: string;
  number: string | null;
  doc_date: DateStr | null;
  title: string;
  summary: Generated<string>;
  response_kind: ResponseKind;
  deadline: DateStr | null;
  selection: unknown;
  state: Generated<DirectiveState>;
  issued_at: Timestamp | null;
  issued_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  search_key: Generated<string>;
}

export interface DirectiveAttachmentsTable {
  directive_id: string;
  stored_file_id: string;
  seq: number;
}

export interface DirectiveRecipientsTable {
  directive_id: string;
  unit_id: string;
  unit_name: string;
  response_kind: ResponseKind;
  deadline: DateStr | null;
  complied_on: DateStr | null;
  first_read_at: Timestamp | null;
  first_read_by: string | null;
  first_answered_at: Timestamp | null;
  answered_at: Timestamp | null;
  answered_by: string | null;
  response_version: Generated<number>;
}

export interface DirectiveResponsesTable {
  id: Generated<string>;
  directive_id: string;
  unit_id: string;
  version: number;
  text: Generated<string>;
  file_ids: Generated<string[]>;
  answered_by: string;
  answered_at: Timestamp;
}

export interface DirectiveRemindersTable {
  directive_id: string;
  unit_id: string;
  day: DateStr;
  source: 'manual' | 'scheduled';
  sent_at: Timestamp;
  notified: Generated<number>;
}

type Tables = {
  directives: DirectivesTable;
  directive_attachments: DirectiveAttachmentsTable;
  directive_recipients: DirectiveRecipientsTable;
  directive_responses: DirectiveResponsesTable;
  directive_reminders: DirectiveRemindersTable;
};

/** The handle with the directive tables added (a transaction stays the same transaction). */
export const dt = (db: Executor) => db.withTables<Tables>();
