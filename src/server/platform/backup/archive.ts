import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { fileEntry, Manifest, tableEntry } from './manifest.ts';

/** A backup or restore refused for a reason the operator can act on; message in Vietnamese, then English. */
export class BackupError extends Error {
  readonly vi: string;
  readonly en: string;

  constructor(vi: string, en: string, opts: { cause?: unknown } = {}) {
    super(`${vi}\n${en}`, opts);
    this.vi = vi;
    this.en = en;
  }
}

/** A writable that hashes and counts what passes through on its way to `file`. */
export function hashingFileWriter(file: string): {
  sink: Writable;
  finished: Promise<{ sha256: string; size: number }>;
} {
  const hash = createHash('sha256');
  let size = 0;
  const sink = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  const finished = pipeline(sink, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 })).then(() => ({
    sha256: hash.digest('hex'),
    size,
  }));
  return { sink, finished };
}

/** SHA-256 and size of a file on disk. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Packs a staged backup directory into `out` (tar.gz, mode 0600: it holds password hashes and
 * personal data). Writes `out.partial` and renames it, so a crash never leaves a truncated
 * archive under the final name. manifest.json goes first.
 */
export async function packArchive(stage: string, out: string): Promise<number> {
  await fs.promises.mkdir(path.dirname(out), { recursive: true, mode: 0o700 });
  const partial = `${out}.partial`;
  try {
    await tar.create({ gzip: true, file: partial, cwd: stage, portable: true, mode: 0o600 }, [
      'manifest.json',
      'tables',
      'files',
    ]);
    await fs.promises.chmod(partial, 0o600);
    await fs.promises.rename(partial, out);
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
  return (await fs.promises.stat(out)).size;
}

/** An archive unpacked into a temporary directory and checked entry by entry. */
export interface OpenedArchive {
  dir: string;
  manifest: Manifest;
  /** Removes the temporary directory. */
  dispose(): Promise<void>;
}

const damaged = (vi: string, en: string, cause?: unknown) =>
  new BackupError(`Tệp sao lưu bị hỏng hoặc không hợp lệ: ${vi}.`, `The backup archive is damaged or invalid: ${en}.`, {
    cause,
  });

/**
 * Unpacks `file` under `tmpDir` and verifies it completely (manifest, then the SHA-256 and
 * size of every table file and stored file) before anyone acts on it. Only regular files
 * and directories are unpacked: a link inside an archive could otherwise point a restore
 * at any file of this machine.
 */
export async function openArchive(file: string, tmpDir: string): Promise<OpenedArchive> {
  if (!fs.existsSync(file)) {
    throw new BackupError(`Không tìm thấy tệp sao lưu: ${file}`, `Backup archive not found: ${file}`);
  }
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const dir = await fs.promises.mkdtemp(path.join(tmpDir, '.gds-restore-'));
  const dispose = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    try {
      await tar.extract({
        file,
        cwd: dir,
        strict: true,
        filter: (_p, entry) => 'type' in entry && ['File', 'OldFile', 'Directory'].includes(entry.type),
      });
    } catch (err) {
      const why = (err as Error).message;
      throw damaged(`không đọc được tệp tar.gz (${why})`, `not a readable tar.gz (${why})`, err);
    }
    let manifest: Manifest;
    try {
      manifest = Manifest.parse(JSON.parse(await fs.promises.readFile(path.join(dir, 'manifest.json'), 'utf8')));
    } catch (err) {
      const why = (err as Error).message.slice(0, 300);
      throw damaged(
        `thiếu manifest.json hoặc không phải bản sao lưu giaoducso (${why})`,
        `manifest.json is missing or not a giaoducso backup manifest (${why})`,
        err,
      );
    }
    const expect = [
      ...manifest.tables.map((t) => ({
        entry: tableEntry(t.name),
        sha256: t.sha256,
        size: undefined as number | undefined,
      })),
      ...manifest.files.map((f) => ({ entry: fileEntry(f.key), sha256: f.sha256, size: f.size as number | undefined })),
    ];
    for (const e of expect) {
      const got = await hashFile(path.join(dir, e.entry)).catch(() => undefined);
      if (!got) throw damaged(`thiếu ${e.entry}`, `${e.entry} is missing`);
      if (got.sha256 !== e.sha256 || (e.size !== undefined && got.size !== e.size)) {
        throw damaged(
          `${e.entry} không khớp mã kiểm tra trong manifest`,
          `${e.entry} does not match its checksum in the manifest`,
        );
      }
    }
    return { dir, manifest, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
