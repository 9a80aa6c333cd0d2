import type { ChildPrefill, ResidencePrefill } from '../../../shared/population.schema.ts';
import type { Residence, Resident } from './population-registry.ts';

/** The verified contact of the request (an OTP session). */
export interface VerifiedContact {
  channel: 'sms' | 'email';
  address: string;
}

/**
 * The least the application form needs (Decree 13/2023/NĐ-CP: show the minimum). Anyone who
 * knows a child's ID and date of birth (printed on many school papers) and controls some phone
 * sees name, date of birth, gender, commune and village: what the parent confirms. Only when the
 * verified phone is one the registry holds for this child's parent or guardian do the house
 * address and the guardians' names and relations follow. Phone numbers never do (the parent
 * already knows the one they proved), nor does ethnicity.
 */
export function presentPrefill(
  r: Resident,
  contact: VerifiedContact,
  communeName: (id: string) => string,
  synthetic: boolean,
): ChildPrefill {
  const matches = r.guardians.map((g) => contact.channel === 'sms' && g.phone !== null && g.phone === contact.address);
  const guardian = matches.some(Boolean);
  const residence = (x: Residence): ResidencePrefill => ({
    communeId: x.communeId,
    communeName: communeName(x.communeId),
    village: x.village,
    addressLine: guardian ? x.addressLine : null,
  });
  return {
    personalId: r.personalId,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    gender: r.gender,
    permanentResidence: residence(r.permanentResidence),
    currentResidence: residence(r.currentResidence),
    disclosure: guardian ? 'guardian' : 'basic',
    guardians: guardian
      ? r.guardians.map((g, i) => ({
          fullName: g.fullName,
          relation: g.relation,
          isVerifiedContact: matches[i] === true,
        }))
      : [],
    synthetic,
  };
}
