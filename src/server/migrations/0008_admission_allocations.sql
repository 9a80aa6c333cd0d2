-- Allocation runs of admission rounds (issue 3, item 4): practice runs before the real one, the
-- SHA-256 of the inputs shown before a run and stored with it, and one result per application.
-- The allocation itself is the pure library in src/server/modules/admissions/allocation; the
-- service in src/server/modules/admissions/allocation-runs reads the round, runs it and writes here.

CREATE TABLE admission_allocation_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES admission_rounds(id),
  -- 'practice': as many as needed, to check the configuration; 'final': the one that is published.
  kind text NOT NULL CHECK (kind IN ('practice', 'final')),
  -- hashCatchmentInputs / hashGrade10Inputs of the inputs, as shown to the officer before the run.
  inputs_sha256 text NOT NULL CHECK (inputs_sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Results are written in the run's transaction, so a stored run is always complete.
  status text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed')),
  -- { level, seed, applicants, placed, unplaced, schools: [per school: seats, admitted by reason, cut-off] }
  summary jsonb NOT NULL CHECK (jsonb_typeof(summary) = 'object')
);
CREATE INDEX admission_allocation_runs_round ON admission_allocation_runs (round_id, created_at);
-- One real allocation per round: publishing results requires it (RoundHooks.publishBlocker).
CREATE UNIQUE INDEX admission_allocation_runs_one_final ON admission_allocation_runs (round_id) WHERE kind = 'final';

CREATE TABLE admission_allocation_results (
  run_id uuid NOT NULL REFERENCES admission_allocation_runs(id) ON DELETE CASCADE,
  dossier_id uuid NOT NULL REFERENCES admission_applications(dossier_id),
  -- The admitted school; null when no wish could be met.
  school_id uuid REFERENCES org_units(id),
  -- in_catchment | priority_group | lottery | seats_available | seats_full (CatchmentReason).
  reason text NOT NULL,
  -- The library's result for the applicant (wish by wish, lottery number), to explain it.
  explanation jsonb NOT NULL CHECK (jsonb_typeof(explanation) = 'object'),
  PRIMARY KEY (run_id, dossier_id)
);
CREATE INDEX admission_allocation_results_dossier ON admission_allocation_results (dossier_id);
