import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  distinctFiles,
  MANIFEST_NAME,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageFile,
  type PackageManifest,
  PackageManifestSchema,
  simulationFileOf,
} from './offline-manifest.ts';
import { formatSize, type PackageProblem, problem } from './problems.ts';
import { readZipDirectory, readZipEntry, safeZipPath, type ZipEntry, ZipError } from './zip-reader.ts';

/**
 * Reads an offline package for import into this installation: the manifest checked against
 * its schema, every file present with the size and SHA-256 the manifest gives, nothing outside
 * the package's layout, no path that could escape a folder, within size caps. The importing
 * service then creates resources from `manifest` and stores the files it takes by `readFile`.
 * The limit: the zip is in memory (a Buffer, so under ~2 GiB by default caps; streaming from
 * disk with byte-range reads of the central directory is the step after).
 */
export interface PackageLimits {
  maxEntries: number;
  maxTotalSize: number;
  maxManifestSize: number;
  /** Uncompressed / compressed size above which a member over 1 MiB is refused (zip bomb). */
  maxRatio: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxEntries: 100_000,
  maxTotalSize: 2048 * MiB,
  maxManifestSize: 16 * MiB,
  maxRatio: 100,
};

export type PackageReading =
  | { ok: true; manifest: PackageManifest; files: PackageFile[]; readFile: (sha256: string) => Buffer }
  | { ok: false; problems: PackageProblem[] };

const fail = (...problems: PackageProblem[]): PackageReading => ({ ok: false, problems });

/** Validates a package and returns its manifest and its files, or the problems found. */
export function readOfflinePackage(zip: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): PackageReading {
  let list: ZipEntry[];
  try {
    list = readZipDirectory(zip, limits.maxEntries);
  } catch (error) {
    if (error instanceof ZipError && error.reason === 'too_many_entries') {
      return fail(
        problem(
          'zip.too_many_entries',
          `Gói có quá nhiều mục (tối đa ${limits.maxEntries}).`,
          `The package has too many entries (at most ${limits.maxEntries}).`,
        ),
      );
    }
    return fail(
      problem(
        'zip.unreadable',
        'Tệp không phải gói zip hợp lệ hoặc đã bị hỏng.',
        'The file is not a valid zip or is damaged.',
      ),
    );
  }

  const layout = checkLayout(list, limits);
  if (layout.problems.length > 0) return fail(...layout.problems);
  const entries = layout.entries;

  const manifestEntry = entries.get(MANIFEST_NAME);
  if (!manifestEntry) {
    return fail(
      problem('package.no_manifest', `Gói không có tệp ${MANIFEST_NAME}.`, `The package has no ${MANIFEST_NAME}.`),
    );
  }
  if (manifestEntry.size > limits.maxManifestSize) {
    return fail(problem('zip.entry_too_large', `Tệp ${MANIFEST_NAME} quá lớn.`, `${MANIFEST_NAME} is too large.`));
  }
  const parsed = parseManifest(zip, manifestEntry);
  if (!parsed.ok) return parsed;
  const { manifest } = parsed;

  const problems: PackageProblem[] = [];
  const files = distinctFiles(manifest);
  for (const file of files) problems.push(...checkFile(zip, entries.get(file.path), file));
  for (const r of manifest.resources) {
    for (const f of r.files) {
      const entry = entries.get(f.path);
      if (entry && entry.size !== f.size) problems.push(mismatch(f.path));
    }
  }
  problems.push(...unexpectedEntries(entries, manifest, files));
  if (problems.length > 0) return fail(...problems);

  const bySha = new Map(files.map((f) => [f.sha256, f]));
  return {
    ok: true,
    manifest,
    files,
    readFile: (sha256) => {
      const file = bySha.get(sha256);
      const entry = file && entries.get(file.path);
      if (!entry) throw new Error(`no file ${sha256} in the package`);
      return readZipEntry(zip, entry);
    },
  };
}

/** Safe paths, no symlink, no encryption, known compression, no duplicates, total under the cap. */
function checkLayout(
  list: ZipEntry[],
  limits: PackageLimits,
): { entries: Map<string, ZipEntry>; problems: PackageProblem[] } {
  const entries = new Map<string, ZipEntry>();
  const problems: PackageProblem[] = [];
  let total = 0;
  for (const entry of list) {
    const path = safeZipPath(entry.name);
    if (path === null) {
      problems.push(
        problem(
          'zip.unsafe_path',
          `Đường dẫn không an toàn trong gói: “${entry.name}” (đường dẫn tuyệt đối hoặc có “..”).`,
          `Unsafe path in the package: “${entry.name}” (absolute or containing “..”).`,
          entry.name,
        ),
      );
      continue;
    }
    if (entry.isSymlink) {
      problems.push(
        problem(
          'zip.symlink',
          `“${path}” là liên kết tượng trưng (symlink), không được phép.`,
          `“${path}” is a symbolic link, which is not allowed.`,
          path,
        ),
      );
    } else if (entry.isEncrypted || (entry.method !== 0 && entry.method !== 8)) {
      problems.push(
        problem(
          'zip.unsupported_method',
          `Không đọc được “${path}” (mã hóa hoặc kiểu nén không hỗ trợ).`,
          `Cannot read “${path}” (encrypted or an unsupported compression method).`,
          path,
        ),
      );
    }
    if (entry.isDirectory) continue;
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > MiB && ratio > limits.maxRatio) {
      problems.push(
        problem(
          'zip.suspicious_ratio',
          `Tệp “${path}” có tỉ lệ nén bất thường (${Math.round(ratio)}:1), có thể là “bom zip”.`,
          `“${path}” has a suspicious compression ratio (${Math.round(ratio)}:1), a possible zip bomb.`,
          path,
        ),
      );
    }
    if (entries.has(path)) {
      problems.push(
        problem(
          'zip.duplicate_path',
          `Tệp “${path}” xuất hiện hai lần trong gói.`,
          `“${path}” appears twice in the package.`,
          path,
        ),
      );
    }
    entries.set(path, entry);
    total += entry.size;
  }
  if (total > limits.maxTotalSize) {
    const [size, max] = [formatSize(total), formatSize(limits.maxTotalSize)];
    problems.push(
      problem(
        'zip.too_large',
        `Tổng dung lượng của gói (${size.vi}) vượt quá giới hạn ${max.vi}.`,
        `The package's total size (${size.en}) exceeds the limit of ${max.en}.`,
      ),
    );
  }
  return { entries, problems };
}

