import type { BulkBody, BulkResult, ProcessingAction } from '../../../../shared/admission-processing.schema.ts';
import type { DossierState, StaffAction, TransitionDetails } from '../../../../shared/dossiers.schema.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Platform } from '../../../platform/platform.ts';
import { dossierEngine } from '../../dossiers/dossier-engine.ts';
import { findBulkTargets } from './processing.repository.ts';
import { type ProcessingStep, stepsFor } from './processing-steps.ts';
import { reviewableApplication, reviewRoots, roundOf } from './review-scope.ts';

/** What the last step says to the parent: the reason, and for a supplement what is missing. */
interface StepWords {
  reason?: string | undefined;
  details?: TransitionDetails | undefined;
}

/** Bulk actions run on this many dossiers at once (each in its own transaction, as the engine does). */
const BULK_CONCURRENCY = 4;

/**
 * Review actions of admissions, all through the dossier engine (state machine, optimistic
 * version, transition, outbox message and audit entry in one transaction per step). The engine
 * also checks `dossiers.process` on the dossier's school; admissions first checks the review
 * scope of the queue (review-scope.ts).
 */
export class ApplicationActionsService {
  readonly #p: Platform;

  constructor(platform: Platform) {
    this.#p = platform;
  }

  /** One action on one application, on the dossier version the reviewer saw. */
  async act(actor: Actor, dossierId: string, body: ProcessingAction): Promise<void> {
    await reviewableApplication(this.#p, actor, dossierId);
    const dossier = await dossierEngine(this.#p).dossiers.get(actor, dossierId);
    if (dossier.version !== body.expectedVersion) throw new AppError('resource.stale');
    const words: StepWords =
      body.action === 'request_supplement'
        ? {
            reason: body.reason,
            details: { documents: body.documents, ...(body.note !== undefined && { note: body.note }) },
          }
        : body.action === 'reject'
          ? { reason: body.reason }
          : {};
    await this.#run(actor, dossierId, dossier.state, dossier.version, body.action, words);
  }

  /**
   * The same action on up to 500 applications of a round. Each is checked on its own (in the
   * round, in the actor's scope, in a state that allows it) and taken in its own transactions;
   * the answer lists every dossier with ok or its error code: a partial success is reported.
   */
  async bulk(actor: Actor, roundId: string, body: BulkBody): Promise<BulkResult> {
    const round = await roundOf(this.#p, roundId);
    const roots = await reviewRoots(this.#p, actor, round);
    const ids = [...new Set(body.dossierIds)];
    const targets = new Map(
      (await findBulkTargets(this.#p.db, roundId, ids, roots)).map((t) => [t.dossier_id, t] as const),
    );
    const step: ProcessingStep = body.action === 'approve' ? 'verify' : body.action;
    const words: StepWords = body.action === 'reject' ? { reason: body.reason } : {};
    const items: BulkResult['items'] = new Array(ids.length);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        const id = ids[i]!;
        const t = targets.get(id);
        if (!t) {
          items[i] = { dossierId: id, ok: false, state: null, error: 'resource.not_found' };
          continue;
        }
        try {
          const state = await this.#run(actor, id, t.state as DossierState, t.version, step, words);
          items[i] = { dossierId: id, ok: true, state, error: null };
        } catch (err) {
          if (!(err instanceof AppError)) this.#p.log.error({ err, dossierId: id }, 'bulk admission action failed');
          const error = err instanceof AppError ? err.code : 'internal';
          items[i] = { dossierId: id, ok: false, state: t.state as DossierState, error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, worker));
    const succeeded = items.filter((x) => x.ok).length;
    return { action: body.action, succeeded, failed: items.length - succeeded, items };
  }

  /** Takes the engine's steps of an action from `state`/`version`; the state reached. */
  async #run(
    actor: Actor,
    dossierId: string,
    state: DossierState,
    version: number,
    action: ProcessingStep,
    words: StepWords,
  ): Promise<DossierState> {
    const steps = stepsFor(state, action);
    if (!steps)
      throw new AppError('dossier.invalid_transition', {
        details: [{ path: 'action', message: `${state} → ${action}` }],
      });
    const engine = dossierEngine(this.#p).dossiers;
    let v = version;
    let reached = state;
    for (const [i, s] of steps.entries()) {
      const last = i === steps.length - 1;
      const done = await engine.act(actor, dossierId, {
        action: s as StaffAction,
        expectedVersion: v,
        ...(last && words.reason !== undefined && { reason: words.reason }),
        ...(last && words.details !== undefined && { details: words.details }),
      });
      v = done.version;
      reached = done.state;
    }
    return reached;
  }
}
