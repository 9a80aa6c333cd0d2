import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { renderPdf } from '../pdf/pdf-writer.ts';
import { parseSignedData } from './cms.ts';
import { DEMO_SIGNER_NAME, generateDemoPkcs12 } from './demo-certificate.ts';
import { readNode } from './der.ts';
import { KeyPdfSigner } from './pdf-signer.ts';
import { readPkcs12 } from './pkcs12.ts';
import { createSigning, lazySigning, type Signing } from './signing.ts';
import { verifyPdfSignatures } from './verify-pdf.ts';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// PDF dates have whole seconds.
const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
const request = { reason: 'Cấp bản sao từ sổ gốc', location: 'Quảng Ngãi', signedAt };

let dir: string;
let signing: Signing;
let document: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signing-'));
  signing = await createSigning({ NODE_ENV: 'test', DATA_DIR: dir });
  document = await renderPdf({
    title: 'Bản sao',
    blocks: [{ kind: 'paragraph', text: 'Nguyễn Thị Ánh Tuyết — Trường THPT Trần Quốc Tuấn' }],
    createdAt: new Date('2026-03-02T08:00:00Z'),
  });
  signed = await signing.signer.sign(document, request);
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

/** The CMS of the first signature, without its zero padding. */
function extractCms(pdf: Uint8Array): Uint8Array {
  const m = Buffer.from(pdf)
    .toString('latin1')
    .match(/\/ByteRange \[ 0 (\d+) (\d+)/);
  const hex = Buffer.from(pdf.subarray(Number(m![1]) + 1, Number(m![2]) - 1)).toString('latin1');
  const der = Buffer.from(hex, 'hex');
  return der.subarray(0, readNode(der).end);
}

describe('demo signing', () => {
  it('signs with the demo certificate outside production and reuses the same file', async () => {
    expect(signing.signer.demo).toBe(true);
    expect(signing.signer.signerName).toBe(DEMO_SIGNER_NAME);
    const again = await createSigning({ NODE_ENV: 'development', DATA_DIR: dir });
    expect(again.trustAnchors.map((c) => c.fingerprint256)).toEqual(signing.trustAnchors.map((c) => c.fingerprint256));
  });

  it('refuses to sign in production without a configured PKCS#12', async () => {
    const prod = await createSigning({ NODE_ENV: 'production', DATA_DIR: dir });
    const err = await prod.signer.sign(document, request).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('signing.unavailable');
    expect((err as AppError).hint?.vi).toContain('SIGNING_P12_PATH');
  });

  it('refuses the demo PKCS#12 configured as the production certificate', async () => {
    const file = path.join(dir, 'signing', 'demo-signing.p12');
    await expect(
      createSigning({
        NODE_ENV: 'production',
        DATA_DIR: dir,
        SIGNING_P12_PATH: file,
        SIGNING_P12_PASSWORD: 'giaoducso-demo',
      }),
    ).rejects.toMatchObject({ code: 'signing.unavailable' });
  });

  it('builds lazily on first use and signs with the same demo certificate', async () => {
    const lazy = lazySigning({ NODE_ENV: 'test', DATA_DIR: dir });
    const [report] = await lazy.verify(await lazy.sign(document, request));
    expect(report?.valid).toBe(true);
    expect((await lazy.load()).trustAnchors[0]?.fingerprint256).toBe(signing.trustAnchors[0]?.fingerprint256);
  });

  it('rejects a PKCS#12 with a wrong password at start', async () => {
    const file = path.join(dir, 'other.p12');
    await writeFile(file, await generateDemoPkcs12({ password: 'right' }));
    await expect(
      createSigning({ NODE_ENV: 'development', DATA_DIR: dir, SIGNING_P12_PATH: file, SIGNING_P12_PASSWORD: 'wrong' }),
    ).rejects.toMatchObject({ code: 'signing.unavailable' });
  });
});

describe('PAdES-B-B signature', () => {
  it('writes an ETSI.CAdES.detached signature whose CMS has the PAdES baseline attributes', async () => {
    const text = Buffer.from(signed).toString('latin1');
    expect(text).toMatch(/\/Type \/Sig/);
    expect(text).toMatch(/\/SubFilter \/ETSI\.CAdES\.detached/);
    const info = parseSignedData(extractCms(signed));
    expect(info.digestAlgorithm).toBe('2.16.840.1.101.3.4.2.1');
    expect(info.signatureAlgorithm).toBe('1.2.840.113549.1.1.11');
    expect(info.messageDigest).toHaveLength(32);
    expect(info.signingCertificateV2?.hash).toHaveLength(32);
    expect(info.certificates).toHaveLength(2);
  });

  it('verifies: digest, signature, whole file, trusted, with the signer and the claimed time', async () => {
    const [report, ...more] = await signing.verify(signed);
    expect(more).toHaveLength(0);
    expect(report).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      signerCommonName: DEMO_SIGNER_NAME,
      reason: request.reason,
      location: request.location,
      digestMatches: true,
      signatureValid: true,
      coversWholeFile: true,
      trusted: true,
      valid: true,
      problems: [],
    });
    expect(report!.signingTime?.toISOString()).toBe(signedAt.toISOString());
    expect(report!.signerSubject).toContain('C=VN');
  });

  it('finds a digest mismatch when one byte inside the signed range changes', async () => {
    const tampered = signed.slice();
    const at = Buffer.from(tampered).indexOf('/Producer');
    tampered[at + 1] = 'Q'.charCodeAt(0);
    const [report] = await signing.verify(tampered);
    expect(report).toMatchObject({ digestMatches: false, signatureValid: true, coversWholeFile: true, valid: false });
  });

  it('finds an incremental update appended after signing', async () => {
    const update = Buffer.from(
      '\n99 0 obj\n<< /Title (Changed) >>\nendobj\nxref\n99 1\n0000000000 00000 n \ntrailer\n<< /Size 100 >>\nstartxref\n0\n%%EOF\n',
      'latin1',
    );
    const [report] = await signing.verify(new Uint8Array(Buffer.concat([signed, update])));
    expect(report).toMatchObject({ digestMatches: true, signatureValid: true, coversWholeFile: false, valid: false });
    expect(report!.problems.join()).toMatch(/added after signing/);
  });

  it('does not trust a certificate outside the trust list', async () => {
    const other = readPkcs12(await generateDemoPkcs12({ caName: 'Another CA' }), 'giaoducso-demo');
    const pdf = await new KeyPdfSigner(other).sign(document, request);
    const [report] = await verifyPdfSignatures(pdf, { trustAnchors: signing.trustAnchors });
    expect(report).toMatchObject({ digestMatches: true, signatureValid: true, coversWholeFile: true, trusted: false });
    const [own] = await verifyPdfSignatures(pdf, { trustAnchors: [new X509Certificate(other.chain[0]!)] });
    expect(own?.trusted).toBe(true);
  });

  it('reports an unsigned PDF as having no signatures', async () => {
    expect(await verifyPdfSignatures(document)).toEqual([]);
  });
});

