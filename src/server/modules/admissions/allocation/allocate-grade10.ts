import { runDeferredAcceptance } from './deferred-acceptance.ts';
import type { Grade10Input, Grade10Result } from './grade10.types.ts';
import { packGrade10 } from './grade10-pack.ts';
import { buildGrade10Result } from './grade10-result.ts';

/**
 * Grade-10 allocation (Thông tư 30/2024/TT-BGDĐT; the province's rules as data in `config`):
 * student-proposing deferred acceptance (Gale & Shapley 1962; Abdulkadiroğlu & Sönmez 2003) on
 * total scores, where the effective score of an applicant at the school of wish k is
 * total − wishOffsets[k] and every school ranks by effective score, then the configured
 * tie-breakers, then applicant id.
 *
 * Specialised schools first: a deferred-acceptance stage over specialised schools and
 * `specialisedWishes`; whoever it admits leaves the ordinary stage, which then runs over
 * ordinary schools and `wishes` for everyone else.
 *
 * Pure and deterministic: the same input gives the same result, and the order of applicants or
 * schools in the input changes only the order of the output lists.
 */
export function allocateGrade10(input: Grade10Input): Grade10Result {
  const packed = packGrade10(input);
  const specialised = packed.specialised
    ? { packed: packed.specialised, outcome: runDeferredAcceptance(packed.specialised, packed, null) }
    : null;
  let takesPart: Uint8Array | null = null;
  if (specialised) {
    const assigned = specialised.outcome.assigned;
    takesPart = new Uint8Array(packed.n);
    for (let i = 0; i < packed.n; i++) takesPart[i] = assigned[i]! < 0 ? 1 : 0;
  }
  const ordinary = {
    packed: packed.ordinary,
    outcome: runDeferredAcceptance(packed.ordinary, packed, takesPart),
  };
  return buildGrade10Result(input, packed, specialised, ordinary);
}
