-- The notification outbox is read by the staff who answer families ("I did not get the
-- message"): principals, commune education officers and the Sở's admissions officers, each
-- for the messages about dossiers of their own units (the outbox view is scoped by unit).
UPDATE roles SET permissions = array(SELECT DISTINCT unnest(permissions || ARRAY['notify.outbox.read']))
  WHERE code IN ('principal', 'commune_education_officer', 'department_admissions_officer');
