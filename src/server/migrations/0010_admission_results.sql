-- Published admission results (issue 3, item 5): when a round is published, the final
-- allocation run's results are copied here, one row per application of the round, with the
-- explanation already worded in Vietnamese and English. The public lookup reads only this table
-- (by dossier code), never the allocation tables. Then families confirm enrolment by the round's
-- confirm_to; unconfirmed seats are released after it; a supplementary round may offer them.
-- The service rules live in src/server/modules/admissions/results; the checks here are the backstop.

-- One publication per round: which final run was published, when, by whom; when seats were released.
CREATE TABLE admission_result_publications (
  round_id uuid PRIMARY KEY REFERENCES admission_rounds(id),
  run_id uuid NOT NULL REFERENCES admission_allocation_runs(id),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by uuid,
  released_at timestamptz,
  released_by uuid
);

CREATE TABLE admission_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES admission_result_publications(round_id),
  dossier_id uuid NOT NULL UNIQUE REFERENCES admission_applications(dossier_id),
  -- The public lookup's key (admission_applications.dossier_code, copied: one index, one row).
  dossier_code text NOT NULL UNIQUE,
  -- Copied from the application for the lookup's identity check: the keyed hash of the personal
  -- ID (never the ID, Decree 13/2023/NĐ-CP) and the date of birth.
  applicant_key text NOT NULL CHECK (applicant_key ~ '^[0-9a-f]{64}$'),
  date_of_birth date NOT NULL,
  -- 'not_considered': the application was withdrawn or refused before the final run.
  outcome text NOT NULL CHECK (outcome IN ('admitted', 'not_admitted', 'not_considered')),
  school_id uuid REFERENCES org_units(id),
  -- 1-based rank of the admitted wish among the application's wishes.
  wish smallint CHECK (wish BETWEEN 1 AND 5),
  -- The allocation's reason (in_catchment, lottery, seats_full, … or the grade-10 outcome).
  reason text NOT NULL,
  explanation_vi text NOT NULL,
  explanation_en text NOT NULL,
  -- pending → confirmed (by the family online, or recorded by the school in person), or
  -- pending → released (not confirmed by confirm_to). Not admitted: not_applicable.
  confirmation text NOT NULL CHECK (confirmation IN ('pending', 'confirmed', 'released', 'not_applicable')),
  confirmed_at timestamptz,
  -- 'applicant' (online, with a one-time code) or the id of the staff user who recorded it.
  confirmed_by text,
  confirmed_channel text CHECK (confirmed_channel IN ('online', 'in_person')),
  released_at timestamptz,
  -- Bumped by every change, so the lookup's ETag moves with it.
  version int NOT NULL DEFAULT 1,
  CHECK ((outcome = 'admitted') = (school_id IS NOT NULL)),
  CHECK ((outcome = 'admitted') = (wish IS NOT NULL)),
  CHECK ((outcome = 'admitted') = (confirmation <> 'not_applicable')),
  CHECK ((confirmation = 'confirmed') = (confirmed_at IS NOT NULL AND confirmed_by IS NOT NULL
    AND confirmed_channel IS NOT NULL)),
  CHECK ((confirmation = 'released') = (released_at IS NOT NULL))
);
-- Staff list of a round and seats released per school.
CREATE INDEX admission_results_round_school ON admission_results (round_id, school_id, confirmation);
-- Eligibility for the supplementary round: a child's results in the parent round.
CREATE INDEX admission_results_applicant ON admission_results (round_id, applicant_key);

-- A supplementary round made from a parent round's released seats: its eligible children are
-- those of the parent round who were not admitted or whose seat was released.
CREATE TABLE admission_supplementary_rounds (
  round_id uuid PRIMARY KEY REFERENCES admission_rounds(id),
  parent_round_id uuid NOT NULL UNIQUE REFERENCES admission_result_publications(round_id),
  -- [{schoolId, released, seats}]: the seats released per school and the capacity given.
  seats jsonb NOT NULL CHECK (jsonb_typeof(seats) = 'array'),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
