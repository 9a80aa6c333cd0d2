-- Grade-10 entrance exam scores and what grade-10 allocation runs store (issue 3, item 4).
-- Scores belong to an application (its dossier), never to a raw personal id: the child is known
-- here only through admission_applications (Decree 13/2023/NĐ-CP). Staff import them from .xlsx
-- or correct one record with a reason (src/server/modules/admissions/exam-scores); once a final
-- allocation run exists they are frozen (the service refuses with 409 admissions.scores_frozen).

CREATE TABLE admission_exam_scores (
  dossier_id uuid PRIMARY KEY REFERENCES admission_applications(dossier_id),
  round_id uuid NOT NULL REFERENCES admission_rounds(id),
  -- Số báo danh: the candidate's exam registration number, unique within the round.
  registration_no text NOT NULL CHECK (registration_no ~ '^[A-Z0-9][A-Z0-9._-]{0,19}$'),
  -- { "<subject code>": mark } for every subject of the round's rules; marks 0–10, two decimals
  -- at most (validated in exam-score-rules.ts). Empty for a candidate absent or disqualified.
  marks jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(marks) = 'object'),
  priority_points numeric(4, 2) NOT NULL DEFAULT 0 CHECK (priority_points BETWEEN 0 AND 5),
  bonus_points numeric(4, 2) NOT NULL DEFAULT 0 CHECK (bonus_points BETWEEN 0 AND 5),
  -- Vắng thi / vi phạm quy chế thi: takes no part in the allocation (reported as such).
  absent boolean NOT NULL DEFAULT false,
  disqualified boolean NOT NULL DEFAULT false,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  UNIQUE (round_id, registration_no)
);
-- The list of a round's scores, and the join of a grade-10 run (round → applications → scores).
CREATE INDEX admission_exam_scores_round ON admission_exam_scores (round_id, dossier_id);

-- Grade-10 results: the stage (specialised | ordinary), the admitting wish (1 = NV1) and the total
-- in hundredths (3650 = 36,50), so that results can be listed and published without parsing the
-- explanation. Null for grades 1/6 and for applicants not admitted (total: null when absent).
ALTER TABLE admission_allocation_results
  ADD COLUMN stage text CHECK (stage IS NULL OR stage IN ('specialised', 'ordinary')),
  ADD COLUMN wish_no smallint CHECK (wish_no IS NULL OR wish_no BETWEEN 1 AND 10),
  ADD COLUMN total_hundredths int;

-- Per school and run: seats, admitted, and the cut-off (điểm chuẩn) in hundredths, published
-- together with the scores (Thông tư 30/2024/TT-BGDĐT). cutoff is null when every applicant of the
-- school was admitted with seats to spare.
CREATE TABLE admission_allocation_cutoffs (
  run_id uuid NOT NULL REFERENCES admission_allocation_runs(id) ON DELETE CASCADE,
  school_id uuid NOT NULL REFERENCES org_units(id),
  stage text NOT NULL CHECK (stage IN ('specialised', 'ordinary')),
  seats int NOT NULL CHECK (seats >= 0),
  admitted int NOT NULL CHECK (admitted >= 0),
  cutoff_hundredths int,
  rejected int NOT NULL DEFAULT 0,
  over_capacity int NOT NULL DEFAULT 0,
  tie_excluded int NOT NULL DEFAULT 0,
  empty_seats int NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, school_id)
);
