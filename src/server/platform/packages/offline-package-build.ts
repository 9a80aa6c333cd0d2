import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { strToU8, Zip, ZipDeflate, type ZipInputFile, ZipPassThrough } from 'fflate';
import { AppError } from '../errors.ts';
import { isCompressible } from './mime-types.ts';
import { renderOfflineIndex } from './offline-index-html.ts';
import {
  distinctFiles,
  MANIFEST_NAME,
  type PackageFile,
  type PackageManifest,
  type PackageManifestInput,
  PackageManifestSchema,
  simulationFileOf,
} from './offline-manifest.ts';
import { inspectSimulationZip } from './simulation-zip.ts';
import { readZipDirectory, readZipEntry } from './zip-reader.ts';

/** The bytes of a stored file by its SHA-256 (the storage's key), whole or as a stream. */
export type GetPackageFile = (sha256: string) => Promise<Buffer | Readable>;

/**
 * fflate's Zip writes 32-bit sizes and offsets only (no ZIP64), so a package stays under 4 GiB;
 * past that the export fails rather than writing a zip that readers would misread.
 */
export const MAX_PACKAGE_BYTES = 0xffffffff - 64 * 1024 * 1024;

/**
 * Builds an offline package (issue 4 item 7) as a zip stream: `giaoducso-package.json`, a
 * self-contained `index.html`, every file under `files/<sha256>.<ext>`, and each simulation
 * extracted under `sims/<resource id>/` so that it runs from file://. Files are streamed
 * through one at a time (pulled as the consumer reads: backpressure), hashed on the way, and
 * the export fails if a file's SHA-256 or size differs from the manifest. A simulation's zip
 * is held in memory while it is extracted (200 MiB at most by the simulation limits).
 */
export function buildOfflinePackage(input: PackageManifestInput, getFile: GetPackageFile): Readable {
  const manifest = PackageManifestSchema.parse(input);
  return Readable.from(writePackage(manifest, getFile), { objectMode: false });
}

async function* writePackage(manifest: PackageManifest, getFile: GetPackageFile): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  let written = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    for (const chunk of out.splice(0)) {
      written += chunk.length;
      if (written > MAX_PACKAGE_BYTES) {
        throw new AppError('file.invalid', {
          hint: {
            vi: 'Gói vượt quá 4 GB; hãy chia bộ sưu tập.',
            en: 'The package exceeds 4 GB; split the collection.',
          },
        });
      }
      yield chunk;
    }
  }
  const addText = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };

  addText(MANIFEST_NAME, `${JSON.stringify(manifest, null, 2)}\n`);
  addText('index.html', renderOfflineIndex(manifest));
  yield* drain();

  const simulations = new Map<string, string[]>();
  for (const r of manifest.resources) {
    const sim = simulationFileOf(r);
    if (sim) simulations.set(sim.sha256, [...(simulations.get(sim.sha256) ?? []), r.id]);
  }
  for (const file of distinctFiles(manifest)) {
    const entry = newEntry(file.path, file.mime);
    zip.add(entry);
    const hash = createHash('sha256');
    const kept: Uint8Array[] | null = simulations.has(file.sha256) ? [] : null;
    let size = 0;
    for await (const chunk of chunksOf(await getFile(file.sha256))) {
      hash.update(chunk);
      size += chunk.length;
      kept?.push(chunk);
      entry.push(chunk);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    if (size !== file.size || hash.digest('hex') !== file.sha256) throw mismatch(file);
    yield* drain();
    if (kept) {
      for (const id of simulations.get(file.sha256) ?? []) {
        addSimulation(zip, id, Buffer.concat(kept), file);
        yield* drain();
      }
    }
  }
  zip.end();
  yield* drain();
}

function newEntry(path: string, mime: string): ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } {
  return isCompressible(mime) ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
}

const CHUNK = 1024 * 1024;

async function* chunksOf(source: Buffer | Readable): AsyncGenerator<Uint8Array> {
  if (Buffer.isBuffer(source)) {
    for (let at = 0; at < source.length; at += CHUNK) yield source.subarray(at, at + CHUNK);
    return;
  }
  for await (const chunk of source) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
}

const mismatch = (file: PackageFile) =>
  new AppError('file.invalid', {
    hint: {
      vi: `Tệp ${file.path} không khớp với mô tả trong gói (SHA-256 hoặc kích thước).`,
      en: `${file.path} does not match the manifest (SHA-256 or size).`,
    },
  });

/** The simulation's members, from its root, under sims/<id>/ (checked again: the package is opened on school computers). */
function addSimulation(zip: Zip, id: string, bytes: Buffer, file: PackageFile): void {
  const inspection = inspectSimulationZip(bytes);
  if (!inspection.ok) {
    throw new AppError('file.invalid', {
      hint: {
        vi: `Mô phỏng ${file.path} không hợp lệ: ${inspection.problems.map((p) => p.vi).join(' ')}`,
        en: `Simulation ${file.path} is invalid: ${inspection.problems.map((p) => p.en).join(' ')}`,
      },
    });
  }
  const entries = new Map(readZipDirectory(bytes, Number.MAX_SAFE_INTEGER).map((e) => [e.name, e]));
  for (const member of inspection.files) {
    const entry = entries.get(inspection.root + member.path);
    if (!entry) continue;
    const target = newEntry(`sims/${id}/${member.path}`, member.mime);
    zip.add(target);
    target.push(readZipEntry(bytes, entry), true);
  }
}
