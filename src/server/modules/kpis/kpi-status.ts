import type { KpiStatus } from '../../../shared/kpis.schema.ts';

/** How close to its target an actual may be and still count as "near" (10 % of the target). */
export const NEAR_MARGIN = 0.1;

/**
 * An actual against its target: met when the target is reached in the indicator's direction,
 * near when within 10 % of the target's size, behind otherwise.
 */
export function statusOf(actual: number | null, target: number | null, direction: 'higher' | 'lower'): KpiStatus {
  if (target === null) return 'no_target';
  if (actual === null) return 'no_data';
  const margin = Math.abs(target) * NEAR_MARGIN;
  if (direction === 'higher') {
    if (actual >= target) return 'met';
    return actual >= target - margin ? 'near' : 'behind';
  }
  if (actual <= target) return 'met';
  return actual <= target + margin ? 'near' : 'behind';
}
