import type { Random } from './prng.ts';
import type { SchoolFactory } from './school-factory.ts';
import {
  GDTX_CENTRES,
  LOWER_SECONDARY_NAMES,
  PRESCHOOL_NAMES,
  PRIMARY_NAMES,
  PRIVATE_PRESCHOOL_NAMES,
  UPPER_SECONDARY,
} from './school-names.ts';
import type { DemoSchool } from './types.ts';
import type { CommuneInfo } from './units.ts';

/**
 * Fixed counts for communes the demo logins and tests rely on, so that e.g.
 * 'Trường Tiểu học số 1 Tịnh Khê' and 'Trường Tiểu học Đăk Hà' always exist.
 */
const FORCED: Readonly<Record<string, { preschools?: number; primaries?: number }>> = {
  'xa-tinh-khe': { preschools: 2, primaries: 2 },
  'xa-dak-ha': { preschools: 1, primaries: 1 },
  'dac-khu-ly-son': { preschools: 2, primaries: 2 },
};

/**
 * Preschools, primary and lower-secondary schools of every commune-level unit. Since
 * 1 July 2025 these are administered by the commune People's Committee, so their parent
 * is the commune's Culture–Society division.
 */
export function buildCommuneSchools(
  random: Random,
  communes: readonly CommuneInfo[],
  make: SchoolFactory,
): DemoSchool[] {
  const pools = {
    preschool: [...PRESCHOOL_NAMES],
    privatePreschool: [...PRIVATE_PRESCHOOL_NAMES],
    primary: [...PRIMARY_NAMES],
    lowerSecondary: [...LOWER_SECONDARY_NAMES],
  };
  const schools: DemoSchool[] = [];
  for (const c of communes) {
    const at = { communeKey: c.key, parentKey: c.divisionKey };
    const place = c.seed.name;
    if (c.seed.type === 'ward') {
      schools.push(make({ ...at, name: `Trường Mầm non ${place}`, levels: ['mam_non'] }));
      schools.push(make({ ...at, name: `Trường Mầm non ${take(pools.preschool)}`, levels: ['mam_non'] }));
      if (pools.privatePreschool.length > 0 && random() < 0.7) {
        const name = `Trường Mầm non tư thục ${take(pools.privatePreschool)}`;
        schools.push(make({ ...at, name, levels: ['mam_non'], ownership: 'private' }));
      }
      for (let i = 0; i < 2; i++) {
        schools.push(make({ ...at, name: `Trường Tiểu học ${take(pools.primary)}`, levels: ['tieu_hoc'] }));
      }
      schools.push(make({ ...at, name: `Trường THCS ${place}`, levels: ['thcs'] }));
      schools.push(make({ ...at, name: `Trường THCS ${take(pools.lowerSecondary)}`, levels: ['thcs'] }));
      continue;
    }
    const forced = FORCED[c.key] ?? {};
    const preschools = forced.preschools ?? (random() < 0.45 ? 2 : 1);
    const primaries = forced.primaries ?? (c.mountain ? 1 : random() < 0.4 ? 2 : 1);
    for (const suffix of numbered(preschools)) {
      schools.push(make({ ...at, name: `Trường Mầm non ${suffix}${place}`, levels: ['mam_non'] }));
    }
    for (const suffix of numbered(primaries)) {
      schools.push(make({ ...at, name: `Trường Tiểu học ${suffix}${place}`, levels: ['tieu_hoc'] }));
    }
    if (c.mountain) {
      // Semi-boarding schools for ethnic-minority pupils (PTDTBT) in mountain communes.
      schools.push(make({ ...at, name: `Trường PTDTBT TH&THCS ${place}`, levels: ['tieu_hoc', 'thcs', 'lien_cap'] }));
      if (random() < 0.5) schools.push(make({ ...at, name: `Trường THCS ${place}`, levels: ['thcs'] }));
    } else if (random() < 0.2) {
      schools.push(make({ ...at, name: `Trường TH&THCS ${place}`, levels: ['tieu_hoc', 'thcs', 'lien_cap'] }));
    } else {
      schools.push(make({ ...at, name: `Trường THCS ${place}`, levels: ['thcs'] }));
    }
  }
  return schools;
}

/** Upper-secondary schools and GDNN–GDTX centres, managed directly by the Sở. */
export function buildProvincialSchools(make: SchoolFactory): DemoSchool[] {
  const schools: DemoSchool[] = [];
  for (const s of UPPER_SECONDARY) {
    schools.push(
      make({
        name: s.name,
        communeKey: s.communeKey,
        parentKey: 'so-gddt',
        levels: s.levels ? [...s.levels] : ['thpt'],
        ownership: s.private ? 'private' : 'public',
      }),
    );
  }
  for (const g of GDTX_CENTRES) {
    schools.push(
      make({ name: g.name, communeKey: g.communeKey, parentKey: 'so-gddt', levels: ['gdtx'], typeCode: 'gdtx_centre' }),
    );
  }
  return schools;
}

/** '' for a single school; 'số 1 ', 'số 2 ' when a commune has two of a kind. */
function numbered(count: number): string[] {
  if (count === 1) return [''];
  return Array.from({ length: count }, (_, i) => `số ${i + 1} `);
}

function take(pool: string[]): string {
  const name = pool.shift();
  if (name === undefined) throw new Error('school name pool exhausted');
  return name;
}
