-- Library usage statistics and the Sở's report (issue 4 item 5), and imported offline packages
-- (issue 4 item 7). Stay within PG 15.

-- ── Usage per day ──────────────────────────────────────────────────────────────────────────
-- library_usage_events (0015) has one row per view or download. The report adds them up per
-- school and per subject over a period; this table holds the same counts per day (Vietnam
-- time), resource and school of the user, kept by a statement trigger in the transaction that
-- records the event, so the report reads one row per (day, resource, school) instead of one per
-- event. Measured (bench/library-stats.bench.ts, 1,000,000 events over 20,000 resources): readers
-- who open a resource and then open it again or download it the same day give 521,671 rows, and
-- the report's aggregation by school reads them in 120 ms against 269 ms on the events; wholly
-- independent events (the worst case) give 984,181 rows and no gain. The trigger adds about
-- 0.2 ms to a recorded view. These rows carry no reader: the events (user_id) can be purged
-- after a retention period while the figures stay.
-- The name sorts after library_usage_events on purpose: a backup's restore loads tables of one
-- foreign-key level in name order, so the events come first (their trigger rebuilds these rows)
-- and the archived rows then replace them (gds_library_usage_per_day_replace below), as 0017
-- does for the search tables.
CREATE TABLE library_usage_per_day (
  day date NOT NULL,
  resource_id uuid NOT NULL REFERENCES library_resources(id),
  -- The user's school (library_usage_events.school_id); null for users of no school and anonymous readers.
  school_id uuid REFERENCES org_units(id),
  views bigint NOT NULL DEFAULT 0 CHECK (views >= 0),
  downloads bigint NOT NULL DEFAULT 0 CHECK (downloads >= 0),
  last_at timestamptz NOT NULL,
  CONSTRAINT library_usage_per_day_key UNIQUE NULLS NOT DISTINCT (day, resource_id, school_id)
);
-- The report: a period (the key's leading column). One resource's figures: by resource.
CREATE INDEX library_usage_per_day_resource ON library_usage_per_day (resource_id, day);
-- Last activity of a school, any period.
CREATE INDEX library_usage_per_day_school ON library_usage_per_day (school_id, last_at);

CREATE FUNCTION gds_library_usage_per_day_apply() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    -- In key order, so that concurrent statements lock the rows in the same order (no deadlock).
    INSERT INTO library_usage_per_day AS d (day, resource_id, school_id, views, downloads, last_at)
    SELECT (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, e.resource_id, e.school_id,
      count(*) FILTER (WHERE e.kind = 'view'), count(*) FILTER (WHERE e.kind = 'download'), max(e.at)
    FROM new_events e
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT library_usage_per_day_key DO UPDATE
      SET views = d.views + EXCLUDED.views, downloads = d.downloads + EXCLUDED.downloads,
        last_at = greatest(d.last_at, EXCLUDED.last_at);
    RETURN NULL;
  END
  $$;
CREATE TRIGGER library_usage_per_day_insert AFTER INSERT ON library_usage_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION gds_library_usage_per_day_apply();

-- A row written directly (a restore's COPY, not the trigger above) replaces the row of its key.
CREATE FUNCTION gds_library_usage_per_day_replace() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    DELETE FROM library_usage_per_day
    WHERE (day, resource_id) = (NEW.day, NEW.resource_id) AND school_id IS NOT DISTINCT FROM NEW.school_id;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER library_usage_per_day_direct BEFORE INSERT ON library_usage_per_day
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION gds_library_usage_per_day_replace();

-- What is already there.
INSERT INTO library_usage_per_day (day, resource_id, school_id, views, downloads, last_at)
SELECT (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, resource_id, school_id,
  count(*) FILTER (WHERE kind = 'view'), count(*) FILTER (WHERE kind = 'download'), max(at)
FROM library_usage_events GROUP BY 1, 2, 3;

-- Contributions per school over a period (the report): by owner and creation time.
CREATE INDEX library_resources_school_created ON library_resources (school_id, created_at);

-- ── Imported packages ──────────────────────────────────────────────────────────────────────
-- Where an imported resource came from: the exporting installation (its URL, or its name when
-- it had none) and the resource's id there. One row per source resource: importing the same
-- package again finds it and skips it instead of making a second copy.
CREATE TABLE library_resource_origins (
  source_installation text NOT NULL CHECK (length(source_installation) BETWEEN 1 AND 2000),
  source_id text NOT NULL CHECK (source_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  resource_id uuid NOT NULL UNIQUE REFERENCES library_resources(id),
  installation_name text NOT NULL,
  -- The package's stored file (its SHA-256 names the exact package).
  package_file_id uuid REFERENCES stored_files(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by uuid REFERENCES users(id),
  PRIMARY KEY (source_installation, source_id)
);

-- ── Who reads the report ───────────────────────────────────────────────────────────────────
-- library.report: usage statistics and the contribution report of the schools in the subtree
-- (a grant on the Sở or one of its divisions covers the province). The Sở's leaders and staff,
-- the commune education officers; the system administrator, who grants those roles.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['library.report']::text[]))
  WHERE code IN ('department_leader', 'department_staff', 'commune_education_officer', 'system_admin');
