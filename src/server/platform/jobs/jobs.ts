import PgBoss from 'pg-boss';
import type { Logger } from '../logger.ts';

/** A recurring platform task, run by whichever app node's worker picks it up first. */
export interface ScheduledJob {
  name: string;
  /** Cron in Asia/Ho_Chi_Minh time. */
  cron: string;
  run(): Promise<void>;
}

/**
 * Background jobs on pg-boss (in the same PostgreSQL, schema `pgboss`): no extra service to
 * run, exactly-once pickup across app nodes, retries. Modules enqueue work (notifications,
 * large imports, fixity checks) through `send`; scheduled jobs are declared at start-up.
 */
export class Jobs {
  readonly #boss: PgBoss;
  readonly #log: Logger;

  constructor(connectionString: string, log: Logger) {
    this.#boss = new PgBoss({ connectionString, schema: 'pgboss', max: 3, application_name: 'giaoducso-jobs' });
    this.#log = log;
    this.#boss.on('error', (err) => log.error({ err }, 'job queue error'));
  }

  async start(scheduled: ScheduledJob[]): Promise<void> {
    await this.#boss.start();
    for (const job of scheduled) {
      await this.#boss.createQueue(job.name);
      await this.#boss.schedule(job.name, job.cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
      await this.#boss.work(job.name, async () => {
        const t0 = Date.now();
        await job.run();
        this.#log.info({ job: job.name, ms: Date.now() - t0 }, 'scheduled job done');
      });
    }
  }

  /** Waits for running jobs to finish (up to 10 s), then stops. */
  async stop(): Promise<void> {
    await this.#boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
