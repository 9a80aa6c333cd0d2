import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { encodeMetadata, fingerprint, type TusOptions, tusUpload, type UploadMemory } from './tus-client.ts';

/**
 * A fake tus 1.0.0 server behind a fake fetch: uploads kept in memory, and failures to inject
 * (a PATCH that dies after the server kept part of its bytes, a refused type, a purged upload).
 */
class FakeTus {
  uploads = new Map<string, { length: number; bytes: number[]; metadata: string; fileId: string | null }>();
  requests: { method: string; url: string; headers: Record<string, string> }[] = [];
  /** Fails the next PATCHes: each entry keeps that many bytes of the chunk, then drops the connection. */
  cutNextPatches: number[] = [];
  refuseType = false;
  next = 1;

  fetch: typeof fetch = async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>));
    this.requests.push({ method, url, headers });
    if (init?.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    if (headers['tus-resumable'] !== '1.0.0') return json(412, 'upload.version');
    if (method === 'POST') {
      const id = `u${this.next++}`;
      const metadata = headers['upload-metadata'] ?? '';
      this.uploads.set(id, { length: Number(headers['upload-length']), bytes: [], metadata, fileId: null });
      return new Response(null, { status: 201, headers: { location: `/api/uploads/${id}` } });
    }
    const upload = this.uploads.get(url.split('/').pop() ?? '');
    if (!upload) return json(404, 'resource.not_found');
    if (method === 'HEAD')
      return new Response(null, {
        status: 200,
        headers: { 'upload-offset': String(upload.bytes.length), 'upload-length': String(upload.length) },
      });
    if (method === 'GET')
      return Response.json({
        fileId: upload.fileId,
        duplicate: false,
        state: upload.fileId ? 'complete' : 'receiving',
      });
    if (method === 'PATCH') {
      if (Number(headers['upload-offset']) !== upload.bytes.length) return json(409, 'upload.offset_mismatch');
      const chunk = [...new Uint8Array(await ((init?.body ?? new Blob()) as Blob).arrayBuffer())];
      const cut = this.cutNextPatches.shift();
      if (cut !== undefined) {
        upload.bytes.push(...chunk.slice(0, cut));
        throw new TypeError('Failed to fetch');
      }
      upload.bytes.push(...chunk);
      const out: Record<string, string> = { 'upload-offset': String(upload.bytes.length) };
      if (upload.bytes.length === upload.length) {
        if (this.refuseType) return json(415, 'upload.type_refused');
        upload.fileId = `file-of-${url.split('/').pop()}`;
        out['upload-file-id'] = upload.fileId;
        out['upload-duplicate'] = 'false';
      }
      return new Response(null, { status: 204, headers: out });
    }
    return json(405, 'request.invalid');
  };

  count(method: string): number {
    return this.requests.filter((r) => r.method === method).length;
  }
}

function json(status: number, code: string): Response {
  return Response.json(
    { error: { code, message: code, messages: { vi: code, en: code }, requestId: 'r' } },
    { status },
  );
}

class MemoryStore implements UploadMemory {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 251);
const fileOf = (n: number, name = 'Thí nghiệm ảo.webm') =>
  Object.assign(new Blob([bytesOf(n)], { type: 'video/webm' }), { name, lastModified: 1_700_000_000_000 });

function options(server: FakeTus, file: ReturnType<typeof fileOf>, extra: Partial<TusOptions> = {}): TusOptions {
  return {
    endpoint: '/api/uploads',
    file,
    metadata: { purpose: 'library', filename: file.name, filetype: file.type },
    chunkSize: 1000,
    retryDelays: [0, 0, 0],
    memory: new MemoryStore(),
    fetch: server.fetch,
    sleep: async () => {},
    headers: () => ({ 'x-csrf-token': 'csrf' }),
    ...extra,
  };
}

