import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Localized } from '../../../shared/common.schema.ts';
import type { Reference, Visibility } from '../../../shared/library.schema.ts';
import type { PackageImportSummary } from '../../../shared/library-reports.schema.ts';
import { actorLabel, type UserActor } from '../../platform/actor.ts';
import { dayOf } from '../../platform/calendar/calendar.ts';
import { type PackageResource, simulationFileOf } from '../../platform/packages/offline-manifest.ts';
import type { PackageReading } from '../../platform/packages/offline-package-read.ts';
import { inspectSimulationZip } from '../../platform/packages/simulation-zip.ts';
import type { Platform } from '../../platform/platform.ts';
import { cleanFilename, withExtension } from '../../platform/uploads/filename.ts';
import { findUploadPurpose } from '../../platform/uploads/purposes.ts';
import { bufferReader, type FileKind, KIND_INFO, sniffFile } from '../../platform/uploads/sniff.ts';
import { makeThumbnail, THUMBNAIL_WIDTH } from '../../platform/uploads/thumbnails.ts';
import {
  findThumbnail,
  findUploadedFileBySha,
  insertStoredFileOnce,
  insertThumbnailLink,
} from '../../platform/uploads/uploads.repository.ts';
import * as repo from './library-packages.repository.ts';
import { INTERNAL_LICENCE, seriesOf } from './library-packages-manifest.ts';
import { checkCodes } from './library-reference.ts';
import {
  insertResource,
  insertVersion,
  type ResourceValues,
  refreshSearch,
  updateResource,
} from './resources.repository.ts';

type Ok = Extract<PackageReading, { ok: true }>;

export interface ImportInput {
  reading: Ok;
  ref: Reference;
  schoolId: string;
  visibility: Visibility;
  packageFileId: string;
}

/** What one resource of the package becomes: metadata and its content, or why it cannot be imported. */
type Prepared =
  | {
      ok: true;
      values: ResourceValues;
      file: { sha256: string; kind: FileKind; name: string } | null;
      url: string | null;
    }
  | { ok: false; why: Localized };

const LEVELS = new Set(['tieu_hoc', 'thcs', 'thpt']);
const fail = (vi: string, en: string): Prepared => ({ ok: false, why: { vi, en } });

/**
 * Creates the package's resources as drafts of the school (see LibraryPackagesService.importPackage),
 * each in its own transaction with its origin and audit entry: a resource that cannot be imported
 * (a subject or licence this installation lacks, a file type the library does not take) is
 * reported and the others go on. ResourcesService.create is not used: the resource, its version
 * and its origin row must commit together, so that an import that is repeated or runs twice at
 * once never makes a second copy.
 */
