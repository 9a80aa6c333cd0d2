import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { extensionForMime } from './mime-types.ts';
import type { PackageManifestInput } from './offline-manifest.ts';

/** Test data for the packages' unit tests and the offline package's browser journey. */

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A simulation: index.html, a script and an image, in one top-level folder when `folder` is given. */
export function simulationZip(folder = ''): Uint8Array {
  return zipSync({
    [`${folder}index.html`]: strToU8(
      '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Rơi tự do</title>' +
        '<h1>Rơi tự do</h1><canvas id="c" width="300" height="200"></canvas><img src="img/ball.png" alt="">' +
        '<script src="js/app.js"></script></html>',
    ),
    [`${folder}js/app.js`]: strToU8(
      "const c = document.getElementById('c').getContext('2d'); let y = 0;\n" +
        "function tick() { c.clearRect(0, 0, 300, 200); c.fillStyle = '#0b5394'; c.beginPath(); c.arc(150, y, 10, 0, 7); c.fill(); y = (y + 2) % 200; requestAnimationFrame(tick); }\n" +
        'tick();\n',
    ),
    [`${folder}img/ball.png`]: PNG,
  });
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160" viewBox="0 0 320 160">
<rect width="320" height="160" fill="#eef4fb"/><rect x="40" y="40" width="240" height="80" fill="none" stroke="#0b5394" stroke-width="4"/>
<circle cx="160" cy="40" r="14" fill="#f59e0b" stroke="#0b5394" stroke-width="3"/><text x="160" y="145" font-size="14" text-anchor="middle" fill="#1a1a1a">Mạch điện nối tiếp</text></svg>`;

const PDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj
trailer<</Root 1 0 R>>
%%EOF
`;

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A file of the manifest with its bytes. */
function file(bytes: Uint8Array, mime: string, name: string) {
  const sha = sha256(bytes);
  return {
    bytes: Buffer.from(bytes),
    entry: { path: `files/${sha}.${extensionForMime(mime)}`, sha256: sha, size: bytes.length, mime, name },
  };
}

const VAT_LI = { code: 'vat_li', name: 'Vật lí' };
const THPT = { code: 'thpt', name: 'Trung học phổ thông' };
const VI = { code: 'vi', name: 'Tiếng Việt' };
const CC_BY = { code: 'cc_by', name: 'CC BY 4.0 (Ghi công)', url: 'https://creativecommons.org/licenses/by/4.0/' };

/** "Vật lí 10 – Kết nối tri thức": a simulation, an image, a PDF, an MP3 and a link, with the files by SHA-256. */
export function samplePackage(): { manifest: PackageManifestInput; files: Map<string, Buffer> } {
  const sim = file(simulationZip('roi-tu-do/'), 'application/zip', 'roi-tu-do.zip');
  const svg = file(strToU8(SVG), 'image/svg+xml', 'mach-dien.svg');
  const pdf = file(strToU8(PDF), 'application/pdf', 'Đo tốc độ.pdf');
  const mp3 = file(Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000'), 'audio/mpeg', 'que-huong.mp3');
  const manifest: PackageManifestInput = {
    format: 'giaoducso-package',
    formatVersion: 1,
    installation: { name: 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi', url: 'https://giaoducso.example.vn' },
    exportedAt: '2025-09-05T08:30:00+07:00',
    collection: {
      title: 'Vật lí 10 – Kết nối tri thức',
      description: 'Học liệu dùng chung cho các trường THPT, mang đến trường bằng USB.',
    },
    resources: [
      {
        id: '7c1e2a34-0000-4000-8000-000000000001',
        title: 'Thí nghiệm ảo: Rơi tự do',
        description: 'Quan sát chuyển động rơi tự do của một vật.',
        kind: 'simulation',
        keywords: ['rơi tự do', 'gia tốc'],
        levels: [THPT],
        grades: [10],
        subjects: [VAT_LI],
        language: VI,
        licence: CC_BY,
        authors: ['Nguyễn Thị Hương'],
        schoolName: 'Trường THPT Lê Khiết',
        publishedAt: '2025-08-20T10:00:00+07:00',
        files: [sim.entry],
      },
      {
        id: '7c1e2a34-0000-4000-8000-000000000002',
        title: 'Sơ đồ mạch điện nối tiếp',
        kind: 'image',
        levels: [THPT],
        grades: [11],
        subjects: [VAT_LI],
        language: VI,
        licence: CC_BY,
        authors: ['Trần Văn Đức'],
        schoolName: 'Trường THPT Trần Quốc Tuấn',
        files: [svg.entry],
      },
      {
        id: '7c1e2a34-0000-4000-8000-000000000003',
        title: 'Bài giảng: Đo tốc độ',
        description: 'Phiếu học tập và bài giảng cho bài 5.',
        kind: 'document',
        levels: [THPT],
        grades: [10],
        subjects: [VAT_LI],
        language: VI,
        licence: { code: 'internal', name: 'Chỉ dùng nội bộ', url: null },
        files: [pdf.entry],
      },
      {
        id: '7c1e2a34-0000-4000-8000-000000000004',
        title: 'Đọc diễn cảm bài thơ “Quê hương”',
        kind: 'audio',
        levels: [{ code: 'thcs', name: 'Trung học cơ sở' }],
        grades: [6],
        subjects: [{ code: 'ngu_van', name: 'Ngữ văn' }],
        language: VI,
        licence: { code: 'cc_by_sa', name: 'CC BY-SA 4.0 (Ghi công – Chia sẻ tương tự)' },
        files: [mp3.entry],
      },
      {
        id: '7c1e2a34-0000-4000-8000-000000000005',
        title: 'Kho mô phỏng PhET',
        kind: 'link',
        grades: [10, 11, 12],
        subjects: [VAT_LI],
        language: { code: 'en', name: 'Tiếng Anh' },
        licence: CC_BY,
        links: [{ url: 'https://phet.colorado.edu/vi/', title: 'PhET Interactive Simulations' }],
      },
    ],
  };
  return { manifest, files: new Map([sim, svg, pdf, mp3].map((f) => [f.entry.sha256, f.bytes])) };
}

/** Reads a stream to its end. */
export async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
