import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backupToDestinations,
  parseDestinations,
  verifyDestinations,
} from '../../src/server/platform/backup/replicate.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

/** One backup on two independent media (Thông tư 02/2019/TT-BNV), each proven to restore. */
let ctx: TestContext;
let tmp: string;

beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gds-archive-backup-'));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('BACKUP_DESTINATIONS', () => {
  it('needs at least two different destinations, absolute directories or s3 URLs', () => {
    expect(() => parseDestinations('/mnt/a')).toThrow(/at least two/);
    expect(() => parseDestinations('/mnt/a,/mnt/a')).toThrow(/at least two/);
    expect(() => parseDestinations('/mnt/a,relative/dir')).toThrow(/Invalid destination/);
    expect(parseDestinations('/mnt/a, s3://sao-luu/giaoducso/')).toEqual([
      { kind: 'dir', dir: '/mnt/a' },
      { kind: 's3', bucket: 'sao-luu', prefix: 'giaoducso' },
    ]);
  });
});

describe('backup to two destinations', () => {
  it('writes one backup to both, with the same SHA-256, and each restores into a temporary database', async () => {
    const destinations = parseDestinations(`${path.join(tmp, 'disk-a')},${path.join(tmp, 'nas-b')}`);
    const r = await backupToDestinations({
      pool: ctx.database.pool,
      storage: ctx.platform.storage,
      config: ctx.config,
      destinations,
      tmpDir: path.join(tmp, 'work'),
    });
    expect(r.copies).toHaveLength(2);
    const bytes = r.copies.map((c) => fs.readFileSync(c.location));
    expect(bytes[0]!.equals(bytes[1]!)).toBe(true);
    const verified = await verifyDestinations({
      url: ctx.url,
      config: ctx.config,
      destinations,
      tmpDir: path.join(tmp, 'work'),
    });
    expect(verified.map((v) => [v.error, v.result?.ok])).toEqual([
      [null, true],
      [null, true],
    ]);
    // A damaged copy fails its own check, the other still passes.
    const damaged = r.copies[1]!.location;
    const b = fs.readFileSync(damaged);
    fs.writeFileSync(damaged, b.subarray(0, Math.floor(b.length / 2)));
    const again = await verifyDestinations({
      url: ctx.url,
      config: ctx.config,
      destinations,
      tmpDir: path.join(tmp, 'work'),
    });
    expect(again[0]!.result?.ok).toBe(true);
    expect(again[1]!.result?.ok ?? false).toBe(false);
  }, 120_000);
});
