import type { TFunction } from 'i18next';
import type { TaskSummary } from './plans-api.ts';

/** The status badge of a task, "late" first (a late task is flagged in words, not colour only). */
export function taskStatusLabel(t: TFunction, task: Pick<TaskSummary, 'status' | 'late' | 'progress'>): string {
  const status = t(`plans.taskStatus.${task.status}`);
  const text = task.status === 'in_progress' ? `${status} ${task.progress}%` : status;
  return task.late ? `${t('plans.late')} · ${text}` : text;
}

export function statusClass(task: Pick<TaskSummary, 'status' | 'late'>): string {
  if (task.late) return 'pl-badge pl-late';
  if (task.status === 'done') return 'pl-badge pl-done';
  return 'pl-badge';
}
