import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type Storage, type StoredObject } from './storage.ts';

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

  async get(key: string): Promise<Readable> {
    const p = this.#path(key);
    await fs.promises.access(p);
    return fs.createReadStream(p);
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