export async function importResources(
  p: Platform,
  actor: UserActor,
  input: ImportInput,
): Promise<PackageImportSummary> {
  const { manifest, readFile } = input.reading;
  const installation = manifest.installation.url ?? manifest.installation.name;
  const libraryKinds = findUploadPurpose('library')?.kinds ?? [];
  const summary: PackageImportSummary = {
    collectionTitle: manifest.collection.title,
    installation: { name: manifest.installation.name, url: manifest.installation.url },
    exportedAt: manifest.exportedAt,
    schoolId: input.schoolId,
    created: [],
    skipped: [],
    errors: [],
    files: { stored: 0, reused: 0 },
  };
  const known = await repo.findOrigins(
    p.db,
    installation,
    manifest.resources.map((r) => r.id),
  );
  const stored = new Map<string, Promise<string>>();
  const note = (r: PackageResource) =>
    `Nhập từ gói “${manifest.collection.title}” của ${manifest.installation.name}` +
    `${manifest.installation.url ? ` (${manifest.installation.url})` : ''}, mã gốc ${r.id}.`;

  for (const r of manifest.resources) {
    const already = known.get(r.id);
    if (already) {
      summary.skipped.push({ sourceId: r.id, resourceId: already, title: r.title });
      continue;
    }
    const prepared = await prepare(r, input, readFile, libraryKinds);
    if (!prepared.ok) {
      summary.errors.push({ sourceId: r.id, title: r.title, messages: prepared.why });
      continue;
    }
    let fileId: string | null = null;
    if (prepared.file) {
      const f = prepared.file;
      let pending = stored.get(f.sha256);
      if (!pending) {
        pending = storeFile(p, actor, readFile(f.sha256), f).then((s) => {
          summary.files[s.reused ? 'reused' : 'stored'] += 1;
          return s.id;
        });
        stored.set(f.sha256, pending);
      }
      fileId = await pending;
    }
    const userId = actorLabel(actor).id;
    const outcome = await p.db.transaction().execute(async (trx) => {
      await repo.lockOrigin(trx, installation, r.id);
      const again = (await repo.findOrigins(trx, installation, [r.id])).get(r.id);
      if (again) return { created: false, resourceId: again };
      const id = await insertResource(trx, { ...prepared.values, school_id: input.schoolId, created_by: userId });
      const v = await insertVersion(trx, {
        resourceId: id,
        fileId,
        url: fileId ? null : prepared.url,
        note: note(r).slice(0, 1000),
        createdBy: userId,
      });
      await updateResource(trx, id, { current_version_id: v.id, updated_by: userId });
      await refreshSearch(trx, id);
      await repo.insertOrigin(trx, {
        installation,
        installationName: manifest.installation.name,
        sourceId: r.id,
        resourceId: id,
        packageFileId: input.packageFileId,
        importedBy: userId,
      });
      await p.audit.record(trx, actor, {
        action: 'library.resource.import',
        entityType: 'library_resource',
        entityId: id,
        unitId: input.schoolId,
        after: {
          title: prepared.values.title,
          kind: prepared.values.kind,
          visibility: prepared.values.visibility,
          licence: prepared.values.licence_code,
          source: { installation, id: r.id },
        },
      });
      return { created: true, resourceId: id };
    });
    summary[outcome.created ? 'created' : 'skipped'].push({
      sourceId: r.id,
      resourceId: outcome.resourceId,
      title: r.title,
    });
  }
  return summary;
}

/** The resource's metadata checked against this installation's reference data, and its content. */
async function prepare(
  r: PackageResource,
  input: ImportInput,
  readFile: Ok['readFile'],
  libraryKinds: readonly FileKind[],
): Promise<Prepared> {
  if (r.title.length < 2) return fail('Tên học liệu quá ngắn.', 'The title is too short.');
  const unknownLevel = r.levels.find((l) => !LEVELS.has(l.code));
  if (unknownLevel)
    return fail(`Cấp học không xác định: ${unknownLevel.name}.`, `Unknown school level: ${unknownLevel.code}.`);
  const internal = r.licence.code === INTERNAL_LICENCE;
  const values: ResourceValues = {
    kind: r.kind,
    title: r.title,
    description: r.description,
    keywords: r.keywords,
    levels: [...new Set(r.levels.map((l) => l.code))],
    grades: [...new Set(r.grades)].sort((a, b) => a - b),
    subjects: [...new Set(r.subjects.map((s) => s.code))],
    series_code: input.ref.series.some((s) => s.code === seriesOf(r)) ? seriesOf(r) : null,
    topic: null,
    authors: r.authors,
    language_code: r.language.code,
    licence_code: r.licence.code,
    // "Internal use only" stays within one school here, whatever the importer asks.
    visibility: internal ? 'school' : input.visibility,
  };
  const problems = checkCodes(input.ref, {
    levels: values.levels,
    grades: values.grades,
    subjects: values.subjects,
    seriesCode: values.series_code,
    licenceCode: values.licence_code,
    languageCode: values.language_code,
  });
  if (problems.length > 0) {
    const list = problems.map((x) => x.message).join(' ');
    return fail(
      `Thông tin mô tả không dùng được ở hệ thống này: ${list}`,
      `Its metadata does not fit this installation (${problems.map((x) => x.path).join(', ')}): ${list}`,
    );
  }
  const file = simulationFileOf(r) ?? (r.kind === 'link' ? undefined : r.files[0]);
  if (!file) {
    const url = r.links[0]?.url;
    if (!url) return fail('Học liệu không có tệp hay liên kết nào.', 'The resource has neither a file nor a link.');
    return { ok: true, values, file: null, url };
  }
  const bytes = readFile(file.sha256);
  const kind = await sniffFile(bufferReader(bytes), bytes.length);
  if (!kind || !libraryKinds.includes(kind))
    return fail(
      `Loại tệp “${file.name ?? file.path}” không được kho học liệu chấp nhận.`,
      `The library does not accept the type of “${file.name ?? file.path}”.`,
    );
  if (r.kind === 'simulation') {
    const inspection = kind === 'zip' ? inspectSimulationZip(bytes) : null;
    if (!inspection?.ok)
      return fail(
        `Mô phỏng không hợp lệ: ${inspection?.problems.map((x) => x.vi).join(' ') ?? 'không phải tệp zip.'}`,
        `The simulation is invalid: ${inspection?.problems.map((x) => x.en).join(' ') ?? 'not a zip.'}`,
      );
  }
  return { ok: true, values, file: { sha256: file.sha256, kind, name: file.name ?? `${r.title}` }, url: null };
}

