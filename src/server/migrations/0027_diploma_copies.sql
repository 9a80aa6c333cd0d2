-- Certified copies from the master register (bản sao văn bằng từ sổ gốc; issue 5 item 5) as a
-- procedure on the dossier engine (BANSAO_VB, seeded in 0004): the request's form, the fee
-- table, the issued copies with their numbers, and the public checks of a copy.
-- Rules: Nghị định 23/2015/NĐ-CP (art. 3, 18–20: a copy from the master register has the
-- original's value; the holder, or a person with an authorisation or a family tie, may ask),
-- Thông tư 21/2019/TT-BGDĐT (art. 30–32), and the published procedure: the copy is issued the
-- same working day when the request arrives before 15:00, otherwise the next working day.
-- Stay within PostgreSQL 15.

-- The procedure's timing: 0 working days from the receipt day, receipt closing at 15:00
-- (calendar.ts: before 15:00 on a working day → due the end of that day; later → the next
-- working day). The online form is the application (đơn đề nghị); proof of the right to ask is
-- required by the module when someone other than the holder applies.
UPDATE procedures SET
  processing_days = 0,
  cutoff_time = '15:00',
  owner_module = 'diploma-copies',
  documents = '[
    {"code":"GIAY_TO_TUY_THAN","nameVi":"Căn cước hoặc hộ chiếu của người đề nghị","nameEn":"Identity card or passport of the applicant","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"UY_QUYEN","nameVi":"Giấy ủy quyền hoặc giấy tờ chứng minh quan hệ với người được cấp văn bằng (khi người khác đề nghị)","nameEn":"Power of attorney or proof of relationship to the holder (when someone else applies)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5}
  ]',
  version = version + 1,
  updated_at = now()
WHERE code = 'BANSAO_VB';

-- The Sở's settings of the procedure (one row): the fee table and what the copy prints.
-- Fees are the province's (Nghị quyết of the HĐND on fees and charges); the seeded figures are
-- placeholders for the demo: staff set the real ones (PUT /api/diploma-copies/settings).
CREATE TABLE diploma_copy_settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  per_copy_vnd integer NOT NULL CHECK (per_copy_vnd BETWEEN 0 AND 10000000),
  postal_vnd integer NOT NULL CHECK (postal_vnd BETWEEN 0 AND 10000000),
  max_copies integer NOT NULL DEFAULT 10 CHECK (max_copies BETWEEN 1 AND 100),
  -- The unit handling the requests (a living 'department'); NULL: the first one found.
  handling_unit_id uuid REFERENCES org_units(id),
  place text NOT NULL CHECK (length(place) BETWEEN 2 AND 100),
  signer_title text[] NOT NULL CHECK (cardinality(signer_title) BETWEEN 1 AND 3),
  -- Printed under the signature; NULL: the signing certificate's name.
  signer_name text CHECK (length(signer_name) BETWEEN 2 AND 150),
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO diploma_copy_settings (per_copy_vnd, postal_vnd, place, signer_title)
  VALUES (10000, 30000, 'Quảng Ngãi', '{"KT. Giám đốc","Phó Giám đốc"}');

