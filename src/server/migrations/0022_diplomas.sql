-- The diploma registry (issue 5, items 1–4): master registers of issued diplomas (sổ gốc cấp
-- văn bằng, Thông tư 21/2019/TT-BGDĐT) per type, year and issuing unit; their entries; imports
-- of digitised lists through a staging table; corrections as decisions; the public
-- verification log. Certified copies (issue 5 item 5) will reference diploma_entries(id).
-- Stay within PostgreSQL 15.

-- Diploma types as data (new ones are rows). `classifications`: the values a year may have
-- printed (xếp loại); empty when the type never had one.
CREATE TABLE diploma_types (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,30}$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  classifications text[] NOT NULL DEFAULT '{}',
  sort_order int NOT NULL DEFAULT 0
);
INSERT INTO diploma_types (code, name_vi, name_en, classifications, sort_order) VALUES
  ('thpt', 'Bằng tốt nghiệp trung học phổ thông', 'Upper-secondary school graduation diploma',
    '{Giỏi,Khá,Trung bình}', 10),
  ('bt_thpt', 'Bằng tốt nghiệp bổ túc trung học phổ thông', 'Complementary upper-secondary graduation diploma',
    '{Giỏi,Khá,Trung bình}', 20),
  ('thcs', 'Bằng tốt nghiệp trung học cơ sở', 'Lower-secondary school graduation diploma',
    '{Giỏi,Khá,Trung bình}', 30),
  ('bt_thcs', 'Bằng tốt nghiệp bổ túc trung học cơ sở', 'Complementary lower-secondary graduation diploma',
    '{Giỏi,Khá,Trung bình}', 40);

-- One master register per (type, year, issuing unit). Register numbers run consecutively per
-- year and type *within one issuing authority* (TT 21/2019, art. 19), so the former Sở GDĐT
-- Kon Tum and the Sở GDĐT Quảng Ngãi each have a register for THPT 2010 whose numbers both
-- start at 1: the issuing unit belongs to the key. The unit is the org unit as it was (the
-- expired former Sở stays a unit, a historical child of today's Sở, so scopes cover it) and its
-- name as printed on the diplomas then.
CREATE TABLE diploma_registers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type_code text NOT NULL REFERENCES diploma_types(code),
  year smallint NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  issuing_unit_id uuid NOT NULL REFERENCES org_units(id),
  issuing_unit_name text NOT NULL CHECK (issuing_unit_name = normalize(issuing_unit_name, NFC)
    AND length(issuing_unit_name) BETWEEN 2 AND 200),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (type_code, year, issuing_unit_id)
);
CREATE INDEX diploma_registers_unit ON diploma_registers (issuing_unit_id);

