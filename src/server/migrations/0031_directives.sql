-- Directives (văn bản chỉ đạo, công văn) of issue 6, item 2: a unit sends a directive to a set
-- of units chosen by type, school level, commune or list (materialised when it is issued, so the
-- list of recipients is history, not a query), with a deadline and a required response; each
-- recipient's first read, answer (amendable until the deadline, every version kept) and
-- reminders are recorded.

CREATE TABLE directives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer_unit_id uuid NOT NULL REFERENCES org_units(id),
  -- The issuing unit's name when the directive was made (units are renamed and merged).
  issuer_unit_name text NOT NULL,
  -- Số ký hiệu, e.g. "1234/SGDĐT-GDTrH" (Nghị định 30/2020/NĐ-CP, Phụ lục I); required to issue.
  number text CHECK (number = normalize(number, NFC) AND length(number) BETWEEN 1 AND 60),
  doc_date date,
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 3 AND 500),
  summary text NOT NULL DEFAULT '' CHECK (summary = normalize(summary, NFC) AND length(summary) <= 10000),
  response_kind text NOT NULL CHECK (response_kind IN ('none', 'confirm', 'text', 'report')),
  -- A calendar day in Vietnam: an answer on that day is on time.
  deadline date,
  -- How the recipients are chosen (by unit type, school level, commune's schools, or a list).
  selection jsonb NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'issued', 'closed')),
  issued_at timestamptz,
  issued_by uuid REFERENCES users(id),
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  search_key text GENERATED ALWAYS AS (gds_search_key(coalesce(number, '') || ' ' || title)) STORED,
  CHECK ((state = 'draft') = (issued_at IS NULL)),
  CHECK (state = 'draft' OR (number IS NOT NULL AND doc_date IS NOT NULL))
);
CREATE INDEX directives_issuer ON directives (issuer_unit_id, created_at DESC);
CREATE INDEX directives_search ON directives USING gin (search_key gin_trgm_ops);
CREATE UNIQUE INDEX directives_number ON directives (issuer_unit_id, number, (extract(year FROM doc_date)))
  WHERE state <> 'draft';

CREATE TABLE directive_attachments (
  directive_id uuid NOT NULL REFERENCES directives(id),
  stored_file_id uuid NOT NULL REFERENCES stored_files(id),
  seq int NOT NULL,
  PRIMARY KEY (directive_id, stored_file_id)
);

-- One row per recipient unit, written when the directive is issued. The response kind and the
-- deadline are copied from the directive (fixed once issued) and the day the unit complied is
-- kept, so that counts of read / answered / late need no join (directives.read-model.ts).
CREATE TABLE directive_recipients (
  directive_id uuid NOT NULL REFERENCES directives(id),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  unit_name text NOT NULL,
  response_kind text NOT NULL CHECK (response_kind IN ('none', 'confirm', 'text', 'report')),
  deadline date,
  -- The calendar day in Vietnam the unit complied: first answer, or first read when none is required.
  complied_on date,
  first_read_at timestamptz,
  first_read_by uuid REFERENCES users(id),
  -- The first answer decides lateness; the last one is what the issuer reads.
  first_answered_at timestamptz,
  answered_at timestamptz,
  answered_by uuid REFERENCES users(id),
  response_version int NOT NULL DEFAULT 0,
  PRIMARY KEY (directive_id, unit_id)
);
CREATE INDEX directive_recipients_unit ON directive_recipients (unit_id, directive_id);

-- Every version of every answer (append-only history).
CREATE TABLE directive_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  directive_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  version int NOT NULL,
  text text NOT NULL DEFAULT '' CHECK (text = normalize(text, NFC) AND length(text) <= 10000),
  file_ids uuid[] NOT NULL DEFAULT '{}',
  answered_by uuid NOT NULL REFERENCES users(id),
  answered_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (directive_id, unit_id) REFERENCES directive_recipients(directive_id, unit_id),
  UNIQUE (directive_id, unit_id, version)
);

-- Reminders sent: at most one per directive, unit and day (the key makes the job idempotent).
CREATE TABLE directive_reminders (
  directive_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  day date NOT NULL,
  source text NOT NULL CHECK (source IN ('manual', 'scheduled')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  notified int NOT NULL DEFAULT 0,
  PRIMARY KEY (directive_id, unit_id, day),
  FOREIGN KEY (directive_id, unit_id) REFERENCES directive_recipients(directive_id, unit_id)
);

-- Which units a grant speaks for when reading and answering directives: the unit it is held on;
-- on a province also its Sở (department); on a Sở division the Sở; on a commune-level unit also
-- its People's Committee and that committee's Culture–Society division (the commune's offices).
-- A grant does NOT speak for the schools below it: a school answers for itself.
CREATE VIEW directive_speakers (grant_unit_id, unit_id) AS
  SELECT g.id, g.id FROM org_units g
  UNION ALL
  SELECT g.id, c.id FROM org_units g JOIN org_units c ON c.parent_id = g.id
    WHERE g.type_code = 'province' AND c.type_code = 'department'
  UNION ALL
  SELECT g.id, g.parent_id FROM org_units g WHERE g.type_code = 'division' AND g.parent_id IS NOT NULL
  UNION ALL
  SELECT g.id, c.id FROM org_units g JOIN org_units c ON c.parent_id = g.id
    WHERE g.type_code IN ('commune', 'ward', 'special_zone') AND c.type_code = 'commune_committee'
  UNION ALL
  SELECT g.id, v.id FROM org_units g JOIN org_units c ON c.parent_id = g.id JOIN org_units v ON v.parent_id = c.id
    WHERE g.type_code IN ('commune', 'ward', 'special_zone') AND c.type_code = 'commune_committee'
      AND v.type_code = 'culture_society_division';

-- ── Roles (steering design: issue for the Sở and communes; respond also for principals) ────
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['directives.issue', 'directives.respond']::text[]))
  WHERE code IN ('department_leader', 'department_staff', 'commune_education_officer');
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['directives.respond']::text[]))
  WHERE code = 'principal';
