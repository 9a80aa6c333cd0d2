import { randomInt, randomUUID } from 'node:crypto';
import { type Entry, formatPartialDate } from '../../../shared/diplomas.schema.ts';
import { type Actor, actorLabel } from '../../platform/actor.ts';
import { dayOf } from '../../platform/calendar/calendar.ts';
import type { Executor } from '../../platform/db/database.ts';
import { readNotifyConfig } from '../../platform/notify/notify-config.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  insertCopy,
  insertStoredFile,
  nextCopySeq,
  type PublicFields,
  type RequestRow,
  readSettings,
  setDelivery,
  setEntry,
} from './copies.repository.ts';
import type { HandlingUnit } from './copy-context.ts';
import { type CertifiedCopyData, renderCertifiedCopyPdf } from './copy-pdf.ts';

/** Crockford's base 32 without I, L, O, U: nothing to misread on paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The 8-character check code printed beside the copy number (40 bits: not guessable per number). */
export function newCheckCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** The page of the public check a copy's QR code opens. */
export function verificationUrl(p: Platform, copyNumber: string, checkCode: string): string {
  const base = readNotifyConfig(process.env, p.config.PUBLIC_URL).publicUrl;
  return `${base}/van-bang/tra-cuu?ban-sao=${encodeURIComponent(copyNumber)}&ma=${checkCode}`;
}

export interface IssueInput {
  actor: Actor;
  request: RequestRow;
  entry: Entry;
  typeName: string;
  unit: HandlingUnit;
  now: Date;
}

export interface Issued {
  copyId: string;
  copyNumber: string;
  checkCode: string;
  sha256: string;
  storageKey: string;
}

/**
 * Issues the copy inside the caller's transaction: takes the year's next number (held until
 * commit: a failure gives it back, so numbers stay consecutive), renders the PDF with the
 * register's data and the QR code, signs it (PAdES, platform.signing), stores it with its
 * SHA-256, records the copy and the matched entry, and audits. The caller moves the dossier.
 * On failure after the file was stored the caller deletes `storageKey` (see `onStored`).
 */
export async function issueCopy(
  p: Platform,
  trx: Executor,
  input: IssueInput,
  onStored: (key: string) => void,
): Promise<Issued> {
  const { request, entry, unit, now } = input;
  const settings = await readSettings(trx);
  const signing = await p.signing.load();
  const issuedOn = dayOf(now);
  const year = Number(issuedOn.slice(0, 4));
  const seq = await nextCopySeq(trx, year);
  const copyNumber = `${seq}/${year}/BS`;
  const checkCode = newCheckCode();
  const url = verificationUrl(p, copyNumber, checkCode);
  const data: CertifiedCopyData = {
    entry: {
      diplomaType: input.typeName,
      holderName: entry.fullName,
      dateOfBirth: formatPartialDate(entry.birthDate),
      placeOfBirth: entry.birthPlace ?? '',
      gender: entry.gender,
      ethnicity: entry.ethnicity ?? '',
      school: entry.schoolName,
      year: entry.year,
      classification: entry.classification,
      decisionNumber: entry.decisionNo ?? '',
      decisionDate: entry.decisionDate ?? '',
      registerNumber: entry.registerNo,
      serialNumber: entry.serial ?? '',
      issuingUnit: entry.issuingUnitName,
    },
    copyNumber,
    checkCode,
    issuer: { parent: unit.parentName, unit: unit.name },
    place: settings.place,
    issuedOn,
    signer: { title: settings.signer_title, name: settings.signer_name ?? signing.signer.signerName },
    verificationUrl: url,
    demo: signing.signer.demo,
    createdAt: now,
  };
  const pdf = await renderCertifiedCopyPdf(data);
  const signed = await p.signing.sign(pdf, {
    reason: `Cấp bản sao từ sổ gốc số ${copyNumber}`,
    location: settings.place,
    signedAt: now,
  });
  const key = `diploma-copies/${year}/${randomUUID()}.pdf`;
  const stored = await p.storage.put(key, Buffer.from(signed), 'application/pdf');
  onStored(key);
  const who = actorLabel(input.actor).id;
  const fileId = await insertStoredFile(trx, {
    storageKey: key,
    filename: `ban-sao-${seq}-${year}-BS.pdf`,
    size: stored.size,
    sha256: stored.sha256,
    createdBy: who,
  });
  const publicFields: PublicFields = {
    holderName: entry.fullName,
    typeName: input.typeName,
    year: entry.year,
    serial: entry.serial ?? '',
    issuingUnitName: entry.issuingUnitName,
    issuer: unit.name,
    issuedOn,
    demo: signing.signer.demo,
  };
  const copyId = await insertCopy(trx, {
    dossierId: request.dossier_id,
    entryId: entry.id,
    year,
    seq,
    checkCode,
    fileId,
    sha256: stored.sha256,
    copies: request.copies,
    publicFields,
    signerName: data.signer.name,
    issuedBy: input.actor.kind === 'user' ? input.actor.userId : null,
  });
  await setEntry(trx, request.dossier_id, entry.id);
  if (request.delivery === 'pickup') await setDelivery(trx, request.dossier_id, 'ready_for_pickup', null);
  await p.audit.record(trx, input.actor, {
    action: 'diploma_copies.issue',
    entityType: 'diploma_copy',
    entityId: copyId,
    unitId: unit.id,
    after: {
      dossierId: request.dossier_id,
      dossierCode: request.dossier_code,
      entryId: entry.id,
      copyNumber,
      copies: request.copies,
      sha256: stored.sha256,
      signer: signing.signer.signerName,
    },
  });
  return { copyId, copyNumber, checkCode, sha256: stored.sha256, storageKey: key };
}
