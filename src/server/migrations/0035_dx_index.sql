-- The school digital-transformation index (Quyết định 4725/QĐ-BGDĐT, 30/12/2022): criteria sets
-- as data, yearly campaigns, each school's self-assessment with evidence, the evaluation by the
-- level above (the commune for its schools, the Sở for the schools under it), recognition and
-- the Sở's publication. Module src/server/modules/dx-index.

-- A versioned criteria set (bộ chỉ số): groups → criteria, kept as one JSON document checked by
-- the shared Zod schema (src/shared/dx-index.schema.ts, DxDefinition). A set is never edited once
-- a campaign uses it: a later decision (e.g. QĐ 3806/QĐ-BGDĐT for Sở/commune level) is another row.
CREATE TABLE dx_criteria_sets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{1,39}$'),
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 2 AND 300),
  decision text NOT NULL CHECK (decision = normalize(decision, NFC)),
  -- Who is assessed with it: schools (4725) or education authorities (3806).
  target text NOT NULL CHECK (target IN ('school', 'authority')),
  -- What an unmet mandatory condition does to a group's level (see dx-levels.ts).
  mandatory_rule text NOT NULL CHECK (mandatory_rule IN ('cap_level_1', 'none')),
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One campaign per year: self-assessment until submit_by (31 May), evaluation and publication
-- until evaluate_by (20 June); configurable per year.
CREATE TABLE dx_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  year int NOT NULL UNIQUE CHECK (year BETWEEN 2022 AND 2100),
  criteria_set_id uuid NOT NULL REFERENCES dx_criteria_sets(id),
  opens_on date NOT NULL,
  submit_by date NOT NULL,
  evaluate_by date NOT NULL,
  published_at timestamptz,
  published_by uuid REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (opens_on <= submit_by AND submit_by <= evaluate_by)
);

-- A school's assessment in a campaign. Totals and levels are kept on the row (computed by the
-- service with the pure rule of dx-levels.ts on every change) so that rankings are plain SQL.
-- self_*: the school's own scores; final_*: after the evaluator's changes (= self_* until then).
CREATE TABLE dx_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES dx_campaigns(id),
  school_id uuid NOT NULL REFERENCES org_units(id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'returned', 'recognised')),
  -- A later day until which the school may still submit (reopened by the evaluator, or the day
  -- given when asking for more evidence).
  reopened_until date,
  self_teaching numeric(5,1) NOT NULL DEFAULT 0,
  self_governance numeric(5,1) NOT NULL DEFAULT 0,
  final_teaching numeric(5,1) NOT NULL DEFAULT 0,
  final_governance numeric(5,1) NOT NULL DEFAULT 0,
  level_teaching smallint NOT NULL DEFAULT 1 CHECK (level_teaching BETWEEN 1 AND 3),
  level_governance smallint NOT NULL DEFAULT 1 CHECK (level_governance BETWEEN 1 AND 3),
  answered int NOT NULL DEFAULT 0,
  return_reason text,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users(id),
  evaluated_at timestamptz,
  evaluated_by uuid REFERENCES users(id),
  recognised_at timestamptz,
  recognised_by uuid REFERENCES users(id),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, school_id)
);
CREATE INDEX dx_assessments_school ON dx_assessments (school_id);
-- The evaluator's queue and the results list filter by campaign and state.
CREATE INDEX dx_assessments_campaign_state ON dx_assessments (campaign_id, state);

-- One answer per criterion: the school's choice (option code) or points, its evidence (text and
-- links; files in dx_evidence_files), the evaluator's score and comment, and the evaluator's
-- request for more evidence.
CREATE TABLE dx_answers (
  assessment_id uuid NOT NULL REFERENCES dx_assessments(id),
  criterion_code text NOT NULL CHECK (criterion_code ~ '^[A-Z0-9][A-Z0-9._-]{0,19}$'),
  self_option text,
  self_points numeric(5,1),
  evidence_text text CHECK (evidence_text = normalize(evidence_text, NFC) AND length(evidence_text) <= 4000),
  evidence_links text[] NOT NULL DEFAULT '{}',
  eval_option text,
  eval_points numeric(5,1),
  eval_comment text CHECK (eval_comment = normalize(eval_comment, NFC) AND length(eval_comment) <= 2000),
  evidence_request text CHECK (evidence_request = normalize(evidence_request, NFC) AND length(evidence_request) <= 2000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, criterion_code)
);

-- Evidence files (minh chứng) uploaded with the platform's resumable uploads (purpose 'dx').
CREATE TABLE dx_evidence_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL REFERENCES dx_assessments(id),
  criterion_code text NOT NULL,
  stored_file_id uuid NOT NULL REFERENCES stored_files(id),
  filename text NOT NULL CHECK (filename = normalize(filename, NFC) AND length(filename) <= 255),
  added_by uuid REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX dx_evidence_files_assessment ON dx_evidence_files (assessment_id, criterion_code);

-- Reminders sent (once per school, campaign and day): schools that have not submitted as the
-- deadline nears or after the evaluator asked for more evidence.
CREATE TABLE dx_reminders (
  campaign_id uuid NOT NULL REFERENCES dx_campaigns(id),
  school_id uuid NOT NULL REFERENCES org_units(id),
  day date NOT NULL,
  recipients int NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, school_id, day)
);

-- Steering design (issue 6): who may do what with the index.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['dx.evaluate']::text[]))
  WHERE code IN ('department_leader', 'department_staff', 'commune_education_officer');
-- The commune officer creates the accounts of its schools' principals, and nobody grants a role
-- carrying a permission they lack (users.service.ts): so it holds dx.assess and dx.submit too.
-- They do nothing for it: the DX module counts them only through a grant on the school itself
-- (a school assesses itself; the level above evaluates), see dx-access.ts.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['dx.assess', 'dx.submit']::text[]))
  WHERE code = 'commune_education_officer';
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['dx.assess', 'dx.submit']::text[]))
  WHERE code = 'principal';
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['dx.assess']::text[]))
  WHERE code = 'school_it';
