import type { OutboxPage } from '../../../shared/dossiers.schema.ts';
import type { Access } from '../access/access.ts';
import type { Actor } from '../actor.ts';
import type { Db, Executor } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { readNotifyConfig } from './notify-config.ts';
import {
  findOutbox,
  insertOutbox,
  leasePending,
  markFailed,
  markSent,
  type OutboxInsert,
} from './outbox.repository.ts';
import { LogSmsSender, type SmsSender } from './sms.ts';
import { HttpSmsSender, readSmsConfig } from './sms-http.ts';
import { type EmailSender, SmtpEmailSender } from './smtp.ts';
import { type DossierMessageData, type Locale, renderTemplate, type TemplateName } from './templates.ts';

export interface Notification {
  to: { email?: string | null; phone?: string | null };
  template: TemplateName;
  data: DossierMessageData;
  locale: Locale;
  /** What the message is about, for the outbox view and its access scope. */
  dossierId?: string | null;
  unitId?: string | null;
}

/** One outbox row per channel of a notification. */
function outboxRows(n: Notification): OutboxInsert[] {
  const r = renderTemplate(n.template, n.data, n.locale);
  const common = { template: n.template, locale: n.locale, dossierId: n.dossierId ?? null, unitId: n.unitId ?? null };
  const rows: OutboxInsert[] = [];
  if (n.to.email) rows.push({ ...common, channel: 'email', recipient: n.to.email, subject: r.subject, body: r.body });
  if (n.to.phone) rows.push({ ...common, channel: 'sms', recipient: n.to.phone, subject: null, body: r.sms });
  return rows;
}

/** The one way to notify someone. */
export interface Notifier {
  /**
   * Records the notification (one outbox row per channel). Pass the transaction of the change
   * it announces: the message is kept if and only if the change commits.
   */
  send(n: Notification, exec?: Executor): Promise<void>;
  /** Several notifications in one statement (a batch of filings). */
  sendMany(ns: readonly Notification[], exec?: Executor): Promise<void>;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 600;

/**
 * The outbox driver: every notification is a row of `notification_outbox`, written in the
 * caller's transaction; `deliverPending()` (scheduled every minute) sends unsent rows through
 * the e-mail and SMS senders and marks them. Without an e-mail sender (development), the
 * outbox is the delivery: rows are marked delivered by 'outbox' and read in the UI.
 */
export class OutboxNotifier implements Notifier {
  readonly #db: Db;
  readonly #access: Access;
  readonly #log: Logger;
  readonly #email: EmailSender | undefined;
  readonly #sms: SmsSender;

  constructor(opts: { db: Db; access: Access; log: Logger; email?: EmailSender | undefined; sms?: SmsSender }) {
    this.#db = opts.db;
    this.#access = opts.access;
    this.#log = opts.log;
    this.#email = opts.email;
    this.#sms = opts.sms ?? new LogSmsSender(opts.log);
  }

  /** Pure rewrites applied to every notification before it is written (e.g. a module's own link). */
  readonly #rewrites: ((n: Notification) => Notification)[] = [];

  /** Lets a module adjust the notifications of its dossiers (e.g. admissions: the /tuyen-sinh link). */
  rewrite(fn: (n: Notification) => Notification): void {
    this.#rewrites.push(fn);
  }

  #rewritten = (n: Notification): OutboxInsert[] => outboxRows(this.#rewrites.reduce((x, fn) => fn(x), n));

  async send(n: Notification, exec: Executor = this.#db): Promise<void> {
    await insertOutbox(exec, this.#rewritten(n));
  }

  async sendMany(ns: readonly Notification[], exec: Executor = this.#db): Promise<void> {
    await insertOutbox(exec, ns.flatMap(this.#rewritten));
  }

  /** Sends what is due, at most `limit` rows per call; safe to run on several nodes at once. */
  async deliverPending(limit = 200): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, failed: 0 };
    while (report.sent + report.failed < limit) {
      const batch = await leasePending(
        this.#db,
        Math.min(50, limit - report.sent - report.failed),
        MAX_ATTEMPTS,
        LEASE_SECONDS,
      );
      if (batch.length === 0) break;
      for (const row of batch) {
        try {
          const by = await this.#deliver(row);
          await markSent(this.#db, row.id, by);
          report.sent++;
        } catch (err) {
          report.failed++;
          this.#log.warn({ outboxId: row.id, attempts: row.attempts, err }, 'notification not delivered');
          await markFailed(this.#db, row.id, row.attempts, (err as Error).message ?? String(err));
        }
      }
    }
    return report;
  }

  async #deliver(row: { channel: 'email' | 'sms'; recipient: string; subject: string | null; body: string }) {
    if (row.channel === 'sms') {
      await this.#sms.send({ to: row.recipient, text: row.body });
      return this.#sms.name;
    }
    if (!this.#email) return 'outbox';
    await this.#email.send({ to: row.recipient, subject: row.subject ?? '', text: row.body });
    return this.#email.name;
  }

  /** The outbox, newest first (`notify.outbox.read`, scoped by the unit each message concerns). */
  async browse(
    actor: Actor,
    f: { dossierId?: string | undefined; page: number; pageSize: number },
  ): Promise<OutboxPage> {
    const scope = await this.#access.scope(actor, 'notify.outbox.read');
    const { rows, total } = await findOutbox(this.#db, scope, f);
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        createdAt: new Date(r.created_at).toISOString(),
        channel: r.channel,
        recipient: r.recipient,
        subject: r.subject,
        body: r.body,
        template: r.template,
        locale: r.locale,
        dossierId: r.dossier_id,
        attempts: r.attempts,
        sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
        deliveredBy: r.delivered_by,
        error: r.error,
      })),
      total,
      page: f.page,
      pageSize: f.pageSize,
    };
  }
}

/**
 * The notifier for a platform: SMTP when SMTP_URL is set (see notify-config.ts), SMS to the log.
 * The lead schedules `deliverPending()` every minute (runtime.ts, pg-boss).
 */
export function createNotifier(
  p: { db: Db; access: Access; log: Logger; config: { PUBLIC_URL?: string | undefined } },
  env: NodeJS.ProcessEnv = process.env,
): OutboxNotifier {
  const c = readNotifyConfig(env, p.config.PUBLIC_URL);
  const sms = readSmsConfig(env);
  return new OutboxNotifier({
    db: p.db,
    access: p.access,
    log: p.log,
    email: c.smtp && new SmtpEmailSender(c.smtp),
    ...(sms && { sms: new HttpSmsSender(sms) }),
  });
}
