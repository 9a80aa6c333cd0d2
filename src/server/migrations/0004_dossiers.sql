-- The dossier engine ("hồ sơ" of online public services): the working-day calendar, procedure
-- definitions, dossiers with one state machine, their transitions and attachments, dossier
-- codes, idempotency keys, and the notification outbox. Stay within PostgreSQL 15.

-- ── Working-day calendar ────────────────────────────────────────────────────────────────────
-- Days off on top of Saturdays and Sundays ('holiday': public holidays of the Labour Code 2019,
-- Art. 112, compensatory days (Art. 111(3)) and weekdays swapped by the Government), and
-- weekend days that are worked to make up a swapped day ('working_day', "làm bù").
-- Data, not code: staff edit it when the Government announces each year's plan
-- (PUT /api/dossiers/holidays/:day).
CREATE TABLE public_holidays (
  day date PRIMARY KEY,
  name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  kind text NOT NULL DEFAULT 'holiday' CHECK (kind IN ('holiday', 'working_day')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 2025 and 2026: the plans announced for civil servants. 2027: a BEST ESTIMATE (not announced
-- when this was written): Labour Code days with compensatory days for those falling at the
-- weekend; check against the Government's notice and edit. Dates of the lunar holidays were
-- computed (Hồ Ngọc Đức's algorithm, UTC+7): Tết 29/01/2025, 17/02/2026, 06/02/2027; Giỗ Tổ
-- (10/3 âm lịch) 07/04/2025, 26/04/2026, 16/04/2027.
-- Not seeded: 24/11 "Ngày Văn hóa Việt Nam" (Nghị quyết 80-NQ/TW, 2026) becomes a day off only
-- once the Labour Code is amended; add it then.
INSERT INTO public_holidays (day, name_vi, name_en, kind) VALUES
  ('2025-01-01', 'Tết Dương lịch', 'New Year''s Day', 'holiday'),
  -- Tết Ất Tỵ: officials off 25/01–02/02/2025 (5 weekdays, 28 tháng Chạp to mùng 3).
  ('2025-01-27', 'Tết Nguyên đán (28 tháng Chạp)', 'Lunar New Year (28th of the 12th month)', 'holiday'),
  ('2025-01-28', 'Tết Nguyên đán (29 tháng Chạp)', 'Lunar New Year''s Eve', 'holiday'),
  ('2025-01-29', 'Tết Nguyên đán (mùng 1)', 'Lunar New Year (day 1)', 'holiday'),
  ('2025-01-30', 'Tết Nguyên đán (mùng 2)', 'Lunar New Year (day 2)', 'holiday'),
  ('2025-01-31', 'Tết Nguyên đán (mùng 3)', 'Lunar New Year (day 3)', 'holiday'),
  ('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day', 'holiday'),
  ('2025-04-26', 'Làm bù cho ngày 02/5/2025', 'Working Saturday (makes up 2 May 2025)', 'working_day'),
  ('2025-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day', 'holiday'),
  ('2025-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day', 'holiday'),
  ('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Swapped day off (made up on 26 April 2025)', 'holiday'),
  ('2025-09-01', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', 'holiday'),
  ('2025-09-02', 'Quốc khánh', 'National Day', 'holiday'),
  -- New Year 2026: Văn bản 12729/VPCP-KGVX of 25/12/2025: 02/01 off, made up on Saturday 10/01.
  ('2026-01-01', 'Tết Dương lịch', 'New Year''s Day', 'holiday'),
  ('2026-01-02', 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'Swapped day off (made up on 10 January 2026)', 'holiday'),
  ('2026-01-10', 'Làm bù cho ngày 02/01/2026', 'Working Saturday (makes up 2 January 2026)', 'working_day'),
  -- Tết Bính Ngọ: officials off 14/02–22/02/2026 (5 weekdays, 29 tháng Chạp to mùng 4).
  ('2026-02-16', 'Tết Nguyên đán (29 tháng Chạp)', 'Lunar New Year''s Eve', 'holiday'),
  ('2026-02-17', 'Tết Nguyên đán (mùng 1)', 'Lunar New Year (day 1)', 'holiday'),
  ('2026-02-18', 'Tết Nguyên đán (mùng 2)', 'Lunar New Year (day 2)', 'holiday'),
  ('2026-02-19', 'Tết Nguyên đán (mùng 3)', 'Lunar New Year (day 3)', 'holiday'),
  ('2026-02-20', 'Tết Nguyên đán (mùng 4)', 'Lunar New Year (day 4)', 'holiday'),
  ('2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day', 'holiday'),
  ('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'Compensatory day off (Hung Kings Day fell on Sunday)', 'holiday'),
  ('2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day', 'holiday'),
  ('2026-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day', 'holiday'),
  -- Quốc khánh 2026: 1/9 and 2/9. The Ministry of Home Affairs proposed 5 days (10/2025) with a
  -- swapped weekday; add that day and its make-up Saturday once the plan is confirmed.
  ('2026-09-01', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', 'holiday'),
  ('2026-09-02', 'Quốc khánh', 'National Day', 'holiday'),
  -- 2027: estimate.
  ('2027-01-01', 'Tết Dương lịch', 'New Year''s Day', 'holiday'),
  ('2027-02-05', 'Tết Nguyên đán (29 tháng Chạp) — dự kiến', 'Lunar New Year''s Eve (estimate)', 'holiday'),
  ('2027-02-06', 'Tết Nguyên đán (mùng 1)', 'Lunar New Year (day 1)', 'holiday'),
  ('2027-02-07', 'Tết Nguyên đán (mùng 2)', 'Lunar New Year (day 2)', 'holiday'),
  ('2027-02-08', 'Tết Nguyên đán (mùng 3) — dự kiến', 'Lunar New Year (day 3, estimate)', 'holiday'),
  ('2027-02-09', 'Tết Nguyên đán (mùng 4) — dự kiến', 'Lunar New Year (day 4, estimate)', 'holiday'),
  ('2027-02-10', 'Nghỉ bù Tết Nguyên đán — dự kiến', 'Compensatory Tết day off (estimate)', 'holiday'),
  ('2027-02-11', 'Nghỉ bù Tết Nguyên đán — dự kiến', 'Compensatory Tết day off (estimate)', 'holiday'),
  ('2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day', 'holiday'),
  ('2027-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day', 'holiday'),
  ('2027-05-01', 'Ngày Quốc tế Lao động', 'International Labour Day', 'holiday'),
  ('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động', 'Compensatory day off (Labour Day fell on Saturday)', 'holiday'),
  ('2027-09-02', 'Quốc khánh', 'National Day', 'holiday'),
  -- The adjacent day is chosen each year; 03/9 as in 2021, when 2/9 was also a Thursday.
  ('2027-09-03', 'Quốc khánh (ngày liền kề) — dự kiến', 'National Day (adjacent day, estimate)', 'holiday');

-- ── Procedures ──────────────────────────────────────────────────────────────────────────────
-- An administrative procedure offered online. mode (Nghị định 42/2022/NĐ-CP): 'toan_trinh' =
-- filed and resolved wholly online, result returned online or by post; 'mot_phan' = partly.
-- documents: [{code, nameVi, nameEn, required, accepted: ['pdf'|'jpeg'|'png'], maxSizeMb}].
CREATE TABLE procedures (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_vi text NOT NULL CHECK (name_vi = normalize(name_vi, NFC) AND length(name_vi) BETWEEN 2 AND 300),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 300),
  mode text NOT NULL CHECK (mode IN ('toan_trinh', 'mot_phan')),
  unit_type text NOT NULL REFERENCES unit_types(code),
  processing_days int NOT NULL CHECK (processing_days BETWEEN 0 AND 365),
  cutoff_time text NOT NULL DEFAULT '17:00' CHECK (cutoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  documents jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(documents) = 'array'),
  fee_vnd integer NOT NULL DEFAULT 0 CHECK (fee_vnd >= 0),
  -- Dossier codes: <prefix>-<year>-<counter>, e.g. TS1-2026-000123.
  code_prefix text NOT NULL UNIQUE CHECK (code_prefix ~ '^[A-Z][A-Z0-9]{0,7}$'),
  active boolean NOT NULL DEFAULT true,
  owner_module text,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO procedures (code, name_vi, name_en, mode, unit_type, processing_days, documents, fee_vnd, code_prefix, owner_module) VALUES
  ('TS_LOP1', 'Tuyển sinh vào lớp 1', 'Admission to grade 1', 'toan_trinh', 'school', 5, '[
    {"code":"GIAY_KHAI_SINH","nameVi":"Bản sao giấy khai sinh","nameEn":"Copy of the birth certificate","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"CU_TRU","nameVi":"Giấy tờ chứng minh nơi cư trú (khi chưa có trên Cơ sở dữ liệu quốc gia về dân cư)","nameEn":"Proof of residence (when not in the national population database)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"UU_TIEN","nameVi":"Giấy tờ chứng minh đối tượng ưu tiên (nếu có)","nameEn":"Proof of priority status (if any)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5}
  ]', 0, 'TS1', 'admissions'),
  ('TS_LOP6', 'Tuyển sinh vào lớp 6', 'Admission to grade 6', 'toan_trinh', 'school', 5, '[
    {"code":"GIAY_KHAI_SINH","nameVi":"Bản sao giấy khai sinh","nameEn":"Copy of the birth certificate","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"HOC_BA_TH","nameVi":"Học bạ cấp tiểu học hoặc giấy xác nhận hoàn thành chương trình tiểu học","nameEn":"Primary school record or certificate of completing primary school","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":10},
    {"code":"CU_TRU","nameVi":"Giấy tờ chứng minh nơi cư trú (khi chưa có trên Cơ sở dữ liệu quốc gia về dân cư)","nameEn":"Proof of residence (when not in the national population database)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"UU_TIEN","nameVi":"Giấy tờ chứng minh đối tượng ưu tiên (nếu có)","nameEn":"Proof of priority status (if any)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5}
  ]', 0, 'TS6', 'admissions'),
  ('TS_LOP10', 'Tuyển sinh vào lớp 10 trung học phổ thông', 'Admission to grade 10 (upper secondary)', 'toan_trinh', 'school', 5, '[
    {"code":"GIAY_KHAI_SINH","nameVi":"Bản sao giấy khai sinh","nameEn":"Copy of the birth certificate","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"HOC_BA_THCS","nameVi":"Học bạ trung học cơ sở","nameEn":"Lower-secondary school record","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":10},
    {"code":"BANG_TN_THCS","nameVi":"Bằng hoặc giấy chứng nhận tốt nghiệp THCS tạm thời","nameEn":"Lower-secondary diploma or provisional certificate","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"UU_TIEN","nameVi":"Giấy tờ chứng minh đối tượng ưu tiên (nếu có)","nameEn":"Proof of priority status (if any)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"KHUYEN_KHICH","nameVi":"Giấy chứng nhận được cộng điểm khuyến khích (nếu có)","nameEn":"Certificate for bonus points (if any)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5}
  ]', 0, 'TS10', 'admissions'),
  ('BANSAO_VB', 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'Certified copy of a diploma from the master register', 'toan_trinh', 'department', 3, '[
    {"code":"DON_DE_NGHI","nameVi":"Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc","nameEn":"Application for a certified copy","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"GIAY_TO_TUY_THAN","nameVi":"Căn cước hoặc hộ chiếu của người được cấp văn bằng","nameEn":"Identity card or passport of the diploma holder","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"UY_QUYEN","nameVi":"Giấy ủy quyền (khi người khác nộp thay)","nameEn":"Power of attorney (when someone else applies)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5}
  ]', 0, 'BSVB', NULL),
  ('CHUYEN_TRUONG', 'Chuyển trường đối với học sinh trung học cơ sở và trung học phổ thông', 'School transfer (lower and upper secondary)', 'mot_phan', 'school', 3, '[
    {"code":"DON_XIN_CHUYEN","nameVi":"Đơn xin chuyển trường của cha mẹ hoặc người giám hộ","nameEn":"Transfer request by a parent or guardian","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"HOC_BA","nameVi":"Học bạ","nameEn":"School record","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":10},
    {"code":"GIAY_GIOI_THIEU","nameVi":"Giấy giới thiệu chuyển trường của trường nơi đi","nameEn":"Release letter from the current school","required":true,"accepted":["pdf","jpeg","png"],"maxSizeMb":5},
    {"code":"CU_TRU","nameVi":"Giấy tờ chứng minh nơi cư trú (nếu chuyển nơi ở)","nameEn":"Proof of residence (when moving home)","required":false,"accepted":["pdf","jpeg","png"],"maxSizeMb":5}
  ]', 0, 'CT', NULL);

-- Dossier code counters, one row per procedure and year. Taken with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING (the row lock serialises takers: never a duplicate;
-- a number taken by a transaction that then fails is skipped, which is allowed).
CREATE TABLE dossier_counters (
  procedure_code text NOT NULL REFERENCES procedures(code),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  last_value int NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (procedure_code, year)
);

-- ── Dossiers ────────────────────────────────────────────────────────────────────────────────
-- Personal data is kept minimal (Nghị định 13/2023/NĐ-CP): applicant_key is a keyed hash chosen
-- by the module (e.g. of a child's identification number), never the number itself; the module
-- keeps its own detailed form in its own tables keyed by dossier id (`form` only when passed).
CREATE TABLE dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text UNIQUE,
  procedure_code text NOT NULL REFERENCES procedures(code),
  unit_id uuid NOT NULL REFERENCES org_units(id),
  applicant_key text NOT NULL CHECK (length(applicant_key) BETWEEN 8 AND 200),
  contact_email text,
  contact_phone text,
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  form jsonb,
  -- Set by a module to allow one active dossier per key and procedure (dossiers_unique_active).
  unique_key text,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN
    ('draft', 'submitted', 'in_review', 'supplement_requested', 'resubmitted', 'approved', 'rejected', 'withdrawn')),
  received_at timestamptz,
  due_at timestamptz,
  -- Working days left when a supplement was requested: the clock stops while the applicant
  -- supplements and resumes with these days at resubmission.
  remaining_days int,
  decided_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (state IN ('draft', 'withdrawn') OR (code IS NOT NULL AND received_at IS NOT NULL))
);
-- "One child, one active application per round": a module sets unique_key; withdrawn and
-- rejected dossiers no longer count.
CREATE UNIQUE INDEX dossiers_unique_active ON dossiers (procedure_code, unique_key)
  WHERE unique_key IS NOT NULL AND state NOT IN ('withdrawn', 'rejected');
CREATE INDEX dossiers_unit ON dossiers (unit_id, received_at DESC);
CREATE INDEX dossiers_received ON dossiers (received_at DESC);
CREATE INDEX dossiers_procedure_state ON dossiers (procedure_code, state);
-- The overdue filter: due_at < now() while the clock runs.
CREATE INDEX dossiers_running_due ON dossiers (due_at) WHERE state IN ('submitted', 'in_review', 'resubmitted');
CREATE INDEX dossiers_applicant ON dossiers (applicant_key);
-- Backs the staff search "q" on any part of the code (ILIKE '%…%').
CREATE INDEX dossiers_code_search ON dossiers USING gin (code gin_trgm_ops);

-- Every step of every dossier: the legal record of who did what, when and why.
CREATE TABLE dossier_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'applicant', 'system')),
  actor_id uuid,
  actor_name text,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  reason text,
  details jsonb
);
CREATE INDEX dossier_transitions_dossier ON dossier_transitions (dossier_id, id);

CREATE OR REPLACE FUNCTION gds_dossier_transitions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_transitions is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
-- Row triggers only: a restore's TRUNCATE … CASCADE must still be able to empty the table.
CREATE TRIGGER dossier_transitions_no_update BEFORE UPDATE OR DELETE ON dossier_transitions
  FOR EACH ROW EXECUTE FUNCTION gds_dossier_transitions_append_only();

CREATE TABLE dossier_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  document_code text NOT NULL,
  file_id uuid NOT NULL REFERENCES stored_files(id),
  uploaded_by_kind text NOT NULL CHECK (uploaded_by_kind IN ('user', 'applicant', 'system')),
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_attachments_dossier ON dossier_attachments (dossier_id, created_at);

-- Client idempotency keys ("a double click or a retry gives one dossier and the same receipt").
-- The key row is written first in the transaction that creates or submits: a concurrent
-- duplicate waits on the primary key, then finds the winner's dossier.
CREATE TABLE dossier_idempotency_keys (
  key text PRIMARY KEY CHECK (length(key) BETWEEN 8 AND 200),
  operation text NOT NULL CHECK (operation IN ('create', 'submit')),
  dossier_id uuid NOT NULL REFERENCES dossiers(id) DEFERRABLE INITIALLY DEFERRED,
  applicant_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_idempotency_keys_dossier ON dossier_idempotency_keys (dossier_id);

-- ── Notification outbox ─────────────────────────────────────────────────────────────────────
-- Every notification, written in the transaction of the change it announces (nothing
-- acknowledged is lost), delivered later by deliverPending(). In development the outbox is the
-- delivery (delivered_by = 'outbox'); with SMTP configured e-mails are sent and marked.
CREATE TABLE notification_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  template text NOT NULL,
  locale text NOT NULL,
  dossier_id uuid,
  unit_id uuid,
  attempts int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  delivered_by text,
  error text
);
CREATE INDEX notification_outbox_pending ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX notification_outbox_dossier ON notification_outbox (dossier_id, id);
CREATE INDEX notification_outbox_unit ON notification_outbox (unit_id, id);

-- ── Roles ───────────────────────────────────────────────────────────────────────────────────
UPDATE roles SET permissions = array(SELECT DISTINCT unnest(permissions || ARRAY['dossiers.read', 'dossiers.process']))
  WHERE code IN ('principal', 'commune_education_officer', 'department_admissions_officer');
UPDATE roles SET permissions = array(SELECT DISTINCT unnest(permissions ||
    ARRAY['dossiers.configure', 'dossiers.read', 'dossiers.process', 'notify.outbox.read']))
  WHERE code = 'system_admin';
