/**
 * What is wrong with an uploaded zip or an imported package, in both languages, so that a
 * teacher reads it in Vietnamese and an administrator or a log in English. `path` names the
 * zip entry concerned, when there is one.
 */
export interface PackageProblem {
  code: PackageProblemCode;
  path?: string;
  vi: string;
  en: string;
}

export type PackageProblemCode =
  | 'zip.unreadable'
  | 'zip.too_many_entries'
  | 'zip.too_large'
  | 'zip.entry_too_large'
  | 'zip.suspicious_ratio'
  | 'zip.unsafe_path'
  | 'zip.duplicate_path'
  | 'zip.symlink'
  | 'zip.encrypted'
  | 'zip.unsupported_method'
  | 'zip.corrupt_entry'
  | 'simulation.no_index'
  | 'simulation.type_not_allowed'
  | 'package.no_manifest'
  | 'package.bad_manifest'
  | 'package.unsupported_version'
  | 'package.missing_file'
  | 'package.file_mismatch'
  | 'package.unexpected_entry';

export const problem = (code: PackageProblemCode, vi: string, en: string, path?: string): PackageProblem =>
  path === undefined ? { code, vi, en } : { code, path, vi, en };

/** Binary sizes as people read them: 1,5 MB in Vietnamese (decimal comma), 1.5 MB in English. */
export function formatSize(bytes: number): { vi: string; en: string } {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = unit === 0 ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return { vi: `${rounded.replace('.', ',')} ${units[unit]}`, en: `${rounded} ${units[unit]}` };
}