-- Entries. Dates of birth in old lists may be a year or a month/year only: three columns, the
-- finer ones optional. Names NFC; name_key (accent-free, lower case) and name_words (its
-- words) back the staff search; serial_key (upper case, no spaces or punctuation) backs the
-- serial lookups and the uniqueness of the serial number (số hiệu).
CREATE TABLE diploma_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  register_id uuid NOT NULL REFERENCES diploma_registers(id),
  -- Copies of the register's type and year, for filtering without a join.
  type_code text NOT NULL REFERENCES diploma_types(code),
  year smallint NOT NULL CHECK (year BETWEEN 1945 AND 2100),
  register_no text NOT NULL CHECK (register_no = btrim(register_no) AND length(register_no) BETWEEN 1 AND 50),
  serial text CHECK (serial = btrim(serial) AND length(serial) BETWEEN 1 AND 50),
  serial_key text GENERATED ALWAYS AS (upper(regexp_replace(serial, '[[:space:].\-/]', '', 'g'))) STORED,
  full_name text NOT NULL CHECK (full_name = normalize(full_name, NFC) AND length(full_name) BETWEEN 2 AND 150),
  name_key text GENERATED ALWAYS AS (gds_search_key(full_name)) STORED,
  name_words text[] GENERATED ALWAYS AS (string_to_array(gds_search_key(full_name), ' ')) STORED,
  birth_year smallint NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  birth_month smallint CHECK (birth_month BETWEEN 1 AND 12),
  birth_day smallint CHECK (birth_day BETWEEN 1 AND 31),
  CHECK (birth_day IS NULL OR birth_month IS NOT NULL),
  birth_place text CHECK (length(birth_place) <= 200),
  gender text CHECK (gender IN ('male', 'female')),
  ethnicity text CHECK (length(ethnicity) <= 50),
  -- The school or exam council (hội đồng thi) as printed; linked to a unit when known.
  school_name text NOT NULL CHECK (length(school_name) BETWEEN 2 AND 200),
  school_key text GENERATED ALWAYS AS (gds_search_key(school_name)) STORED,
  school_unit_id uuid REFERENCES org_units(id),
  classification text CHECK (length(classification) <= 50),
  decision_no text CHECK (length(decision_no) <= 100),
  decision_date date,
  -- Scanned pages of the register (stored_files ids).
  page_file_ids uuid[] NOT NULL DEFAULT '{}',
  import_id uuid,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (register_id, register_no)
);
-- Serial lookups (staff and public): equality on serial_key.
CREATE UNIQUE INDEX diploma_entries_serial ON diploma_entries (serial_key) WHERE serial_key IS NOT NULL;
-- Name search: every word of the query is a word of the name (GIN "fast scan" skips through
-- the long lists of common words such as "nguyen" using the rarest word's list).
CREATE INDEX diploma_entries_name_words ON diploma_entries USING gin (name_words);
-- Name order (results are listed by name_key in C order: the key is accent-free) and
-- whole-name prefix search (LIKE 'nguyen van a%').
CREATE INDEX diploma_entries_name ON diploma_entries ((name_key COLLATE "C"), birth_year, id);
CREATE INDEX diploma_entries_year ON diploma_entries (type_code, year);

-- Corrections (đính chính văn bằng) as decisions: what changed, before and after, by whose
-- decision. Never a silent edit: the entry's row changes only together with one of these.
CREATE TABLE diploma_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL REFERENCES diploma_entries(id),
  decision_no text NOT NULL CHECK (length(decision_no) BETWEEN 1 AND 100),
  decision_date date NOT NULL,
  signer text NOT NULL CHECK (length(signer) BETWEEN 2 AND 150),
  reason text NOT NULL CHECK (length(reason) BETWEEN 2 AND 2000),
  -- [{ "field": "fullName", "before": …, "after": … }]
  changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE INDEX diploma_corrections_entry ON diploma_corrections (entry_id, created_at);

-- Imports of digitised lists. The file is kept in storage; the page polls the counters.
CREATE TABLE diploma_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status text NOT NULL CHECK (status IN ('uploaded', 'validating', 'validated', 'importing', 'done', 'failed')),
  filename text NOT NULL,
  format text NOT NULL CHECK (format IN ('xlsx', 'csv')),
  storage_key text NOT NULL,
  headers jsonb NOT NULL,
  sample jsonb NOT NULL,
  mapping jsonb,
  -- Values for every row: type, year, issuing unit (when the file has no such column).
  defaults jsonb,
  issuing_unit_id uuid NOT NULL REFERENCES org_units(id),
  total_rows int NOT NULL DEFAULT 0,
  processed_rows int NOT NULL DEFAULT 0,
  valid_rows int NOT NULL DEFAULT 0,
  error_rows int NOT NULL DEFAULT 0,
  existing_rows int NOT NULL DEFAULT 0,
  inserted_rows int NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE INDEX diploma_imports_unit ON diploma_imports (issuing_unit_id, created_at DESC);

-- The staging table of an import: every row of the file as mapped and parsed, with its
-- problems. Unlogged: it is rebuilt from the stored file if lost, and it is written at the
-- speed of a bulk load. Rows are removed when the import is done.
CREATE UNLOGGED TABLE diploma_import_rows (
  import_id uuid NOT NULL,
  row_no int NOT NULL,
  type_code text,
  year smallint,
  register_no text,
  serial text,
  serial_key text,
  full_name text,
  birth_year smallint,
  birth_month smallint,
  birth_day smallint,
  birth_place text,
  gender text,
  ethnicity text,
  school_name text,
  classification text,
  decision_no text,
  decision_date date,
  -- [{ "field": "birthDate", "code": "bad_date" }, …]; NULL when the row is valid.
  problems jsonb,
  -- 'new', 'existing' (the same entry is already in the registry), 'error'.
  outcome text,
  PRIMARY KEY (import_id, row_no)
);

-- Every public verification: when, whether it matched, and hashes of what identifies the
-- person and the client (never the name, serial or address in clear).
CREATE TABLE diploma_verifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  client_hash text NOT NULL,
  serial_hash text NOT NULL,
  name_hash text NOT NULL,
  with_birth_date boolean NOT NULL,
  matched boolean NOT NULL,
  entry_id uuid
);
CREATE INDEX diploma_verifications_at ON diploma_verifications (at);
CREATE INDEX diploma_verifications_entry ON diploma_verifications (entry_id) WHERE entry_id IS NOT NULL;

-- ── Roles ──────────────────────────────────────────────────────────────────────────────────
INSERT INTO roles (code, name_vi, name_en, permissions, sort_order) VALUES
  ('diploma_officer', 'Cán bộ quản lý văn bằng, chứng chỉ', 'Diploma registry officer',
    '{diplomas.read,diplomas.manage}', 46);
-- The system administrator grants the role (and so must hold its permissions); the Sở's
-- leadership reads the registry.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['diplomas.read', 'diplomas.manage']::text[]))
  WHERE code = 'system_admin';
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['diplomas.read']::text[]))
  WHERE code = 'department_leader';
