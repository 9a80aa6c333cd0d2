import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './types.ts';

/** Table types of 0016_uploads.sql; `DB` in types.ts lists them. */

/** bigint columns come back from pg as strings; written as numbers. */
type BigIntColumn = ColumnType<string, number | string, number | string>;

export type UploadState = 'receiving' | 'complete' | 'refused';

/** A resumable (tus) upload: in progress, finished into a stored file, or refused at completion. */
export interface UploadsTable {
  id: Generated<string>;
  owner_id: string;
  purpose: string;
  filename: string;
  declared_type: string | null;
  upload_length: BigIntColumn;
  upload_offset: ColumnType<string, number | string | undefined, number | string>;
  state: ColumnType<UploadState, UploadState | undefined, UploadState>;
  file_id: string | null;
  duplicate: ColumnType<boolean, boolean | undefined, boolean>;
  refused_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Timestamp;
}

/** The preview of a stored file (a stored file of its own). */
export interface StoredFileThumbnailsTable {
  file_id: string;
  thumbnail_id: string;
  width: number;
  height: number;
  created_at: Timestamp;
}
