import type { PublishOutcome } from '../../../../shared/admission-results.schema.ts';
import { type Actor, actorLabel } from '../../../platform/actor.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { AppError, found } from '../../../platform/errors.ts';
import { insertOutbox } from '../../../platform/notify/outbox.repository.ts';
import type { Platform } from '../../../platform/platform.ts';
import { findRound, type RoundRow, touchRound } from '../rounds/round.repository.ts';
import { invalid, type RoundContext } from '../rounds/round-context.ts';
import { findTransition } from '../rounds/round-lifecycle.ts';
import { findRoundSchools } from '../rounds/round-schools.repository.ts';
import { publishLine } from './result-explain.ts';
import type { ResultLookupService } from './result-lookup.service.ts';
import { outboxRow, resultLink } from './result-messages.ts';
import * as repo from './results.repository.ts';

/**
 * Publication of a round's results: the round goes `allocating → published` and the final run's
 * results are copied into admission_results in the same transaction, with one message per family
 * in the outbox and the audit entries. A round already moved to `published` through the plain
 * status endpoint (which cannot snapshot) is snapshotted here without a second status change.
 */
export class ResultPublishService {
  readonly #p: Platform;
  readonly #rounds: RoundContext;
  readonly #lookup: ResultLookupService;

  constructor(platform: Platform, rounds: RoundContext, lookup: ResultLookupService) {
    this.#p = platform;
    this.#rounds = rounds;
    this.#lookup = lookup;
  }

  async publish(actor: Actor, roundId: string, body: { expectedVersion: number }): Promise<PublishOutcome> {
    if (actor.kind === 'anonymous') throw new AppError('auth.required');
    const outcome = await this.#p.db.transaction().execute(async (trx) => {
      const row = await this.#rounds.lockForWrite(trx, actor, roundId, body.expectedVersion, 'admissions.allocate');
      if (await repo.findPublication(trx, roundId))
        throw new AppError('resource.conflict', {
          details: [{ path: 'params.roundId', message: 'kết quả đã được công bố / results already published' }],
        });
      if (row.status !== 'published' && !findTransition(row.status, 'published'))
        throw invalid([
          {
            path: 'status',
            message: `công bố khi đang xét tuyển (allocating), hiện: ${row.status} / publish from allocating, now: ${row.status}`,
          },
        ]);
      const run = await repo.findFinalRun(trx, roundId);
      if (!run)
        throw invalid([{ path: 'status', message: 'chưa có lần xét tuyển chính thức / no final allocation run yet' }]);
      if (row.status !== 'published') {
        await touchRound(trx, roundId, { status: 'published' }, actorLabel(actor).id);
        await this.#rounds.audit(trx, actor, row, 'status', { status: row.status }, { status: 'published' });
      }
      return snapshotResults(this.#p, trx, actor, row, run.id);
    });
    this.#lookup.evict();
    return outcome;
  }
}

/**
 * The round hook `onPublished`: a round moved to `published` through the plain status endpoint
 * (or by the demo) gets its snapshot in the same transaction. Nothing if it already has one.
 */
export async function snapshotOnPublished(p: Platform, trx: Executor, actor: Actor, round: RoundRow): Promise<void> {
  if (await repo.findPublication(trx, round.id)) return;
  const run = await repo.findFinalRun(trx, round.id);
  if (!run)
    throw invalid([{ path: 'status', message: 'chưa có lần xét tuyển chính thức / no final allocation run yet' }]);
  await snapshotResults(p, trx, actor, round, run.id);
}

/** Copies the final run's results into admission_results, tells the families, audits. */
async function snapshotResults(
  p: Platform,
  trx: Executor,
  actor: Actor,
  round: RoundRow,
  runId: string,
): Promise<PublishOutcome> {
  const pub = await repo.insertPublication(trx, { roundId: round.id, runId, by: actorLabel(actor).id });
  const lines = await repo.findApplicationsWithRunResults(trx, round.id, runId);
  const names = new Map((await findRoundSchools(trx, [round.id])).map((s) => [s.school_id, s.name]));
  const published = lines.map((l) => ({
    l,
    r: publishLine(round.level, {
      wishes: l.wishes,
      inRun: l.in_run,
      schoolId: l.school_id,
      reason: l.reason,
      explanation: l.explanation,
      wishNo: l.wish_no,
    }),
  }));
  await repo.insertResults(
    trx,
    published.map(({ l, r }) => ({
      round_id: round.id,
      dossier_id: l.dossier_id,
      dossier_code: l.dossier_code,
      applicant_key: l.applicant_key,
      date_of_birth: l.date_of_birth,
      outcome: r.outcome,
      school_id: r.schoolId,
      wish: r.wish,
      reason: r.reason,
      explanation_vi: r.explanation.vi,
      explanation_en: r.explanation.en,
      confirmation: r.outcome === 'admitted' ? 'pending' : 'not_applicable',
    })),
  );
  // Families whose application took part are told; a withdrawn one already knows.
  const told = published.filter(({ r }) => r.outcome !== 'not_considered');
  const confirmTo = round.confirm_to.toISOString();
  const rows = told.map(({ l, r }) =>
    outboxRow(
      {
        template: 'admissions.result.published',
        code: l.dossier_code,
        roundName: round.name,
        schoolName: r.schoolId ? (names.get(r.schoolId) ?? '') : null,
        admitted: r.outcome === 'admitted',
        confirmTo,
        link: resultLink(p.config.PUBLIC_URL, l.dossier_code),
      },
      {
        channel: l.contact_channel,
        address: l.contact_address,
        locale: l.locale,
        dossierId: l.dossier_id,
        unitId: r.schoolId ?? round.running_unit_id,
      },
    ),
  );
  for (let i = 0; i < rows.length; i += 1000) await insertOutbox(trx, rows.slice(i, i + 1000));
  const count = (o: string) => published.filter(({ r }) => r.outcome === o).length;
  const outcome: PublishOutcome = {
    roundId: round.id,
    runId,
    publishedAt: new Date(pub.published_at).toISOString(),
    admitted: count('admitted'),
    notAdmitted: count('not_admitted'),
    notConsidered: count('not_considered'),
    notified: rows.length,
  };
  await p.audit.record(trx, actor, {
    action: 'admissions.results.publish',
    entityType: 'admission_round',
    entityId: round.id,
    unitId: round.running_unit_id,
    before: null,
    after: outcome,
  });
  return outcome;
}

/** The round, after checking `permission` on its running unit (404 for an unknown round). */
export async function authoriseRound(
  p: Platform,
  db: Executor,
  actor: Actor,
  roundId: string,
  permission: 'admissions.allocate' | 'admissions.manage',
): Promise<RoundRow> {
  if (actor.kind === 'anonymous') throw new AppError('auth.required');
  const round = found(await findRound(db, roundId));
  await p.access.require(actor, permission, { unitId: round.running_unit_id });
  return round;
}
