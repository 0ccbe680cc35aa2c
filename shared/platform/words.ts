import { londonDate } from './london-time';

/** How emails write dates for people: in words, in England's calendar ("5 December 2026"). */
export const dayInWords = (isoDate: string) =>
  new Date(`${isoDate.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** The London day of an instant, in words. */
export const londonDayInWords = (instant: string | Date) => dayInWords(londonDate(new Date(instant)));
