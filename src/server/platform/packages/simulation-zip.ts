import { simulationMimeType } from './mime-types.ts';
import { formatSize, type PackageProblem, problem } from './problems.ts';
import { readZipDirectory, readZipEntry, safeZipPath, type ZipEntry, ZipError } from './zip-reader.ts';

/**
 * Checks an uploaded HTML5 simulation or virtual lab (issue 4 item 1): a zip with index.html
 * at its root, or inside its one top-level folder (what "Compress folder" on Windows or macOS
 * makes), holding only what a browser page needs. Nothing is inflated until the central
 * directory has passed every check, and then each member is inflated no further than its
 * declared size and checked against its CRC-32, so a zip bomb never expands in memory.
 */
export interface SimulationLimits {
  maxEntries: number;
  /** Sum of the members' uncompressed sizes. */
  maxTotalSize: number;
  maxEntrySize: number;
  /** Uncompressed / compressed size above which a member larger than `ratioFloor` is refused. */
  maxRatio: number;
  ratioFloor: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_SIMULATION_LIMITS: SimulationLimits = {
  maxEntries: 5000,
  maxTotalSize: 200 * MiB,
  maxEntrySize: 100 * MiB,
  // Text compresses 3–10×, minified JS and JSON rarely beyond 20×; 1,032× is Deflate's ceiling.
  maxRatio: 100,
  ratioFloor: MiB,
};

export interface SimulationFile {
  /** Path relative to the simulation's root ("js/app.js"). */
  path: string;
  size: number;
  compressedSize: number;
  mime: string;
}

export interface SimulationInspection {
  ok: boolean;
  /** '' when index.html is at the top of the zip, else the top-level folder with its slash. */
  root: string;
  files: SimulationFile[];
  totalSize: number;
  problems: PackageProblem[];
}

/** A checked simulation zip, ready to answer its members by path (see simulation-serve.ts). */
export interface SimulationArchive {
  zip: Uint8Array;
  root: string;
  /** Members by path relative to the root, NFC. */
  members: Map<string, { entry: ZipEntry; mime: string }>;
}

/** Files an archiver adds on its own: skipped, not refused. */
const isArchiverNoise = (path: string) =>
  path.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(path);

const MAX_PROBLEMS = 50;

/** Reads the directory, applies the limits and finds the root; `problems` is empty when all is well. */
export function openSimulation(
  zip: Uint8Array,
  limits: SimulationLimits = DEFAULT_SIMULATION_LIMITS,
): { archive: SimulationArchive; problems: PackageProblem[] } {
  const problems: PackageProblem[] = [];
  const archive: SimulationArchive = { zip, root: '', members: new Map() };
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(zip, limits.maxEntries);
  } catch (error) {
    if (error instanceof ZipError && error.reason === 'too_many_entries') {
      problems.push(
        problem(
          'zip.too_many_entries',
          `Tệp zip có quá nhiều mục (tối đa ${limits.maxEntries}).`,
          `The zip has too many entries (at most ${limits.maxEntries}).`,
        ),
      );
    } else {
      problems.push(
        problem(
          'zip.unreadable',
          'Tệp không phải tệp zip hợp lệ hoặc đã bị hỏng.',
          'The file is not a valid zip or is damaged.',
        ),
      );
    }
    return { archive, problems };
  }

  const files = new Map<string, ZipEntry>();
  let total = 0;
  for (const entry of entries) {
    const path = safeZipPath(entry.name);
    if (path === null) {
      problems.push(
        problem(
          'zip.unsafe_path',
          `Đường dẫn không an toàn trong tệp zip: “${entry.name}” (đường dẫn tuyệt đối hoặc có “..”).`,
          `Unsafe path in the zip: “${entry.name}” (absolute or containing “..”).`,
          entry.name,
        ),
      );
      continue;
    }
    if (isArchiverNoise(path) || (entry.isDirectory && !entry.isSymlink)) continue;
    problems.push(...memberProblems(entry, path, limits));
    if (files.has(path)) {
      problems.push(
        problem(
          'zip.duplicate_path',
          `Tệp “${path}” xuất hiện hai lần trong tệp zip.`,
          `“${path}” appears twice in the zip.`,
          path,
        ),
      );
    }
    files.set(path, entry);
    total += entry.size;
  }
  if (total > limits.maxTotalSize) {
    const [size, max] = [formatSize(total), formatSize(limits.maxTotalSize)];
    problems.push(
      problem(
        'zip.too_large',
        `Tổng dung lượng sau khi giải nén (${size.vi}) vượt quá giới hạn ${max.vi}.`,
        `The uncompressed total (${size.en}) exceeds the limit of ${max.en}.`,
      ),
    );
  }

