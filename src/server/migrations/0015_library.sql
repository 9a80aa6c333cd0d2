-- The shared learning library (kho học liệu số, issue 4): reference data (curriculum subjects
-- per level, textbook series, licences, languages), resources with versions, moderation
-- transitions, moderator assignments, collections, favourites and usage. Stay within PG 15.

-- ── Reference data ─────────────────────────────────────────────────────────────────────────
-- Subjects of the 2018 general-education curriculum (Chương trình GDPT 2018, Thông tư
-- 32/2018/TT-BGDĐT; Thông tư 13/2022/TT-BGDĐT for the upper-secondary electives). A subject
-- code is shared across levels (Toán is one subject); library_subject_levels says at which
-- level and grades it is taught and under which name.
-- Unsure / choices made:
--  * "Nghệ thuật" at primary and lower secondary is one subject with two parts, Âm nhạc and
--    Mĩ thuật; resources are tagged with the part (am_nhac, mi_thuat), as at upper secondary
--    where they are two separate electives.
--  * Ngoại ngữ 1 is compulsory from grade 3 and elective in grades 1–2; listed for 1–5 at
--    primary with elective = false (the library does not need the distinction per grade).
--  * "Hoạt động trải nghiệm" (primary) and "Hoạt động trải nghiệm, hướng nghiệp" (6–12) share
--    one code with the name per level.
--  * Electives Tiếng dân tộc thiểu số and Ngoại ngữ 2 are included (elective = true); the
--    upper-secondary "chuyên đề học tập" are not subjects and are not listed.
CREATE TABLE library_subjects (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{2,40}$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sort_order int NOT NULL DEFAULT 0
);

