import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PNG, simulationZip } from './packages.fixtures.ts';
import { DEFAULT_SIMULATION_LIMITS, inspectSimulationZip } from './simulation-zip.ts';
import { readZipDirectory } from './zip-reader.ts';

const INDEX = strToU8('<!doctype html><title>Mô phỏng</title>');
const codes = (zip: Uint8Array) => inspectSimulationZip(zip).problems.map((p) => p.code);

describe('inspectSimulationZip', () => {
  it('accepts index.html with a script and an image, and lists them with their MIME types', () => {
    const result = inspectSimulationZip(simulationZip());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.root).toBe('');
    expect(result.files.map((f) => [f.path, f.mime])).toEqual([
      ['img/ball.png', 'image/png'],
      ['index.html', 'text/html; charset=utf-8'],
      ['js/app.js', 'text/javascript; charset=utf-8'],
    ]);
    expect(result.files.find((f) => f.path === 'img/ball.png')?.size).toBe(PNG.length);
  });

  it('takes a single top-level folder as the root, ignoring what macOS adds', () => {
    const zip = zipSync({
      ...unzipSync(simulationZip('Roi tu do/')),
      '__MACOSX/Roi tu do/._index.html': strToU8('junk'),
      'Roi tu do/.DS_Store': strToU8('junk'),
    });
    const result = inspectSimulationZip(zip);
    expect(result.ok).toBe(true);
    expect(result.root).toBe('Roi tu do/');
    expect(result.files.map((f) => f.path)).toContain('index.html');
  });

  it('refuses a zip without index.html at its root or in its one folder', () => {
    expect(codes(zipSync({ 'a/index.html': INDEX, 'b/app.js': strToU8('1') }))).toEqual(['simulation.no_index']);
    expect(codes(zipSync({ 'main.html': INDEX }))).toEqual(['simulation.no_index']);
  });

  it('refuses a zip-slip entry, in both languages', () => {
    const result = inspectSimulationZip(zipSync({ 'index.html': INDEX, '../../evil.js': strToU8('x') }));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'zip.unsafe_path',
        path: '../../evil.js',
        vi: expect.stringContaining('Đường dẫn không an toàn'),
        en: expect.stringContaining('Unsafe path'),
      }),
    ]);
    expect(codes(zipSync({ 'index.html': INDEX, '/etc/cron.d/x': strToU8('x') }))).toEqual(['zip.unsafe_path']);
  });

  it('refuses a symlink', () => {
    const zip = zipSync({
      'index.html': INDEX,
      'data.json': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }],
    });
    expect(codes(zip)).toEqual(['zip.symlink']);
  });

  it('refuses a zip bomb: a highly compressible large member, without inflating it', () => {
    const zip = zipSync({ 'index.html': INDEX, 'data.json': new Uint8Array(20 * 1024 * 1024) });
    expect(zip.length).toBeLessThan(100_000);
    const result = inspectSimulationZip(zip);
    expect(result.problems.map((p) => p.code)).toEqual(['zip.suspicious_ratio']);
    expect(result.problems[0]?.vi).toContain('bom zip');
  });

  it('refuses a zip over the total or per-file size, or with too many entries', () => {
    const zip = zipSync({ 'index.html': INDEX, 'a.txt': new Uint8Array(3000), 'b.txt': new Uint8Array(3000) });
    const small = { ...DEFAULT_SIMULATION_LIMITS, maxTotalSize: 5000 };
    expect(inspectSimulationZip(zip, small).problems.map((p) => p.code)).toEqual(['zip.too_large']);
    const perFile = { ...DEFAULT_SIMULATION_LIMITS, maxEntrySize: 2000 };
    expect(inspectSimulationZip(zip, perFile).problems.map((p) => p.code)).toEqual([
      'zip.entry_too_large',
      'zip.entry_too_large',
    ]);
    const few = { ...DEFAULT_SIMULATION_LIMITS, maxEntries: 2 };
    expect(inspectSimulationZip(zip, few).problems.map((p) => p.code)).toEqual(['zip.too_many_entries']);
  });

  it('refuses a member whose bytes do not match the directory (a lying size)', () => {
    const zip = zipSync({ 'index.html': INDEX, 'app.js': strToU8('let x = 1;'.repeat(500)) });
    const app = readZipDirectory(zip, 10)[1]!;
    // Patch the central directory's uncompressed size of app.js (offset 24 in its header).
    const buf = Buffer.from(zip);
    const central = buf.lastIndexOf(Buffer.from('app.js')) - 46;
    expect(buf.readUInt32LE(central + 24)).toBe(app.size);
    buf.writeUInt32LE(100, central + 24);
    expect(codes(buf)).toEqual(['zip.corrupt_entry']);
  });

  it('refuses types a page does not need', () => {
    const result = inspectSimulationZip(
      zipSync({ 'index.html': INDEX, 'setup.exe': strToU8('MZ'), 'run.sh': strToU8('') }),
    );
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['simulation.type_not_allowed', 'setup.exe'],
      ['simulation.type_not_allowed', 'run.sh'],
    ]);
  });

  it('refuses bytes that are not a zip', () => {
    expect(codes(strToU8('<html>not a zip, but long enough to look for a directory</html>'))).toEqual([
      'zip.unreadable',
    ]);
  });
});
