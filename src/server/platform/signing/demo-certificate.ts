import { generateKeyPair, randomBytes } from 'node:crypto';
import { link, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import forge from 'node-forge';

/**
 * The demo signing certificate: a self-signed "DEMO CA" and a signing certificate issued by it to
 * the Sở, in a PKCS#12 under DATA_DIR. Every name in it says DỮ LIỆU MẪU / DEMO, so a document
 * signed with it can never pass for a real one, and signing-config.ts never uses it in
 * production. Keys are RSA-2048,
 * the usual minimum for document signing keys.
 */
export const DEMO_SIGNER_NAME = 'Sở Giáo dục và Đào tạo tỉnh Quảng Ngãi (DỮ LIỆU MẪU / DEMO)';
export const DEMO_CA_NAME = 'giaoducso DEMO CA (DỮ LIỆU MẪU / DEMO, không có giá trị pháp lý)';
/** Not a secret: the file only holds demo keys. */
export const DEMO_P12_PASSWORD = 'giaoducso-demo';
export const DEMO_P12_FILE = path.join('signing', 'demo-signing.p12');

const generateRsa = promisify(generateKeyPair);

async function rsaKeyPair() {
  const { privateKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey);
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

type Attrs = forge.pki.CertificateField[];
const utf8 = (shortName: string, value: string) => ({ shortName, value, valueTagClass: forge.asn1.Type.UTF8 });
const dn = (org: string, cn: string): Attrs =>
  [{ shortName: 'C', value: 'VN' }, utf8('ST', 'Quảng Ngãi'), utf8('O', org), utf8('CN', cn)] as Attrs;

function certificate(opts: {
  subject: Attrs;
  issuer: Attrs;
  publicKey: forge.pki.rsa.PublicKey;
  signWith: forge.pki.rsa.PrivateKey;
  issuerKey: forge.pki.rsa.PublicKey;
  years: number;
  ca: boolean;
  now: Date;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = opts.publicKey;
  // A positive serial of 16 random bytes (RFC 5280 §4.1.2.2: at most 20 octets).
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(opts.now.getTime() - 24 * 3600_000);
  cert.validity.notAfter = new Date(opts.now.getTime() + opts.years * 365 * 24 * 3600_000);
  cert.setSubject(opts.subject);
  cert.setIssuer(opts.issuer);
  const issuerKeyId = forge.pki.getPublicKeyFingerprint(opts.issuerKey).getBytes();
  cert.setExtensions([
    { name: 'basicConstraints', cA: opts.ca, critical: true },
    opts.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: issuerKeyId },
  ]);
  cert.sign(opts.signWith, forge.md.sha256.create());
  return cert;
}

/** A fresh demo PKCS#12 (CA and signing certificate) as bytes; `signer` overrides the names (tests). */
export async function generateDemoPkcs12(
  opts: { password?: string; signerName?: string; caName?: string; now?: Date } = {},
): Promise<Uint8Array> {
  const now = opts.now ?? new Date();
  const [ca, leaf] = await Promise.all([rsaKeyPair(), rsaKeyPair()]);
  const caDn = dn('giaoducso (DỮ LIỆU MẪU / DEMO)', opts.caName ?? DEMO_CA_NAME);
  const caCert = certificate({
    subject: caDn,
    issuer: caDn,
    publicKey: ca.publicKey,
    signWith: ca.privateKey,
    issuerKey: ca.publicKey,
    years: 20,
    ca: true,
    now,
  });
  const name = opts.signerName ?? DEMO_SIGNER_NAME;
  const leafCert = certificate({
    subject: dn(name, name),
    issuer: caDn,
    publicKey: leaf.publicKey,
    signWith: ca.privateKey,
    issuerKey: ca.publicKey,
    years: 10,
    ca: false,
    now,
  });
  const p12 = forge.pkcs12.toPkcs12Asn1(leaf.privateKey, [leafCert, caCert], opts.password ?? DEMO_P12_PASSWORD, {
    algorithm: 'aes256',
    friendlyName: `${name}`,
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}

/**
 * The path of the demo PKCS#12 under `dataDir`, created on first use and reused after. Two
 * processes starting together agree on one file: each writes its own temporary file and
 * hard-links it into place, which fails for the second (EEXIST), who then uses the first's.
 */
export async function ensureDemoPkcs12(dataDir: string): Promise<string> {
  const file = path.join(dataDir, DEMO_P12_FILE);
  const exists = await stat(file).then(
    () => true,
    () => false,
  );
  if (exists) return file;
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, await generateDemoPkcs12(), { mode: 0o600 });
  try {
    await link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await rm(tmp, { force: true });
  }
  return file;
}
