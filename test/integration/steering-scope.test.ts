import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSteer, steeringScope } from '../../src/server/platform/access/steering-scope.ts';
import type { UserActor } from '../../src/server/platform/actor.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** Steering grants on the Sở or a division cover the province; others their subtree. */
let ctx: TestContext;
const unit = async (code: string) =>
  (await ctx.platform.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const schoolIn = async (communeId: string) =>
  (
    await ctx.platform.db
      .selectFrom('schools')
      .innerJoin('org_unit_closure', 'org_unit_closure.descendant_id', 'schools.unit_id')
      .select('schools.unit_id')
      .where('org_unit_closure.ancestor_id', '=', communeId)
      .executeTakeFirstOrThrow()
  ).unit_id;
const actorOn = (unitId: string, typeLabel: string): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  username: typeLabel,
  fullName: typeLabel,
  mustChangePassword: false,
  grants: [{ id: 'g', role: 'x', unitId, permissions: ['reports.read'] }],
  sessionTokenHash: null,
  requestId: null,
  ip: null,
  locale: 'vi',
});

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('steering scope', () => {
  it('lifts a grant on a division of the Sở to the whole province', async () => {
    const division = await ctx.platform.db
      .selectFrom('org_units')
      .select('id')
      .where('type_code', '=', 'division')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const a = actorOn(division.id, 'division');
    expect(await steeringScope(ctx.platform.db, a, 'reports.read')).toEqual({ all: true });
  });

  it('keeps a commune grant to the commune and its schools', async () => {
    const communes = await ctx.platform.db
      .selectFrom('org_units')
      .select('id')
      .where('type_code', '=', 'commune')
      .where('valid_to', 'is', null)
      .orderBy('code')
      .limit(2)
      .execute();
    const [c1, c2] = communes.map((c) => c.id);
    const a = actorOn(c1!, 'commune');
    const scope = await steeringScope(ctx.platform.db, a, 'reports.read');
    expect(scope).toEqual({ all: false, roots: [c1] });
    expect(await canSteer(ctx.platform.db, a, 'reports.read', await schoolIn(c1!))).toBe(true);
    expect(await canSteer(ctx.platform.db, a, 'reports.read', await schoolIn(c2!))).toBe(false);
    expect(await canSteer(ctx.platform.db, a, 'reports.approve', await schoolIn(c1!))).toBe(false);
  });

  it('denies an actor without the permission', async () => {
    const a = actorOn(await unit('QNG.SGD.VP'), 'none');
    await expect(steeringScope(ctx.platform.db, a, 'dx.evaluate')).rejects.toThrow();
  });
});