CREATE TABLE library_subject_levels (
  subject_code text NOT NULL REFERENCES library_subjects(code),
  level text NOT NULL CHECK (level IN ('tieu_hoc', 'thcs', 'thpt')),
  name_vi text NOT NULL,
  grades int[] NOT NULL CHECK (cardinality(grades) > 0 AND grades <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
  elective boolean NOT NULL DEFAULT false,
  PRIMARY KEY (subject_code, level)
);

INSERT INTO library_subjects (code, name_vi, name_en, sort_order) VALUES
  ('tieng_viet', 'Tiếng Việt', 'Vietnamese', 10),
  ('ngu_van', 'Ngữ văn', 'Literature', 11),
  ('toan', 'Toán', 'Mathematics', 20),
  ('ngoai_ngu_1', 'Ngoại ngữ 1', 'Foreign language 1', 30),
  ('ngoai_ngu_2', 'Ngoại ngữ 2', 'Foreign language 2', 31),
  ('tieng_dan_toc', 'Tiếng dân tộc thiểu số', 'Ethnic-minority language', 32),
  ('dao_duc', 'Đạo đức', 'Ethics', 40),
  ('gdcd', 'Giáo dục công dân', 'Civic education', 41),
  ('gd_ktpl', 'Giáo dục kinh tế và pháp luật', 'Economics and law education', 42),
  ('tn_xh', 'Tự nhiên và Xã hội', 'Nature and society', 50),
  ('ls_dl', 'Lịch sử và Địa lí', 'History and geography', 51),
  ('lich_su', 'Lịch sử', 'History', 52),
  ('dia_li', 'Địa lí', 'Geography', 53),
  ('khoa_hoc', 'Khoa học', 'Science', 60),
  ('khtn', 'Khoa học tự nhiên', 'Natural sciences', 61),
  ('vat_li', 'Vật lí', 'Physics', 62),
  ('hoa_hoc', 'Hóa học', 'Chemistry', 63),
  ('sinh_hoc', 'Sinh học', 'Biology', 64),
  ('tin_hoc_cong_nghe', 'Tin học và Công nghệ', 'Informatics and technology', 70),
  ('tin_hoc', 'Tin học', 'Informatics', 71),
  ('cong_nghe', 'Công nghệ', 'Technology', 72),
  ('gdtc', 'Giáo dục thể chất', 'Physical education', 80),
  ('gdqp_an', 'Giáo dục quốc phòng và an ninh', 'National defence and security education', 81),
  ('am_nhac', 'Âm nhạc', 'Music', 90),
  ('mi_thuat', 'Mĩ thuật', 'Fine arts', 91),
  ('hdtn', 'Hoạt động trải nghiệm, hướng nghiệp', 'Experiential activities and career guidance', 100),
  ('gd_dia_phuong', 'Nội dung giáo dục của địa phương', 'Local education content', 110);

INSERT INTO library_subject_levels (subject_code, level, name_vi, grades, elective) VALUES
  ('tieng_viet', 'tieu_hoc', 'Tiếng Việt', '{1,2,3,4,5}', false),
  ('toan', 'tieu_hoc', 'Toán', '{1,2,3,4,5}', false),
  ('dao_duc', 'tieu_hoc', 'Đạo đức', '{1,2,3,4,5}', false),
  ('ngoai_ngu_1', 'tieu_hoc', 'Ngoại ngữ 1', '{1,2,3,4,5}', false),
  ('tn_xh', 'tieu_hoc', 'Tự nhiên và Xã hội', '{1,2,3}', false),
  ('ls_dl', 'tieu_hoc', 'Lịch sử và Địa lí', '{4,5}', false),
  ('khoa_hoc', 'tieu_hoc', 'Khoa học', '{4,5}', false),
  ('tin_hoc_cong_nghe', 'tieu_hoc', 'Tin học và Công nghệ', '{3,4,5}', false),
  ('gdtc', 'tieu_hoc', 'Giáo dục thể chất', '{1,2,3,4,5}', false),
  ('am_nhac', 'tieu_hoc', 'Nghệ thuật (Âm nhạc)', '{1,2,3,4,5}', false),
  ('mi_thuat', 'tieu_hoc', 'Nghệ thuật (Mĩ thuật)', '{1,2,3,4,5}', false),
  ('hdtn', 'tieu_hoc', 'Hoạt động trải nghiệm', '{1,2,3,4,5}', false),
  ('tieng_dan_toc', 'tieu_hoc', 'Tiếng dân tộc thiểu số', '{1,2,3,4,5}', true),
  ('ngu_van', 'thcs', 'Ngữ văn', '{6,7,8,9}', false),
  ('toan', 'thcs', 'Toán', '{6,7,8,9}', false),
  ('ngoai_ngu_1', 'thcs', 'Ngoại ngữ 1', '{6,7,8,9}', false),
  ('gdcd', 'thcs', 'Giáo dục công dân', '{6,7,8,9}', false),
  ('ls_dl', 'thcs', 'Lịch sử và Địa lí', '{6,7,8,9}', false),
  ('khtn', 'thcs', 'Khoa học tự nhiên', '{6,7,8,9}', false),
  ('cong_nghe', 'thcs', 'Công nghệ', '{6,7,8,9}', false),
  ('tin_hoc', 'thcs', 'Tin học', '{6,7,8,9}', false),
  ('gdtc', 'thcs', 'Giáo dục thể chất', '{6,7,8,9}', false),
  ('am_nhac', 'thcs', 'Nghệ thuật (Âm nhạc)', '{6,7,8,9}', false),
  ('mi_thuat', 'thcs', 'Nghệ thuật (Mĩ thuật)', '{6,7,8,9}', false),
  ('hdtn', 'thcs', 'Hoạt động trải nghiệm, hướng nghiệp', '{6,7,8,9}', false),
  ('gd_dia_phuong', 'thcs', 'Nội dung giáo dục của địa phương', '{6,7,8,9}', false),
  ('tieng_dan_toc', 'thcs', 'Tiếng dân tộc thiểu số', '{6,7,8,9}', true),
  ('ngoai_ngu_2', 'thcs', 'Ngoại ngữ 2', '{6,7,8,9}', true),
  ('ngu_van', 'thpt', 'Ngữ văn', '{10,11,12}', false),
  ('toan', 'thpt', 'Toán', '{10,11,12}', false),
  ('ngoai_ngu_1', 'thpt', 'Ngoại ngữ 1', '{10,11,12}', false),
  ('lich_su', 'thpt', 'Lịch sử', '{10,11,12}', false),
  ('gdtc', 'thpt', 'Giáo dục thể chất', '{10,11,12}', false),
  ('gdqp_an', 'thpt', 'Giáo dục quốc phòng và an ninh', '{10,11,12}', false),
  ('hdtn', 'thpt', 'Hoạt động trải nghiệm, hướng nghiệp', '{10,11,12}', false),
  ('gd_dia_phuong', 'thpt', 'Nội dung giáo dục của địa phương', '{10,11,12}', false),
  ('dia_li', 'thpt', 'Địa lí', '{10,11,12}', true),
  ('gd_ktpl', 'thpt', 'Giáo dục kinh tế và pháp luật', '{10,11,12}', true),
  ('vat_li', 'thpt', 'Vật lí', '{10,11,12}', true),
  ('hoa_hoc', 'thpt', 'Hóa học', '{10,11,12}', true),
  ('sinh_hoc', 'thpt', 'Sinh học', '{10,11,12}', true),
  ('cong_nghe', 'thpt', 'Công nghệ', '{10,11,12}', true),
  ('tin_hoc', 'thpt', 'Tin học', '{10,11,12}', true),
  ('am_nhac', 'thpt', 'Âm nhạc', '{10,11,12}', true),
  ('mi_thuat', 'thpt', 'Mĩ thuật', '{10,11,12}', true),
  ('tieng_dan_toc', 'thpt', 'Tiếng dân tộc thiểu số', '{10,11,12}', true),
  ('ngoai_ngu_2', 'thpt', 'Ngoại ngữ 2', '{10,11,12}', true);

-- The three textbook series approved under the 2018 curriculum.
CREATE TABLE library_series (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  publisher text NOT NULL,
  sort_order int NOT NULL DEFAULT 0
);
INSERT INTO library_series (code, name_vi, publisher, sort_order) VALUES
  ('kntt', 'Kết nối tri thức với cuộc sống', 'Nhà xuất bản Giáo dục Việt Nam', 10),
  ('ctst', 'Chân trời sáng tạo', 'Nhà xuất bản Giáo dục Việt Nam', 20),
  ('canh_dieu', 'Cánh Diều', 'Nhà xuất bản Đại học Sư phạm', 30);

CREATE TABLE library_licences (
  code text PRIMARY KEY,
  name_vi text NOT NULL,
  name_en text NOT NULL,
  url text,
  sort_order int NOT NULL DEFAULT 0
);
INSERT INTO library_licences (code, name_vi, name_en, url, sort_order) VALUES
  ('cc_by', 'CC BY 4.0 (Ghi công)', 'CC BY 4.0 (Attribution)', 'https://creativecommons.org/licenses/by/4.0/', 10),
  ('cc_by_sa', 'CC BY-SA 4.0 (Ghi công – Chia sẻ tương tự)', 'CC BY-SA 4.0 (Attribution-ShareAlike)', 'https://creativecommons.org/licenses/by-sa/4.0/', 20),
  ('cc_by_nc', 'CC BY-NC 4.0 (Ghi công – Phi thương mại)', 'CC BY-NC 4.0 (Attribution-NonCommercial)', 'https://creativecommons.org/licenses/by-nc/4.0/', 30),
  ('cc_by_nc_sa', 'CC BY-NC-SA 4.0 (Ghi công – Phi thương mại – Chia sẻ tương tự)', 'CC BY-NC-SA 4.0 (Attribution-NonCommercial-ShareAlike)', 'https://creativecommons.org/licenses/by-nc-sa/4.0/', 40),
  ('cc_by_nd', 'CC BY-ND 4.0 (Ghi công – Không phái sinh)', 'CC BY-ND 4.0 (Attribution-NoDerivatives)', 'https://creativecommons.org/licenses/by-nd/4.0/', 50),
  ('cc_by_nc_nd', 'CC BY-NC-ND 4.0 (Ghi công – Phi thương mại – Không phái sinh)', 'CC BY-NC-ND 4.0 (Attribution-NonCommercial-NoDerivatives)', 'https://creativecommons.org/licenses/by-nc-nd/4.0/', 60),
  ('cc0', 'CC0 1.0 (Từ bỏ quyền)', 'CC0 1.0 (Public domain dedication)', 'https://creativecommons.org/publicdomain/zero/1.0/', 70),
  ('public_domain', 'Phạm vi công cộng', 'Public domain', 'https://creativecommons.org/publicdomain/mark/1.0/', 80),
  ('internal', 'Chỉ sử dụng nội bộ', 'Internal use only', NULL, 90);

-- ISO 639 codes. The Giẻ-Triêng speak Giẻ (Jeh, jeh) and Triêng (stg); the Cor speak Cua
-- (cua). `gie` is Guébie (Côte d'Ivoire) and `kor` Korean, so neither is used for them.
CREATE TABLE library_languages (
  code text PRIMARY KEY CHECK (code ~ '^[a-z]{2,3}$'),
  name_vi text NOT NULL,
  name_en text NOT NULL,
  sort_order int NOT NULL DEFAULT 0
);
INSERT INTO library_languages (code, name_vi, name_en, sort_order) VALUES
  ('vi', 'Tiếng Việt', 'Vietnamese', 10),
  ('en', 'Tiếng Anh', 'English', 20),
  ('bdq', 'Tiếng Ba Na', 'Bahnar', 30),
  ('jra', 'Tiếng Gia Rai', 'Jarai', 31),
  ('sed', 'Tiếng Xơ Đăng', 'Sedang', 32),
  ('jeh', 'Tiếng Giẻ (Giẻ-Triêng)', 'Jeh (Giẻ-Triêng)', 33),
  ('stg', 'Tiếng Triêng (Giẻ-Triêng)', 'Triêng (Giẻ-Triêng)', 34),
  ('hre', 'Tiếng Hrê', 'Hrê', 35),
  ('cua', 'Tiếng Cor (Co)', 'Cor (Cua)', 36),
  ('brb', 'Tiếng Brâu', 'Brao', 37),
  ('rmx', 'Tiếng Rơ Măm', 'Romam', 38);

-- ── Resources ──────────────────────────────────────────────────────────────────────────────
-- `status` is the review state of the latest version; `published_version_id` the version the
-- readers see. A published resource whose new version is under review keeps showing its
-- published version (listed stays true) until the new one is published.
CREATE TABLE library_resources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'document', 'simulation', 'link', 'etextbook', 'lesson_plan')),
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 2 AND 300),
  description text NOT NULL DEFAULT '' CHECK (description = normalize(description, NFC)),
  keywords text[] NOT NULL DEFAULT '{}',
  levels text[] NOT NULL DEFAULT '{}' CHECK (levels <@ ARRAY['tieu_hoc', 'thcs', 'thpt']),
  grades int[] NOT NULL DEFAULT '{}' CHECK (grades <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
  subjects text[] NOT NULL DEFAULT '{}',
  series_code text REFERENCES library_series(code),
  topic text,
  authors text[] NOT NULL DEFAULT '{}',
  school_id uuid NOT NULL REFERENCES org_units(id),
  language_code text NOT NULL DEFAULT 'vi' REFERENCES library_languages(code),
  licence_code text NOT NULL REFERENCES library_licences(code),
  visibility text NOT NULL CHECK (visibility IN ('public', 'province', 'school')),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'in_review', 'returned', 'published', 'taken_down')),
  current_version_id uuid,
  published_version_id uuid,
  published_at timestamptz,
  -- What readers may find: a published version, not taken down.
  listed boolean GENERATED ALWAYS AS (published_version_id IS NOT NULL AND status <> 'taken_down') STORED,
  view_count bigint NOT NULL DEFAULT 0,
  download_count bigint NOT NULL DEFAULT 0,
  used_count bigint GENERATED ALWAYS AS (view_count + download_count) STORED,
  -- gds_search_key of title (A), keywords (B), description and subject names (C); kept by the
  -- repository (subject names come from library_subjects). 'simple': no stemming, no stop
  -- words, so that "vat li" matches "Vật lí" after folding.
  search_vector tsvector NOT NULL DEFAULT ''::tsvector,
  title_key text GENERATED ALWAYS AS (gds_search_key(title)) STORED,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);
