import type { Db } from '../../platform/db/database.ts';

/** The reference tables seeded by 0015_library.sql, read whole (a few dozen rows each). */
export async function loadReferenceRows(db: Db) {
  const [subjects, levels, series, licences, languages] = await Promise.all([
    db.selectFrom('library_subjects').selectAll().orderBy('sort_order').execute(),
    db.selectFrom('library_subject_levels').selectAll().execute(),
    db.selectFrom('library_series').selectAll().orderBy('sort_order').execute(),
    db.selectFrom('library_licences').selectAll().orderBy('sort_order').execute(),
    db.selectFrom('library_languages').selectAll().orderBy('sort_order').execute(),
  ]);
  return { subjects, levels, series, licences, languages };
}
