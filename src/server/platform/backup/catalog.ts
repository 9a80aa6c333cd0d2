import type pg from 'pg';

/** One table of schema public as a backup sees it. */
export interface TableInfo {
  name: string;
  /** Stored, non-generated columns in column order: what COPY writes and reads. */
  columns: { name: string; type: string }[];
  /** Primary-key columns (all columns when a table has none), the order of rows in the archive. */
  orderBy: string[];
}

/** Quotes an identifier the way PostgreSQL's quote_ident does (always quoted here). */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** What a table's comment starts with when its rows are derived from other tables by triggers. */
export const DERIVED_MARK = 'derived:';

/**
 * Every table of schema public except schema_migrations (the archive's manifest carries the
 * migrations instead) and, unless asked, the derived tables: those whose comment starts with
 * `derived:` (e.g. the library's search copies and facet counts, kept by triggers on
 * library_resources). A backup leaves them out and a restore rebuilds them through those
 * triggers as it loads the source rows, so they can never be loaded twice or disagree with
 * their source. Generated columns (`attgenerated`, e.g. users.search_key) are left out:
 * PostgreSQL computes them again on insert, and refuses values for them.
 */
export async function listTables(client: pg.ClientBase, opts: { derived?: boolean } = {}): Promise<TableInfo[]> {
  const { rows } = await client.query<{
    table: string;
    columns: { name: string; type: string }[];
    pk: string[] | null;
  }>(
    `
    SELECT c.relname AS table,
      (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
         FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.ord)
         FROM pg_constraint p
         CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
        WHERE p.conrelid = c.oid AND p.contype = 'p') AS pk
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> 'schema_migrations'
      AND ($1 OR coalesce(obj_description(c.oid, 'pg_class'), '') NOT LIKE '${DERIVED_MARK}%')
    ORDER BY c.relname`,
    [opts.derived === true],
  );
  return rows.map((r) => ({
    name: r.table,
    columns: r.columns,
    orderBy: r.pk ?? r.columns.map((c) => c.name),
  }));
}

/** Names of the derived tables of schema public (see listTables). */
export async function derivedTables(client: pg.ClientBase): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND coalesce(obj_description(c.oid, 'pg_class'), '') LIKE '${DERIVED_MARK}%'`,
  );
  return new Set(rows.map((r) => r.name));
}

/**
 * Orders tables so that every table comes after the tables its foreign keys reference
 * (a self-reference, such as org_units.parent_id, is satisfied inside its one COPY statement:
 * foreign-key triggers fire at the end of the statement). Keys checked at commit (DEFERRABLE
 * INITIALLY DEFERRED, e.g. between library resources and their versions) do not order: the
 * restore is one transaction. Throws on a cycle between tables.
 */
export async function loadOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT c.relname AS child, p.relname AS parent
    FROM pg_constraint f
    JOIN pg_class c ON c.oid = f.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_class p ON p.oid = f.confrelid
    WHERE f.contype = 'f' AND cn.nspname = 'public' AND f.conrelid <> f.confrelid
      AND NOT (f.condeferrable AND f.condeferred)`);
  const wanted = new Set(tables);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const r of rows) if (wanted.has(r.child) && wanted.has(r.parent)) parents.get(r.child)!.add(r.parent);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < tables.length) {
    const next = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (next.length === 0) {
      const left = tables.filter((t) => !placed.has(t));
      throw new Error(`Foreign keys form a cycle between tables ${left.join(', ')}; cannot order the restore.`);
    }
    for (const t of next) {
      order.push(t);
      placed.add(t);
    }
  }
  return order;
}

/**
 * Session settings for exact, reproducible text output (what pg_dump sets): UTC times, ISO
 * dates, full float precision, hex bytea. SET LOCAL: they end with the transaction, so a
 * pooled connection goes back to the pool unchanged.
 */
export async function setExactOutput(client: pg.ClientBase): Promise<void> {
  await client.query(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
    SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'; SET LOCAL client_encoding = 'UTF8'`);
}

/**
 * A content digest of one table: md5 over the text form of every row (stored columns only, in
 * the given column order), rows ordered by the primary key compared as text in "C" order, so
 * that the digest does not depend on the server's collation. Run inside a transaction after
 * setExactOutput(). Used by tests and by `backup:verify`.
 */
export async function tableDigest(
  client: pg.ClientBase,
  table: string,
  columns: string[],
  orderBy: string[],
): Promise<{ rows: number; digest: string }> {
  const cols = columns.map(ident).join(', ');
  const order = orderBy.map((c) => `x.${ident(c)}::text COLLATE "C"`).join(', ');
  const { rows } = await client.query<{ n: number; digest: string }>(
    `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY ${order}), '')) AS digest
     FROM (SELECT ${cols} FROM ${ident(table)}) x`,
  );
  return { rows: rows[0]!.n, digest: rows[0]!.digest };
}

/**
 * Digests of every table of schema public (see tableDigest), by table name, in one snapshot.
 * Opens and ends its own read-only transaction on `client`.
 */
export async function digestAll(client: pg.ClientBase): Promise<Record<string, { rows: number; digest: string }>> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await setExactOutput(client);
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const t of await listTables(client)) {
      out[t.name] = await tableDigest(
        client,
        t.name,
        t.columns.map((c) => c.name),
        t.orderBy,
      );
    }
    return out;
  } finally {
    await client.query('COMMIT');
  }
}
