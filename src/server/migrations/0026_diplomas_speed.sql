-- Diploma registry search at scale (issue 5: 2,000,000 entries, name search p95 < 50 ms, serial
-- lookup p95 < 5 ms). Stay within PostgreSQL 15.
--
-- 0022 found names with a GIN over all the words of the name and sorted every match by name:
-- a common family + given name ("nguyen an", ~12,000 of 2 million) read and sorted thousands of
-- rows for a page of 20, and the planner, hoping to stop early, sometimes walked the whole name
-- index instead (seconds). A name search is now disjoint parts, merged by name
-- (entries.repository.ts, searchEntries):
--
-- (a) the given name (the last word, the rarest word of a Vietnamese name) is a word of the
--     query: given_key (stored) and the btree (given_key, name_key, birth_year, id) INCLUDE
--     (every other column a search filters on); for every pair (g, f) of words of the query
--     the names whose given name is g and that begin with f are read in name order from the
--     index alone (an index-only scan of one range), each tested there for the other words of
--     the query (on name_key), the birth date, the year, the type, the school and the register
--     (the staff scope), and the read stops at the page's last row: a top-N, not a sort of
--     every match. Names with the given name g not beginning with a word of the query hold the
--     query's other words as middle names: a GIN over the middle words finds them (few);
-- (b) otherwise all the query's words are among the name's other words: as a set from a GIN
--     over all words but the last (few rows when the query names a given name); when a query
--     names none ("nguyen van"), names beginning with a word of the query are read in name
--     order like (a) from the name btree (which now also holds the filtered columns, so that
--     this read too stays in the index) and names holding the words only among their middle
--     words come from a GIN over the middle words.
--
-- The union is exactly "every word of the query is a word of the name" (0022's meaning). The
-- GIN over all the words (diploma_entries_name_words) is no longer read and goes: it was also
-- the dearest index to keep up during an import.
ALTER TABLE diploma_entries
  ADD COLUMN given_key text GENERATED ALWAYS AS (split_part(gds_search_key(full_name), ' ', -1)) STORED;
CREATE INDEX diploma_entries_given ON diploma_entries (given_key, name_key COLLATE "C", birth_year, id)
  INCLUDE (year, register_id, type_code, birth_month, birth_day, school_key);
CREATE INDEX diploma_entries_name_in_order ON diploma_entries (name_key COLLATE "C", birth_year, id)
  INCLUDE (year, register_id, type_code, birth_month, birth_day, school_key);
DROP INDEX diploma_entries_name;
CREATE INDEX diploma_entries_head_words ON diploma_entries USING gin ((name_words[1:cardinality(name_words) - 1]));
CREATE INDEX diploma_entries_middle_words ON diploma_entries USING gin ((name_words[2:cardinality(name_words) - 1]));
DROP INDEX diploma_entries_name_words;
-- Which way a part of a search is read (a set through a GIN, or in name order) is chosen from
-- how often each word stands in names, as given name and as family name: finer statistics of
-- the words and of the given and first words (read by entries.repository.ts).
ALTER TABLE diploma_entries ALTER COLUMN name_words SET STATISTICS 1000, ALTER COLUMN given_key SET STATISTICS 1000;
CREATE STATISTICS diploma_entries_first_word ON (split_part(name_key, ' ', 1)) FROM diploma_entries;
ALTER STATISTICS diploma_entries_first_word SET STATISTICS 1000;
