import { parseFileCode } from '../../../shared/archive.schema.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { AppError } from '../../platform/errors.ts';

/** What the rules look at: the merged state of a file after a create or a patch. */
export interface FileMeta {
  code: string;
  startDate: string;
  endDate: string;
  reliability: 'original' | 'digitised' | 'copy';
  paperCode: string | null;
  physicalCondition: string | null;
  keywords: readonly string[];
}

export interface FondsMeta {
  orgIdentifier: string;
  startYear: number;
  endYear: number | null;
}

/**
 * The file-level rules of Thông tư 05/2025/TT-BNV that a schema cannot say alone: the code is
 * `<org identifier of the fonds>.<year>.<number>` with the year within the file's dates; the
 * file's dates lie within the fonds'; a digitised file names its paper original and its
 * physical condition. Throws archive.invalid_metadata listing every problem.
 */
export function checkFileMeta(f: FileMeta, fonds: FondsMeta): { year: number } {
  const problems: ErrorDetail[] = [];
  const add = (path: string, vi: string, en: string) => problems.push({ path, message: `${vi} / ${en}` });
  const parts = parseFileCode(f.code);
  const startYear = Number(f.startDate.slice(0, 4));
  const endYear = Number(f.endDate.slice(0, 4));
  if (!parts) {
    add(
      'body.code',
      'mã hồ sơ phải có dạng <mã định danh>.<năm>.<số>',
      'the code must be <org identifier>.<year>.<number>',
    );
  } else {
    if (parts.org !== fonds.orgIdentifier)
      add(
        'body.code',
        `mã hồ sơ phải bắt đầu bằng mã định danh của phông (${fonds.orgIdentifier})`,
        `the code must start with the fonds identifier (${fonds.orgIdentifier})`,
      );
    if (parts.year < startYear || parts.year > endYear)
      add(
        'body.code',
        'năm trong mã hồ sơ phải nằm trong thời gian của hồ sơ',
        'the year in the code must fall within the file dates',
      );
  }
  if (f.endDate < f.startDate)
    add('body.endDate', 'ngày kết thúc phải sau ngày bắt đầu', 'the end date must not precede the start date');
  if (startYear < fonds.startYear || (fonds.endYear !== null && endYear > fonds.endYear))
    add(
      'body.startDate',
      'thời gian của hồ sơ phải nằm trong thời gian của phông',
      'the file dates must fall within the fonds years',
    );
  if (f.reliability === 'digitised') {
    if (!f.paperCode)
      add(
        'body.paperCode',
        'hồ sơ số hóa phải ghi ký hiệu hồ sơ giấy',
        'a digitised file must name its paper original',
      );
    if (!f.physicalCondition)
      add(
        'body.physicalCondition',
        'hồ sơ số hóa phải ghi tình trạng vật lý',
        'a digitised file must record the physical condition',
      );
  }
  if (new Set(f.keywords.map((k) => k.toLowerCase())).size !== f.keywords.length)
    add('body.keywords', 'từ khóa bị trùng', 'duplicate keywords');
  if (problems.length) throw new AppError('archive.invalid_metadata', { details: problems });
  return { year: parts!.year };
}
