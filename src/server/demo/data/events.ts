import { DISTRICTS, officeKeyOf } from './districts.ts';
import type { DemoEvent } from './types.ts';
import type { CommuneInfo } from './units.ts';
import { MERGER_DATE } from './units.ts';

/**
 * Events of the 2025 reorganisation and the Đức Phổ rename:
 * - the province merger (Nghị quyết 202/2025/QH15) and the merger of the two Sở GDĐT;
 * - each new commune-level unit created from its former district(s)
 *   (Nghị quyết 1677/NQ-UBTVQH15);
 * - each district and district education office dissolved when the district level ended.
 */
export function buildAdministrativeEvents(communes: readonly CommuneInfo[]): DemoEvent[] {
  const events: DemoEvent[] = [
    {
      kind: 'renamed',
      effectiveDate: '2020-02-01',
      decisionRef: 'Nghị quyết 867/NQ-UBTVQH14',
      fromKeys: ['tx-duc-pho'],
      toKeys: ['tx-duc-pho'],
      note: 'Huyện Đức Phổ trở thành thị xã Đức Phổ.',
    },
    {
      kind: 'merged',
      effectiveDate: MERGER_DATE,
      decisionRef: 'Nghị quyết 202/2025/QH15',
      fromKeys: ['tinh-kon-tum', 'tinh-quang-ngai'],
      toKeys: ['tinh-quang-ngai'],
      note: 'Hợp nhất tỉnh Kon Tum và tỉnh Quảng Ngãi thành tỉnh Quảng Ngãi.',
    },
    {
      kind: 'merged',
      effectiveDate: MERGER_DATE,
      decisionRef: 'Nghị quyết 202/2025/QH15',
      fromKeys: ['so-gddt-kon-tum', 'so-gddt'],
      toKeys: ['so-gddt'],
      note: 'Hợp nhất Sở GDĐT tỉnh Kon Tum vào Sở GDĐT tỉnh Quảng Ngãi.',
    },
  ];
  for (const c of communes) {
    events.push({
      kind: 'created',
      effectiveDate: MERGER_DATE,
      decisionRef: 'Nghị quyết 1677/NQ-UBTVQH15',
      fromKeys: [...c.seed.from],
      toKeys: [c.key],
      note: null,
    });
  }
  for (const d of DISTRICTS) {
    events.push({
      kind: 'dissolved',
      effectiveDate: MERGER_DATE,
      // Ended with the move to two-level local government; the demo cites no single act.
      decisionRef: null,
      fromKeys: [d.key],
      toKeys: [],
      note: 'Chấm dứt hoạt động của đơn vị hành chính cấp huyện từ 01/7/2025 (chính quyền địa phương hai cấp).',
    });
    events.push({
      kind: 'dissolved',
      effectiveDate: MERGER_DATE,
      decisionRef: null,
      fromKeys: [officeKeyOf(d.key)],
      toKeys: [],
      note: 'Nhiệm vụ quản lý trường mầm non, tiểu học, THCS chuyển cho UBND cấp xã (Phòng Văn hóa – Xã hội).',
    });
  }
  return events;
}
