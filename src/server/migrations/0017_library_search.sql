-- Library search at scale (issue 4: 200,000 resources, search with facets p95 < 50 ms).
--
-- 1. Precomputed facet counts of everything listed, per audience: 'public', 'province', and
--    'school:<school id>' for own-school resources. A viewer's browse counts (no words, no
--    filters) are the sum over the audiences it may read (library-viewer.ts), and a facet whose
--    only filter is its own reads its counts from here too. Kept by statement-level triggers
--    with transition tables, so in the same transaction as the publish, take-down, visibility
--    or metadata change that moves them, and in one upsert per statement for bulk loads.
CREATE TABLE library_search_facet_counts (
  audience text NOT NULL,
  facet text NOT NULL CHECK (facet IN ('_total', 'level', 'grade', 'subject', 'kind', 'licence', 'series')),
  value text NOT NULL,
  count bigint NOT NULL,
  PRIMARY KEY (audience, facet, value)
);

-- 2. The same per audience, one row per distinct combination of facet values (a cube): a
--    search without words but with filters counts its facets over these cells (sum of n), a few
--    times fewer and much narrower rows than library_resources itself. Exact, same triggers.
CREATE TABLE library_search_facet_cells (
  audience text NOT NULL,
  levels text[] NOT NULL,
  grades int[] NOT NULL,
  subjects text[] NOT NULL,
  kind text NOT NULL,
  licence_code text NOT NULL,
  series_code text,
  n bigint NOT NULL,
  CONSTRAINT library_search_facet_cells_key UNIQUE NULLS NOT DISTINCT
    (audience, levels, grades, subjects, kind, licence_code, series_code)
);

-- 3. A narrow copy of what searching with words reads, one row per listed resource: its audience,
--    facet values and search keys, without the descriptions, titles and counters that make
--    library_resources several times wider. Counting facets over thousands of matches reads a
--    few times fewer pages. Kept by the same triggers, only for rows whose searched parts change
--    (not for view and download counters).
CREATE TABLE library_search_docs (
  id uuid PRIMARY KEY,
  audience text NOT NULL,
  levels text[] NOT NULL,
  grades int[] NOT NULL,
  subjects text[] NOT NULL,
  kind text NOT NULL,
  licence_code text NOT NULL,
  series_code text,
  published_at timestamptz,
  search_vector tsvector NOT NULL,
  title_key text NOT NULL
);
CREATE INDEX library_search_docs_fts ON library_search_docs USING gin (search_vector);
CREATE INDEX library_search_docs_trgm ON library_search_docs USING gin (title_key gin_trgm_ops);

-- 4. The words of the listed resources' search documents, with how many documents hold each: a
--    word the documents do not hold (a typo) is corrected to its nearest words by trigram
--    similarity (library_search_words_trgm), then searched in full text. Kept by triggers on
--    library_search_docs.
CREATE TABLE library_search_words (
  word text PRIMARY KEY,
  n bigint NOT NULL
);
CREATE INDEX library_search_words_trgm ON library_search_words USING gin (word gin_trgm_ops);
-- Whether a typed word is the beginning of some word (byte-wise range, ~>=~ and ~<~).
CREATE INDEX library_search_words_prefix ON library_search_words (word text_pattern_ops);

-- 5. A number that grows whenever what search finds changes (a document of library_search_docs
--    added, changed or removed), in the same transaction: the app nodes key their cached facet
--    counts by it, so a cached count is never older than the generation a search reads.
CREATE TABLE library_search_generation (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  n bigint NOT NULL
);
INSERT INTO library_search_generation (n) VALUES (1);

