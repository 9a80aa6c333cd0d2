import type { ResidenceInput } from '../../../../shared/admission-applications.schema.ts';
import type { AdmissionRules, PriorityGroup } from '../../../../shared/admissions.schema.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';

/** A residence as the population registry records it (commune unit and village). */
export interface RegistryResidence {
  communeId: string;
  village: string | null;
}

/**
 * Wishes must be distinct schools of the round, at most the round's wishCount (Thông tư
 * 30/2024/TT-BGDĐT leaves the number of wishes to the running unit; grades 1/6 allow 1–2).
 */
export function wishProblems(
  wishes: readonly string[],
  roundSchools: ReadonlySet<string>,
  rules: AdmissionRules,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (wishes.length > rules.wishCount)
    out.push({
      path: 'body.wishes',
      message: `tối đa ${rules.wishCount} nguyện vọng / at most ${rules.wishCount} wishes`,
    });
  if (new Set(wishes).size !== wishes.length)
    out.push({ path: 'body.wishes', message: 'trường bị trùng / a school appears twice' });
  wishes.forEach((id, i) => {
    if (!roundSchools.has(id))
      out.push({
        path: `body.wishes.${i}`,
        message: 'trường không tham gia đợt tuyển sinh / school not in this round',
      });
  });
  return out;
}

/** The priority group, when claimed, must be one of the round's. */
export function priorityProblems(code: string | null | undefined, groups: readonly PriorityGroup[]): ErrorDetail[] {
  if (!code || groups.some((g) => g.code === code)) return [];
  return [{ path: 'body.priorityGroup', message: `nhóm ưu tiên không có trong đợt / unknown priority group ${code}` }];
}

const villageKey = (v: string | null | undefined) =>
  (v ?? '').normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/giu, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * How the residence stands: a child the registry does not know is 'unregistered' (accepted,
 * never a dead end); with a correction reason, 'correction'; otherwise it must match the
 * registry's current or permanent residence ('confirmed'), or the parent is asked for a reason.
 */
export function residenceStatus(
  input: ResidenceInput,
  registry: readonly RegistryResidence[] | undefined,
): { status: 'confirmed' | 'correction' | 'unregistered'; problems: ErrorDetail[] } {
  if (!registry) return { status: 'unregistered', problems: [] };
  if (input.correctionReason) return { status: 'correction', problems: [] };
  const same = registry.some(
    (r) =>
      r.communeId === input.communeId && (r.village === null || villageKey(r.village) === villageKey(input.village)),
  );
  if (same) return { status: 'confirmed', problems: [] };
  return {
    status: 'confirmed',
    problems: [
      {
        path: 'body.residence.correctionReason',
        message:
          'nơi cư trú khác dữ liệu dân cư: ghi lý do đề nghị điều chỉnh / residence differs from the registry: give a reason for the correction',
      },
    ],
  };
}
