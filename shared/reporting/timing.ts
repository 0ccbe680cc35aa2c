import type { ReportingPolicy } from '../grants/report-schedule';
import { addDays, londonTime } from '../platform/london-time';

/** A report is due at the end of its due date in England: midnight London time after it. */
export const dueMoment = (dueDate: string): Date => londonTime(addDays(dueDate, 1), '00:00');

/** Reminders at 09:00 London time on each offset day, before the report is very late. */
export function reminderTimes(dueDate: string, policy: ReportingPolicy): { offsetDays: number; at: Date }[] {
  return policy.reminderOffsetsDays.map((offsetDays) => ({ offsetDays, at: londonTime(addDays(dueDate, offsetDays), '09:00') }));
}

export const veryLateMoment = (dueDate: string, policy: ReportingPolicy): Date =>
  londonTime(addDays(dueDate, policy.veryLateAfterDays), '09:00');
