-- One-time codes for parents without an account (platform/otp), the access log of the
-- population registry (modules/population), and the SYNTHETIC residents behind the demo
-- registry. Children's data is sensitive personal data (Decree 13/2023/NĐ-CP): the logs hold
-- keyed hashes (HMAC-SHA256 with the server secret in settings 'secret.hmac'), never a raw
-- personal ID, phone number, e-mail or code. Stay within PostgreSQL 15.

-- A code sent to a phone or e-mail. Valid 5 minutes, at most 5 verification attempts; only the
-- newest code of an address and purpose counts. Throttling counts rows of this table (per
-- address and per client), under advisory locks, so that every app node agrees.
CREATE TABLE otp_codes (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  purpose text NOT NULL,
  address_hash text NOT NULL,
  client_hash text NOT NULL,
  code_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  used_at timestamptz
);
-- Backs "codes for this address in the last 10 minutes" and "the newest code of this address".
CREATE INDEX otp_codes_address ON otp_codes (address_hash, created_at DESC);
-- Backs "codes asked from this client in the last hour".
CREATE INDEX otp_codes_client ON otp_codes (client_hash, created_at);

-- A verified contact: the token (only its SHA-256 here) is the proof the public application
-- endpoints accept, for one purpose, for 60 minutes. The address is kept because it is what
-- was proven: the application records it as the parent's contact.
CREATE TABLE otp_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  purpose text NOT NULL,
  address text NOT NULL,
  address_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX otp_sessions_expires ON otp_sessions (expires_at);

-- Every access to the population registry: who (a user, a system task, or the public with a
-- hash of the client address and the OTP session), why, which child (hashed) or which commune
-- cohort, and whether it was found (null while the registry answers or when it failed).
-- Also what the public rate limits count.
CREATE TABLE population_lookups (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'public', 'system')),
  actor_id uuid,
  actor_name text,
  client_hash text,
  otp_session_id uuid,
  purpose text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('child', 'cohort')),
  personal_id_hash text CHECK ((kind = 'child') = (personal_id_hash IS NOT NULL)),
  commune_id uuid,
  found boolean,
  result_count int,
  request_id text
);
CREATE INDEX population_lookups_client ON population_lookups (client_hash, at) WHERE client_hash IS NOT NULL;
CREATE INDEX population_lookups_session ON population_lookups (otp_session_id) WHERE otp_session_id IS NOT NULL;
CREATE INDEX population_lookups_subject ON population_lookups (personal_id_hash, at) WHERE personal_id_hash IS NOT NULL;

-- SYNTHETIC DATA ONLY. Invented children of the demo province for the demo PopulationRegistry
-- (src/server/demo/residents): no row describes a real person. A real deployment reads the
-- national population database through its connector and leaves this table empty.
CREATE TABLE demo_residents (
  personal_id text PRIMARY KEY CHECK (personal_id ~ '^[0-9]{12}$'),
  full_name text NOT NULL CHECK (full_name = normalize(full_name, NFC)),
  -- Vietnamese names sort by the given name (the last word), as on users.
  given_name text GENERATED ALWAYS AS (regexp_replace(full_name, '^.*\s', '')) STORED,
  date_of_birth date NOT NULL,
  gender text NOT NULL CHECK (gender IN ('male', 'female')),
  ethnicity text NOT NULL,
  permanent_commune_id uuid NOT NULL REFERENCES org_units(id),
  permanent_village text,
  permanent_address text,
  current_commune_id uuid NOT NULL REFERENCES org_units(id),
  current_village text,
  current_address text,
  -- [{ "fullName": …, "relation": "father" | "mother" | "guardian", "phone": "+84…" | null }]
  guardians jsonb NOT NULL DEFAULT '[]',
  synthetic boolean NOT NULL DEFAULT true CHECK (synthetic),
  -- Why a deliberately tricky record is there (twins, moved family, rare diacritic…).
  note text
);
COMMENT ON TABLE demo_residents IS
  'SYNTHETIC demo residents (invented children, not real people) behind the demo population registry.';
-- Backs "children of a commune born in these years" (listChildrenBornIn), by either residence.
CREATE INDEX demo_residents_permanent ON demo_residents (permanent_commune_id, date_of_birth);
CREATE INDEX demo_residents_current ON demo_residents (current_commune_id, date_of_birth);
