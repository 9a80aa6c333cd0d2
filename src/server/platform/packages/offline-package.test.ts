import { Readable } from 'node:stream';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderOfflineIndex, searchKey } from './offline-index-html.ts';
import { MANIFEST_NAME, PackageManifestSchema } from './offline-manifest.ts';
import { buildOfflinePackage } from './offline-package-build.ts';
import { DEFAULT_PACKAGE_LIMITS, readOfflinePackage } from './offline-package-read.ts';
import { collect, samplePackage } from './packages.fixtures.ts';

const sample = samplePackage();
const fromMap = (files: Map<string, Buffer>) => async (sha: string) => files.get(sha)!;
const build = async () => collect(buildOfflinePackage(sample.manifest, fromMap(sample.files)));
const problemCodes = (zip: Uint8Array) => {
  const r = readOfflinePackage(zip);
  return r.ok ? [] : r.problems.map((p) => p.code);
};

describe('buildOfflinePackage and readOfflinePackage', () => {
  it('round-trips the manifest and every file', async () => {
    const reading = readOfflinePackage(await build());
    if (!reading.ok) throw new Error(JSON.stringify(reading.problems));
    expect(reading.manifest).toEqual(PackageManifestSchema.parse(sample.manifest));
    expect(reading.files).toHaveLength(sample.files.size);
    for (const [sha, bytes] of sample.files) expect(reading.readFile(sha).equals(bytes)).toBe(true);
  });

  it('lays out the manifest, index.html, files by SHA-256 and the extracted simulation', async () => {
    const names = Object.keys(unzipSync(await build())).sort();
    const simId = '7c1e2a34-0000-4000-8000-000000000001';
    expect(names).toContain(MANIFEST_NAME);
    expect(names).toContain('index.html');
    expect(names.filter((n) => n.startsWith('files/'))).toHaveLength(4);
    expect(
      names.filter((n) => n.startsWith('files/')).every((n) => /^files\/[0-9a-f]{64}\.(zip|svg|pdf|mp3)$/.test(n)),
    ).toBe(true);
    // The simulation's root folder (roi-tu-do/) is dropped: sims/<id>/index.html runs from file://.
    expect(names.filter((n) => n.startsWith('sims/'))).toEqual([
      `sims/${simId}/img/ball.png`,
      `sims/${simId}/index.html`,
      `sims/${simId}/js/app.js`,
    ]);
  });

  it('streams files given as readable streams', async () => {
    const zip = await collect(
      buildOfflinePackage(sample.manifest, async (sha) =>
        Readable.from([sample.files.get(sha)!.subarray(0, 5), sample.files.get(sha)!.subarray(5)]),
      ),
    );
    expect(readOfflinePackage(zip).ok).toBe(true);
  });

  it('fails the export when a stored file does not have the SHA-256 of the manifest', async () => {
    const wrong = async () => Buffer.from('not the file');
    await expect(collect(buildOfflinePackage(sample.manifest, wrong))).rejects.toThrow(/SHA-256/);
  });

  it('refuses a package whose file was tampered with (SHA-256)', async () => {
    const entries = unzipSync(await build());
    const pdf = Object.keys(entries).find((n) => n.endsWith('.pdf'))!;
    const original = entries[pdf]!;
    const tampered = Uint8Array.from(original);
    tampered[10] = tampered[10]! ^ 1; // same size, one bit changed
    const reading = readOfflinePackage(zipSync({ ...entries, [pdf]: tampered }));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toEqual([
      expect.objectContaining({ code: 'package.file_mismatch', path: pdf, vi: expect.stringContaining('không khớp') }),
    ]);
  });

  it('refuses a package with a missing file, a zip-slip entry or an entry it does not list', async () => {
    const entries = unzipSync(await build());
    const svg = Object.keys(entries).find((n) => n.endsWith('.svg'))!;
    const { [svg]: _removed, ...without } = entries;
    expect(problemCodes(zipSync(without))).toEqual(['package.missing_file']);
    expect(problemCodes(zipSync({ ...entries, '../../autorun.inf': strToU8('x') }))).toEqual(['zip.unsafe_path']);
    expect(problemCodes(zipSync({ ...entries, 'files/extra.exe': strToU8('MZ') }))).toEqual([
      'package.unexpected_entry',
    ]);
  });

  it('refuses a package without a manifest, with a bad one, or from a newer format', async () => {
    const entries = unzipSync(await build());
    const { [MANIFEST_NAME]: manifest, ...rest } = entries;
    expect(problemCodes(zipSync(rest))).toEqual(['package.no_manifest']);
    expect(problemCodes(zipSync({ ...rest, [MANIFEST_NAME]: strToU8('{') }))).toEqual(['package.bad_manifest']);
    const json = JSON.parse(strFromU8(manifest!));
    const newer = zipSync({ ...rest, [MANIFEST_NAME]: strToU8(JSON.stringify({ ...json, formatVersion: 2 })) });
    expect(problemCodes(newer)).toEqual(['package.unsupported_version']);
    const badLink = structuredClone(json);
    badLink.resources[4].links[0].url = 'javascript:alert(1)';
    const reading = readOfflinePackage(zipSync({ ...rest, [MANIFEST_NAME]: strToU8(JSON.stringify(badLink)) }));
    expect(reading.ok ? [] : reading.problems.map((p) => [p.code, p.en])).toEqual([
      ['package.bad_manifest', expect.stringContaining('resources.4.links.0.url')],
    ]);
  });

  it('refuses a package over the size cap', async () => {
    const reading = readOfflinePackage(await build(), { ...DEFAULT_PACKAGE_LIMITS, maxTotalSize: 1000 });
    expect(reading.ok ? [] : reading.problems.map((p) => p.code)).toEqual(['zip.too_large']);
  });

  it('refuses a zip bomb among the files without inflating it', async () => {
    const entries = unzipSync(await build());
    const bomb = zipSync({ ...entries, 'files/bomb.txt': new Uint8Array(50 * 1024 * 1024) });
    expect(problemCodes(bomb)).toEqual(['zip.suspicious_ratio']);
  });
});

describe('renderOfflineIndex', () => {
  const manifest = PackageManifestSchema.parse(sample.manifest);

  it('escapes every metadata string: a title with <script> shows as text', () => {
    const evil = structuredClone(manifest);
    evil.resources[0]!.title = '<script>alert("x")</script> Thí nghiệm';
    evil.resources[0]!.authors = ['"><img src=x onerror=alert(1)>'];
    evil.collection.title = '</title><script>alert(2)</script>';
    const html = renderOfflineIndex(evil);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; Thí nghiệm');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('is a Vietnamese page whose one script is allowed by its hash, with no network', () => {
    const html = renderOfflineIndex(manifest);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain("connect-src 'none'");
    expect(html).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(html).toContain('<label for="q">');
    expect(html).toContain('<option value="vat_li">Vật lí</option>');
    expect(html).toContain('<option value="10">Lớp 10</option>');
    expect(html).toContain('href="sims/7c1e2a34-0000-4000-8000-000000000001/index.html"');
    expect(html).toContain('rel="license noopener noreferrer">CC BY 4.0 (Ghi công)</a>');
    expect(html).toContain('xuất ngày 05/09/2025');
  });

  it('keys resources for accent-free search', () => {
    expect(searchKey('Thí nghiệm ảo: Đo tốc độ')).toBe('thi nghiem ao: do toc do');
  });
});
