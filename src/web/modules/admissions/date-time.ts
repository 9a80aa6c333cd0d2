import { TIME_ZONE } from '../../lib/format.ts';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the calendar day (`yyyy-mm-dd`) and time (`HH:mm`) in Asia/Ho_Chi_Minh. */
export function splitInstant(value: string | null | undefined): { date: string; time: string } {
  if (!value) return { date: '', time: '' };
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return { date: '', time: '' };
  const p: Record<string, string> = {};
  for (const x of parts.formatToParts(d)) p[x.type] = x.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * A day and a time typed in Vietnam back to an ISO instant with its offset (+07:00; Vietnam has
 * no daylight saving). A blank day is null; a blank time means the start of the day.
 */
export function joinInstant(date: string, time: string): string | null {
  if (!date) return null;
  return `${date}T${time || '00:00'}:00+07:00`;
}

/** `7:30`, `07:30`, `0730`, `7h30` or `7.30` → `07:30`; '' stays ''; anything else is null. */
export function parseTime(text: string): string | null {
  const v = text.trim();
  if (v === '') return '';
  const m = /^([01]?\d|2[0-3])\s*[:h.]?\s*([0-5]\d)$/i.exec(v);
  if (!m) return null;
  return `${(m[1] as string).padStart(2, '0')}:${m[2]}`;
}
