-- Accounts, roles granted on a unit (applying to its subtree), sessions and login throttling.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,60}$'),
  full_name text NOT NULL CHECK (full_name = normalize(full_name, NFC)),
  -- Vietnamese names sort by the given name (the last word), then the whole name.
  given_name text GENERATED ALWAYS AS (regexp_replace(full_name, '^.*\s', '')) STORED,
  email text,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  locale text NOT NULL DEFAULT 'vi',
  password_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_key text GENERATED ALWAYS AS (gds_search_key(full_name || ' ' || username)) STORED
);
CREATE INDEX users_search ON users USING gin (search_key gin_trgm_ops);

CREATE TABLE roles (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  permissions text[] NOT NULL,
  sort_order int NOT NULL DEFAULT 0
);

-- Permissions are named in code (src/server/platform/access/permissions.ts); roles are data.
-- Domain modules add their permissions to these roles in their own migrations.
INSERT INTO roles (code, name_vi, name_en, permissions, sort_order) VALUES
  ('system_admin', 'Quản trị hệ thống', 'System administrator',
    '{org.manage,users.read,users.manage,audit.read}', 10),
  ('department_leader', 'Lãnh đạo Sở', 'Department leader', '{users.read,audit.read}', 20),
  ('department_admissions_officer', 'Cán bộ tuyển sinh của Sở', 'Department admissions officer', '{}', 30),
  ('department_staff', 'Chuyên viên Sở', 'Department staff', '{}', 40),
  ('commune_education_officer', 'Cán bộ phụ trách giáo dục của xã', 'Commune education officer',
    '{org.manage,users.read,users.manage,audit.read}', 50),
  ('principal', 'Hiệu trưởng', 'Principal', '{org.manage,users.read,users.manage,audit.read}', 60),
  ('teacher', 'Giáo viên', 'Teacher', '{}', 70),
  ('school_it', 'Cán bộ phụ trách CNTT của trường', 'School IT officer', '{users.read}', 80);

CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  role_code text NOT NULL REFERENCES roles(code),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  UNIQUE (user_id, role_code, unit_id)
);
CREATE INDEX role_grants_unit ON role_grants (unit_id);

-- The cookie holds a random token; only its SHA-256 is stored, so a database leak gives no sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed sign-ins per client address, for throttling (per-account lockout lives on users).
CREATE TABLE login_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  ip text NOT NULL,
  username text
);
CREATE INDEX login_failures_ip ON login_failures (ip, at);
