import type { Timestamp } from './types.ts';

/** Table types of 0012_admission_dashboards.sql; `Database` in types.ts lists them. */

/** Whether the demand per school of a round is published to the public (one row per round once switched). */
export interface AdmissionDemandPublicationsTable {
  round_id: string;
  published: boolean;
  changed_at: Timestamp;
  changed_by: string | null;
}
