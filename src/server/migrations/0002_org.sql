-- The organisation tree as data (DOMAIN: "the organisation tree must be data, not code").
-- One hierarchy holds administrative units (province, commune/ward/special zone, the former
-- districts) and organisation units (the Sở and its divisions, commune People's Committees
-- and their Culture–Society division, schools, centres). Units are never deleted: they expire
-- (valid_to) and events (renamed, merged, split…) link them to what came before and after.

CREATE TABLE unit_types (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  category text NOT NULL CHECK (category IN ('administrative', 'organisation')),
  parent_types text[] NOT NULL DEFAULT '{}',
  sort_order int NOT NULL DEFAULT 0
);

INSERT INTO unit_types (code, name_vi, name_en, category, parent_types, sort_order) VALUES
  ('province', 'Tỉnh/Thành phố', 'Province', 'administrative', '{}', 10),
  ('district', 'Huyện/Thị xã/Thành phố thuộc tỉnh (trước 07/2025)', 'District (before 07/2025)', 'administrative', '{province}', 20),
  ('commune', 'Xã', 'Commune', 'administrative', '{province,district}', 30),
  ('ward', 'Phường', 'Ward', 'administrative', '{province,district}', 31),
  ('special_zone', 'Đặc khu', 'Special zone', 'administrative', '{province}', 32),
  ('department', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', 'organisation', '{province}', 40),
  ('division', 'Phòng/ban thuộc Sở', 'Division of the Department', 'organisation', '{department}', 41),
  ('district_education_office', 'Phòng Giáo dục và Đào tạo huyện (trước 07/2025)', 'District education office (before 07/2025)', 'organisation', '{district,department}', 42),
  ('commune_committee', 'Ủy ban nhân dân xã/phường/đặc khu', 'Commune People''s Committee', 'organisation', '{commune,ward,special_zone}', 50),
  ('culture_society_division', 'Phòng Văn hóa – Xã hội', 'Culture–Society division', 'organisation', '{commune_committee}', 51),
  ('school', 'Trường học', 'School', 'organisation', '{department,culture_society_division,district_education_office}', 60),
  ('gdtx_centre', 'Trung tâm GDNN – GDTX', 'Vocational and continuing-education centre', 'organisation', '{department,culture_society_division}', 61);

CREATE TABLE org_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL CHECK (name = normalize(name, NFC) AND length(name) BETWEEN 2 AND 200),
  type_code text NOT NULL REFERENCES unit_types(code),
  parent_id uuid REFERENCES org_units(id),
  valid_from date,
  valid_to date,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_key text GENERATED ALWAYS AS (gds_search_key(name || ' ' || code)) STORED,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
  CHECK (parent_id <> id)
);
CREATE INDEX org_units_parent ON org_units (parent_id);
CREATE INDEX org_units_type ON org_units (type_code);
-- Backs the ILIKE '%token%' search over names and codes.
CREATE INDEX org_units_search ON org_units USING gin (search_key gin_trgm_ops);

-- Earlier names, so that a record made in 2019 shows the unit's 2019 name.
CREATE TABLE org_unit_names (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  name text NOT NULL,
  valid_from date,
  valid_to date NOT NULL
);
CREATE INDEX org_unit_names_unit ON org_unit_names (unit_id, valid_to);

CREATE TABLE org_unit_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('created', 'renamed', 'merged', 'split', 'moved', 'dissolved')),
  effective_date date NOT NULL,
  decision_ref text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE TABLE org_unit_event_units (
  event_id uuid NOT NULL REFERENCES org_unit_events(id),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  side text NOT NULL CHECK (side IN ('from', 'to')),
  PRIMARY KEY (event_id, unit_id, side)
);
CREATE INDEX org_unit_event_units_unit ON org_unit_event_units (unit_id);

-- Ancestor/descendant pairs (including self at depth 0) of the current tree. Rebuilt in the
-- transaction of every structural change; access scopes ("a role applies to the subtree of
-- the unit it is granted on") are joins on this table. Other modules may read it (and only
-- read it) to filter their records by scope; it is the org module's published read model.
CREATE TABLE org_unit_closure (
  ancestor_id uuid NOT NULL REFERENCES org_units(id),
  descendant_id uuid NOT NULL REFERENCES org_units(id),
  depth int NOT NULL,
  PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX org_unit_closure_descendant ON org_unit_closure (descendant_id, depth);

CREATE OR REPLACE FUNCTION gds_rebuild_org_closure() RETURNS void LANGUAGE sql AS $$
  DELETE FROM org_unit_closure;
  INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
  WITH RECURSIVE walk(ancestor_id, descendant_id, depth) AS (
    SELECT id, id, 0 FROM org_units
    UNION ALL
    SELECT u.parent_id, w.descendant_id, w.depth + 1
    FROM walk w JOIN org_units u ON u.id = w.ancestor_id
    WHERE u.parent_id IS NOT NULL AND w.depth < 50
  )
  SELECT ancestor_id, descendant_id, depth FROM walk;
$$;

CREATE TABLE schools (
  unit_id uuid PRIMARY KEY REFERENCES org_units(id),
  levels text[] NOT NULL CHECK (cardinality(levels) > 0
    AND levels <@ ARRAY['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'lien_cap', 'gdtx']),
  ownership text NOT NULL CHECK (ownership IN ('public', 'private')),
  commune_id uuid NOT NULL REFERENCES org_units(id),
  address text,
  phone text,
  email text
);
CREATE INDEX schools_commune ON schools (commune_id);
CREATE INDEX schools_levels ON schools USING gin (levels);
