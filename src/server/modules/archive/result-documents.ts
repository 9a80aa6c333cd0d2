import type { Executor } from '../../platform/db/database.ts';

/** A document a procedure produced as its result (e.g. the signed certified copy), to be filed with the dossier. */
export interface ResultDocument {
  storedFileId: string;
  title: string;
  docNumber: string | null;
  /** yyyy-mm-dd. */
  docDate: string;
  author: string | null;
}

/** Reads the result documents of one decided dossier, inside the intake's transaction. */
export type ResultDocumentSource = (db: Executor, dossierId: string) => Promise<ResultDocument[]>;

const sources = new Map<string, ResultDocumentSource>();

/**
 * Modules whose procedures produce documents (the certified copy's signed PDF) register a source
 * per procedure code, so that the archive files the result with the applicant's attachments
 * (issue 5, item 7) without reading the module's tables itself.
 */
export function registerResultDocuments(procedureCode: string, source: ResultDocumentSource): void {
  sources.set(procedureCode, source);
}

export async function resultDocumentsOf(
  db: Executor,
  procedureCode: string,
  dossierId: string,
): Promise<ResultDocument[]> {
  const source = sources.get(procedureCode);
  return source ? source(db, dossierId) : [];
}
