import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestAll } from '../../src/server/platform/backup/catalog.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

let ctx: TestContext;
let tmp: string;
// `npm test` runs under Node 24 (type stripping); fall back to the project's own node otherwise.
const NODE =
  Number(process.versions.node.split('.')[0]) >= 24 ? process.execPath : path.resolve('node_modules/.bin/node');
const CLI = path.resolve('src/server/cli.ts');

/** Runs the CLI as an operator would, on the test database and the test context's DATA_DIR. */
function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CLI, ...args], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: ctx.url,
        DATA_DIR: ctx.config.DATA_DIR,
        LOG_LEVEL: 'warn',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function digests() {
  const client = await ctx.database.pool.connect();
  try {
    return await digestAll(client);
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-cli-test-'));
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run cli', () => {
  it('user:create prints a temporary password that signs in and must be changed first', async () => {
    const school = await ctx.platform.db
      .selectFrom('org_units')
      .select('code')
      .where('type_code', '=', 'school')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const r = await cli(
      'user:create',
      '--username',
      'cli.ngoc',
      '--name',
      'Trần Thị Bích Ngọc',
      '--role',
      'principal',
      '--unit',
      school.code,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const password = /Temporary password:\s+(\S+)/.exec(r.stdout)?.[1];
    expect(password).toBeTruthy();

    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cli.ngoc', password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const users = await ctx.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('auth.password_change_required');
    const { rows } = await ctx.database.pool.query(
      `SELECT actor_name FROM audit_log WHERE action = 'users.create' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].actor_name).toBe('system:cli');
  });

  it('answers wrong usage with exit code 2 and a message in Vietnamese, then English', async () => {
    const missing = await cli('user:create', '--username', 'cli.x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Thiếu tham số --name\.\nMissing option --name\./);
    expect(missing.stderr).toContain('npm run cli -- user:create');

    const unknown = await cli('user:create', '--username', 'cli.x', '--frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Tham số không hợp lệ: .*\nInvalid arguments: .*frobnicate/);

    const command = await cli('no-such-command');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Không có lệnh "no-such-command". / Unknown command "no-such-command".');
  });

  it('backs up, verifies and restores the database and the files', async () => {
    const body = Buffer.from('Biên bản họp hội đồng trường – bản ký số', 'utf8');
    await ctx.platform.storage.put('bien-ban/2026/hop-hoi-dong.txt', body);
    const before = await digests();
    const archive = path.join(tmp, 'cli.tar.gz');

    const made = await cli('backup', '--out', archive);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(archive);
    expect(fs.statSync(archive).mode & 0o077).toBe(0);

    const verified = await cli('backup:verify', archive);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^OK: /m);

    await ctx.database.pool.query(`DELETE FROM role_grants; DELETE FROM sessions`);
    await ctx.platform.storage.delete('bien-ban/2026/hop-hoi-dong.txt');
    expect(await digests()).not.toEqual(before);

    const refused = await cli('restore', archive);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('XÓA TOÀN BỘ dữ liệu');
    expect(refused.stderr).toContain('Add --yes to confirm.');

    const restored = await cli('restore', archive, '--yes');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(await digests()).toEqual(before);
    const file = await buffer(await ctx.platform.storage.get('bien-ban/2026/hop-hoi-dong.txt'));
    expect(createHash('sha256').update(file).digest('hex')).toBe(createHash('sha256').update(body).digest('hex'));
  });
});
