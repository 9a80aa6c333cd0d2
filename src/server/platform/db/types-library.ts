import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './types.ts';

/** Table types of 0015_library.sql; `DB` in types.ts lists them. */

type ReadOnly<T> = ColumnType<T, never, never>;

export interface LibrarySubjectsTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

export interface LibrarySubjectLevelsTable {
  subject_code: string;
  level: string;
  name_vi: string;
  grades: number[];
  elective: boolean;
}

export interface LibrarySeriesTable {
  code: string;
  name_vi: string;
  publisher: string;
  sort_order: number;
}

export interface LibraryLicencesTable {
  code: string;
  name_vi: string;
  name_en: string;
  url: string | null;
  sort_order: number;
}

export interface LibraryLanguagesTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

export interface LibraryResourcesTable {
  id: Generated<string>;
  kind: string;
  title: string;
  description: Generated<string>;
  keywords: Generated<string[]>;
  levels: Generated<string[]>;
  grades: Generated<number[]>;
  subjects: Generated<string[]>;
  series_code: string | null;
  topic: string | null;
  authors: Generated<string[]>;
  school_id: string;
  language_code: Generated<string>;
  licence_code: string;
  visibility: string;
  status: Generated<string>;
  current_version_id: string | null;
  published_version_id: string | null;
  published_at: Timestamp | null;
  listed: ReadOnly<boolean>;
  view_count: ColumnType<string, never, never>;
  download_count: ColumnType<string, never, never>;
  used_count: ReadOnly<string>;
  search_vector: ColumnType<string, never, never>;
  title_key: ReadOnly<string>;
  version: Generated<number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  /** 0021: a pending edit of a published resource's metadata (API shape), applied on publish. */
  proposed_metadata: Json | null;
}

export interface LibraryResourceVersionsTable {
  id: Generated<string>;
  resource_id: string;
  number: number;
  file_id: string | null;
  url: string | null;
  note: string | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface LibraryTransitionsTable {
  id: Generated<string>;
  resource_id: string;
  version_id: string | null;
  action: string;
  from_status: string;
  to_status: string;
  comment: string | null;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
}

export interface LibraryModeratorAssignmentsTable {
  user_id: string;
  subject_code: string;
  level: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface LibraryCollectionsTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface LibraryCollectionItemsTable {
  collection_id: string;
  resource_id: string;
  position: number;
}

export interface LibraryFavouritesTable {
  user_id: string;
  resource_id: string;
  created_at: Timestamp;
}

export interface LibraryUsageEventsTable {
  id: Generated<string>;
  resource_id: string;
  kind: 'view' | 'download';
  at: Timestamp;
  user_id: string | null;
  school_id: string | null;
}
