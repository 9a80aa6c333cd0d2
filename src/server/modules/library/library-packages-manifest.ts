import type { LibraryLevel, Reference } from '../../../shared/library.schema.ts';
import { extensionForMime } from '../../platform/packages/mime-types.ts';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type PackageManifestInput,
  type PackageResource,
} from '../../platform/packages/offline-manifest.ts';
import type { ExportRow } from './library-packages.repository.ts';
import { LEVEL_NAMES } from './library-reference.ts';

/** "Chỉ sử dụng nội bộ" (0015_library.sql): never leaves its owners' reach (see exportable). */
export const INTERNAL_LICENCE = 'internal';

export interface ExportPlan {
  manifest: PackageManifestInput;
  /** Storage key of each file, by SHA-256. */
  storageKeys: Map<string, string>;
  /** Resources left out, by id, with why. */
  leftOut: { id: string; reason: 'internal_licence' }[];
  bytes: number;
}

export interface ExportContext {
  installation: { name: string; url: string | null };
  collection: { title: string; description: string };
  schoolName: (id: string) => string | null;
  /** A signed-in reader: internal-use resources they may read go into their package; nobody else's. */
  signedIn: boolean;
  now: Date;
}

/**
 * The manifest of a collection's offline package (platform/packages/offline-manifest.ts, Dublin
 * Core fields), pure: names from the reference data, one file per resource (the published
 * version's), links for link resources. A resource licensed for internal use only is exported
 * only to a signed-in reader who may read it (its visibility already decided that): never into
 * an anonymous package that anyone could carry away.
 */
export function planExport(rows: readonly ExportRow[], ref: Reference, ctx: ExportContext): ExportPlan {
  const storageKeys = new Map<string, string>();
  const leftOut: ExportPlan['leftOut'] = [];
  const resources: PackageResource[] = [];
  let bytes = 0;
  for (const r of rows) {
    if (r.licence_code === INTERNAL_LICENCE && !ctx.signedIn) {
      leftOut.push({ id: r.id, reason: 'internal_licence' });
      continue;
    }
    const licence = ref.licences.find((l) => l.code === r.licence_code);
    const language = ref.languages.find((l) => l.code === r.language_code);
    const series = ref.series.find((s) => s.code === r.series_code);
    const files: PackageResource['files'] = [];
    if (r.sha256 && r.storage_key && r.content_type) {
      const mime = r.content_type.split(';')[0]!.trim().toLowerCase();
      files.push({
        path: `files/${r.sha256}.${extensionForMime(mime)}`,
        sha256: r.sha256,
        size: Number(r.size_bytes),
        mime,
        ...(r.filename ? { name: r.filename.slice(0, 255) } : {}),
      });
      if (!storageKeys.has(r.sha256)) bytes += Number(r.size_bytes);
      storageKeys.set(r.sha256, r.storage_key);
    }
    resources.push({
      id: r.id,
      title: r.title,
      description: r.description,
      kind: r.kind as PackageResource['kind'],
      keywords: r.keywords,
      levels: r.levels.map((l) => ({ code: l, name: LEVEL_NAMES[l as LibraryLevel] ?? l })),
      grades: r.grades,
      subjects: r.subjects.map((s) => ({ code: s, name: ref.subjects.find((x) => x.code === s)?.nameVi ?? s })),
      language: { code: r.language_code, name: language?.nameVi ?? r.language_code },
      licence: { code: r.licence_code, name: licence?.nameVi ?? r.licence_code, url: licence?.url ?? null },
      authors: r.authors,
      schoolName: ctx.schoolName(r.school_id),
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      files,
      links: r.url ? [{ url: r.url }] : [],
      series: series ? { code: series.code, name: series.nameVi } : null,
    });
  }
  const manifest: PackageManifestInput = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    installation: ctx.installation,
    exportedAt: ctx.now.toISOString(),
    collection: ctx.collection,
    resources,
  };
  return { manifest, storageKeys, leftOut, bytes };
}

/** The series code of a manifest's resource (null in packages without one). */
export function seriesOf(resource: PackageResource): string | null {
  return resource.series?.code ?? null;
}
