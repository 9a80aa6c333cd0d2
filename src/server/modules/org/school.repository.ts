import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export interface SchoolFilter {
  q?: string | undefined;
  level?: string | undefined;
  communeId?: string | undefined;
  ownership?: string | undefined;
  includeExpired: boolean;
  page: number;
  pageSize: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Query words, NFC, at most 8. */
export function tokenize(q: string | undefined): string[] {
  return (q ?? '').normalize('NFC').trim().split(/\s+/).filter(Boolean).slice(0, 8);
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('schools as s')
    .innerJoin('org_units as u', 'u.id', 's.unit_id')
    .innerJoin('org_units as c', 'c.id', 's.commune_id');
}

const columns = [
  's.unit_id',
  'u.code',
  'u.name',
  's.levels',
  's.ownership',
  's.commune_id',
  'c.name as commune_name',
  's.address',
  's.phone',
  's.email',
  sql<boolean>`(u.valid_to IS NULL OR u.valid_to >= current_date)`.as('active'),
] as const;

/**
 * Diacritic-insensitive school search: every query word must occur in the unit's search_key
 * (gds_search_key of name and code); uses the trigram GIN index org_units_search.
 * Ranked by word similarity, then Vietnamese name order.
 */
export async function searchSchools(db: Executor, f: SchoolFilter) {
  const words = tokenize(f.q);
  let q = baseQuery(db);
  for (const w of words) {
    q = q.where(sql<boolean>`u.search_key LIKE '%' || gds_search_key(${likeEscape(w)}) || '%'`);
  }
  if (f.level) q = q.where(sql<boolean>`s.levels @> ARRAY[${f.level}]::text[]`);
  if (f.communeId) q = q.where('s.commune_id', '=', f.communeId);
  if (f.ownership) q = q.where('s.ownership', '=', f.ownership as 'public' | 'private');
  if (!f.includeExpired) q = q.where(sql<boolean>`(u.valid_to IS NULL OR u.valid_to >= current_date)`);
  let ordered = q.select(columns);
  if (words.length) {
    ordered = ordered.orderBy(sql`word_similarity(gds_search_key(${words.join(' ')}), u.search_key)`, 'desc');
  }
  const [items, count] = await Promise.all([
    ordered
      .orderBy(sql`u.name COLLATE vi`)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
}

export function findSchool(db: Executor, unitId: string) {
  return baseQuery(db).select(columns).where('s.unit_id', '=', unitId).executeTakeFirst();
}

export interface SchoolRow {
  unit_id: string;
  levels: string[];
  ownership: 'public' | 'private';
  commune_id: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export async function insertSchool(db: Executor, s: SchoolRow) {
  await db.insertInto('schools').values(s).execute();
}

export async function updateSchool(db: Executor, unitId: string, set: Partial<Omit<SchoolRow, 'unit_id'>>) {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('schools').set(set).where('unit_id', '=', unitId).execute();
}

/** Every school with its unit fields, for export, in code order. */
export function listAllSchools(db: Executor) {
  return baseQuery(db)
    .select([...columns, 'u.type_code', 'u.parent_id', 'u.valid_from', 'u.valid_to', 'c.code as commune_code'])
    .orderBy('u.code')
    .execute();
}
