import type { Readable, Writable } from 'node:stream';
import type pg from 'pg';

/**
 * COPY … TO STDOUT / FROM STDIN over the `pg` client, without pg-copy-streams (not a
 * dependency). `pg` hands every protocol message of the active query to a "submittable"
 * (client.query(obj) with a `submit` method); these two implement the handlers that
 * pg-copy-streams implements, for the COPY sub-protocol of the PostgreSQL frontend/backend
 * protocol (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-COPY).
 *
 * Text format COPY is what pg_dump writes: every value goes through its type's own output
 * and input functions, so text, jsonb, arrays, timestamps, bytea, NULL (\N) and any Unicode
 * text round-trip exactly.
 */

/** The part of pg's (untyped) Connection that the COPY sub-protocol needs. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.ReadWriteStream & { writableNeedDrain?: boolean };
}

/** "COPY 123" → 123. */
function rowCountOf(msg: { text?: string }): number {
  const n = Number.parseInt((msg.text ?? '').split(' ').pop() ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

/** A submittable settles a promise on ReadyForQuery, after CommandComplete or an error. */
abstract class CopyQuery {
  readonly text: string;
  protected connection: CopyConnection | undefined;
  protected error: Error | undefined;
  protected rows = 0;
  readonly done: Promise<number>;
  #resolve!: (rows: number) => void;
  #reject!: (err: Error) => void;

  constructor(text: string) {
    this.text = text;
    this.done = new Promise<number>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  submit(connection: pg.Connection): void {
    this.connection = connection as unknown as CopyConnection;
    this.connection.query(this.text);
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rows = rowCountOf(msg);
  }

  // pg forgets the active query on ErrorResponse (no ReadyForQuery reaches us), so an error
  // settles at once, like pg's own Query does.
  handleError(err: Error): void {
    this.error ??= err;
    this.#settle();
  }

  handleReadyForQuery(): void {
    this.#settle();
  }

  #settle(): void {
    this.connection?.stream.resume();
    if (this.error) this.#reject(this.error);
    else this.#resolve(this.rows);
  }

  // Messages a COPY does not produce; present so that pg never calls a missing method.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(_msg: { chunk: Buffer }): void {}
  handleCopyInResponse(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).sendCopyFail('unexpected COPY FROM');
  }
}

class CopyOut extends CopyQuery {
  readonly #sink: Writable;
  #paused = false;

  constructor(text: string, sink: Writable) {
    super(text);
    this.#sink = sink;
  }

  override handleCopyData(msg: { chunk: Buffer }): void {
    // pg's parser hands out a view of its receive buffer, which it reuses: copy the bytes
    // before they wait in a stream buffer. Back-pressure: stop reading the socket until the
    // sink has caught up; one socket read can hold many messages, so several writes may come
    // before the pause takes effect: wait for one 'drain' only.
    if (!this.#sink.write(Buffer.from(msg.chunk)) && this.connection && !this.#paused) {
      const stream = this.connection.stream;
      this.#paused = true;
      stream.pause();
      this.#sink.once('drain', () => {
        this.#paused = false;
        stream.resume();
      });
    }
  }
}

class CopyIn extends CopyQuery {
  readonly #source: Readable;

  constructor(text: string, source: Readable) {
    super(text);
    this.#source = source;
  }

  override handleCopyInResponse(connection: pg.Connection): void {
    void this.#pump(connection as unknown as CopyConnection);
  }

  async #pump(conn: CopyConnection): Promise<void> {
    try {
      for await (const chunk of this.#source) {
        if (this.error) break; // the server refused a row: stop sending
        conn.sendCopyFromChunk(chunk as Buffer);
        if (conn.stream.writableNeedDrain) await new Promise((r) => conn.stream.once('drain', r));
      }
      conn.endCopyFrom();
    } catch (err) {
      this.error ??= err as Error;
      conn.sendCopyFail(`reading the source failed: ${(err as Error).message}`);
    }
  }
}

/**
 * Runs `COPY (…) TO STDOUT` and writes the data to `sink` (not ended here). Resolves with the
 * number of rows once the server has finished.
 */
export async function copyOut(client: pg.ClientBase, sql: string, sink: Writable): Promise<number> {
  const q = new CopyOut(sql, sink);
  client.query(q);
  return q.done;
}

/** Runs `COPY … FROM STDIN`, streaming `source` to the server. Resolves with the row count. */
export async function copyIn(client: pg.ClientBase, sql: string, source: Readable): Promise<number> {
  const q = new CopyIn(sql, source);
  client.query(q);
  return q.done;
}
