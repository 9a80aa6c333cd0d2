import { insertOutbox, type OutboxInsert } from '../../platform/notify/outbox.repository.ts';
import { formatDate } from '../org/org-xlsx.ts';
import { type PlansService, todayVn } from './plans.service.ts';
import * as repo from './progress.repository.ts';

export interface ReminderRun {
  day: string;
  tasks: number;
  messages: number;
}

/**
 * The daily reminder of late tasks (end date passed, not done): an e-mail in the notify outbox to
 * each user holding plans.report on the task's lead unit. At most once per task per day:
 * plan_task_reminders (task, day) is claimed in the same transaction as the outbox rows, so a
 * second run that day — or a run on another node — sends nothing.
 */
export class PlanRemindersService {
  readonly #plans: PlansService;

  constructor(plans: PlansService) {
    this.#plans = plans;
  }

  async run(day: string = todayVn()): Promise<ReminderRun> {
    const p = this.#plans.platform;
    return p.db.transaction().execute(async (trx) => {
      const claimed = await repo.claimReminders(trx, day);
      const targets = await repo.reminderTargets(trx, claimed);
      const base = (p.config.PUBLIC_URL ?? '').replace(/\/$/, '');
      const rows: OutboxInsert[] = [];
      for (const t of targets) {
        const link = `${base}/ke-hoach/${t.plan_id}/nhiem-vu/${t.task_id}`;
        const subject = `Nhiệm vụ quá hạn: ${t.code} — ${t.plan_title}`.slice(0, 250);
        const body = [
          'Kính gửi đơn vị chủ trì,',
          '',
          `Nhiệm vụ ${t.code} "${t.content}" của kế hoạch "${t.plan_title}" đã quá hạn (hạn ${formatDate(t.end_on)}) và chưa hoàn thành.`,
          `Đề nghị đơn vị báo cáo tiến độ tại: ${link}`,
          '',
          `Task ${t.code} of the plan "${t.plan_title}" is past its end date (${formatDate(t.end_on)}) and not done. Please report its progress: ${link}`,
          '',
          'Thư gửi tự động từ hệ thống chỉ đạo điều hành ngành Giáo dục và Đào tạo; vui lòng không trả lời thư.',
        ].join('\n');
        for (const email of t.emails)
          rows.push({
            channel: 'email',
            recipient: email,
            subject,
            body,
            template: 'plans.task_late',
            locale: 'vi',
            dossierId: null,
            unitId: t.lead_unit_id,
          });
        await repo.setReminderRecipients(trx, t.task_id, day, t.emails.length);
      }
      for (let i = 0; i < rows.length; i += 500) await insertOutbox(trx, rows.slice(i, i + 500));
      return { day, tasks: targets.length, messages: rows.length };
    });
  }
}