-- Full text over what readers may find (search's main path).
CREATE INDEX library_resources_fts ON library_resources USING gin (search_vector) WHERE listed;
-- Trigram fallback (typos, fragments inside words) on the folded title.
CREATE INDEX library_resources_trgm ON library_resources USING gin (title_key gin_trgm_ops) WHERE listed;
-- Browsing without a query: newest and most used first.
CREATE INDEX library_resources_newest ON library_resources (published_at DESC, id) WHERE listed;
CREATE INDEX library_resources_most_used ON library_resources (used_count DESC, id) WHERE listed;
-- Filters (arrays) and the moderators' queue.
CREATE INDEX library_resources_subjects ON library_resources USING gin (subjects) WHERE listed;
CREATE INDEX library_resources_queue ON library_resources (status, updated_at) WHERE status IN ('submitted', 'in_review');
CREATE INDEX library_resources_school ON library_resources (school_id, status);
CREATE INDEX library_resources_creator ON library_resources (created_by, updated_at DESC);

-- The weighted search document of a resource: title (A), keywords (B), description, topic,
-- subject names and grades (C), each folded by gds_search_key. One definition for the
-- repository and the benchmark's bulk load. STABLE: it reads library_subjects.
CREATE FUNCTION gds_library_search_vector(title text, keywords text[], description text, topic text,
    subjects text[], grades int[]) RETURNS tsvector
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('simple', gds_search_key(title)), 'A')
      || setweight(to_tsvector('simple', gds_search_key(array_to_string(keywords, ' '))), 'B')
      || setweight(to_tsvector('simple', gds_search_key(concat_ws(' ', description, topic,
           (SELECT string_agg(s.name_vi, ' ') FROM public.library_subjects s WHERE s.code = ANY(subjects)),
           array_to_string(grades, ' ')))), 'C')
  $$;

