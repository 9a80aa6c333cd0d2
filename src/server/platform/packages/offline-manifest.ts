import { z } from 'zod';
import { Text } from '../../../shared/common.schema.ts';

/**
 * `giaoducso-package.json`: the manifest of an offline package (issue 4 item 7), a collection
 * of resources carried on a USB stick to a school without internet and importable into another
 * giaoducso installation. A file format, so versioned and independent of the library's tables;
 * the resource fields follow Dublin Core (DCMI 1.1): title → dc:title, description →
 * dc:description, kind → dc:type, subjects and keywords → dc:subject, authors → dc:creator,
 * schoolName → dc:publisher, publishedAt → dc:date, language → dc:language, licence →
 * dc:rights, files[].mime → dc:format, id → dc:identifier.
 */
export const MANIFEST_NAME = 'giaoducso-package.json';
export const PACKAGE_FORMAT = 'giaoducso-package';
export const PACKAGE_FORMAT_VERSION = 1;

/** Same values as the library's resource kinds (src/shared/library.schema.ts) in format version 1. */
export const PACKAGE_RESOURCE_KINDS = [
  'image',
  'video',
  'audio',
  'document',
  'simulation',
  'link',
  'etextbook',
  'lesson_plan',
] as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const HttpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const Code = z.string().regex(/^[a-z0-9_]{1,40}$/);
const CodeName = z.object({ code: Code, name: Text(1, 200) });

/** A file inside the package, at `files/<sha256>.<ext>`: the path is derived, never chosen. */
export const PackageFileSchema = z
  .object({
    path: z.string().regex(/^files\/[0-9a-f]{64}\.[a-z0-9]{1,8}$/),
    sha256: Sha256,
    size: z.number().int().min(0),
    mime: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
    /** The file's name when it was uploaded, for downloads. */
    name: Text(1, 255).optional(),
  })
  .refine((f) => f.path.startsWith(`files/${f.sha256}.`), { message: 'path must be files/<sha256>.<ext>' });

export const PackageResourceSchema = z.object({
  /** The resource's id in the exporting installation (a UUID there); also the folder of an extracted simulation. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  title: Text(1, 300),
  description: Text(0, 5000).default(''),
  kind: z.enum(PACKAGE_RESOURCE_KINDS),
  keywords: z.array(Text(1, 80)).max(30).default([]),
  /** School levels of the 2018 curriculum (tieu_hoc, thcs, thpt) with their names. */
  levels: z.array(CodeName).max(5).default([]),
  grades: z.array(z.number().int().min(1).max(12)).max(12).default([]),
  /** Subjects of the 2018 general-education curriculum, by code, with their names. */
  subjects: z.array(CodeName).max(10).default([]),
  /** The textbook series the resource follows (Kết nối tri thức…, Chân trời sáng tạo, Cánh Diều), if any. */
  series: CodeName.nullable().default(null),
  /** ISO 639-1 or 639-3 code (vi, en, and the ethnic-minority languages' codes) with its name. */
  language: z.object({ code: z.string().regex(/^[a-z]{2,3}$/), name: Text(1, 100) }),
  licence: z.object({ code: Code, name: Text(1, 200), url: HttpUrl.nullable().default(null) }),
  authors: z.array(Text(1, 200)).max(20).default([]),
  schoolName: Text(1, 300).nullable().default(null),
  publishedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  files: z.array(PackageFileSchema).max(20).default([]),
  links: z
    .array(z.object({ url: HttpUrl, title: Text(1, 300).optional() }))
    .max(20)
    .default([]),
});

export const PackageManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  installation: z.object({ name: Text(1, 300), url: HttpUrl.nullable().default(null) }),
  exportedAt: z.iso.datetime({ offset: true }),
  collection: z.object({ title: Text(1, 300), description: Text(0, 5000).default('') }),
  resources: z.array(PackageResourceSchema).max(10_000),
});

export type PackageFile = z.output<typeof PackageFileSchema>;
export type PackageResource = z.output<typeof PackageResourceSchema>;
export type PackageManifest = z.output<typeof PackageManifestSchema>;
/** What an exporter writes: defaults may be left out. */
export type PackageManifestInput = z.input<typeof PackageManifestSchema>;

/** The file of a simulation resource that is extracted to `sims/<id>/` (its zip). */
export function simulationFileOf(resource: PackageResource): PackageFile | undefined {
  return resource.kind === 'simulation' ? resource.files.find((f) => f.mime === 'application/zip') : undefined;
}

/** Every distinct file of the manifest, once each (two resources may share a file). */
export function distinctFiles(manifest: PackageManifest): PackageFile[] {
  const byPath = new Map<string, PackageFile>();
  for (const r of manifest.resources) for (const f of r.files) if (!byPath.has(f.path)) byPath.set(f.path, f);
  return [...byPath.values()];
}
