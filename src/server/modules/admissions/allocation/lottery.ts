import { createHmac } from 'node:crypto';
import { AllocationInputError } from './score.ts';

/**
 * The public lottery for grades 1 and 6, so that anyone can re-run the draw.
 *
 * Procedure (publish this text with the results):
 * 1. Before the draw, the commune publishes the list of applications (or its SHA-256, see
 *    `hashCatchmentInputs`) and then the seed, a string, e.g. drawn in public or taken from a
 *    public source after the list is fixed, so that nobody can choose the seed knowing the list.
 * 2. Each applicant's lottery number is HMAC-SHA256(key = the seed's UTF-8 bytes,
 *    message = the applicant id's UTF-8 bytes), of which the first 6 bytes are read as a
 *    big-endian unsigned integer (0 … 2^48 − 1).
 * 3. Within a priority group, smaller numbers come first; two equal numbers (chance ≈ n²/2^49)
 *    are ordered by applicant id, comparing UTF-16 code units.
 *
 * Re-implementing it elsewhere, e.g. in Python:
 *   int.from_bytes(hmac.new(seed.encode(), applicant_id.encode(), hashlib.sha256).digest()[:6], 'big')
 */
export function lotteryNumber(seed: string, applicantId: string): number {
  if (seed.length === 0) throw new AllocationInputError('the lottery seed is empty');
  return createHmac('sha256', seed).update(applicantId, 'utf8').digest().readUIntBE(0, 6);
}
