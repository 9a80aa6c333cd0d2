import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExamScoreImportReport, ExamScorePage } from '../../../shared/admission-exam-scores.schema.ts';
import { apiGet, apiSend } from '../../lib/api.ts';

/** GET …/allocation: the inputs hash shown before a run (allocation-run.service.ts, PreparedRound). */
export interface PreparedRound {
  roundId: string;
  level: number;
  status: string;
  applicants: number;
  schools: number;
  seedPublished: boolean;
  inputsSha256: string;
}

/** A school of a run's summary: grades 1/6 carry the lottery cut-off, grade 10 a points cut-off. */
export interface RunSchool {
  schoolId: string;
  name: string;
  seats: number;
  admitted: number;
  inCatchment?: number;
  byLottery?: number;
  emptySeats?: number;
  lastLottery?: { priorityRank: number | null; lottery: number } | null;
  cutoff?: number | null;
}

export interface RunView {
  id: string;
  roundId: string;
  kind: 'practice' | 'final';
  inputsSha256: string;
  createdBy: string | null;
  createdAt: string;
  status: string;
  summary: { level: number; applicants: number; placed: number; unplaced: number; schools: RunSchool[] };
}

export interface RunResultLine {
  dossierId: string;
  dossierCode: string;
  childName: string;
  schoolId: string | null;
  reason: string;
  explanation: { vi: string; en: string };
}

type Cutoff = number | { priorityRank: number | null; lottery: number } | null;
export interface RunDiff {
  applicants: { applicantId: string; before: string | null; after: string | null }[];
  schools: { schoolId: string; before: Cutoff; after: Cutoff }[];
}

const base = (roundId: string) => `/api/admissions/rounds/${roundId}/allocation`;

export function usePrepared(roundId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['admission-allocation', roundId, 'prepared'],
    queryFn: ({ signal }) => apiGet<PreparedRound>(base(roundId), undefined, signal),
    retry: false,
  });
}

export function useRuns(roundId: string) {
  return useQuery({
    queryKey: ['admission-allocation', roundId, 'runs'],
    queryFn: ({ signal }) => apiGet<RunView[]>(`${base(roundId)}/runs`, undefined, signal),
  });
}

export function useRun(roundId: string, runId: string | null) {
  return useQuery({
    queryKey: ['admission-allocation', roundId, 'run', runId],
    queryFn: ({ signal }) =>
      apiGet<{ run: RunView; results: RunResultLine[] }>(`${base(roundId)}/runs/${runId}`, undefined, signal),
    enabled: runId !== null,
  });
}

export function useDiff(roundId: string, pair: { a: string; b: string } | null) {
  return useQuery({
    queryKey: ['admission-allocation', roundId, 'diff', pair],
    queryFn: ({ signal }) => apiGet<RunDiff>(`${base(roundId)}/diff`, pair ?? undefined, signal),
    enabled: pair !== null,
  });
}

export function useStartRun(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: 'practice' | 'final'; expectedInputsHash: string }) =>
      apiSend<RunView>('POST', `${base(roundId)}/runs`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['admission-allocation', roundId] }),
  });
}

// ── Grade 10: exam scores (exam-scores/exam-score.routes.ts) ─────────────────────────────────
const scores = (roundId: string) => `/api/admissions/rounds/${roundId}/exam-scores`;

export const templateUrl = (roundId: string) => `${scores(roundId)}/template.xlsx`;

export function useExamScores(roundId: string, query: { q?: string; missing?: boolean; page: number }) {
  return useQuery({
    queryKey: ['admission-allocation', roundId, 'scores', query],
    queryFn: ({ signal }) => apiGet<ExamScorePage>(scores(roundId), { ...query, pageSize: 20 }, signal),
  });
}

export function useImportScores(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return apiSend<ExamScoreImportReport>('POST', `${scores(roundId)}/import`, form, { dryRun });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admission-allocation', roundId] }),
  });
}

export interface ScoreCorrection {
  dossierId: string;
  registrationNo: string;
  marks: Record<string, number>;
  priorityPoints: number;
  bonusPoints: number;
  absent: boolean;
  disqualified: boolean;
  reason: string;
  expectedVersion?: number | undefined;
}

export function useCorrectScore(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ dossierId, ...body }: ScoreCorrection) => apiSend('PUT', `${scores(roundId)}/${dossierId}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admission-allocation', roundId] }),
  });
}
