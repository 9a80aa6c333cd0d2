-- Per-directive tallies of its recipients, so that the province-wide read model of the
-- dashboards (directives.read-model.ts) sums a row per directive instead of scanning every
-- recipient (a busy year: 300 directives × 450 schools = 135,000 rows). Lateness depends on
-- today, so the tally keeps what does not: recipients, read, complied, complied after the
-- deadline; "not complied and the deadline passed" is recipients − complied on a past deadline.
-- Kept by statement triggers on directive_recipients (transition tables), in the writing
-- transaction; a restore rebuilds it as it loads directive_recipients (0028's rule).

CREATE TABLE directive_tallies (
  directive_id uuid PRIMARY KEY REFERENCES directives(id),
  deadline date,
  recipients int NOT NULL DEFAULT 0,
  read int NOT NULL DEFAULT 0,
  complied int NOT NULL DEFAULT 0,
  complied_late int NOT NULL DEFAULT 0
);
COMMENT ON TABLE directive_tallies IS 'derived: per-directive counts of recipients, kept by triggers on directive_recipients (0032)';

CREATE FUNCTION directive_tallies_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO directive_tallies AS t (directive_id, deadline, recipients, read, complied, complied_late)
    SELECT directive_id, max(deadline), count(*), count(first_read_at), count(complied_on),
      count(*) FILTER (WHERE complied_on > deadline)
    FROM new_rows GROUP BY directive_id
    ON CONFLICT (directive_id) DO UPDATE SET deadline = EXCLUDED.deadline,
      recipients = t.recipients + EXCLUDED.recipients, read = t.read + EXCLUDED.read,
      complied = t.complied + EXCLUDED.complied, complied_late = t.complied_late + EXCLUDED.complied_late;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE directive_tallies t SET deadline = x.deadline, recipients = t.recipients + x.recipients,
      read = t.read + x.read, complied = t.complied + x.complied, complied_late = t.complied_late + x.complied_late
    FROM (
      SELECT directive_id, max(deadline) FILTER (WHERE s = 1) AS deadline, sum(s) AS recipients,
        coalesce(sum(s) FILTER (WHERE first_read_at IS NOT NULL), 0) AS read,
        coalesce(sum(s) FILTER (WHERE complied_on IS NOT NULL), 0) AS complied,
        coalesce(sum(s) FILTER (WHERE complied_on > deadline), 0) AS complied_late
      FROM (SELECT 1 AS s, n.* FROM new_rows n UNION ALL SELECT -1 AS s, o.* FROM old_rows o) y
      GROUP BY directive_id
    ) x
    WHERE t.directive_id = x.directive_id;
  ELSE
    UPDATE directive_tallies t SET recipients = t.recipients - x.recipients, read = t.read - x.read,
      complied = t.complied - x.complied, complied_late = t.complied_late - x.complied_late
    FROM (
      SELECT directive_id, count(*) AS recipients, count(first_read_at) AS read, count(complied_on) AS complied,
        count(*) FILTER (WHERE complied_on > deadline) AS complied_late
      FROM old_rows GROUP BY directive_id
    ) x
    WHERE t.directive_id = x.directive_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER directive_tallies_insert AFTER INSERT ON directive_recipients
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directive_tallies_apply();
CREATE TRIGGER directive_tallies_update AFTER UPDATE ON directive_recipients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directive_tallies_apply();
CREATE TRIGGER directive_tallies_delete AFTER DELETE ON directive_recipients
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directive_tallies_apply();
