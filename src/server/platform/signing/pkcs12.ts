import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** A private key with its certificate and the rest of its chain, ready to sign. */
export interface SigningMaterial {
  key: KeyObject;
  /** The certificate of `key`, DER. */
  certificate: Uint8Array;
  /** The other certificates of the file (intermediate, root), DER. */
  chain: Uint8Array[];
}

/** PKCS#12 bag types (RFC 7292 §4.2). */
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;

const binary = (bytes: Uint8Array) => forge.util.binary.raw.encode(bytes);
const fromBinary = (s: string) => new Uint8Array(Buffer.from(s, 'binary'));

/**
 * Reads a PKCS#12 (.p12 / .pfx, RFC 7292) with node-forge: legacy 3DES/RC2 files as issued by
 * Vietnamese CAs and OpenSSL 3's AES-256 / PBKDF2-SHA-256 ones. Only RSA keys (what the CMS
 * builder signs with); the certificate is the one whose public key matches the key.
 * Throws an Error whose message says what is wrong (wrong password, no key, no certificate).
 */
export function readPkcs12(bytes: Uint8Array, password: string): SigningMaterial {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(binary(bytes)), false, password);
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(BAG.shroudedKey), ...bags(BAG.key)];
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey) throw new Error('the PKCS#12 holds no RSA private key');
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey as forge.pki.rsa.PrivateKey));
  const certs = bags(BAG.cert).flatMap((b) =>
    b.cert ? [fromBinary(forge.asn1.toDer(forge.pki.certificateToAsn1(b.cert)).getBytes())] : [],
  );
  const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
  const ours = spki(createPublicKey(key));
  const certificate = certs.find((c) =>
    new X509Certificate(c).publicKey.export({ type: 'spki', format: 'der' }).equals(ours),
  );
  if (!certificate) throw new Error('the PKCS#12 holds no certificate for its private key');
  return { key, certificate, chain: certs.filter((c) => c !== certificate) };
}
