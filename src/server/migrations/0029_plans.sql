-- Plans and tasks (issue 6, item 1): a plan of a unit (number, date, issuing unit as named then,
-- period, legal bases, sections), its tasks (lead and coordinating units, period kept as dates and
-- as the original wording, budget per year and funding source, outputs, status and progress),
-- the progress reports of the units assigned (kept, with evidence files) and the reminders of
-- late tasks (one per task per day).

-- Funding sources are reference data (extensible): CTX = chi thường xuyên, NST = ngân sách tỉnh,
-- CĐTPT = chi đầu tư phát triển. Seed 002's summary table names "CTX, NST" together (recurrent
-- spending from the provincial budget): one source of its own, so totals by source match it.
CREATE TABLE plan_funding_sources (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{0,19}$'),
  short_label text NOT NULL,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  position int NOT NULL DEFAULT 0
);
INSERT INTO plan_funding_sources (code, short_label, name_vi, name_en, position) VALUES
  ('CTX', 'CTX', 'Chi thường xuyên', 'Recurrent spending', 1),
  ('NST', 'NST', 'Ngân sách tỉnh', 'Provincial budget', 2),
  ('CTX_NST', 'CTX, NST', 'Chi thường xuyên từ ngân sách tỉnh', 'Recurrent spending from the provincial budget', 3),
  ('CDTPT', 'CĐTPT', 'Chi đầu tư phát triển', 'Development investment', 4),
  ('DON_VI', 'Đơn vị', 'Chi thường xuyên của đơn vị', 'The unit''s own recurrent budget', 5),
  ('KHAC', 'Khác', 'Nguồn khác', 'Other sources', 9);

CREATE TABLE plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text,
  issued_on date,
  issuing_unit_id uuid NOT NULL REFERENCES org_units(id),
  -- The issuing unit's name on the plan's date (org_unit_names), e.g. the former Sở GDĐT Kon Tum.
  issuing_unit_name text NOT NULL,
  title text NOT NULL,
  year_from int NOT NULL CHECK (year_from BETWEEN 1975 AND 2100),
  year_to int NOT NULL CHECK (year_to BETWEEN 1975 AND 2100 AND year_to >= year_from),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'closed')),
  -- The documents the plan cites: [{number, date, issuer, title}].
  legal_bases jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(legal_bases) = 'array'),
  summary text,
  search_key text GENERATED ALWAYS AS (gds_search_key(coalesce(number, '') || ' ' || title || ' ' || issuing_unit_name)) STORED,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id)
);
CREATE INDEX plans_search ON plans USING gin (search_key gin_trgm_ops);
CREATE INDEX plans_unit ON plans (issuing_unit_id);
CREATE INDEX plans_years ON plans (year_from, year_to);

-- Sections ("II", "II.1", …), ordered, nested through parent_id.
CREATE TABLE plan_sections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  parent_id uuid REFERENCES plan_sections(id) ON DELETE CASCADE,
  code text NOT NULL,
  title text NOT NULL,
  position int NOT NULL DEFAULT 0,
  UNIQUE (plan_id, code)
);

CREATE TABLE plan_tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  section_id uuid REFERENCES plan_sections(id) ON DELETE SET NULL,
  parent_id uuid REFERENCES plan_tasks(id) ON DELETE CASCADE,
  -- The task's code in the plan (its STT, e.g. "II.3.1"): the key of Excel re-imports.
  code text NOT NULL,
  position int NOT NULL DEFAULT 0,
  content text NOT NULL,
  description text,
  -- A unit of the tree, or only a name (e.g. "Sở Nội vụ", outside the education tree).
  lead_unit_id uuid REFERENCES org_units(id),
  lead_name text NOT NULL,
  start_on date,
  end_on date,
  CHECK (start_on IS NULL OR end_on IS NULL OR end_on >= start_on),
  -- The period as the plan words it ("Giai đoạn 2023-2025", "Hàng năm").
  period_text text,
  outputs text,
  -- False for items outside the plan's total (seed 002: lesson plans from schools' own funds).
  counted boolean NOT NULL DEFAULT true,
  budget_note text,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  last_report_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, code)
);
CREATE INDEX plan_tasks_lead ON plan_tasks (lead_unit_id);
CREATE INDEX plan_tasks_open_end ON plan_tasks (end_on) WHERE status IN ('not_started', 'in_progress');
CREATE INDEX plan_tasks_parent ON plan_tasks (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE plan_task_coordinators (
  task_id uuid NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  position int NOT NULL,
  unit_id uuid REFERENCES org_units(id),
  name text NOT NULL,
  PRIMARY KEY (task_id, position)
);
CREATE INDEX plan_task_coordinators_unit ON plan_task_coordinators (unit_id) WHERE unit_id IS NOT NULL;

-- Budget in million VND per year and funding source.
CREATE TABLE plan_task_budgets (
  task_id uuid NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  year int NOT NULL CHECK (year BETWEEN 1975 AND 2100),
  source_code text NOT NULL REFERENCES plan_funding_sources(code),
  amount numeric(14, 1) NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (task_id, year, source_code)
);

-- Every progress report is kept; the task shows the latest (plan_tasks.status/progress).
CREATE TABLE plan_task_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  unit_id uuid REFERENCES org_units(id),
  unit_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
  progress int NOT NULL CHECK (progress BETWEEN 0 AND 100),
  note text NOT NULL,
  reported_by uuid REFERENCES users(id),
  reporter_name text,
  reported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_task_reports_task ON plan_task_reports (task_id, reported_at DESC);

CREATE TABLE plan_task_report_files (
  report_id uuid NOT NULL REFERENCES plan_task_reports(id) ON DELETE CASCADE,
  stored_file_id uuid NOT NULL REFERENCES stored_files(id),
  position int NOT NULL,
  PRIMARY KEY (report_id, position)
);

-- One reminder of a late task per day at most (the daily job inserts ON CONFLICT DO NOTHING).
CREATE TABLE plan_task_reminders (
  task_id uuid NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
  day date NOT NULL,
  recipients int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (task_id, day)
);

-- ── Roles (design contract of issue 6) ────────────────────────────────────────────────────
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['plans.manage', 'plans.report']::text[]))
  WHERE code IN ('department_leader', 'department_staff');
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['plans.report']::text[]))
  WHERE code IN ('commune_education_officer', 'principal');
