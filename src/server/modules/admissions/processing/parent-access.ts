import type { ChildIdentity } from '../../../../shared/admission-applications.schema.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OtpSession } from '../../../platform/otp/otp.service.ts';
import type { Platform } from '../../../platform/platform.ts';
import { sameKey } from '../../dossiers/applicant-access.ts';
import * as applications from '../applications/application.repository.ts';
import { applicantKeyOf } from '../applications/application-identity.ts';

/**
 * The application of `code` if the child's ID and date of birth are its own and, for changes,
 * the verified contact (OTP session) is the one it was filed with. Anything else is the same
 * resource.not_found as an unknown code: the answer never confirms that a code exists.
 */
export async function ownApplication(p: Platform, code: string, who: ChildIdentity, session?: OtpSession) {
  const key = await applicantKeyOf(p, who.personalId);
  const row = await applications.findByCode(p.db, code);
  if (
    !row ||
    !sameKey(row.applicant_key, key) ||
    row.date_of_birth !== who.dateOfBirth ||
    (session && row.contact_address !== session.address)
  )
    throw new AppError('resource.not_found');
  return { row, key };
}
