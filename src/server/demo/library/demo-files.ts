import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { renderPdf } from '../../platform/pdf/pdf-writer.ts';
import type { Platform } from '../../platform/platform.ts';
import { findUploadedFileBySha, insertStoredFileOnce } from '../../platform/uploads/uploads.repository.ts';

/**
 * The SYNTHETIC files of the library demo, made in code (no binary in the repository): a PNG
 * drawn pixel by pixel, a one-page PDF, and an HTML5 simulation zip. Stored like a completed
 * upload: under `uploads/<yyyy>/<sha256>` once per SHA-256, with a `stored_files` row.
 */

/** A width × height RGB PNG whose pixels `paint(x, y)` gives. */
export function drawPng(width: number, height: number, paint: (x: number, y: number) => [number, number, number]) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A simple diagram: a sky gradient, the ground and a coloured disc (the "object" of the lesson). */
export function diagramPng(hue: [number, number, number]): Buffer {
  const [w, h] = [160, 120];
  return drawPng(w, h, (x, y) => {
    const dx = x - 80;
    const dy = y - 50;
    if (dx * dx + dy * dy < 400) return hue;
    if (y > 95) return [120, 90, 60];
    const t = Math.round((y / h) * 80);
    return [200 - t, 225 - t, 250];
  });
}

/** A one-page PDF with a title and paragraphs (platform/pdf, Vietnamese font embedded). */
export function onePagePdf(title: string, paragraphs: readonly string[]): Promise<Uint8Array> {
  return renderPdf({
    title,
    author: 'Dữ liệu mẫu giaoducso',
    createdAt: new Date('2026-01-05T02:00:00Z'),
    blocks: [{ kind: 'title', text: title }, ...paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))],
    footer: 'Dữ liệu mẫu (tổng hợp) – không phải tài liệu chính thức',
  });
}

/** A tiny HTML5 simulation: index.html draws a moving ball on a canvas; title shown in the page. */
export function simulationZip(title: string, caption: string): Uint8Array {
  const html =
    `<!doctype html><html lang="vi"><meta charset="utf-8"><title>${title}</title>` +
    '<style>body{font-family:sans-serif;margin:16px}canvas{border:1px solid #0b5394}</style>' +
    `<h1>${title}</h1><p>${caption}</p><canvas id="c" width="320" height="200"></canvas>` +
    '<p><small>Dữ liệu mẫu (tổng hợp).</small></p><script src="app.js"></script></html>';
  const js =
    "const c = document.getElementById('c').getContext('2d'); let t = 0;\n" +
    'function tick() { const y = 10 + 0.5 * 9.8 * (t / 20) ** 2; c.clearRect(0, 0, 320, 200);\n' +
    "  c.fillStyle = '#f59e0b'; c.beginPath(); c.arc(160, Math.min(y, 190), 10, 0, 7); c.fill();\n" +
    "  c.fillStyle = '#1a1a1a'; c.fillText('t = ' + (t / 20).toFixed(2) + ' s', 8, 16);\n" +
    '  t = y > 190 ? 0 : t + 1; requestAnimationFrame(tick); }\ntick();\n';
  return zipSync({ 'index.html': strToU8(html), 'app.js': strToU8(js) });
}

/** Stores bytes as an uploaded file would be (once per SHA-256); returns the stored file's id. */
export async function storeDemoFile(
  p: Platform,
  bytes: Uint8Array,
  f: { filename: string; contentType: string; createdBy: string },
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await findUploadedFileBySha(p.db, sha256);
  if (existing) return existing.id;
  const key = `uploads/${new Date().getUTCFullYear()}/${sha256}`;
  const stored = await p.storage.put(key, Buffer.from(bytes), f.contentType);
  const id = await insertStoredFileOnce(p.db, {
    storageKey: key,
    filename: f.filename,
    contentType: f.contentType,
    size: stored.size,
    sha256: stored.sha256,
    createdBy: f.createdBy,
  });
  const found = id ?? (await findUploadedFileBySha(p.db, sha256))?.id;
  if (!found) throw new Error(`demo library: stored file ${sha256} vanished`);
  return found;
}
