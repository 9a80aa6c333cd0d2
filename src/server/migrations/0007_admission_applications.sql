-- Public applications to admission rounds (issue 3, item 2). The dossier engine holds the state,
-- code, receipt, deadline and timeline (dossiers); this table holds what the admission form needs.
-- The child's personal identification number is never stored: only its keyed hash (HMAC with the
-- server secret, label 'personal-id'), Decree 13/2023/NĐ-CP on personal data.

CREATE TABLE admission_applications (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
  round_id uuid NOT NULL REFERENCES admission_rounds(id),
  dossier_code text NOT NULL UNIQUE,
  -- keyedHash(secret, 'personal-id', personalId): matches the child, cannot be reversed.
  applicant_key text NOT NULL CHECK (applicant_key ~ '^[0-9a-f]{64}$'),
  child_name text NOT NULL CHECK (child_name = normalize(child_name, NFC) AND length(child_name) BETWEEN 2 AND 120),
  date_of_birth date NOT NULL,
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  residence_commune_id uuid NOT NULL REFERENCES org_units(id),
  residence_village text CHECK (residence_village IS NULL OR residence_village = normalize(residence_village, NFC)),
  -- 'confirmed': the parent confirmed the registry's residence; 'correction': asked for a
  -- correction (reason required); 'unregistered': the registry did not know the child.
  residence_status text NOT NULL CHECK (residence_status IN ('confirmed', 'correction', 'unregistered')),
  correction_reason text CHECK ((residence_status = 'correction') = (correction_reason IS NOT NULL)),
  registry_match boolean NOT NULL,
  -- Ordered school ids (org_units), validated against the round's schools and wishCount.
  wishes uuid[] NOT NULL CHECK (cardinality(wishes) BETWEEN 1 AND 5),
  first_wish_id uuid GENERATED ALWAYS AS (wishes[1]) STORED,
  priority_group text,
  contact_channel text NOT NULL CHECK (contact_channel IN ('sms', 'email')),
  contact_address text NOT NULL,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Staff search "q": the dossier code and the child's name without accents.
  search_key text GENERATED ALWAYS AS (gds_search_key(dossier_code || ' ' || child_name)) STORED
);
-- The staff queue: one round, by first-wish school.
CREATE INDEX admission_applications_round_school ON admission_applications (round_id, first_wish_id);
CREATE INDEX admission_applications_applicant ON admission_applications (round_id, applicant_key);
-- Backs "q" (ILIKE '%…%' on search_key).
CREATE INDEX admission_applications_search ON admission_applications USING gin (search_key gin_trgm_ops);

-- Every edit keeps the version it replaced (issue 3: "edits until the deadline keep a history").
CREATE TABLE admission_application_versions (
  dossier_id uuid NOT NULL REFERENCES admission_applications(dossier_id),
  version int NOT NULL,
  data jsonb NOT NULL,
  edited_at timestamptz NOT NULL DEFAULT now(),
  -- 'applicant', or the id of the staff user who edited it.
  edited_by text NOT NULL,
  PRIMARY KEY (dossier_id, version)
);

-- A parent's server-side draft: survives a dropped connection and a closed tab. One per child,
-- round and verified contact; removed when the application is filed.
CREATE TABLE admission_application_drafts (
  round_id uuid NOT NULL REFERENCES admission_rounds(id) ON DELETE CASCADE,
  applicant_key text NOT NULL CHECK (applicant_key ~ '^[0-9a-f]{64}$'),
  contact_address text NOT NULL,
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, applicant_key, contact_address)
);
