-- KPIs (issue 6, item 4): indicators as data, targets per year and unit, manually entered
-- actuals. Computed actuals are not stored: they are computed on demand from the other
-- modules' read models (kpis/kpi-actuals.ts, with a short per-node cache).

CREATE TABLE kpi_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{1,39}$'),
  name_vi text NOT NULL CHECK (name_vi = normalize(name_vi, NFC) AND length(name_vi) BETWEEN 2 AND 500),
  name_en text NOT NULL CHECK (name_en = normalize(name_en, NFC) AND length(name_en) BETWEEN 2 AND 500),
  -- Where the indicator comes from (a plan and its section), shown beside it.
  source_ref text CHECK (source_ref IS NULL OR source_ref = normalize(source_ref, NFC)),
  unit text NOT NULL CHECK (unit IN ('percent', 'count', 'million_vnd', 'number')),
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  -- 'formula': computed from `formula` (kpis/formula.ts); 'manual': a unit enters the actual.
  kind text NOT NULL CHECK (kind IN ('formula', 'manual')),
  formula text CHECK (formula IS NULL OR length(formula) <= 500),
  -- The period key of report inputs for year Y: '{year}' → '2025', '{year}-{next}' → '2025-2026'.
  report_period text NOT NULL DEFAULT '{year}' CHECK (report_period ~ '^[A-Za-z0-9{}_-]{1,40}$'),
  -- The lowest level the indicator is computed at: drill-down stops there.
  level text NOT NULL CHECK (level IN ('province', 'commune', 'school')),
  is_public boolean NOT NULL DEFAULT false,
  sort_order int NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'formula') = (formula IS NOT NULL))
);

-- A target per year and unit: the province's, optionally overridden for a commune or a school
-- (the nearest ancestor's target applies).
CREATE TABLE kpi_targets (
  indicator_id uuid NOT NULL REFERENCES kpi_indicators(id),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  target numeric(14,2) NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 500),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, year, unit_id)
);

-- The actual value of a manual indicator for a unit and year, with where it comes from.
CREATE TABLE kpi_manual_actuals (
  indicator_id uuid NOT NULL REFERENCES kpi_indicators(id),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value numeric(14,2) NOT NULL,
  source_note text NOT NULL CHECK (length(source_note) BETWEEN 2 AND 500),
  entered_by uuid REFERENCES users(id),
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, year, unit_id)
);

UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['kpis.manage']::text[]))
  WHERE code IN ('department_leader', 'department_staff');
