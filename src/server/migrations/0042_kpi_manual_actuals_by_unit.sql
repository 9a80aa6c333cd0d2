-- The KPI cards of a unit read every manual indicator's actuals of that unit in one query
-- (kpis.repository manualActualsOfUnit: WHERE unit_id = $1 AND year = ANY($2)); the primary key
-- (indicator_id, year, unit_id) does not lead with the unit.
CREATE INDEX kpi_manual_actuals_unit_year ON kpi_manual_actuals (unit_id, year);
