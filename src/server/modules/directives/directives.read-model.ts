import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { compliedSql, lateSql } from './directive-rules.ts';

export interface DirectiveResponseCounts {
  /** Issued (or closed) directives addressed to at least one unit of the subtree. */
  directives: number;
  /** Recipient units of the subtree across those directives (one per directive and unit). */
  expected: number;
  /** Of those, opened by a user of the unit. */
  read: number;
  /** Of those, complied: answered, or — for a read-only directive — read. */
  answered: number;
  /** Of those, late on `today`: deadline passed without complying, or complied after it. */
  late: number;
}

/**
 * Read model for the KPIs and dashboards (steering design): how the units of a subtree answer
 * the directives addressed to them. `rootUnitId` null = the province. Counts recipient units
 * (directive_recipients, materialised at issue, so drafts have none) — a unit addressed by two
 * directives counts twice. Reads only directive_recipients (kind, deadline and the day of
 * compliance are copied there), with org_unit_closure for a root; the province from the
 * per-directive tallies of 0032.
 */
export async function directiveResponses(
  db: Db,
  opts: { rootUnitId: string | null; today: string },
): Promise<DirectiveResponseCounts> {
  if (opts.rootUnitId === null) return provinceTotals(db, opts.today);

  // Grouped by directive first (a hash aggregate over few groups), then summed: cheaper than a
  // count(DISTINCT …), which sorts every row.
  const { rows } = await sql<{ directives: string; expected: string; read: string; answered: string; late: string }>`
    SELECT count(*) AS directives, coalesce(sum(e), 0) AS expected, coalesce(sum(rd), 0) AS read,
      coalesce(sum(a), 0) AS answered, coalesce(sum(l), 0) AS late
    FROM (
      SELECT r.directive_id, count(*) AS e, count(r.first_read_at) AS rd,
        count(*) FILTER (WHERE ${compliedSql}) AS a, count(*) FILTER (WHERE ${lateSql(opts.today)}) AS l
      FROM org_unit_closure c JOIN directive_recipients r ON r.unit_id = c.descendant_id
      WHERE c.ancestor_id = ${opts.rootUnitId}::uuid
      GROUP BY r.directive_id
    ) x
  `.execute(db);
  const r = rows[0]!;
  return {
    directives: Number(r.directives),
    expected: Number(r.expected),
    read: Number(r.read),
    answered: Number(r.answered),
    late: Number(r.late),
  };
}

/**
 * The province: one row per directive from directive_tallies (0032, kept by triggers), late
 * being "complied after the deadline" plus "not complied and the deadline passed".
 */
async function provinceTotals(db: Db, today: string): Promise<DirectiveResponseCounts> {
  const { rows } = await sql<{ directives: string; expected: string; read: string; answered: string; late: string }>`
    SELECT count(*) AS directives, coalesce(sum(recipients), 0) AS expected, coalesce(sum(read), 0) AS read,
      coalesce(sum(complied), 0) AS answered,
      coalesce(sum(complied_late + CASE WHEN deadline < ${today}::date THEN recipients - complied ELSE 0 END), 0) AS late
    FROM directive_tallies WHERE recipients > 0
  `.execute(db);
  const r = rows[0]!;
  return {
    directives: Number(r.directives),
    expected: Number(r.expected),
    read: Number(r.read),
    answered: Number(r.answered),
    late: Number(r.late),
  };
}
