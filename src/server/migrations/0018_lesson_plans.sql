-- Lesson plans (kế hoạch bài dạy, issue 4 item 6) as structured documents in the frame of
-- Phụ lục IV, Công văn 5512/BGDĐT-GDTrH: the teacher's working copy (`lesson_plans`, edited with
-- optimistic concurrency) and the snapshots sent to the library (`lesson_plan_publications`,
-- frozen: what the PDF in the library says, what copy-and-adapt copies). Stay within PG 15.

CREATE TABLE lesson_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The school the plan belongs to; readable by the staff of its subtree (library.contribute).
  school_id uuid NOT NULL REFERENCES org_units(id),
  owner_id uuid NOT NULL REFERENCES users(id),
  -- The document (src/shared/lesson-plan.schema.ts LessonPlan), validated by the service.
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  -- Copied from content.header for listing and sorting.
  title text NOT NULL CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 2 AND 300),
  subject_code text NOT NULL,
  subject_name text NOT NULL,
  grade int NOT NULL CHECK (grade BETWEEN 1 AND 12),
  -- Copy-and-adapt: the published snapshot copied from, its library resource, and the credit as
  -- printed ("Phỏng theo kế hoạch bài dạy “…” của …"). All three or none.
  adapted_from_publication_id uuid,
  adapted_from_resource_id uuid REFERENCES library_resources(id),
  attribution text,
  CHECK ((adapted_from_publication_id IS NULL) = (attribution IS NULL)),
  -- The library resource the plan was sent to (new sends add versions to it).
  resource_id uuid REFERENCES library_resources(id),
  -- A send in progress since then (files rendered, library called): a second send waits for it
  -- to finish, or for two minutes when it died half-way.
  send_started_at timestamptz,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);
-- "My plans" and "my school's plans", most recently edited first.
CREATE INDEX lesson_plans_owner ON lesson_plans (owner_id, updated_at DESC);
CREATE INDEX lesson_plans_school ON lesson_plans (school_id, updated_at DESC);

-- What was sent to the library, frozen: one row per library version made from a plan.
CREATE TABLE lesson_plan_publications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES lesson_plans(id),
  plan_version int NOT NULL,
  resource_id uuid NOT NULL REFERENCES library_resources(id),
  -- The library version whose file is the PDF below; adapt finds the snapshot by the resource's
  -- published version.
  version_id uuid NOT NULL UNIQUE REFERENCES library_resource_versions(id),
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  pdf_file_id uuid NOT NULL REFERENCES stored_files(id),
  docx_file_id uuid REFERENCES stored_files(id),
  sent_at timestamptz NOT NULL DEFAULT now(),
  sent_by uuid REFERENCES users(id)
);
CREATE INDEX lesson_plan_publications_plan ON lesson_plan_publications (plan_id, sent_at);
CREATE TRIGGER lesson_plan_publications_no_update BEFORE UPDATE OR DELETE ON lesson_plan_publications
  FOR EACH ROW EXECUTE FUNCTION gds_audit_append_only();

-- Plans and publications reference each other (an adapted plan names the snapshot it copied):
-- checked at commit, so that a restore loads the tables in any order (backup/catalog.ts).
ALTER TABLE lesson_plans ADD FOREIGN KEY (adapted_from_publication_id)
  REFERENCES lesson_plan_publications(id) DEFERRABLE INITIALLY DEFERRED;
