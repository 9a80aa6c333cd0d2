-- The child's parents or guardians as the family gives them (issue 3, item 2: "child, parents,
-- residence …"): [{"fullName", "relation": father|mother|guardian, "phone"?}]. When the family
-- gives none, the population registry's guardians of the child are kept (names, relations).
ALTER TABLE admission_applications
  ADD COLUMN guardians jsonb NOT NULL DEFAULT '[]'
    CHECK (jsonb_typeof(guardians) = 'array' AND jsonb_array_length(guardians) <= 4);
