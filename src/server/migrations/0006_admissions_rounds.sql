-- Admission rounds configured by staff, not code (issue 3, item 1): a round is one intake
-- (grade 1, 6 or 10) run by one unit, with its timeline, rules, priority groups, schools and
-- seats, and for grades 1 and 6 the residence catchments. Since 1 July 2025 grades 1 and 6 are
-- run by communes and grade 10 by the Sở (Thông tư 30/2024/TT-BGDĐT; Resolution 202/2025/QH15).
-- The rules the service applies (level ↔ running unit, timeline order, what may change once a
-- round is open) live in src/server/modules/admissions/rounds; the checks here are the backstop.

CREATE TABLE admission_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{1,39}$'),
  name text NOT NULL CHECK (name = normalize(name, NFC) AND length(name) BETWEEN 2 AND 200),
  level smallint NOT NULL CHECK (level IN (1, 6, 10)),
  -- '2027-2028': the school year the admitted pupils start.
  school_year text NOT NULL CHECK (
    school_year ~ '^[0-9]{4}-[0-9]{4}$'
    AND split_part(school_year, '-', 2)::int = split_part(school_year, '-', 1)::int + 1),
  running_unit_id uuid NOT NULL REFERENCES org_units(id),
  -- draft → open → closed_for_review → allocating → published → closed (round-status.ts).
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'open', 'closed_for_review', 'allocating', 'published', 'closed')),
  -- Practice window: parents may try the form; nothing filed in it counts.
  trial_from timestamptz,
  trial_to timestamptz,
  register_from timestamptz NOT NULL,
  register_to timestamptz NOT NULL,
  review_to timestamptz NOT NULL,
  results_at timestamptz NOT NULL,
  confirm_to timestamptz NOT NULL,
  supplementary_from timestamptz,
  supplementary_to timestamptz,
  -- Level-specific rules, validated by AdmissionRules (src/shared/admissions.schema.ts).
  rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'object'),
  -- [{code, nameVi, nameEn, points | rank, evidenceVi, evidenceEn}], validated by PriorityGroup.
  priority_groups jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(priority_groups) = 'array'),
  -- Grades 1/6: the seed of the out-of-catchment lottery, published before the draw so that
  -- anyone can re-run it. Once published it never changes (trigger below).
  lottery_seed text,
  lottery_seed_published_at timestamptz,
  copied_from_id uuid REFERENCES admission_rounds(id),
  -- Optimistic concurrency: every change bumps it; writers send the version they read.
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  CHECK ((trial_from IS NULL) = (trial_to IS NULL)),
  CHECK (trial_from IS NULL OR (trial_from < trial_to AND trial_to <= register_from)),
  CHECK (register_from < register_to AND register_to <= review_to AND review_to <= results_at
    AND results_at <= confirm_to),
  CHECK ((supplementary_from IS NULL) = (supplementary_to IS NULL)),
  CHECK (supplementary_from IS NULL OR (confirm_to <= supplementary_from AND supplementary_from < supplementary_to)),
  CHECK ((lottery_seed IS NULL) = (lottery_seed_published_at IS NULL)),
  CHECK (lottery_seed IS NULL OR level IN (1, 6))
);
CREATE INDEX admission_rounds_running_unit ON admission_rounds (running_unit_id);
-- The public list of open rounds filters on status and level.
CREATE INDEX admission_rounds_status_level ON admission_rounds (status, level);

-- A published lottery seed is a public commitment: refuse any change to it, whoever asks.
CREATE FUNCTION gds_admission_seed_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.lottery_seed_published_at IS NOT NULL
     AND (NEW.lottery_seed IS DISTINCT FROM OLD.lottery_seed
          OR NEW.lottery_seed_published_at IS DISTINCT FROM OLD.lottery_seed_published_at) THEN
    RAISE EXCEPTION 'the lottery seed of admission round % is published and cannot change', OLD.code
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER admission_rounds_seed_frozen BEFORE UPDATE ON admission_rounds
  FOR EACH ROW EXECUTE FUNCTION gds_admission_seed_frozen();

CREATE TABLE admission_round_schools (
  round_id uuid NOT NULL REFERENCES admission_rounds(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES org_units(id),
  classes int NOT NULL CHECK (classes BETWEEN 1 AND 100),
  pupils_per_class int NOT NULL CHECK (pupils_per_class BETWEEN 1 AND 60),
  seats int GENERATED ALWAYS AS (classes * pupils_per_class) STORED,
  -- Grade 10 'THPT chuyên': allocated first when the round's rules say so.
  specialised boolean NOT NULL DEFAULT false,
  note text CHECK (note IS NULL OR note = normalize(note, NFC)),
  PRIMARY KEY (round_id, school_id)
);
CREATE INDEX admission_round_schools_school ON admission_round_schools (school_id);

-- Grades 1/6: which communes (or villages of a commune) each school takes in first.
CREATE TABLE admission_catchments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL,
  school_id uuid NOT NULL,
  commune_id uuid NOT NULL REFERENCES org_units(id),
  -- NULL: the whole commune; otherwise a village (thôn/tổ dân phố), matched on village_key.
  village text CHECK (village IS NULL OR (village = normalize(village, NFC) AND length(village) BETWEEN 1 AND 120)),
  village_key text GENERATED ALWAYS AS (gds_search_key(village)) STORED,
  FOREIGN KEY (round_id, school_id) REFERENCES admission_round_schools(round_id, school_id) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (round_id, school_id, commune_id, village_key)
);
-- Public look-up "which schools take children from this commune".
CREATE INDEX admission_catchments_commune ON admission_catchments (commune_id, round_id);

-- Who may configure, review and allocate (permissions in platform/access/permissions.ts).
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions
    || ARRAY['admissions.manage', 'admissions.review', 'admissions.allocate']::text[]))
  WHERE code IN ('department_admissions_officer', 'system_admin', 'commune_education_officer');
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['admissions.review']::text[]))
  WHERE code = 'principal';
