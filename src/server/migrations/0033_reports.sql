-- Periodic reports and quick surveys (issue 6, item 3; the DHIS2 model).
-- A form (data set) has typed fields, a period type, an assignment and a window rule; each
-- period has its own window; when a period opens, one submission row per expected unit is
-- materialised (history keeps who was expected); values live in a narrow table keyed by
-- (submission, field) that also carries the period, field and unit for fast roll-ups.

CREATE TABLE report_forms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_.-]{1,39}$'),
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 2 AND 500),
  description text,
  kind text NOT NULL DEFAULT 'report' CHECK (kind IN ('report', 'survey')),
  owner_unit_id uuid NOT NULL REFERENCES org_units(id),
  period_type text NOT NULL
    CHECK (period_type IN ('monthly', 'quarterly', 'six_monthly', 'school_year', 'yearly', 'campaign')),
  needs_approval boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  opens_days_before_end int NOT NULL DEFAULT 30,
  closes_days_after_end int NOT NULL DEFAULT 10,
  remind_days_before int NOT NULL DEFAULT 3 CHECK (remind_days_before >= 0),
  assign_root_id uuid REFERENCES org_units(id),
  assign_unit_types text[] NOT NULL DEFAULT '{}',
  assign_school_levels text[] NOT NULL DEFAULT '{}',
  assign_unit_ids uuid[] NOT NULL DEFAULT '{}',
  sections jsonb NOT NULL DEFAULT '[]',
  rules jsonb NOT NULL DEFAULT '[]',
  copied_from uuid REFERENCES report_forms(id),
  search_key text GENERATED ALWAYS AS (gds_search_key(title || ' ' || code)) STORED,
  published_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE INDEX report_forms_owner ON report_forms (owner_unit_id);
CREATE INDEX report_forms_search ON report_forms USING gin (search_key gin_trgm_ops);

CREATE TABLE report_fields (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  form_id uuid NOT NULL REFERENCES report_forms(id),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  seq int NOT NULL,
  label text NOT NULL,
  help text,
  type text NOT NULL CHECK (type IN ('integer', 'decimal', 'text', 'long_text', 'single_choice',
    'multiple_choice', 'yes_no', 'date', 'file')),
  section text,
  required boolean NOT NULL DEFAULT false,
  min_value numeric,
  max_value numeric,
  min_length int,
  max_length int,
  pattern text,
  options jsonb NOT NULL DEFAULT '[]',
  aggregation text NOT NULL DEFAULT 'sum' CHECK (aggregation IN ('sum', 'avg', 'min', 'max', 'count')),
  unit_label text,
  UNIQUE (form_id, code)
);

CREATE TABLE report_periods (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  form_id uuid NOT NULL REFERENCES report_forms(id),
  period_key text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  -- When the expected units were fixed (the period opened); null until then.
  materialised_at timestamptz,
  -- When the lock job saw the period closed (writes are refused by date anyway).
  locked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (form_id, period_key),
  CHECK (ends_on >= starts_on),
  CHECK (closes_on >= opens_on)
);
CREATE INDEX report_periods_key ON report_periods (period_key);
CREATE INDEX report_periods_open ON report_periods (opens_on) WHERE materialised_at IS NULL;

-- One row per expected unit and period (materialised when the period opens).
CREATE TABLE report_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period_id uuid NOT NULL REFERENCES report_periods(id),
  form_id uuid NOT NULL REFERENCES report_forms(id),
  period_key text NOT NULL,
  unit_id uuid NOT NULL REFERENCES org_units(id),
  -- The level above when the period opened (commune for its schools, the Sở for the others).
  approver_unit_id uuid REFERENCES org_units(id),
  status text NOT NULL DEFAULT 'not_started'
    CHECK (status IN ('not_started', 'draft', 'completed', 'returned', 'approved')),
  completed_at timestamptz,
  on_time boolean,
  approved_at timestamptz,
  approved_by uuid,
  returned_reason text,
  -- A reopen by the level above: the unit's own deadline.
  deadline_override date,
  reopen_reason text,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (period_id, unit_id)
);
CREATE INDEX report_submissions_unit ON report_submissions (unit_id, period_id);
CREATE INDEX report_submissions_key ON report_submissions (period_key) INCLUDE (unit_id, status, on_time);
CREATE INDEX report_submissions_approver ON report_submissions (approver_unit_id, status);

-- Values, narrow: period_id and unit_id repeat the submission's for the roll-ups
-- (report_values_rollup: one field of one period, its units and numbers in the index).
CREATE TABLE report_values (
  submission_id uuid NOT NULL REFERENCES report_submissions(id),
  field_id uuid NOT NULL REFERENCES report_fields(id),
  period_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  num numeric,
  txt text,
  arr text[],
  bool boolean,
  day date,
  file_id uuid REFERENCES stored_files(id),
  PRIMARY KEY (submission_id, field_id)
);
CREATE INDEX report_values_rollup ON report_values (field_id, period_id) INCLUDE (unit_id, num, submission_id);

CREATE TABLE report_submission_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES report_submissions(id),
  action text NOT NULL CHECK (action IN ('saved', 'completed', 'approved', 'returned', 'reopened', 'locked')),
  reason text,
  actor_id uuid,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_submission_events_sub ON report_submission_events (submission_id, id);

-- The daily reminder: once per submission per day.
CREATE TABLE report_reminders (
  submission_id uuid NOT NULL REFERENCES report_submissions(id),
  day date NOT NULL,
  recipients int NOT NULL,
  PRIMARY KEY (submission_id, day)
);

-- Grants (design contract, steering-design.md).
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['reports.read', 'reports.approve']::text[]))
  WHERE code = 'department_leader';
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions
    || ARRAY['reports.design', 'reports.read', 'reports.approve']::text[]))
  WHERE code = 'department_staff';
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions
    || ARRAY['reports.design', 'reports.submit', 'reports.read', 'reports.approve']::text[]))
  WHERE code = 'commune_education_officer';
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['reports.submit', 'reports.read']::text[]))
  WHERE code = 'principal';
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['reports.submit']::text[]))
  WHERE code = 'school_it';
