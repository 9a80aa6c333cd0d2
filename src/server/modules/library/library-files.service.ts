import { createHmac } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { ResourceDetail } from '../../../shared/library.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServedFile } from '../../platform/files/send-stored-file.ts';
import { sameDigest } from '../../platform/otp/keyed-hash.ts';
import { serverSecret } from '../../platform/otp/server-secret.ts';
import { openSimulation, type SimulationArchive } from '../../platform/packages/simulation-zip.ts';
import type { Platform } from '../../platform/platform.ts';
import { findStoredFile, findThumbnail } from '../../platform/uploads/uploads.repository.ts';
import { served } from '../../platform/uploads/uploads.service.ts';
import * as repo from './resources.repository.ts';
import type { ResourcesService } from './resources.service.ts';

/** How long a simulation link stays valid: long enough for a lesson, short enough to be useless once shared. */
export const SIM_TOKEN_SECONDS = 2 * 60 * 60;
const SIM_LABEL = 'library-sim';
/** Opened simulation zips kept in memory, by SHA-256 (members are inflated per request). */
const ARCHIVE_CACHE = 4;

const notFound = () => new AppError('resource.not_found');

export interface LibraryFile {
  file: ServedFile;
  resourceId: string;
}

export interface OpenedSimulation {
  archive: SimulationArchive;
  sha256: string;
}

/**
 * The bytes behind library resources (issue 4 item 5): the file of a version with the same
 * visibility as reading the resource (ResourcesService.get), its thumbnail, and simulation
 * zips served member by member under a signed, short-lived capability URL (the sandboxed page
 * has an opaque origin, so its sub-requests carry no session cookie).
 */
export class LibraryFilesService {
  readonly #p: Platform;
  readonly #resources: ResourcesService;
  readonly #archives = new Map<string, SimulationArchive>();

  constructor(platform: Platform, resources: ResourcesService) {
    this.#p = platform;
    this.#resources = resources;
  }

  /**
   * The stored file of the version the actor may see: readers get the published version;
   * whoever has full access (author, school staff, moderators) may name another by number.
   */
  async file(actor: Actor, id: string, versionNumber?: number): Promise<LibraryFile> {
    const detail = await this.#resources.get(actor, id);
    const version = pickVersion(detail, versionNumber);
    if (!version?.fileId) throw notFound();
    const row = await findStoredFile(this.#p.db, version.fileId);
    if (!row) throw notFound();
    return { file: served(row), resourceId: id };
  }

  /** The thumbnail made at upload of that file; 404 when there is none. */
  async thumbnail(actor: Actor, id: string, versionNumber?: number): Promise<ServedFile> {
    const detail = await this.#resources.get(actor, id);
    const version = pickVersion(detail, versionNumber);
    if (!version?.fileId) throw notFound();
    const row = await findThumbnail(this.#p.db, version.fileId);
    if (!row) throw notFound();
    return served(row);
  }

  /** Counts a view or a download of what the actor has just been served. */
  recordUsage(actor: Actor, id: string, kind: 'view' | 'download'): Promise<void> {
    return this.#resources.recordUsage(actor, id, kind);
  }

  /** A simulation of a resource the actor may read, opened for serving its members. */
  async simulation(actor: Actor, id: string, versionNumber?: number): Promise<OpenedSimulation> {
    const { file } = await this.file(actor, id, versionNumber);
    return this.#open(file);
  }

  /**
   * A signed link to the simulation the actor may see, valid SIM_TOKEN_SECONDS; opening it
   * counts as a view. The token binds the resource, the version and the expiry.
   */
  async simToken(actor: Actor, id: string, versionNumber?: number, now = Date.now()): Promise<{ url: string }> {
    const detail = await this.#resources.get(actor, id);
    const version = pickVersion(detail, versionNumber);
    if (!version?.fileId || detail.kind !== 'simulation') throw notFound();
    const expires = Math.floor(now / 1000) + SIM_TOKEN_SECONDS;
    const payload = `${id}.${version.number}.${expires.toString(36)}`;
    const mac = sign(await serverSecret(this.#p), payload);
    await this.#resources.recordUsage(actor, id, 'view');
    return { url: `/api/library/sim/${payload}.${mac}/index.html` };
  }

  /** The simulation a token names; 404 (never a hint why) when it is forged, expired or gone. */
  async simulationByToken(token: string, now = Date.now()): Promise<OpenedSimulation> {
    const m = /^([0-9a-f-]{36})\.([1-9][0-9]{0,8})\.([0-9a-z]{1,10})\.([0-9a-f]{32})$/.exec(token);
    if (!m) throw notFound();
    const [, id, number, expires, mac] = m as unknown as [string, string, string, string, string];
    if (!sameDigest(sign(await serverSecret(this.#p), `${id}.${number}.${expires}`), mac)) throw notFound();
    if (Number.parseInt(expires, 36) * 1000 < now) throw notFound();
    const resource = await repo.findResource(this.#p.db, id);
    // A take-down stops the links already given out.
    if (!resource || resource.status === 'taken_down') throw notFound();
    const version = (await repo.listVersions(this.#p.db, id)).find((v) => v.number === Number(number));
    if (!version?.file_id) throw notFound();
    const row = await findStoredFile(this.#p.db, version.file_id);
    if (!row) throw notFound();
    return this.#open(served(row));
  }

  async #open(file: ServedFile): Promise<OpenedSimulation> {
    const cached = this.#archives.get(file.sha256);
    if (cached) {
      this.#archives.delete(file.sha256);
      this.#archives.set(file.sha256, cached);
      return { archive: cached, sha256: file.sha256 };
    }
    if (file.contentType !== 'application/zip') throw notFound();
    const bytes = new Uint8Array(await buffer(await this.#p.storage.get(file.storageKey)));
    const { archive, problems } = openSimulation(bytes);
    if (problems.length > 0) throw notFound();
    this.#archives.set(file.sha256, archive);
    for (const key of this.#archives.keys()) {
      if (this.#archives.size <= ARCHIVE_CACHE) break;
      this.#archives.delete(key);
    }
    return { archive, sha256: file.sha256 };
  }
}

/**
 * The version to serve: by number when asked (the versions of `detail` are already only those
 * the actor may see: the published one for readers, all for full access), else the published
 * version, else (full access before publication) the current one.
 */
function pickVersion(detail: ResourceDetail, n: number | undefined): ResourceDetail['versions'][number] | undefined {
  if (n !== undefined) return detail.versions.find((v) => v.number === n);
  const id = detail.publishedVersionId ?? detail.currentVersionId;
  return detail.versions.find((v) => v.id === id);
}

/** HMAC-SHA256 cut to 128 bits: the token stays under Fastify's 100-character path parameter limit. */
function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(SIM_LABEL).update('\u0000').update(payload).digest('hex').slice(0, 32);
}
