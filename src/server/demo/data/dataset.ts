import { buildAdministrativeEvents } from './events.ts';
import { createRandom } from './prng.ts';
import { createSchoolFactory } from './school-factory.ts';
import { buildSchoolHistory } from './school-history.ts';
import { buildCommuneSchools, buildProvincialSchools } from './schools.ts';
import type { DemoDataset } from './types.ts';
import { buildUnits, listCommunes } from './units.ts';
import { buildUsers } from './users.ts';

export type {
  DemoDataset,
  DemoEvent,
  DemoSchool,
  DemoUnit,
  DemoUser,
  SchoolLevel,
  UnitTypeCode,
} from './types.ts';

/** Changing the seed changes every synthetic code, phone and school count: keep it fixed. */
const SEED = 20250701;

const NOTICE: DemoDataset['notice'] = {
  vi:
    'Dữ liệu minh họa. Tên tỉnh, huyện cũ và số lượng đơn vị hành chính cấp xã theo Nghị quyết ' +
    '202/2025/QH15 và 1677/NQ-UBTVQH15; danh sách xã và nguồn gốc của từng xã chỉ mang tính minh họa, ' +
    'không phải danh mục chính thức. Trường học, con người, mã số, địa chỉ, điện thoại, thư điện tử, ' +
    'quyết định và số liệu đều là giả lập.',
  en:
    'Demo data. Province and former district names and the number of commune-level units follow ' +
    'Resolutions 202/2025/QH15 and 1677/NQ-UBTVQH15; the commune list and what each commune was formed ' +
    'from are illustrative, not an official gazetteer. Schools, people, codes, addresses, phone numbers, ' +
    'e-mails, decisions and figures are synthetic.',
};

/**
 * Builds the synthetic demo dataset of the merged Quảng Ngãi province: the organisation
 * tree with its pre-2025 history, schools, unit events and demo logins. Deterministic:
 * every call returns a deep-equal, freshly allocated dataset.
 */
export function buildDemoDataset(): DemoDataset {
  const random = createRandom(SEED);
  const communes = listCommunes();
  const units = buildUnits(communes);
  const make = createSchoolFactory(random, communes);
  const history = buildSchoolHistory(make);
  const schools = [...buildProvincialSchools(make), ...buildCommuneSchools(random, communes, make), ...history.schools];
  const events = [...buildAdministrativeEvents(communes), ...history.events].sort((a, b) =>
    a.effectiveDate.localeCompare(b.effectiveDate),
  );
  return {
    notice: { ...NOTICE },
    units,
    schools,
    events,
    users: buildUsers(),
  };
}
