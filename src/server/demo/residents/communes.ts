import { buildUnits, type CommuneInfo, listCommunes } from '../data/units.ts';

/** A current commune-level unit of the demo province with its unit code (how residents name it). */
export interface DemoCommune {
  info: CommuneInfo;
  code: string;
}

const COMMUNE_TYPES = new Set(['commune', 'ward', 'special_zone']);

/** The 96 commune-level units of the demo dataset, in list order, with their codes. */
export function demoCommunes(): DemoCommune[] {
  const infos = listCommunes();
  const codes = new Map(
    buildUnits(infos)
      .filter((u) => COMMUNE_TYPES.has(u.typeCode) && u.validTo === null)
      .map((u) => [u.key, u.code]),
  );
  return infos.map((info) => {
    const code = codes.get(info.key);
    if (!code) throw new Error(`demo residents: no unit code for ${info.key}`);
    return { info, code };
  });
}

/** The commune named `name` ('Tịnh Khê', 'Ba Tơ'); throws when the demo has none. */
export function communeNamed(communes: readonly DemoCommune[], name: string): DemoCommune {
  const c = communes.find((x) => x.info.seed.name === name);
  if (!c) throw new Error(`demo residents: no commune named ${name}`);
  return c;
}