CREATE TABLE library_resource_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id uuid NOT NULL REFERENCES library_resources(id),
  number int NOT NULL,
  file_id uuid REFERENCES stored_files(id),
  url text CHECK (url IS NULL OR url ~ '^https?://'),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  UNIQUE (resource_id, number),
  CHECK ((file_id IS NULL) <> (url IS NULL))
);
-- Resources and versions reference each other: these two are checked at commit (DEFERRABLE), so
-- a restore can load the tables in any order inside its one transaction (backup/catalog.ts).
ALTER TABLE library_resources
  ADD FOREIGN KEY (current_version_id) REFERENCES library_resource_versions(id) DEFERRABLE INITIALLY DEFERRED,
  ADD FOREIGN KEY (published_version_id) REFERENCES library_resource_versions(id) DEFERRABLE INITIALLY DEFERRED;

-- Append-only history of the review: who, when, from, to, the comment (a return's reasons).
CREATE TABLE library_transitions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_id uuid NOT NULL REFERENCES library_resources(id),
  version_id uuid REFERENCES library_resource_versions(id),
  action text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  comment text,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id uuid REFERENCES users(id),
  actor_name text
);
CREATE INDEX library_transitions_resource ON library_transitions (resource_id, id);
CREATE TRIGGER library_transitions_no_update BEFORE UPDATE OR DELETE ON library_transitions
  FOR EACH ROW EXECUTE FUNCTION gds_audit_append_only();