describe('tusUpload', () => {
  it('creates the upload with its metadata, sends it in chunks with progress and returns the stored file', async () => {
    const server = new FakeTus();
    const progress: number[] = [];
    const file = fileOf(2500);
    const result = await tusUpload(options(server, file, { onProgress: (sent) => progress.push(sent) }));
    expect(result).toEqual({ url: '/api/uploads/u1', fileId: 'file-of-u1', duplicate: false });
    expect(server.uploads.get('u1')?.bytes).toEqual([...bytesOf(2500)]);
    expect(progress).toEqual([0, 1000, 2000, 2500]);
    const create = server.requests[0]!;
    expect(create.headers['upload-length']).toBe('2500');
    expect(create.headers['x-csrf-token']).toBe('csrf');
    const pairs = Object.fromEntries(
      (create.headers['upload-metadata'] ?? '').split(',').map((p) => {
        const [k, v] = p.split(' ');
        return [k, new TextDecoder().decode(Uint8Array.from(atob(v ?? ''), (c) => c.charCodeAt(0)))];
      }),
    );
    expect(pairs).toEqual({ purpose: 'library', filename: 'Thí nghiệm ảo.webm', filetype: 'video/webm' });
    const patches = server.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => p.headers['upload-offset'])).toEqual(['0', '1000', '2000']);
    expect(patches.every((p) => p.headers['content-type'] === 'application/offset+octet-stream')).toBe(true);
  });

  it('asks for the offset after a dropped connection and sends only the rest', async () => {
    const server = new FakeTus();
    server.cutNextPatches = [400];
    const result = await tusUpload(options(server, fileOf(2500)));
    expect(result.fileId).toBe('file-of-u1');
    expect(server.uploads.get('u1')?.bytes).toEqual([...bytesOf(2500)]);
    expect(server.count('HEAD')).toBe(1);
    const offsets = server.requests.filter((r) => r.method === 'PATCH').map((p) => p.headers['upload-offset']);
    expect(offsets).toEqual(['0', '400', '1400', '2400']);
  });

  it('waits longer after each failure and gives up with a network error once the pauses are spent', async () => {
    const server = new FakeTus();
    server.cutNextPatches = [0, 0, 0, 0, 0];
    const waits: number[] = [];
    const error = await tusUpload(
      options(server, fileOf(1500), { retryDelays: [10, 20, 40], sleep: async (ms) => void waits.push(ms) }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network');
    expect(waits).toEqual([10, 20, 40]);
  });

  it('remembers the upload so that a reloaded page resumes it without creating another', async () => {
    const server = new FakeTus();
    const memory = new MemoryStore();
    const file = fileOf(3000);
    const controller = new AbortController();
    const first = tusUpload(
      options(server, file, {
        memory,
        signal: controller.signal,
        onProgress: (sent) => sent >= 1000 && controller.abort(),
      }),
    );
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(memory.getItem(fingerprint(file, 'library'))).toBe('/api/uploads/u1');

    const resumedAt: number[] = [];
    const again = await tusUpload(options(server, file, { memory, onResume: (o) => resumedAt.push(o) }));
    expect(again.fileId).toBe('file-of-u1');
    expect(resumedAt).toEqual([1000]);
    expect(server.count('POST')).toBe(1);
    expect(server.uploads.get('u1')?.bytes).toEqual([...bytesOf(3000)]);
    expect(memory.map.size).toBe(0);
  });

  it('starts a new upload when the remembered one was purged', async () => {
    const server = new FakeTus();
    const memory = new MemoryStore();
    const file = fileOf(1200);
    memory.setItem(fingerprint(file, 'library'), '/api/uploads/gone');
    const result = await tusUpload(options(server, file, { memory }));
    expect(result.url).toBe('/api/uploads/u1');
    expect(server.count('POST')).toBe(1);
  });

  it('fetches the stored file of a remembered upload that had already finished', async () => {
    const server = new FakeTus();
    const memory = new MemoryStore();
    const file = fileOf(800);
    await tusUpload(options(server, file, { memory: null }));
    memory.setItem(fingerprint(file, 'library'), '/api/uploads/u1');
    const result = await tusUpload(options(server, file, { memory }));
    expect(result.fileId).toBe('file-of-u1');
    expect(server.count('POST')).toBe(1);
    expect(server.count('GET')).toBe(1);
  });

  it('does not retry a refused file, and forgets it', async () => {
    const server = new FakeTus();
    server.refuseType = true;
    const memory = new MemoryStore();
    const error = await tusUpload(options(server, fileOf(500), { memory })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('upload.type_refused');
    expect(server.count('PATCH')).toBe(1);
    expect(memory.map.size).toBe(0);
  });
});

describe('encodeMetadata', () => {
  it('writes key and base64 of UTF-8 pairs', () => {
    expect(encodeMetadata({ filename: 'ảo.pdf', purpose: 'library' })).toBe(
      `filename ${Buffer.from('ảo.pdf').toString('base64')},purpose ${Buffer.from('library').toString('base64')}`,
    );
  });
});
