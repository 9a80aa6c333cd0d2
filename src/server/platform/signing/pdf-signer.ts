import { createHash, sign } from 'node:crypto';
import { buildCadesSignedData } from './cms.ts';
import { embedSignature, preparePdfForSigning, signedBytes } from './pdf-placeholder.ts';
import type { SigningMaterial } from './pkcs12.ts';
import { certificateFields, commonName } from './x509-fields.ts';

export interface SignRequest {
  /** Why the document is signed ("Cấp bản sao từ sổ gốc"). */
  reason: string;
  /** Where ("Quảng Ngãi"). */
  location: string;
  /** The signer as shown by viewers; defaults to the certificate's common name. */
  signerName?: string;
  /** The claimed signing time; now by default. */
  signedAt?: Date;
}

/** Signs PDFs. Modules depend on this interface, never on where the key lives. */
export interface PdfSigner {
  /** A PAdES-B-B signed copy of `pdf` (the input is not changed). */
  sign(pdf: Uint8Array, request: SignRequest): Promise<Uint8Array>;
  /** The signing certificate's subject common name, for display ("ký bởi …"). */
  readonly signerName: string;
  /** Whether the certificate is the generated demo one (a notice belongs on the document). */
  readonly demo: boolean;
}

/**
 * A PdfSigner holding the key in memory (read from a PKCS#12 by pkcs12.ts). Signatures are
 * SHA-256 with RSA (PKCS#1 v1.5) in a detached CAdES-B-B SignedData embedding the whole
 * chain of the file, so a verifier needs only the trust anchor.
 */
export class KeyPdfSigner implements PdfSigner {
  readonly signerName: string;
  readonly demo: boolean;
  readonly #material: SigningMaterial;
  readonly #room: number;

  constructor(material: SigningMaterial, opts: { demo?: boolean } = {}) {
    if (material.key.asymmetricKeyType !== 'rsa') throw new Error('only RSA signing keys are supported');
    this.#material = material;
    this.demo = opts.demo ?? false;
    this.signerName = commonName(certificateFields(material.certificate).subject);
    // The CMS holds the certificates, one signature as long as the modulus, and ~600 bytes of structure.
    const modulus = (material.key.asymmetricKeyDetails?.modulusLength ?? 4096) / 8;
    this.#room = [material.certificate, ...material.chain].reduce((n, c) => n + c.length, 0) + modulus + 2048;
  }

  async sign(pdf: Uint8Array, request: SignRequest): Promise<Uint8Array> {
    const prepared = await preparePdfForSigning(
      pdf,
      {
        reason: request.reason,
        location: request.location,
        signerName: request.signerName ?? this.signerName,
        signedAt: request.signedAt ?? new Date(),
      },
      this.#room,
    );
    const hash = createHash('sha256');
    for (const part of signedBytes(prepared.bytes, prepared.byteRange)) hash.update(part);
    const cms = buildCadesSignedData({
      digest: hash.digest(),
      certificate: this.#material.certificate,
      chain: this.#material.chain,
      sign: (data) => sign('sha256', data, this.#material.key),
    });
    return embedSignature(prepared, cms);
  }
}
