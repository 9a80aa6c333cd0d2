-- The system administrator creates the accounts of every role (nobody may grant a role carrying
-- a permission they lack, see users.service). The steering migrations (0029–0038) gave the Sở's
-- staff, commune officers, principals and school IT officers permissions the administrator did
-- not hold, so it could no longer create a principal. As the library (0015, 0019) and diploma
-- (0022) migrations did, the administrator receives them too: every permission any other role
-- carries today.
UPDATE roles SET permissions = ARRAY(
  SELECT DISTINCT p FROM (
    SELECT unnest(permissions) AS p FROM roles WHERE code = 'system_admin'
    UNION
    SELECT unnest(permissions) FROM roles WHERE code <> 'system_admin'
  ) all_permissions ORDER BY p
)
WHERE code = 'system_admin';
