import { createHash } from 'node:crypto';
import { createRandom, type Random } from '../../../demo/data/prng.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { groupsOf, levelOf, rulesOf } from '../rounds/round.presenter.ts';
import { findRound } from '../rounds/round.repository.ts';
import { findRoundApplications, type ScoreWrite, upsertScores } from './exam-score.repository.ts';
import { scoreProblems, scoreRulesOf } from './exam-score-rules.ts';

/** A mark in steps of 0,25 around `ability` (0–10), clamped to the scale. */
function mark(random: Random, ability: number): number {
  const noise = (random() + random() + random() - 1.5) * 2.4;
  return Math.min(10, Math.max(0, Math.round((ability + noise) * 4) / 4));
}

/**
 * Demo data (synthetic, never real candidates): gives every application of a grade-10 round that
 * takes part in the allocation plausible exam scores: marks in steps of 0,25 correlated through an
 * ability drawn per candidate (mean ≈ 6,3), the priority points of the group the application
 * claims, occasional bonus points within the round's cap, about 1 in 200 absent. Registration
 * numbers are "DEMO" and the digits of the dossier code (unique, and stable between calls). Deterministic: the same
 * round and applications give the same scores (a PRNG seeded by the round id). Replaces scores
 * already recorded; writes no audit entry (demo loading is not a staff action). Returns how many
 * records it wrote; 0 for a round that is not grade 10 by exam.
 */
export async function seedDemoExamScores(db: Executor, roundId: string): Promise<number> {
  const round = await findRound(db, roundId);
  if (!round || levelOf(round) !== 10) return 0;
  const rules = scoreRulesOf(rulesOf(round), groupsOf(round));
  if (!rules) return 0;
  const points = new Map(groupsOf(round).map((g) => [g.code, g.points ?? 0]));
  const seed = createHash('sha256').update(roundId).digest().readUInt32LE(0);
  const random = createRandom(seed);
  const apps = await findRoundApplications(db, roundId);
  const rows: ScoreWrite[] = apps.map((a) => {
    const ability = Math.min(9.6, Math.max(1.5, 6.3 + (random() + random() + random() + random() - 2) * 2.6));
    const absent = random() < 0.005;
    const marks: Record<string, number> = {};
    if (!absent) for (const s of rules.subjects) marks[s.code] = mark(random, ability);
    const bonus = rules.maxBonusPoints > 0 && random() < 0.08 ? Math.min(rules.maxBonusPoints, 0.5) : 0;
    return {
      dossierId: a.dossier_id,
      registrationNo: `DEMO${a.dossier_code.replace(/\D/g, '').slice(-16)}`,
      marks,
      priorityPoints: a.priority_group ? (points.get(a.priority_group) ?? 0) : 0,
      bonusPoints: bonus,
      absent,
      disqualified: false,
    };
  });
  const bad = rows.find((r) => scoreProblems(r, rules).length > 0);
  if (bad) throw new Error(`demo scores for ${bad.dossierId}: ${scoreProblems(bad, rules)[0]!.message}`);
  await upsertScores(db, roundId, rows, null);
  return rows.length;
}
