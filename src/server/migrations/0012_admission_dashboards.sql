-- Admission dashboards (issue 3, item 6): staff see applications by status and the demand per
-- school, commune and province; during registration the demand per school may be published so
-- that families can adjust their wishes. Publication is a switch per round, kept here (not on
-- admission_rounds, which the round configuration owns) and audited by the service.

CREATE TABLE admission_demand_publications (
  round_id uuid PRIMARY KEY REFERENCES admission_rounds(id) ON DELETE CASCADE,
  published boolean NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_by uuid
);

-- Applications per day of a round (the dashboard's chart) read dossiers.received_at through the
-- join on the primary key; the per-school figures use admission_applications_round_school.
