-- Issue 4: edits of a published resource's metadata are reviewed like a new version.
-- The columns of library_resources stay what readers, search, OAI-PMH and the facet tables see
-- (the published description); a contributor's edit waits here, in the shape of the API's
-- metadata (camelCase keys, validated by the service), until a moderator publishes it. A return
-- keeps it for the contributor to fix; a take-down drops it (kept in the audit log).
ALTER TABLE library_resources ADD COLUMN proposed_metadata jsonb
  CHECK (proposed_metadata IS NULL OR jsonb_typeof(proposed_metadata) = 'object');

-- OAI-PMH lists the public subset in (updated_at, id) order with resumption tokens; this keeps a
-- harvest page an index range instead of a sort of the whole table.
CREATE INDEX library_resources_oai ON library_resources (updated_at, id)
  WHERE visibility = 'public' AND published_version_id IS NOT NULL;