function parseManifest(zip: Uint8Array, entry: ZipEntry): { ok: true; manifest: PackageManifest } | PackageReading {
  let json: unknown;
  try {
    json = JSON.parse(readZipEntry(zip, entry).toString('utf8'));
  } catch {
    return fail(
      problem(
        'package.bad_manifest',
        `Tệp ${MANIFEST_NAME} không đọc được (không phải JSON hợp lệ).`,
        `${MANIFEST_NAME} cannot be read (not valid JSON).`,
        MANIFEST_NAME,
      ),
    );
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (
    head?.format === PACKAGE_FORMAT &&
    typeof head.formatVersion === 'number' &&
    head.formatVersion > PACKAGE_FORMAT_VERSION
  ) {
    return fail(
      problem(
        'package.unsupported_version',
        `Gói được tạo bởi phiên bản mới hơn (định dạng ${head.formatVersion}); hãy cập nhật hệ thống trước khi nhập.`,
        `The package was made by a newer version (format ${head.formatVersion}); update this installation before importing it.`,
        MANIFEST_NAME,
      ),
    );
  }
  const result = PackageManifestSchema.safeParse(json);
  if (!result.success) return fail(...result.error.issues.slice(0, 20).map(schemaProblem));
  return { ok: true, manifest: result.data };
}

function schemaProblem(issue: z.core.$ZodIssue): PackageProblem {
  const where = issue.path.map(String).join('.') || '(gốc)';
  return problem(
    'package.bad_manifest',
    `Mô tả gói không hợp lệ tại “${where}”: ${issue.message}`,
    `Invalid manifest at “${where.replace('(gốc)', '(root)')}”: ${issue.message}`,
    MANIFEST_NAME,
  );
}

const mismatch = (path: string) =>
  problem(
    'package.file_mismatch',
    `Tệp “${path}” không khớp với mô tả trong gói (SHA-256 hoặc kích thước khác): tệp đã bị sửa hoặc hỏng.`,
    `“${path}” does not match the manifest (SHA-256 or size differs): the file was altered or damaged.`,
    path,
  );

/** Present, of the declared size, intact (CRC-32) and with the declared SHA-256. */
function checkFile(zip: Uint8Array, entry: ZipEntry | undefined, file: PackageFile): PackageProblem[] {
  if (!entry) {
    return [
      problem('package.missing_file', `Gói thiếu tệp “${file.path}”.`, `The package lacks “${file.path}”.`, file.path),
    ];
  }
  if (entry.size !== file.size) return [mismatch(file.path)];
  try {
    const sha = createHash('sha256').update(readZipEntry(zip, entry)).digest('hex');
    return sha === file.sha256 ? [] : [mismatch(file.path)];
  } catch {
    return [
      problem(
        'zip.corrupt_entry',
        `Tệp “${file.path}” bị hỏng (mã kiểm tra CRC không khớp).`,
        `“${file.path}” is damaged (its CRC-32 does not match).`,
        file.path,
      ),
    ];
  }
}

/** Anything besides the manifest, index.html, the listed files and the extracted simulations. */
function unexpectedEntries(
  entries: Map<string, ZipEntry>,
  manifest: PackageManifest,
  files: PackageFile[],
): PackageProblem[] {
  const listed = new Set(files.map((f) => f.path));
  const sims = new Set(manifest.resources.filter((r) => simulationFileOf(r)).map((r) => `sims/${r.id}/`));
  const found: PackageProblem[] = [];
  for (const path of entries.keys()) {
    if (path === MANIFEST_NAME || path === 'index.html' || listed.has(path)) continue;
    const sim = path.startsWith('sims/') ? path.slice(0, path.indexOf('/', 5) + 1) : '';
    if (sim && sims.has(sim)) continue;
    found.push(
      problem(
        'package.unexpected_entry',
        `Gói chứa tệp “${path}” không có trong mô tả gói.`,
        `The package holds “${path}”, which its manifest does not list.`,
        path,
      ),
    );
  }
  return found.slice(0, 20);
}