-- The form of a request, keyed by its dossier. Personal data kept to what the procedure needs
-- (Nghị định 13/2023/NĐ-CP); the contact is the one proven by a one-time code.
CREATE TABLE diploma_copy_requests (
  dossier_id uuid PRIMARY KEY REFERENCES dossiers(id),
  dossier_code text NOT NULL UNIQUE,
  applicant_key text NOT NULL,
  contact_channel text NOT NULL CHECK (contact_channel IN ('sms', 'email')),
  contact_address text NOT NULL,
  -- Who asks: the holder, someone authorised by the holder, or a relative (parent, spouse,
  -- child, sibling: art. 19 Nghị định 23/2015/NĐ-CP, also for a holder who has died).
  requester_kind text NOT NULL CHECK (requester_kind IN ('holder', 'authorised', 'relative')),
  requester_name text NOT NULL CHECK (length(requester_name) BETWEEN 2 AND 150),
  relationship text CHECK (length(relationship) <= 100),
  -- The diploma as the applicant identifies it.
  holder_name text NOT NULL CHECK (holder_name = normalize(holder_name, NFC) AND length(holder_name) BETWEEN 2 AND 150),
  birth_year smallint NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  birth_month smallint CHECK (birth_month BETWEEN 1 AND 12),
  birth_day smallint CHECK (birth_day BETWEEN 1 AND 31),
  type_code text NOT NULL REFERENCES diploma_types(code),
  graduation_year smallint NOT NULL CHECK (graduation_year BETWEEN 1945 AND 2100),
  school_name text NOT NULL CHECK (length(school_name) BETWEEN 2 AND 200),
  serial text CHECK (length(serial) BETWEEN 1 AND 50),
  copies smallint NOT NULL CHECK (copies BETWEEN 1 AND 100),
  delivery text NOT NULL CHECK (delivery IN ('pickup', 'post')),
  postal_address text CHECK (length(postal_address) BETWEEN 10 AND 300),
  CHECK ((delivery = 'post') = (postal_address IS NOT NULL)),
  -- The fee as computed and shown before submission (the table may change later).
  fee_per_copy_vnd integer NOT NULL CHECK (fee_per_copy_vnd >= 0),
  fee_postal_vnd integer NOT NULL CHECK (fee_postal_vnd >= 0),
  fee_total_vnd integer NOT NULL CHECK (fee_total_vnd = fee_per_copy_vnd * copies + fee_postal_vnd),
  -- The register entry staff matched (diploma_entries; set when the copy is issued).
  entry_id uuid REFERENCES diploma_entries(id),
  -- After issue: handed over or sent.
  delivery_status text CHECK (delivery_status IN ('ready_for_pickup', 'picked_up', 'posted', 'delivered')),
  delivery_note text CHECK (length(delivery_note) <= 300),
  delivery_updated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diploma_copy_requests_created ON diploma_copy_requests (created_at DESC);

-- Issued copies. The copy number (số bản sao) runs consecutively per year, enforced by the
-- database: (year, seq) is unique and every seq > 1 references its predecessor (year, seq - 1),
-- so a number can be neither repeated nor skipped; rows are never updated or deleted. Issuers
-- take the next number under a transaction-scoped advisory lock per year (a rollback gives the
-- number back). The PDF is kept in storage (stored_files, SHA-256) as signed.
CREATE TABLE diploma_copies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL UNIQUE REFERENCES diploma_copy_requests(dossier_id),
  entry_id uuid NOT NULL REFERENCES diploma_entries(id),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  seq int NOT NULL CHECK (seq >= 1),
  prev_seq int GENERATED ALWAYS AS (NULLIF(seq - 1, 0)) STORED,
  copy_number text GENERATED ALWAYS AS (seq::text || '/' || year::text || '/BS') STORED,
  -- Printed on the copy beside its number, asked for by the public check with the number.
  check_code text NOT NULL CHECK (check_code ~ '^[0-9A-Z]{8}$'),
  file_id uuid NOT NULL REFERENCES stored_files(id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  copies smallint NOT NULL CHECK (copies BETWEEN 1 AND 100),
  -- The public fields as printed (name, type, year, serial, issuing unit), for the public check.
  public_fields jsonb NOT NULL,
  signer_name text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  issued_by uuid,
  UNIQUE (year, seq),
  FOREIGN KEY (year, prev_seq) REFERENCES diploma_copies (year, seq)
);
CREATE UNIQUE INDEX diploma_copies_number ON diploma_copies (copy_number);
CREATE INDEX diploma_copies_entry ON diploma_copies (entry_id);

CREATE OR REPLACE FUNCTION gds_diploma_copies_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'diploma_copies is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
-- Row triggers only: a restore's TRUNCATE … CASCADE must still be able to empty the table.
CREATE TRIGGER diploma_copies_no_update BEFORE UPDATE OR DELETE ON diploma_copies
  FOR EACH ROW EXECUTE FUNCTION gds_diploma_copies_append_only();

-- Every public check of a copy: when, whether it matched, a hash of the client address.
CREATE TABLE diploma_copy_verifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  client_hash text NOT NULL,
  matched boolean NOT NULL,
  signature_valid boolean,
  copy_id uuid
);
CREATE INDEX diploma_copy_verifications_at ON diploma_copy_verifications (at);

-- The diploma officer handles the requests' dossiers (the engine's steps and attachments).
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['dossiers.read', 'dossiers.process']::text[]))
  WHERE code = 'diploma_officer';