-- Which subjects and levels a moderator reviews (managed by administrators).
CREATE TABLE library_moderator_assignments (
  user_id uuid NOT NULL REFERENCES users(id),
  subject_code text NOT NULL REFERENCES library_subjects(code),
  level text NOT NULL CHECK (level IN ('tieu_hoc', 'thcs', 'thpt')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  PRIMARY KEY (user_id, subject_code, level)
);

-- ── Collections, favourites, usage ─────────────────────────────────────────────────────────
CREATE TABLE library_collections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 2 AND 300),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE library_collection_items (
  collection_id uuid NOT NULL REFERENCES library_collections(id) ON DELETE CASCADE,
  resource_id uuid NOT NULL REFERENCES library_resources(id),
  position int NOT NULL,
  PRIMARY KEY (collection_id, resource_id)
);
CREATE INDEX library_collection_items_order ON library_collection_items (collection_id, position);

CREATE TABLE library_favourites (
  user_id uuid NOT NULL REFERENCES users(id),
  resource_id uuid NOT NULL REFERENCES library_resources(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, resource_id)
);

-- One row per view or download (statistics per resource, school, subject); the counters on
-- library_resources are kept in the same transaction.
CREATE TABLE library_usage_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_id uuid NOT NULL REFERENCES library_resources(id),
  kind text NOT NULL CHECK (kind IN ('view', 'download')),
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid REFERENCES users(id),
  school_id uuid REFERENCES org_units(id)
);
CREATE INDEX library_usage_events_resource ON library_usage_events (resource_id, at);
CREATE INDEX library_usage_events_school ON library_usage_events (school_id, at);

-- ── Roles ──────────────────────────────────────────────────────────────────────────────────
INSERT INTO roles (code, name_vi, name_en, permissions, sort_order) VALUES
  ('library_moderator', 'Người kiểm duyệt học liệu', 'Library moderator', '{library.moderate}', 45);
-- Contributors: a school's teachers and staff. The commune officer and the system administrator
-- hold it too because they grant the school roles, and nobody may grant a permission they lack.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['library.contribute']::text[]))
  WHERE code IN ('teacher', 'principal', 'school_it', 'commune_education_officer', 'system_admin');
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['library.moderate']::text[]))
  WHERE code = 'system_admin';
