import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type ByteRange, type Storage, type StoredObject } from './storage.ts';

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Files on local disk under one root. Writes go to a temporary file, fsync, then rename. */
export class LocalStorage implements Storage {
  readonly driver = 'local' as const;
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  #path(key: string): string {
    assertSafeKey(key);
    return path.join(this.#root, key);
  }

  async put(key: string, body: Readable | Buffer): Promise<StoredObject> {
    const target = this.#path(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const hash = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    try {
      const out = fs.createWriteStream(tmp, { flags: 'wx' });
      await pipeline(source, meter, out);
      const fd = await fs.promises.open(tmp, 'r');
      await fd.sync();
      await fd.close();
      await fs.promises.rename(tmp, target);
    } catch (err) {
      await fs.promises.rm(tmp, { force: true });
      throw err;
    }
    return { key, size, sha256: hash.digest('hex') };
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const p = this.#path(key);
    await fs.promises.access(p);
    return fs.createReadStream(p, range ? { start: range.start, end: range.end } : {});
  }

  async putFile(key: string, localPath: string, _contentType?: string, sha256?: string): Promise<StoredObject> {
    const target = this.#path(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const { size } = await fs.promises.stat(localPath);
    const digest = sha256 ?? (await hashFile(localPath));
    try {
      // The caller fsync'd the file; a rename within one file system keeps it whole.
      await fs.promises.rename(localPath, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await this.put(key, fs.createReadStream(localPath));
      await fs.promises.rm(localPath, { force: true });
    }
    return { key, size, sha256: digest };
  }

  async exists(key: string): Promise<boolean> {
    return fs.promises
      .stat(this.#path(key))
      .then((s) => s.isFile())
      .catch(() => false);
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.#path(key), { force: true });
  }

  async *list(prefix = ''): AsyncIterable<string> {
    const start = prefix ? this.#path(prefix.replace(/\/$/, '')) : this.#root;
    if (!fs.existsSync(start)) return;
    const entries = await fs.promises.readdir(start, { recursive: true, withFileTypes: true });
    const keys = entries
      .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
      .map((e) => path.relative(this.#root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
    yield* keys;
  }
}
