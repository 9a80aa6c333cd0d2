import { createHash } from 'node:crypto';
import { extensionForMime, extensionOf } from './mime-types.ts';
import { INDEX_CSS, INDEX_JS } from './offline-index-assets.ts';
import { type PackageFile, type PackageManifest, type PackageResource, simulationFileOf } from './offline-manifest.ts';
import { formatSize } from './problems.ts';

/**
 * The index.html of an offline package: a page that opens from a USB stick (file://) with no
 * server and no network, listing the collection's resources with search and filters, and for
 * each its preview or file links, its licence and its attribution. Everything from the
 * manifest is escaped here, once, as it is written into the page; the script never builds
 * HTML, it only hides and shows list items.
 */

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The accent-free search key (the rule of gds_search_key: NFD, marks dropped, đ → d, lower case). */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const KIND_LABELS: Record<PackageResource['kind'], string> = {
  image: 'Hình ảnh',
  video: 'Video',
  audio: 'Âm thanh',
  document: 'Tài liệu',
  simulation: 'Mô phỏng, thí nghiệm ảo',
  link: 'Liên kết',
  etextbook: 'Sách giáo khoa điện tử',
  lesson_plan: 'Kế hoạch bài dạy',
};

const dateVi = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const collator = new Intl.Collator('vi');

/** The page, with a CSP that lets only its own inline script run (by hash) and nothing connect. */
export function renderOfflineIndex(manifest: PackageManifest): string {
  const e = escapeHtml;
  const scriptHash = createHash('sha256').update(INDEX_JS).digest('base64');
  const csp = `script-src 'sha256-${scriptHash}'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
  const subjects = new Map<string, string>();
  const grades = new Set<number>();
  for (const r of manifest.resources) {
    for (const s of r.subjects) subjects.set(s.code, s.name);
    for (const g of r.grades) grades.add(g);
  }
  const subjectOptions = [...subjects]
    .sort((a, b) => collator.compare(a[1], b[1]))
    .map(([code, name]) => `<option value="${e(code)}">${e(name)}</option>`)
    .join('');
  const gradeOptions = [...grades]
    .sort((a, b) => a - b)
    .map((g) => `<option value="${g}">Lớp ${g}</option>`)
    .join('');
  const exported = dateVi.format(new Date(manifest.exportedAt));
  const { collection } = manifest;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${e(collection.title)} – Học liệu ngoại tuyến</title>
<style>${INDEX_CSS}</style>
</head>
<body>
<header><div>
<h1>${e(collection.title)}</h1>
${collection.description ? `<p>${e(collection.description)}</p>` : ''}
<p>Gói học liệu ngoại tuyến từ ${e(manifest.installation.name)}, xuất ngày ${exported}.</p>
</div></header>
<main>
<h2 id="search-heading">Tìm học liệu</h2>
<form id="filters" class="filters" role="search" aria-labelledby="search-heading">
<div><label for="q">Từ khóa (gõ có dấu hoặc không dấu)</label><input id="q" type="search" autocomplete="off" placeholder="Ví dụ: thi nghiem"></div>
<div><label for="subject">Môn học</label><select id="subject"><option value="">Tất cả các môn</option>${subjectOptions}</select></div>
<div><label for="grade">Lớp</label><select id="grade"><option value="">Tất cả các lớp</option>${gradeOptions}</select></div>
</form>
<p id="status" role="status">Có ${manifest.resources.length} học liệu.</p>
<h2>Danh sách học liệu</h2>
<ul class="resources">
${manifest.resources.map(renderResource).join('\n')}
</ul>
<p id="empty" class="empty" hidden>Không có học liệu nào khớp với tìm kiếm.</p>
</main>
<footer><p>Mở tệp index.html này bằng trình duyệt, không cần máy chủ hay Internet (trừ các liên kết ngoài). Tệp giaoducso-package.json mô tả gói để nhập vào một hệ thống giaoducso khác.</p></footer>
<script>${INDEX_JS}</script>
</body>
</html>
`;
}

function renderResource(r: PackageResource): string {
  const e = escapeHtml;
  const key = searchKey(
    [r.title, r.description, ...r.keywords, ...r.authors, ...r.subjects.map((s) => s.name), r.schoolName ?? ''].join(
      ' ',
    ),
  );
  const facts = [
    r.subjects.length > 0 ? `Môn: ${r.subjects.map((s) => s.name).join(', ')}` : '',
    r.grades.length > 0 ? `Lớp: ${r.grades.join(', ')}` : '',
    r.levels.length > 0 ? `Cấp học: ${r.levels.map((l) => l.name).join(', ')}` : '',
    `Ngôn ngữ: ${r.language.name}`,
  ].filter(Boolean);
  const licence = r.licence.url
    ? `<a href="${e(r.licence.url)}" rel="license noopener noreferrer">${e(r.licence.name)}</a>`
    : e(r.licence.name);
  const credit = [
    r.authors.length > 0 ? `Tác giả: ${e(r.authors.join(', '))}` : '',
    r.schoolName ? `Đơn vị: ${e(r.schoolName)}` : '',
    `Giấy phép: ${licence}`,
  ].filter(Boolean);
  return `<li class="resource" data-key="${e(key)}" data-subjects="${e(r.subjects.map((s) => s.code).join(' '))}" data-grades="${r.grades.join(' ')}">
<article aria-labelledby="r-${e(r.id)}">
<span class="kind">${KIND_LABELS[r.kind]}</span>
<h3 id="r-${e(r.id)}">${e(r.title)}</h3>
<p class="meta">${facts.map(e).join(' · ')}</p>
${r.description ? `<p class="desc">${e(r.description)}</p>` : ''}
${renderPreview(r)}
${renderLinks(r)}
<p class="credit">${credit.join(' · ')}</p>
</article>
</li>`;
}

/** Images inline; video and audio in players that load nothing until played; simulations from sims/<id>/. */
function renderPreview(r: PackageResource): string {
  const e = escapeHtml;
  const sim = simulationFileOf(r);
  if (sim) return `<p class="preview"><a href="sims/${e(r.id)}/index.html">Chạy mô phỏng: ${e(r.title)}</a></p>`;
  const first = r.files[0];
  if (!first) return '';
  if (first.mime.startsWith('image/')) {
    return `<div class="preview"><img src="${e(first.path)}" alt="${e(r.title)}" loading="lazy"></div>`;
  }
  if (first.mime.startsWith('video/')) {
    return `<div class="preview"><video controls preload="none" src="${e(first.path)}" aria-label="${e(r.title)}"></video></div>`;
  }
  if (first.mime.startsWith('audio/')) {
    return `<div class="preview"><audio controls preload="none" src="${e(first.path)}" aria-label="${e(r.title)}"></audio></div>`;
  }
  return '';
}

function fileLabel(f: PackageFile): string {
  const type = (extensionOf(f.path) || extensionForMime(f.mime)).toUpperCase();
  return `${f.name ?? f.path.slice('files/'.length)} (${type}, ${formatSize(f.size).vi})`;
}

/** Every file by its relative path (opens from file://) and every external link (needs internet). */
function renderLinks(r: PackageResource): string {
  const e = escapeHtml;
  const items = [
    ...r.files.map((f) => `<li><a href="${e(f.path)}">Mở tệp: ${e(fileLabel(f))}</a></li>`),
    ...r.links.map(
      (l) =>
        `<li><a href="${e(l.url)}" rel="noopener noreferrer">${e(l.title ?? l.url)}</a> (liên kết ngoài, cần Internet)</li>`,
    ),
  ];
  return items.length > 0 ? `<ul class="files">${items.join('')}</ul>` : '';
}
