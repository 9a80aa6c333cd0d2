import type { OtpPurpose } from '../../../../shared/population.schema.ts';
import { keyedHash } from '../../../platform/otp/keyed-hash.ts';
import { serverSecret } from '../../../platform/otp/server-secret.ts';
import type { Platform } from '../../../platform/platform.ts';

/** The OTP purpose of the public application (src/shared/population.schema.ts). */
export const APPLY: OtpPurpose = 'admissions.apply';

/**
 * The applicant key of a child: HMAC-SHA256 of the personal ID with the server secret, label
 * 'personal-id' (the hash population_lookups logs). The ID itself is never stored (Decree
 * 13/2023/NĐ-CP); without the secret the key cannot be reversed by trying every ID.
 */
export async function applicantKeyOf(platform: Platform, personalId: string): Promise<string> {
  return keyedHash(await serverSecret(platform), 'personal-id', personalId);
}
