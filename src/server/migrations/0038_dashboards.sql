-- Operations dashboards (issue 6, item 6): no tables of their own (every figure is read from the
-- modules' read models on demand); this grants the permission to see them.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['dashboards.read']::text[]))
  WHERE code IN ('department_leader', 'department_staff', 'commune_education_officer', 'principal', 'system_admin');
