import { createHash, timingSafeEqual } from 'node:crypto';
import type { VerifyCopyAnswer, VerifyCopyQuery } from '../../../shared/diploma-copies.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Platform } from '../../platform/platform.ts';
import { type CopyRow, findCopyByNumber, logVerification } from './copies.repository.ts';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** "12 / 2026 / bs" → "12/2026/BS". */
export function normaliseCopyNumber(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(20).slice(0, 20));
  const y = Buffer.from(b.padEnd(20).slice(0, 20));
  return timingSafeEqual(x, y) && a.length === b.length;
}

const NOT_FOUND: VerifyCopyAnswer = { found: false, copy: null, signature: null };

/**
 * The public check of a certified copy (the page its QR code opens): by the copy number and
 * the check code printed beside it. An unknown number and a wrong code give the same answer.
 * On a match: the public fields as printed, and the state of the file kept by the Sở: its
 * SHA-256 equals the one recorded at issue, and its PAdES signature verifies
 * (platform.signing.verify: digest, signature, whole file, chain to the trust list). Every
 * check is logged with a hash of the client address.
 */
export class CopyVerifyService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async verify(actor: Actor, q: VerifyCopyQuery): Promise<VerifyCopyAnswer> {
    const copy = await findCopyByNumber(this.#p.db, normaliseCopyNumber(q.so));
    const matched = copy !== undefined && sameCode(copy.check_code, q.ma.trim().toUpperCase());
    const answer = matched ? await this.#answer(copy) : NOT_FOUND;
    await logVerification(this.#p.db, {
      clientHash: sha256(`client:${actor.ip ?? ''}`),
      matched,
      signatureValid: answer.signature?.valid ?? null,
      copyId: matched ? copy.id : null,
    });
    return answer;
  }

  /** Checks bytes against the signature (for a file the reader holds, e.g. tests of tampering). */
  async checkFile(bytes: Uint8Array, expectedSha256: string | null, demo: boolean) {
    const intact = expectedSha256 === null || sha256(bytes) === expectedSha256;
    const reports = await this.#p.signing.verify(bytes).catch(() => []);
    const r = reports[0];
    const signatureValid = Boolean(r?.digestMatches && r.signatureValid && r.coversWholeFile);
    return {
      valid: intact && r?.valid === true,
      intact,
      signatureValid,
      trusted: r?.trusted ?? false,
      signer: r?.signerCommonName ?? '',
      signedAt: r?.signingTime ? r.signingTime.toISOString() : null,
      demo,
    };
  }

  async #answer(copy: CopyRow): Promise<VerifyCopyAnswer> {
    const f = copy.public_fields;
    const bytes = await this.#read(copy.storage_key);
    const signature = bytes
      ? await this.checkFile(bytes, copy.sha256, f.demo)
      : {
          valid: false,
          intact: false,
          signatureValid: false,
          trusted: false,
          signer: '',
          signedAt: null,
          demo: f.demo,
        };
    return {
      found: true,
      copy: {
        copyNumber: copy.copy_number,
        issuedOn: f.issuedOn,
        holderName: f.holderName,
        typeName: f.typeName,
        year: f.year,
        serial: f.serial,
        issuingUnitName: f.issuingUnitName,
        issuer: f.issuer,
      },
      signature,
    };
  }

  async #read(key: string): Promise<Buffer | undefined> {
    try {
      const chunks: Buffer[] = [];
      for await (const c of await this.#p.storage.get(key)) chunks.push(Buffer.from(c as Uint8Array));
      return Buffer.concat(chunks);
    } catch (err) {
      this.#p.log.error({ err, key }, 'certified copy file unreadable');
      return undefined;
    }
  }
}
