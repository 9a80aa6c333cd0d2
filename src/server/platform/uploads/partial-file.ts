import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ReadAt } from './sniff.ts';

export interface Appended {
  /** Bytes written, fsync'd, from the declared offset on. */
  written: number;
  /** The body went on past `maxBytes`; the rest was read and dropped. */
  overflow: boolean;
  /** The request broke off (dropped connection): what arrived before it is kept. */
  error: unknown;
}

/** What the file holds: fewer bytes than the database says were received means they were lost. */
export async function partialSize(filePath: string): Promise<number> {
  return fs.promises.stat(filePath).then(
    (s) => s.size,
    () => 0,
  );
}

/**
 * Appends a request body to the partial file at `offset`, as it arrives (never buffered
 * whole). Bytes past `offset` (written by a request that broke off before its offset was
 * recorded) are cut first. Whatever arrived is fsync'd before the caller records the new
 * offset, so an acknowledged offset survives a crash of the node.
 */
export async function appendChunk(
  filePath: string,
  offset: number,
  maxBytes: number,
  body: AsyncIterable<Buffer>,
): Promise<Appended> {
  const fh = await fs.promises.open(filePath, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  try {
    await fh.truncate(offset);
    let written = 0;
    let overflow = false;
    let error: unknown;
    try {
      for await (const chunk of body) {
        if (overflow) continue;
        let c = chunk;
        if (written + c.length > maxBytes) {
          c = c.subarray(0, maxBytes - written);
          overflow = true;
        }
        if (c.length) await fh.write(c, 0, c.length, offset + written);
        written += c.length;
      }
    } catch (err) {
      error = err;
    }
    await fh.sync();
    return { written, overflow, error };
  } finally {
    await fh.close();
  }
}

/** SHA-256 (hex) of a file, streamed. */
export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Random access to a file on disk for the sniffer; the caller closes the handle. */
export function fileReader(fh: fs.promises.FileHandle): ReadAt {
  return async (position, length) => {
    const b = Buffer.alloc(length);
    const { bytesRead } = await fh.read(b, 0, length, position);
    return b.subarray(0, bytesRead);
  };
}
