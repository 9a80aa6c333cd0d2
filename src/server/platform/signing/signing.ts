import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AppError } from '../errors.ts';
import { DEMO_CA_NAME, DEMO_P12_PASSWORD, ensureDemoPkcs12 } from './demo-certificate.ts';
import { KeyPdfSigner, type PdfSigner, type SignRequest } from './pdf-signer.ts';
import { readPkcs12, type SigningMaterial } from './pkcs12.ts';
import { type PdfSignatureReport, verifyPdfSignatures } from './verify-pdf.ts';
import { certificateFields, commonName } from './x509-fields.ts';

/**
 * The configuration signing reads (a subset of Config, so `createSigning(config)` works once
 * config.ts declares these variables).
 */
export interface SigningSettings {
  NODE_ENV: 'development' | 'production' | 'test';
  DATA_DIR: string;
  /** The Sở's PKCS#12 (.p12/.pfx). Unset: the demo certificate outside production, no signing in production. */
  SIGNING_P12_PATH?: string | undefined;
  SIGNING_P12_PASSWORD?: string | undefined;
  /** A PEM file of trusted certificates (root and intermediate CAs) for verification. */
  SIGNING_TRUSTED_CERTS?: string | undefined;
}

/** Signing and verification as the platform offers them to modules. */
export interface Signing {
  signer: PdfSigner;
  /** The trust list: SIGNING_TRUSTED_CERTS, plus the self-signed roots of the signer's own file. */
  trustAnchors: readonly X509Certificate[];
  verify(pdf: Uint8Array): Promise<PdfSignatureReport[]>;
}

const unavailable = (vi: string, en: string, cause?: unknown) =>
  new AppError('signing.unavailable', { hint: { vi, en }, cause });

/** A signer that refuses, with the reason, every time it is asked. */
class RefusingSigner implements PdfSigner {
  readonly signerName = '';
  readonly demo = false;
  readonly #error: AppError;
  constructor(error: AppError) {
    this.#error = error;
  }
  sign(_pdf: Uint8Array, _request: SignRequest): Promise<Uint8Array> {
    return Promise.reject(this.#error);
  }
}

async function loadMaterial(file: string, password: string): Promise<SigningMaterial> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw unavailable(`Không đọc được tệp ${file}.`, `Cannot read ${file}.`, cause);
  }
  let material: SigningMaterial;
  try {
    material = readPkcs12(bytes, password);
  } catch (cause) {
    throw unavailable(
      'Tệp PKCS#12 không đọc được (sai mật khẩu, hoặc không có khóa RSA và chứng thư).',
      `The PKCS#12 cannot be used (wrong password, or no RSA key and certificate): ${(cause as Error).message}.`,
      cause,
    );
  }
  const cert = new X509Certificate(material.certificate);
  if (new Date(cert.validTo) < new Date())
    throw unavailable(`Chứng thư số đã hết hạn ngày ${cert.validTo}.`, `The certificate expired on ${cert.validTo}.`);
  return material;
}

function selfSigned(ders: readonly Uint8Array[]): X509Certificate[] {
  return ders.map((d) => new X509Certificate(d)).filter((c) => c.checkIssued(c) && c.verify(c.publicKey));
}

function readPemBundle(text: string): X509Certificate[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((pem) => new X509Certificate(pem));
}

/**
 * Builds the platform's signing from its settings:
 * - SIGNING_P12_PATH set: that file (its password in SIGNING_P12_PASSWORD); a file that cannot be
 *   used throws `signing.unavailable` here, at start, rather than at the first copy issued;
 * - unset outside production: the demo certificate under DATA_DIR (demo-certificate.ts);
 * - unset in production: a signer that refuses with `signing.unavailable`, so the rest of the
 *   platform runs while the Sở obtains its certificate.
 */
export async function createSigning(settings: SigningSettings): Promise<Signing> {
  const trusted = settings.SIGNING_TRUSTED_CERTS
    ? readPemBundle(await readFile(settings.SIGNING_TRUSTED_CERTS, 'utf8'))
    : [];
  let signer: PdfSigner;
  let own: Uint8Array[] = [];
  if (settings.SIGNING_P12_PATH) {
    const material = await loadMaterial(settings.SIGNING_P12_PATH, settings.SIGNING_P12_PASSWORD ?? '');
    const demo = [material.certificate, ...material.chain].some(
      (c) => commonName(certificateFields(c).issuer) === DEMO_CA_NAME,
    );
    if (demo && settings.NODE_ENV === 'production')
      throw unavailable(
        'SIGNING_P12_PATH trỏ tới chứng thư mẫu (DEMO); khi vận hành thật phải dùng chứng thư số của Sở.',
        'SIGNING_P12_PATH points at the demo certificate; production needs the Sở’s own certificate.',
      );
    signer = new KeyPdfSigner(material, { demo });
    own = [material.certificate, ...material.chain];
  } else if (settings.NODE_ENV === 'production') {
    signer = new RefusingSigner(
      unavailable(
        'Quản trị viên cần cấu hình SIGNING_P12_PATH và SIGNING_P12_PASSWORD (chứng thư số của Sở); chứng thư mẫu không được dùng khi vận hành thật.',
        'An administrator must set SIGNING_P12_PATH and SIGNING_P12_PASSWORD (the Sở’s certificate); the demo certificate is never used in production.',
      ),
    );
  } else {
    const file = await ensureDemoPkcs12(settings.DATA_DIR);
    const material = await loadMaterial(file, DEMO_P12_PASSWORD);
    signer = new KeyPdfSigner(material, { demo: true });
    own = [material.certificate, ...material.chain];
  }
  const trustAnchors = [...trusted, ...selfSigned(own)];
  return {
    signer,
    trustAnchors,
    verify: (pdf) => verifyPdfSignatures(pdf, { trustAnchors }),
  };
}

/** Signing for the Platform object: built on first use, so start-up stays synchronous and fast. */
export interface LazySigning {
  /** Builds (once) and returns the signing; call at start to fail fast on a bad PKCS#12. */
  load(): Promise<Signing>;
  sign(pdf: Uint8Array, request: SignRequest): Promise<Uint8Array>;
  verify(pdf: Uint8Array): Promise<PdfSignatureReport[]>;
}

/** A LazySigning over createSigning; a failed build is retried at the next use. */
export function lazySigning(settings: SigningSettings): LazySigning {
  let loading: Promise<Signing> | undefined;
  const load = () => {
    loading ??= createSigning(settings).catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
  return {
    load,
    sign: async (pdf, request) => (await load()).signer.sign(pdf, request),
    verify: async (pdf) => (await load()).verify(pdf),
  };
}
