import { timingSafeEqual } from 'node:crypto';
import {
  type PartialDate,
  parsePartialDate,
  type VerifyAnswer,
  type VerifyQuery,
} from '../../../shared/diplomas.schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { keyedHash } from '../../platform/otp/keyed-hash.ts';
import { serverSecret } from '../../platform/otp/server-secret.ts';
import type { Platform } from '../../platform/platform.ts';
import { dt } from './diplomas.tables.ts';
import { type EntryRow, findBySerial, listTypes, serialKeyOf } from './entries.repository.ts';
import { logOnly } from './entries.service.ts';

/**
 * The keyed hashes (HMAC-SHA256 with the server secret) of the verification log. A plain
 * SHA-256 of a name or a serial can be guessed back by hashing candidate names; without the
 * secret it cannot. The `diploma-…:` prefixes keep these apart from other uses of the labels.
 */
export function verificationHashes(key: Buffer, ip: string | null | undefined, serialKey: string, foldedName: string) {
  return {
    client_hash: keyedHash(key, 'client', `diploma-verify:${ip ?? ''}`),
    serial_hash: keyedHash(key, 'personal-id', `diploma-serial:${serialKey}`),
    name_hash: keyedHash(key, 'personal-id', `diploma-name:${foldedName}`),
  };
}

/** Accent-, case- and spacing-insensitive form of a name ("Nguyễn  Văn AN" → "nguyen van an"). */
export function foldName(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whole-name equality in time that depends only on the lengths (both names are padded to one length). */
function sameName(a: string, b: string): boolean {
  const len = 160;
  const pa = Buffer.alloc(len * 4);
  const pb = Buffer.alloc(len * 4);
  pa.write(a.slice(0, len));
  pb.write(b.slice(0, len));
  return timingSafeEqual(pa, pb) && a.length === b.length;
}

/** The given date agrees with the register as far as both know it (year; month and day when both have them). */
function sameBirth(row: EntryRow | undefined, d: PartialDate): boolean {
  if (!row) return false;
  if (row.birth_year !== d.year) return false;
  if (d.month !== null && row.birth_month !== null && d.month !== row.birth_month) return false;
  if (d.day !== null && row.birth_day !== null && d.day !== row.birth_day) return false;
  return true;
}

/**
 * Public verification of a diploma (issue 5 item 4), the check a copy's QR code opens: by
 * serial and full name (optionally date of birth). One indexed read and one log row whatever
 * the outcome, so "no such serial" and "the name differs" take the same path and give the same
 * answer; only the public fields are returned on a match. Every lookup is logged with keyed
 * hashes (HMAC with the server secret) of the client address, the serial and the name. Certified copies (item 5) will add their
 * copy numbers as a second source read the same way.
 */
export class VerifyService {
  readonly #p: Platform;
  #types: Promise<Map<string, { vi: string; en: string }>> | undefined;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async verify(actor: Actor, q: VerifyQuery): Promise<VerifyAnswer> {
    let birth: PartialDate | null = null;
    if (q.birthDate?.trim()) {
      birth = parsePartialDate(q.birthDate);
      if (!birth)
        throw new AppError('request.invalid', {
          hint: { vi: 'Ngày sinh ghi theo dạng ngày/tháng/năm.', en: 'Give the date of birth as dd/mm/yyyy.' },
        });
    }
    const [row, key] = await Promise.all([findBySerial(this.#p.db, q.serial), serverSecret(this.#p)]);
    const given = foldName(q.name);
    const nameOk = sameName(row ? foldName(row.full_name) : given, given) && row !== undefined;
    const matched = nameOk && (birth === null || sameBirth(row, birth));
    // The log row is written with the asynchronous commit of a log-only transaction (logOnly).
    await logOnly(this.#p, async (trx) => {
      await dt(trx)
        .insertInto('diploma_verifications')
        .values({
          ...verificationHashes(key, actor.ip, serialKeyOf(q.serial), given),
          with_birth_date: birth !== null,
          matched,
          entry_id: matched ? row!.id : null,
        })
        .execute();
    });
    if (!matched || !row?.serial) return { match: false, diploma: null };
    const types = await this.#typeNames();
    return {
      match: true,
      diploma: {
        fullName: row.full_name,
        typeCode: row.type_code,
        typeName: types.get(row.type_code) ?? { vi: row.type_code, en: row.type_code },
        year: row.year,
        serial: row.serial,
        issuingUnitName: row.issuing_unit_name,
        classification: row.classification,
      },
    };
  }

  #typeNames() {
    this.#types ??= listTypes(this.#p.db).then(
      (ts) => new Map(ts.map((t) => [t.code, { vi: t.name_vi, en: t.name_en }])),
    );
    return this.#types;
  }
}