/**
 * Stores a package's file once per SHA-256, as an upload would (uploads/<yyyy>/<sha256>, so
 * that stored_files_upload_sha finds identical uploads and imports), with an image's preview.
 */
async function storeFile(
  p: Platform,
  actor: UserActor,
  bytes: Buffer,
  f: { sha256: string; kind: FileKind; name: string },
): Promise<{ id: string; reused: boolean }> {
  const existing = await findUploadedFileBySha(p.db, f.sha256);
  if (existing) return { id: existing.id, reused: true };
  const info = KIND_INFO[f.kind];
  const year = dayOf(new Date()).slice(0, 4);
  const key = `uploads/${year}/${f.sha256}`;
  const put = await p.storage.put(key, bytes, info.mime);
  if (put.sha256 !== f.sha256) throw new Error(`import: ${key} was stored with another SHA-256`);
  const filename = withExtension(cleanFilename(f.name), info.ext);
  const inserted = await insertStoredFileOnce(p.db, {
    storageKey: key,
    filename,
    contentType: info.mime,
    size: bytes.length,
    sha256: f.sha256,
    createdBy: actor.userId,
  });
  const id = inserted ?? (await findUploadedFileBySha(p.db, f.sha256))?.id;
  if (!id) throw new Error(`import: stored file ${f.sha256} vanished`);
  if (inserted) await storeThumbnail(p, actor, id, bytes, f, filename);
  return { id, reused: inserted === undefined };
}

/** An image's 320 px preview (as an upload gets one); none when sharp cannot read it. */
async function storeThumbnail(
  p: Platform,
  actor: UserActor,
  fileId: string,
  bytes: Buffer,
  f: { sha256: string; kind: FileKind },
  filename: string,
): Promise<void> {
  if (!['jpeg', 'png', 'gif', 'webp'].includes(f.kind) || (await findThumbnail(p.db, fileId))) return;
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'gds-import-'));
  try {
    const local = path.join(dir, 'image');
    await fs.promises.writeFile(local, bytes);
    const thumb = await makeThumbnail(local, f.kind);
    if (!thumb) return;
    const key = `thumbnails/${dayOf(new Date()).slice(0, 4)}/${f.sha256}-${THUMBNAIL_WIDTH}.webp`;
    const stored = await p.storage.put(key, thumb.data, thumb.contentType);
    const thumbId = await insertStoredFileOnce(p.db, {
      storageKey: key,
      filename: withExtension(filename, 'webp'),
      contentType: thumb.contentType,
      size: stored.size,
      sha256: stored.sha256,
      createdBy: actor.userId,
    });
    if (thumbId)
      await insertThumbnailLink(p.db, { fileId, thumbnailId: thumbId, width: thumb.width, height: thumb.height });
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
