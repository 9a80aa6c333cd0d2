-- Tables whose rows are derived by triggers from other tables are marked, so that a backup
-- leaves them out and a restore rebuilds them as it loads their sources (platform/backup,
-- catalog.ts listTables). Loading them as well made a restore fail or count twice depending on
-- the order of the tables (library_search_docs was loaded before library_resources, whose
-- trigger then inserted the same documents again).
COMMENT ON TABLE library_search_facet_counts IS 'derived: facet counts per audience, kept by triggers on library_resources (0017)';
COMMENT ON TABLE library_search_facet_cells IS 'derived: listed resources per facet combination, kept by triggers on library_resources (0017)';
COMMENT ON TABLE library_search_docs IS 'derived: the search copy of listed resources, kept by triggers on library_resources (0017)';
COMMENT ON TABLE library_search_words IS 'derived: the words of the search copy, kept by triggers on library_search_docs (0017)';
COMMENT ON TABLE library_search_generation IS 'derived: a change counter of the search tables for per-node caches (0017)';
COMMENT ON TABLE library_usage_per_day IS 'derived: daily usage totals, kept by a trigger on library_usage_events (0019)';
