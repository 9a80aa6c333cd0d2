import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { PackageImportBody, PackageImportSummary } from '../../../shared/library-reports.schema.ts';
import { PACKAGE_UPLOAD_PURPOSE } from '../../../shared/library-reports.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, found } from '../../platform/errors.ts';
import { buildOfflinePackage } from '../../platform/packages/offline-package-build.ts';
import { DEFAULT_PACKAGE_LIMITS, readOfflinePackage } from '../../platform/packages/offline-package-read.ts';
import type { Platform } from '../../platform/platform.ts';
import { OrgService } from '../org/org.service.ts';
import { findCollection } from './collections.repository.ts';
import * as repo from './library-packages.repository.ts';
import { importResources } from './library-packages-import.ts';
import { planExport } from './library-packages-manifest.ts';
import type { LibraryReference } from './library-reference.ts';
import { LibrarySchools } from './library-schools.ts';
import { viewerOf } from './library-viewer.ts';

const MiB = 1024 * 1024;
/**
 * The largest package accepted for import (the upload purpose's limit): the zip is read into
 * memory to be checked (platform/packages/offline-package-read.ts), so it is capped well under
 * the reader's 2 GiB. A larger collection is exported and imported in parts.
 */
export const PACKAGE_MAX_BYTES = 512 * MiB;
const PACKAGE_LIMITS = { ...DEFAULT_PACKAGE_LIMITS, maxTotalSize: 1024 * MiB };

export interface ExportedPackage {
  stream: Readable;
  filename: string;
}

/**
 * Offline packages of the library (issue 4 item 7): a collection exported as a zip with its
 * files and a self-contained index.html for a USB stick, and such a package imported into this
 * installation as drafts of the importer's school. Both are audited.
 */
export class LibraryPackagesService {
  readonly #p: Platform;
  readonly #ref: LibraryReference;
  readonly #org: OrgService;
  readonly #schools: LibrarySchools;
  #installation: Promise<string> | null = null;

  constructor(platform: Platform, ref: LibraryReference) {
    this.#p = platform;
    this.#ref = ref;
    this.#org = new OrgService(platform);
    this.#schools = new LibrarySchools(this.#org);
  }

  /**
   * The collection's resources the actor may see, published versions only, each file once (by
   * SHA-256), streamed: files are read from storage one at a time as the client reads.
   */
  async exportCollection(actor: Actor, collectionId: string, now = new Date()): Promise<ExportedPackage> {
    const db = this.#p.db;
    const collection = found(await findCollection(db, collectionId));
    const viewer = await viewerOf(db, actor);
    const rows = await repo.exportRows(db, viewer, collectionId);
    const names = new Map<string, string | null>();
    for (const id of new Set(rows.map((r) => r.school_id)))
      names.set(id, (await this.#schools.facts(id))?.name ?? null);
    const plan = planExport(rows, await this.#ref.get(), {
      installation: { name: await this.installationName(), url: this.#p.config.PUBLIC_URL ?? null },
      collection: { title: collection.title, description: collection.description },
      schoolName: (id) => names.get(id) ?? null,
      signedIn: viewer.signedIn,
      now,
    });
    await this.#p.audit.record(db, actor, {
      action: 'library.collection.export',
      entityType: 'library_collection',
      entityId: collectionId,
      after: {
        format: 'offline-package',
        resources: plan.manifest.resources.map((r) => r.id),
        files: plan.storageKeys.size,
        bytes: plan.bytes,
        leftOut: plan.leftOut,
      },
    });
    const stream = buildOfflinePackage(plan.manifest, async (sha) => {
      const key = plan.storageKeys.get(sha);
      if (!key) throw new AppError('resource.not_found');
      return this.#p.storage.get(key);
    });
    return { stream, filename: `${collection.title.replace(/[\\/:*?"<>|]/g, ' ').trim()}.zip` };
  }

  /**
   * Imports an uploaded package: checked whole first (manifest, every file's size and SHA-256,
   * layout, size caps; any problem refuses the package with the list of problems), then each
   * resource becomes a draft of the importer's school with its licence, authors and a note of
   * where it came from, unless it was imported before (same installation and id there). Files
   * are stored once per SHA-256, shared with identical uploads.
   */
  async importPackage(actor: Actor, body: PackageImportBody): Promise<PackageImportSummary> {
    if (actor.kind !== 'user') throw new AppError('auth.required');
    await this.#p.access.require(actor, 'library.contribute');
    const schoolId = body.schoolId ?? (await this.#defaultSchool(actor));
    if (!(await this.#schools.facts(schoolId))?.isSchool)
      throw new AppError('library.invalid_metadata', {
        hint: { vi: 'Đơn vị nhận học liệu phải là một trường học.', en: 'The receiving unit must be a school.' },
      });
    await this.#p.access.require(actor, 'library.contribute', { unitId: schoolId });
    const upload = await repo.findOwnUpload(this.#p.db, actor.userId, body.fileId, PACKAGE_UPLOAD_PURPOSE);
    if (!upload)
      throw new AppError('resource.not_found', {
        hint: {
          vi: 'Không tìm thấy gói bạn đã tải lên (cần tải lên xong với mục đích nhập gói).',
          en: 'No finished package upload of yours has this id.',
        },
      });
    const zip = new Uint8Array(await buffer(await this.#p.storage.get(upload.storage_key)));
    const reading = readOfflinePackage(zip, PACKAGE_LIMITS);
    if (!reading.ok)
      throw new AppError('library.package_invalid', {
        details: reading.problems.map((p) => ({ path: p.path ?? 'package', message: p[actor.locale] })),
      });
    const summary = await importResources(this.#p, actor, {
      reading,
      ref: await this.#ref.get(),
      schoolId,
      visibility: body.visibility,
      packageFileId: upload.id,
    });
    await this.#p.audit.record(this.#p.db, actor, {
      action: 'library.package.import',
      entityType: 'stored_file',
      entityId: upload.id,
      unitId: schoolId,
      after: {
        sha256: upload.sha256,
        installation: summary.installation,
        collection: summary.collectionTitle,
        created: summary.created.map((c) => c.resourceId),
        skipped: summary.skipped.map((c) => c.resourceId),
        errors: summary.errors.map((e) => ({ sourceId: e.sourceId, en: e.messages.en })),
      },
    });
    return summary;
  }

  /** The name this installation gives itself in packages: the Sở of its province. */
  installationName(): Promise<string> {
    this.#installation ??= (async () => {
      const roots = (await this.#org.children(null, false)).filter((u) => u.typeCode === 'province');
      for (const p of roots) {
        const department = (await this.#org.children(p.id, false)).find((u) => u.typeCode === 'department');
        if (department) return department.name;
      }
      return roots[0]?.name ?? 'giaoducso';
    })();
    this.#installation.catch(() => {
      this.#installation = null;
    });
    return this.#installation;
  }

  async #defaultSchool(actor: Actor): Promise<string> {
    const schools = await this.#schools.schoolsOf(actor, 'library.contribute');
    if (schools.length !== 1)
      throw new AppError('library.invalid_metadata', {
        hint: {
          vi: 'Hãy chọn trường nhận học liệu (schoolId).',
          en: 'Choose the school that receives the resources (schoolId).',
        },
      });
    return schools[0]!;
  }
}
