import type { SchoolLevel, SchoolProfile, UnitSummary, UnitType } from '../../../shared/org.schema.ts';

export function presentUnitType(r: {
  code: string;
  name_vi: string;
  name_en: string;
  category: 'administrative' | 'organisation';
  parent_types: string[];
}): UnitType {
  return { code: r.code, name: { vi: r.name_vi, en: r.name_en }, category: r.category, parentTypes: r.parent_types };
}

export function presentUnit(r: {
  id: string;
  code: string;
  name: string;
  type_code: string;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  active: boolean;
  child_count?: number | null;
}): UnitSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    typeCode: r.type_code,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    active: r.active,
    childCount: r.child_count ?? 0,
  };
}

export function presentSchool(r: {
  unit_id: string;
  code: string;
  name: string;
  levels: string[];
  ownership: 'public' | 'private';
  commune_id: string;
  commune_name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
}): SchoolProfile {
  return {
    unitId: r.unit_id,
    code: r.code,
    name: r.name,
    levels: r.levels as SchoolLevel[],
    ownership: r.ownership,
    communeId: r.commune_id,
    communeName: r.commune_name,
    address: r.address,
    phone: r.phone,
    email: r.email,
    active: r.active,
  };
}
