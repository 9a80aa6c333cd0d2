import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { actorText, auditActionKey, auditEntityKey } from './audit-labels.ts';

/** The actions and entity types the server writes (grep `action:` / `entityType` in src/server). */
const ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.password_changed',
  'users.create',
  'users.grant',
  'users.revoke',
  'users.reset_password',
  'users.unlock',
  'users.disable',
  'users.enable',
  'org.school.update',
  'org.school.import',
  'org.import',
  'org.unit.create',
  'org.unit.rename',
  'org.unit.merge',
  'org.unit.split',
  'org.unit.move',
  'org.unit.dissolve',
  'demo.load',
];
const ENTITIES = ['user', 'school', 'org_unit', 'settings'];

/** Actions the server builds from a variable (round-context.ts, dossier-steps.ts), spelled out. */
const BUILT_ACTIONS = [
  'admissions.round.create',
  'admissions.round.update',
  'admissions.round.copy',
  'admissions.round.status',
  'admissions.round.lottery_seed.publish',
  ...['submit', 'resubmit', 'withdraw', 'start_review', 'request_supplement', 'approve', 'reject'].map(
    (a) => `dossiers.${a}`,
  ),
];

/** Every `action: '…'` and `entityType: '…'` literal in the server's source (tests excluded). */
function scanServer(): { actions: Set<string>; entities: Set<string> } {
  const root = join(import.meta.dirname, '../../../server');
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(/\baction: (?:[a-z]+ \? )?'([a-z0-9_.]+\.[a-z0-9_.]+)'(?: : '([a-z0-9_.]+)')?/g)) {
      actions.add(m[1] as string);
      if (m[2]) actions.add(m[2]);
    }
    for (const m of text.matchAll(/\bentityType: '([a-z0-9_]+)'/g)) entities.add(m[1] as string);
  }
  return { actions, entities };
}

type Tree = { [key: string]: string | Tree };
const localesDir = join(import.meta.dirname, '../../../../public/locales');
const pack = (code: string) => JSON.parse(readFileSync(join(localesDir, `${code}.json`), 'utf8')) as Tree;

function get(tree: Tree, key: string): string | Tree | undefined {
  return key
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
}

describe('audit labels', () => {
  it('maps a dotted action code to a key i18next can look up in one step', () => {
    expect(auditActionKey('auth.login_failed')).toBe('auditAction.auth_login_failed');
    expect(auditActionKey('org.school.update')).toBe('auditAction.org_school_update');
    expect(auditEntityKey('org_unit')).toBe('auditEntity.org_unit');
  });

  it('does not look up codes that i18next would read as a namespace or nesting', () => {
    expect(auditActionKey('ns:auth.login')).toBeNull();
    expect(auditEntityKey('a b')).toBeNull();
    expect(auditEntityKey('')).toBeNull();
  });

  it.each(['vi', 'en'])('has a %s label for every action and entity type the server writes', (code) => {
    const tree = pack(code);
    for (const action of ACTIONS) expect(typeof get(tree, auditActionKey(action) as string), action).toBe('string');
    for (const type of ENTITIES) expect(typeof get(tree, auditEntityKey(type) as string), type).toBe('string');
  });

  it.each(['vi', 'en'])('has a %s label for every audit action literal in src/server', (code) => {
    const tree = pack(code);
    const { actions, entities } = scanServer();
    expect(actions.size).toBeGreaterThan(30);
    for (const action of [...actions, ...BUILT_ACTIONS])
      expect(typeof get(tree, auditActionKey(action) as string), action).toBe('string');
    for (const type of entities) expect(typeof get(tree, auditEntityKey(type) as string), type).toBe('string');
  });

  it('labels the common actions as an administrator would say them', () => {
    const vi = pack('vi');
    expect(get(vi, 'auditAction.auth_login')).toBe('Đăng nhập');
    expect(get(vi, 'auditAction.auth_login_failed')).toBe('Đăng nhập sai');
    expect(get(vi, 'auditAction.demo_load')).toBe('Nạp dữ liệu mẫu');
    expect(get(vi, 'auditEntity.user')).toBe('Tài khoản');
    expect(get(vi, 'auditEntity.org_unit')).toBe('Đơn vị');
  });
});

describe('actorText', () => {
  const t = ((key: string, options?: { task?: string }) =>
    options?.task ? `${key}(${options.task})` : key) as TFunction;

  it('shows a username as it is, a system task by name, and no name as not signed in', () => {
    expect(actorText(t, 'so.lanhdao')).toBe('so.lanhdao');
    expect(actorText(t, 'system:demo')).toBe('audit.systemTask(demo)');
    expect(actorText(t, null)).toBe('audit.anonymous');
  });
});