CREATE FUNCTION gds_library_search_words_apply() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    -- Statement triggers fire for statements that touched no row too (a view counter's update).
    IF TG_OP = 'INSERT' THEN
      IF NOT EXISTS (SELECT 1 FROM new_docs) THEN RETURN NULL; END IF;
      INSERT INTO library_search_generation AS g (n) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = g.n + 1;
      INSERT INTO library_search_words AS w (word, n)
      SELECT l, count(*) FROM new_docs d, unnest(tsvector_to_array(d.search_vector)) l GROUP BY l ORDER BY l
      ON CONFLICT (word) DO UPDATE SET n = w.n + EXCLUDED.n;
    ELSE
      IF NOT EXISTS (SELECT 1 FROM old_docs) THEN RETURN NULL; END IF;
      INSERT INTO library_search_generation AS g (n) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = g.n + 1;
      INSERT INTO library_search_words AS w (word, n)
      SELECT l, -count(*) FROM old_docs d, unnest(tsvector_to_array(d.search_vector)) l GROUP BY l ORDER BY l
      ON CONFLICT (word) DO UPDATE SET n = w.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER library_search_words_insert AFTER INSERT ON library_search_docs
  REFERENCING NEW TABLE AS new_docs FOR EACH STATEMENT EXECUTE FUNCTION gds_library_search_words_apply();
CREATE TRIGGER library_search_words_delete AFTER DELETE ON library_search_docs
  REFERENCING OLD TABLE AS old_docs FOR EACH STATEMENT EXECUTE FUNCTION gds_library_search_words_apply();

-- The (audience, facet, value) pairs of some resources' rows that are listed; '_total' once each.
-- Array facets count every element, as the search's own counting does (unnest).
CREATE FUNCTION gds_library_facet_pairs(listed boolean, visibility text, school_id uuid, levels text[],
    grades int[], subjects text[], kind text, licence_code text, series_code text)
  RETURNS TABLE (audience text, facet text, value text)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE visibility WHEN 'school' THEN 'school:' || school_id ELSE visibility END, f.facet, f.value
    FROM (
      SELECT '_total'::text AS facet, ''::text AS value
      UNION ALL SELECT 'level', unnest(levels)
      UNION ALL SELECT 'grade', unnest(grades)::text
      UNION ALL SELECT 'subject', unnest(subjects)
      UNION ALL SELECT 'kind', kind
      UNION ALL SELECT 'licence', licence_code
      UNION ALL SELECT 'series', series_code WHERE series_code IS NOT NULL
    ) f
    WHERE listed
  $$;

-- Applies the difference between the old and new rows of one statement to both tables: +1 per
-- new listed row, -1 per old one. Rows are upserted in key order so that concurrent publishes
-- take the counters' row locks in the same order (no deadlock). INSERT has no old rows and
-- DELETE no new ones: each event has its own trigger and its own statement text below.
CREATE FUNCTION gds_library_search_facet_counts_apply() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    src text := CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT r.*, 1 AS d FROM new_rows r WHERE r.listed'
      WHEN 'DELETE' THEN 'SELECT r.*, -1 AS d FROM old_rows r WHERE r.listed'
      ELSE 'SELECT r.*, 1 AS d FROM new_rows r WHERE r.listed UNION ALL SELECT r.*, -1 FROM old_rows r WHERE r.listed'
    END;
  BEGIN
    EXECUTE format($q$
      INSERT INTO library_search_facet_cells AS c (audience, levels, grades, subjects, kind, licence_code, series_code, n)
      SELECT CASE x.visibility WHEN 'school' THEN 'school:' || x.school_id ELSE x.visibility END,
        x.levels, x.grades, x.subjects, x.kind, x.licence_code, x.series_code, sum(x.d)
      FROM (%s) x
      GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(x.d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT ON CONSTRAINT library_search_facet_cells_key DO UPDATE SET n = c.n + EXCLUDED.n$q$, src);
    EXECUTE format($q$
      INSERT INTO library_search_facet_counts AS c (audience, facet, value, count)
      SELECT p.audience, p.facet, p.value, sum(x.d)
      FROM (%s) x, gds_library_facet_pairs(true, x.visibility, x.school_id, x.levels, x.grades, x.subjects,
        x.kind, x.licence_code, x.series_code) p
      GROUP BY 1, 2, 3 HAVING sum(x.d) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (audience, facet, value) DO UPDATE SET count = c.count + EXCLUDED.count$q$, src);
    IF TG_OP = 'UPDATE' THEN
      DELETE FROM library_search_docs d USING (
        SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.listed, n.visibility, n.school_id, n.levels, n.grades, n.subjects, n.kind, n.licence_code,
               n.series_code, n.published_at, n.search_vector, n.title_key)
          IS DISTINCT FROM (o.listed, o.visibility, o.school_id, o.levels, o.grades, o.subjects, o.kind,
               o.licence_code, o.series_code, o.published_at, o.search_vector, o.title_key)) c
      WHERE d.id = c.id;
      INSERT INTO library_search_docs
      SELECT n.id, CASE n.visibility WHEN 'school' THEN 'school:' || n.school_id ELSE n.visibility END, n.levels,
        n.grades, n.subjects, n.kind, n.licence_code, n.series_code, n.published_at, n.search_vector, n.title_key
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.listed AND (n.listed, n.visibility, n.school_id, n.levels, n.grades, n.subjects, n.kind, n.licence_code,
               n.series_code, n.published_at, n.search_vector, n.title_key)
          IS DISTINCT FROM (o.listed, o.visibility, o.school_id, o.levels, o.grades, o.subjects, o.kind,
               o.licence_code, o.series_code, o.published_at, o.search_vector, o.title_key);
    ELSIF TG_OP = 'INSERT' THEN
      INSERT INTO library_search_docs
      SELECT n.id, CASE n.visibility WHEN 'school' THEN 'school:' || n.school_id ELSE n.visibility END, n.levels,
        n.grades, n.subjects, n.kind, n.licence_code, n.series_code, n.published_at, n.search_vector, n.title_key
      FROM new_rows n WHERE n.listed;
    ELSE
      DELETE FROM library_search_docs d USING old_rows o WHERE d.id = o.id;
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER library_search_facet_counts_insert AFTER INSERT ON library_resources
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gds_library_search_facet_counts_apply();
CREATE TRIGGER library_search_facet_counts_update AFTER UPDATE ON library_resources
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gds_library_search_facet_counts_apply();
CREATE TRIGGER library_search_facet_counts_delete AFTER DELETE ON library_resources
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gds_library_search_facet_counts_apply();

-- What is already there.
INSERT INTO library_search_docs
SELECT id, CASE visibility WHEN 'school' THEN 'school:' || school_id ELSE visibility END, levels, grades, subjects,
  kind, licence_code, series_code, published_at, search_vector, title_key
FROM library_resources WHERE listed;
INSERT INTO library_search_facet_cells (audience, levels, grades, subjects, kind, licence_code, series_code, n)
SELECT CASE visibility WHEN 'school' THEN 'school:' || school_id ELSE visibility END,
  levels, grades, subjects, kind, licence_code, series_code, count(*)
FROM library_resources WHERE listed GROUP BY 1, 2, 3, 4, 5, 6, 7;
INSERT INTO library_search_facet_counts (audience, facet, value, count)
SELECT p.audience, p.facet, p.value, count(*)
FROM library_resources r, gds_library_facet_pairs(r.listed, r.visibility, r.school_id, r.levels, r.grades, r.subjects,
  r.kind, r.licence_code, r.series_code) p
GROUP BY 1, 2, 3;

-- Derived tables are written by the triggers above. A row written into one of them directly
-- (not from a trigger: pg_trigger_depth() = 0) replaces the row of the same key: a backup's
-- restore loads library_resources first (these tables' names sort after it, and the restore
-- loads in name order where no foreign key orders), whose triggers rebuild them, then copies
-- the archived rows, which are the same figures taken in the same snapshot.
CREATE FUNCTION gds_library_derived_replace() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    CASE TG_TABLE_NAME
      WHEN 'library_search_facet_counts' THEN
        DELETE FROM library_search_facet_counts
        WHERE (audience, facet, value) = (NEW.audience, NEW.facet, NEW.value);
      WHEN 'library_search_facet_cells' THEN
        DELETE FROM library_search_facet_cells
        WHERE (audience, levels, grades, subjects, kind, licence_code) =
          (NEW.audience, NEW.levels, NEW.grades, NEW.subjects, NEW.kind, NEW.licence_code)
          AND series_code IS NOT DISTINCT FROM NEW.series_code;
      WHEN 'library_search_docs' THEN DELETE FROM library_search_docs WHERE id = NEW.id;
      WHEN 'library_search_words' THEN DELETE FROM library_search_words WHERE word = NEW.word;
      WHEN 'library_search_generation' THEN DELETE FROM library_search_generation WHERE id = NEW.id;
    END CASE;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER library_search_facet_counts_direct BEFORE INSERT ON library_search_facet_counts
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION gds_library_derived_replace();
CREATE TRIGGER library_search_facet_cells_direct BEFORE INSERT ON library_search_facet_cells
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION gds_library_derived_replace();
CREATE TRIGGER library_search_docs_direct BEFORE INSERT ON library_search_docs
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION gds_library_derived_replace();
CREATE TRIGGER library_search_words_direct BEFORE INSERT ON library_search_words
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION gds_library_derived_replace();
CREATE TRIGGER library_search_generation_direct BEFORE INSERT ON library_search_generation
  FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION gds_library_derived_replace();

-- 6. Indexes for the filters the facet counting narrows by (each a partial index on listed, like
--    0015's): a filter-only search reads the rows that fail at most one filter through them.
CREATE INDEX library_resources_levels ON library_resources USING gin (levels) WHERE listed;
CREATE INDEX library_resources_grades ON library_resources USING gin (grades) WHERE listed;
CREATE INDEX library_resources_kind ON library_resources (kind) WHERE listed;
CREATE INDEX library_resources_licence ON library_resources (licence_code) WHERE listed;
CREATE INDEX library_resources_series ON library_resources (series_code) WHERE listed;