  archive.root = findRoot([...files.keys()]) ?? '';
  if (!files.has(`${archive.root}index.html`)) {
    problems.push(
      problem(
        'simulation.no_index',
        'Không tìm thấy index.html ở gốc tệp zip (hoặc trong thư mục duy nhất ở gốc).',
        'No index.html at the root of the zip (or inside its single top-level folder).',
      ),
    );
  }
  for (const [path, entry] of files) {
    const mime = simulationMimeType(path);
    if (mime === null) {
      problems.push(
        problem(
          'simulation.type_not_allowed',
          `Loại tệp của “${path}” không được phép trong mô phỏng (chỉ HTML, JS, CSS, JSON, hình ảnh, phông chữ, âm thanh, video, WebAssembly, văn bản).`,
          `“${path}” is of a type not allowed in a simulation (only HTML, JS, CSS, JSON, images, fonts, audio, video, WebAssembly, text).`,
          path,
        ),
      );
      continue;
    }
    archive.members.set(path.slice(archive.root.length), { entry, mime });
  }
  return { archive, problems: problems.slice(0, MAX_PROBLEMS) };
}

/** Symlink, encryption, compression method, size and ratio of one member. */
function memberProblems(entry: ZipEntry, path: string, limits: SimulationLimits): PackageProblem[] {
  const found: PackageProblem[] = [];
  if (entry.isSymlink) {
    found.push(
      problem(
        'zip.symlink',
        `“${path}” là liên kết tượng trưng (symlink), không được phép.`,
        `“${path}” is a symbolic link, which is not allowed.`,
        path,
      ),
    );
  }
  if (entry.isEncrypted) {
    found.push(
      problem(
        'zip.encrypted',
        `Tệp “${path}” được đặt mật khẩu; hãy nén lại mà không đặt mật khẩu.`,
        `“${path}” is password-protected; zip it again without a password.`,
        path,
      ),
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    found.push(
      problem(
        'zip.unsupported_method',
        `Tệp “${path}” dùng kiểu nén không được hỗ trợ (chỉ Deflate hoặc không nén).`,
        `“${path}” uses an unsupported compression method (only Deflate or stored).`,
        path,
      ),
    );
  }
  if (entry.size > limits.maxEntrySize) {
    const [size, max] = [formatSize(entry.size), formatSize(limits.maxEntrySize)];
    found.push(
      problem(
        'zip.entry_too_large',
        `Tệp “${path}” quá lớn (${size.vi}, tối đa ${max.vi}).`,
        `“${path}” is too large (${size.en}, at most ${max.en}).`,
        path,
      ),
    );
  }
  const ratio = entry.size / Math.max(1, entry.compressedSize);
  if (entry.size > limits.ratioFloor && ratio > limits.maxRatio) {
    found.push(
      problem(
        'zip.suspicious_ratio',
        `Tệp “${path}” có tỉ lệ nén bất thường (${Math.round(ratio)}:1), có thể là “bom zip”.`,
        `“${path}” has a suspicious compression ratio (${Math.round(ratio)}:1), a possible zip bomb.`,
        path,
      ),
    );
  }
  return found;
}

/** '' when index.html is at the top; 'folder/' when every file sits in that one folder. */
function findRoot(paths: readonly string[]): string | null {
  if (paths.includes('index.html')) return '';
  const tops = new Set(paths.map((p) => (p.includes('/') ? `${p.slice(0, p.indexOf('/'))}/` : '')));
  const [only] = tops;
  return tops.size === 1 && only ? only : null;
}

/**
 * Validates a simulation zip: limits, paths, types, root, then every member's bytes against
 * its declared size and CRC-32. Returns the root, the files with their sizes and MIME types,
 * and the problems (empty when the zip can be served).
 */
export function inspectSimulationZip(
  zip: Uint8Array,
  limits: SimulationLimits = DEFAULT_SIMULATION_LIMITS,
): SimulationInspection {
  const { archive, problems } = openSimulation(zip, limits);
  const files: SimulationFile[] = [];
  let totalSize = 0;
  for (const [path, { entry, mime }] of archive.members) {
    files.push({ path, size: entry.size, compressedSize: entry.compressedSize, mime });
    totalSize += entry.size;
  }
  // Inflate only a zip whose directory passed: the declared sizes are then within the limits.
  if (problems.length === 0) {
    for (const [path, { entry }] of archive.members) {
      try {
        readZipEntry(zip, entry);
      } catch {
        problems.push(
          problem(
            'zip.corrupt_entry',
            `Tệp “${path}” bị hỏng (kích thước hoặc mã kiểm tra CRC không khớp).`,
            `“${path}” is damaged (its size or CRC-32 does not match).`,
            archive.root + path,
          ),
        );
      }
    }
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { ok: problems.length === 0, root: archive.root, files, totalSize, problems };
}
