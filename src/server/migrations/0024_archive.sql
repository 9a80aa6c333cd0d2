-- The electronic archive (issue 5, items 6–9): fonds (phông lưu trữ) → files (hồ sơ) →
-- documents (văn bản, tài liệu), described with the file-level metadata of Thông tư
-- 05/2025/TT-BNV; read requests for restricted files and their approval; an access log of every
-- read; fixity checks of the stored files. Stay within PostgreSQL 15.

-- A fonds: all the records of one creating body (Luật Lưu trữ 2024, art. 2). The former Sở GDĐT
-- Kon Tum keeps its own fonds, closed in 2025; its unit is the expired former Sở.
CREATE TABLE archive_fonds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The creating body's identifier (mã định danh điện tử, e.g. 000.00.31.H48): the first part
  -- of every file code in the fonds.
  org_identifier text NOT NULL UNIQUE CHECK (org_identifier ~ '^[0-9A-Z]{2,4}(\.[0-9A-Z]{2,4}){1,4}$'),
  name text NOT NULL CHECK (name = normalize(name, NFC) AND length(name) BETWEEN 2 AND 300),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  unit_name text NOT NULL CHECK (length(unit_name) BETWEEN 2 AND 200),
  start_year smallint NOT NULL CHECK (start_year BETWEEN 1900 AND 2100),
  end_year smallint CHECK (end_year BETWEEN 1900 AND 2100),
  CHECK (end_year IS NULL OR end_year >= start_year),
  description text CHECK (length(description) <= 4000),
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX archive_fonds_unit ON archive_fonds (unit_id);

-- A file (hồ sơ) with the metadata of Thông tư 05/2025/TT-BNV. The code is
-- <org identifier>.<year>.<number> (mã hồ sơ); the creating unit is stored as it was then.
CREATE TABLE archive_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fonds_id uuid NOT NULL REFERENCES archive_fonds(id),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{2,4}(\.[0-9A-Z]{2,4}){1,4}\.(19|20)[0-9]{2}\.[0-9A-Z-]{1,20}$'),
  year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2100),
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 2 AND 1000),
  -- NULL: kept permanently (vĩnh viễn); else the number of years.
  retention_years smallint CHECK (retention_years BETWEEN 1 AND 100),
  access_level text NOT NULL CHECK (access_level IN ('public', 'internal', 'restricted')),
  language text NOT NULL DEFAULT 'vi' CHECK (language ~ '^[a-z]{2,3}$'),
  start_date date NOT NULL,
  end_date date NOT NULL,
  CHECK (end_date >= start_date),
  keywords text[] NOT NULL DEFAULT '{}',
  document_count int NOT NULL DEFAULT 0 CHECK (document_count >= 0),
  sheet_count int NOT NULL DEFAULT 0 CHECK (sheet_count >= 0),
  page_count int NOT NULL DEFAULT 0 CHECK (page_count >= 0),
  -- original: born electronic or the paper original; digitised: a scan of a paper file, which
  -- must name the paper original (ký hiệu hồ sơ giấy) and its physical condition.
  reliability text NOT NULL CHECK (reliability IN ('original', 'digitised', 'copy')),
  physical_condition text CHECK (length(physical_condition) <= 500),
  paper_code text CHECK (length(paper_code) BETWEEN 1 AND 100),
  CHECK (reliability <> 'digitised' OR paper_code IS NOT NULL),
  backup_status text NOT NULL DEFAULT 'none' CHECK (backup_status IN ('none', 'backed_up', 'verified')),
  creator_unit_id uuid NOT NULL REFERENCES org_units(id),
  creator_unit_name text NOT NULL CHECK (length(creator_unit_name) BETWEEN 2 AND 200),
  -- A file that came in from a decided dossier: at most one file per dossier.
  source_dossier_id uuid UNIQUE REFERENCES dossiers(id),
  search_key text GENERATED ALWAYS AS (gds_search_key(title || ' ' || code)) STORED,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE INDEX archive_files_fonds ON archive_files (fonds_id, year);
-- Backs the ILIKE '%word%' search over titles and codes.
CREATE INDEX archive_files_search ON archive_files USING gin (search_key gin_trgm_ops);
CREATE INDEX archive_files_keywords ON archive_files USING gin (keywords);

-- Numbers of files made automatically, per fonds and year.
CREATE TABLE archive_file_counters (
  fonds_id uuid NOT NULL REFERENCES archive_fonds(id),
  year smallint NOT NULL,
  last_value int NOT NULL,
  PRIMARY KEY (fonds_id, year)
);

CREATE TABLE archive_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id uuid NOT NULL REFERENCES archive_files(id),
  seq int NOT NULL CHECK (seq > 0),
  -- Số, ký hiệu văn bản and its date, when it has them.
  doc_number text CHECK (length(doc_number) <= 100),
  doc_date date,
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 2 AND 1000),
  author text CHECK (length(author) <= 300),
  page_count int CHECK (page_count >= 0),
  stored_file_id uuid REFERENCES stored_files(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (file_id, seq)
);
CREATE INDEX archive_documents_stored ON archive_documents (stored_file_id);

-- Requests to read a restricted file, decided by an archivist with a reason and a period.
CREATE TABLE archive_read_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id uuid NOT NULL REFERENCES archive_files(id),
  requester_id uuid NOT NULL REFERENCES users(id),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 5 AND 2000),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_reason text CHECK (length(decision_reason) <= 2000),
  valid_until date,
  CHECK (state <> 'approved' OR valid_until IS NOT NULL),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX archive_read_requests_file ON archive_read_requests (file_id, requester_id);
CREATE INDEX archive_read_requests_pending ON archive_read_requests (created_at) WHERE state = 'pending';

-- Every read of a file's description with its documents, or of a document's content.
CREATE TABLE archive_access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id uuid NOT NULL REFERENCES archive_files(id),
  document_id uuid REFERENCES archive_documents(id),
  action text NOT NULL CHECK (action IN ('view_file', 'read_document')),
  user_id uuid REFERENCES users(id),
  actor_name text,
  ip text,
  -- The ground on which it was allowed: public, internal (staff), archivist, request.
  ground text NOT NULL CHECK (ground IN ('public', 'internal', 'archivist', 'request')),
  request_id uuid REFERENCES archive_read_requests(id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX archive_access_log_file ON archive_access_log (file_id, at);

-- Fixity (Archivematica's term): each re-hash of a document's stored file.
CREATE TABLE archive_fixity_checks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id uuid NOT NULL,
  document_id uuid NOT NULL REFERENCES archive_documents(id),
  stored_file_id uuid NOT NULL REFERENCES stored_files(id),
  expected_sha256 text NOT NULL,
  actual_sha256 text,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'mismatch', 'missing')),
  checked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX archive_fixity_checks_run ON archive_fixity_checks (run_id);
CREATE INDEX archive_fixity_checks_bad ON archive_fixity_checks (checked_at) WHERE outcome <> 'ok';

-- ── Roles ──────────────────────────────────────────────────────────────────────────────────
INSERT INTO roles (code, name_vi, name_en, permissions, sort_order) VALUES
  ('archivist', 'Cán bộ lưu trữ', 'Archivist', '{archive.manage}', 47);
-- The system administrator grants the role and so must hold it; the Sở's leaders see the archive.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['archive.manage']::text[]))
  WHERE code IN ('system_admin', 'department_leader');