describe.skipIf(!hasOpenssl)('interoperability with OpenSSL', () => {
  it('openssl cms -verify accepts the detached CMS over the ByteRange', async () => {
    const m = Buffer.from(signed)
      .toString('latin1')
      .match(/\/ByteRange \[ (\d+) (\d+) (\d+) (\d+)/)!;
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    const content = Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]);
    await writeFile(path.join(dir, 'content.bin'), content);
    await writeFile(path.join(dir, 'sig.der'), extractCms(signed));
    await writeFile(path.join(dir, 'ca.pem'), signing.trustAnchors[0]!.toString());
    const out = execFileSync(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'content.bin', '-CAfile', 'ca.pem'],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    expect(out).toBeNull();
  });

  it('reads a PKCS#12 written by OpenSSL 3 (AES-256, PBKDF2 and MAC with SHA-256)', async () => {
    const key = path.join(dir, 'k.pem');
    const crt = path.join(dir, 'c.pem');
    const p12 = path.join(dir, 'ossl.p12');
    execFileSync('openssl', [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt, '-days', '30'],
      ...['-subj', '/C=VN/O=Thử nghiệm/CN=Phòng Quản lý văn bằng', '-utf8', '-sha256'],
    ]);
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      crt,
      '-out',
      p12,
      '-passout',
      'pass:ossl-pass',
    ]);
    const signer = new KeyPdfSigner(readPkcs12(await readFile(p12), 'ossl-pass'));
    expect(signer.signerName).toBe('Phòng Quản lý văn bằng');
    // Signed now: the certificate was made this second.
    const pdf = await signer.sign(document, { reason: request.reason, location: request.location });
    const [report] = await verifyPdfSignatures(pdf, { trustAnchors: [new X509Certificate(await readFile(crt))] });
    expect(report).toMatchObject({ valid: true, problems: [] });
  });
});
