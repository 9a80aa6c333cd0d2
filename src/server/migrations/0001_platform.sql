-- Platform foundation: extensions, the diacritic-insensitive search key, Vietnamese collation,
-- the append-only audit log, stored files and settings. Stay within PostgreSQL 15.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Vietnamese sort order ("Anh" < "Ăn" < "Ân" < "Bình" < "Dũng" < "Đào"), ICU.
CREATE COLLATION IF NOT EXISTS vi (provider = icu, locale = 'vi-VN');

-- Search key: lower case, accents removed, "đ" folded to "d" explicitly (not every unaccent
-- rules file folds it). unaccent() is STABLE; naming the dictionary makes the wrapper safe to
-- declare IMMUTABLE so that it can back generated columns and indexes.
CREATE OR REPLACE FUNCTION gds_search_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, translate(t, 'đĐ', 'dD'))) $$;

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every state-changing action: who, when, what, the unit concerned, before and after.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  unit_id uuid,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_unit ON audit_log (unit_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);

-- Append-only at the database level: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE OR REPLACE FUNCTION gds_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION gds_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION gds_audit_append_only();

-- Files kept by the storage driver (local disk or S3); content addressed by sha256 for fixity.
CREATE TABLE stored_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  storage_key text NOT NULL UNIQUE,
  filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid
);
CREATE INDEX stored_files_sha ON stored_files (sha256);
