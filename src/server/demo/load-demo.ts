import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { systemActor } from '../platform/actor.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { Db, Trx } from '../platform/db/database.ts';
import type { Platform } from '../platform/platform.ts';
import { loadDemoAdmissions } from './admissions/load-demo-admissions.ts';
import { loadDemoArchive } from './archive/load-demo-archive.ts';
import type { DemoDataset } from './data/dataset.ts';
import { buildDemoDataset } from './data/dataset.ts';
import { readDemoInfo } from './demo-info.ts';
import { loadDemoDiplomaCopies } from './diploma-copies/load-demo-diploma-copies.ts';
import { loadDemoDiplomas } from './diplomas/load-demo-diplomas.ts';
import { loadDemoDirectives } from './directives/load-demo-directives.ts';
import { loadDemoDxIndex } from './dx-index/load-demo-dx-index.ts';
import { loadDemoKpis } from './kpis/load-demo-kpis.ts';
import { loadDemoLessonPlans } from './lesson-plans/load-demo-lesson-plans.ts';
import { loadDemoLibrary } from './library/load-demo-library.ts';
import { loadDemoPlans } from './plans/load-demo-plans.ts';
import { loadDemoReports } from './reports/load-demo-reports.ts';
import { loadDemoResidents } from './residents/load-residents.ts';

/** True when the database holds no organisation unit yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Loads the synthetic demo province in one transaction: units, schools, history events,
 * users with the demo password, and the notice shown on the login page. Idempotent: does
 * nothing when the demo is already there.
 */
export async function loadDemo(
  p: Platform,
  password: string,
  dataset: DemoDataset = buildDemoDataset(),
): Promise<boolean> {
  if (await readDemoInfo(p.db)) return false;
  const passwordHash = await hashPassword(password);
  await p.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    const id = (key: string) => {
      const v = ids.get(key);
      if (!v) throw new Error(`demo data: unknown key ${key}`);
      return v;
    };
    for (const u of [...dataset.units, ...dataset.schools]) ids.set(u.key, randomUUID());
    const all = [...dataset.units, ...dataset.schools];
    for (let i = 0; i < all.length; i += 500) {
      await trx
        .insertInto('org_units')
        .values(
          all.slice(i, i + 500).map((u) => ({
            id: id(u.key),
            code: u.code,
            name: u.name,
            type_code: u.typeCode,
            parent_id: u.parentKey ? id(u.parentKey) : null,
            valid_from: u.validFrom,
            valid_to: u.validTo,
          })),
        )
        .execute();
    }
    const names = all.flatMap((u) =>
      (u.formerNames ?? []).map((n) => ({
        unit_id: id(u.key),
        name: n.name,
        valid_from: n.validFrom,
        valid_to: n.validTo,
      })),
    );
    if (names.length) await trx.insertInto('org_unit_names').values(names).execute();
    await trx
      .insertInto('schools')
      .values(
        dataset.schools.map((s) => ({
          unit_id: id(s.key),
          levels: s.levels,
          ownership: s.ownership,
          commune_id: id(s.communeKey),
          address: s.address,
          phone: s.phone,
          email: s.email,
        })),
      )
      .execute();
    await insertEvents(trx, dataset, id);
    await sql`SELECT gds_rebuild_org_closure()`.execute(trx);
    // Synthetic children and families standing in for the national population database.
    await loadDemoResidents(trx);
    for (const u of dataset.users) {
      const { id: userId } = await trx
        .insertInto('users')
        .values({
          username: u.username,
          full_name: u.fullName,
          email: u.email,
          password_hash: passwordHash,
          must_change_password: u.mustChangePassword,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const g of u.grants) {
        await trx
          .insertInto('role_grants')
          .values({ user_id: userId, role_code: g.role, unit_id: id(g.unitKey), created_by: null })
          .execute();
      }
    }
    const info = {
      notice: dataset.notice,
      users: dataset.users.map((u) => ({ username: u.username, description: u.description })),
      loadedAt: new Date().toISOString(),
    };
    await trx
      .insertInto('settings')
      .values({ key: 'demo', value: JSON.stringify(info) })
      .execute();
    await p.audit.record(trx, systemActor('demo'), {
      action: 'demo.load',
      entityType: 'settings',
      entityId: 'demo',
      after: { units: dataset.units.length, schools: dataset.schools.length, users: dataset.users.length },
    });
  });
  // Admission rounds and applications (synthetic). Not in the tests' demo template: its tests
  // build their own rounds on an empty admissions state (they call loadDemoAdmissions themselves).
  if (p.config.NODE_ENV !== 'test') await loadDemoAdmissions(p, { dataset });
  // The learning library's moderators, resources in every state and a collection (synthetic; same rule).
  if (p.config.NODE_ENV !== 'test') await loadDemoLibrary(p, password, { dataset });
  if (p.config.NODE_ENV !== 'test') await loadDemoLessonPlans(p);
  if (p.config.NODE_ENV !== 'test') await loadDemoDiplomas(p, password);
  if (p.config.NODE_ENV !== 'test') await loadDemoDiplomaCopies(p);
  if (p.config.NODE_ENV !== 'test') await loadDemoArchive(p, password);
  if (p.config.NODE_ENV !== 'test') await loadDemoDxIndex(p);
  if (p.config.NODE_ENV !== 'test') await loadDemoReports(p);
  if (p.config.NODE_ENV !== 'test') await loadDemoDirectives(p, password);
  if (p.config.NODE_ENV !== 'test') await loadDemoPlans(p);
  if (p.config.NODE_ENV !== 'test') await loadDemoKpis(p);
  // Fresh tables have no planner statistics: without them the first minutes of dashboards are slow.
  if (p.config.NODE_ENV !== 'test') await sql`ANALYZE`.execute(p.db);
  return true;
}

/**
 * History events. A merge also makes each expired source a historical child of its successor,
 * so that the successor's subtree (and the roles on it) covers records made under the source.
 */
async function insertEvents(trx: Trx, dataset: DemoDataset, id: (key: string) => string) {
  for (const e of dataset.events) {
    const { id: eventId } = await trx
      .insertInto('org_unit_events')
      .values({
        kind: e.kind,
        effective_date: e.effectiveDate,
        decision_ref: e.decisionRef,
        note: e.note,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rows = [
      ...e.fromKeys.map((k) => ({ event_id: eventId, unit_id: id(k), side: 'from' as const })),
      ...e.toKeys.map((k) => ({ event_id: eventId, unit_id: id(k), side: 'to' as const })),
    ];
    const unique = [...new Map(rows.map((r) => [`${r.unit_id}:${r.side}`, r])).values()];
    if (unique.length) await trx.insertInto('org_unit_event_units').values(unique).execute();
    if (e.kind === 'merged' && e.toKeys.length === 1) {
      const target = id(e.toKeys[0]!);
      for (const k of e.fromKeys) {
        if (id(k) !== target)
          await trx.updateTable('org_units').set({ parent_id: target }).where('id', '=', id(k)).execute();
      }
    }
  }
}
