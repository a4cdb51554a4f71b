/**
 * Which calendar a source wrote a given date in. An edition declares it once
 * (`edition.calendar` in the config): the calendar its sources date their events in, and, for a
 * Julian source, the Gregorian day from which the country counted in the Gregorian calendar
 * (Russia: 1918-02-14 New Style followed 1918-01-31 Old Style).
 */

import { isValidDate, julianIsoToGregorianIso, formatIsoDate, type Calendar, type CalendarDate } from './julian.js';

export interface CalendarPolicy {
  readonly sourceCalendar: Calendar;
  /** `YYYY-MM-DD`, Gregorian: the first day the source's dates are Gregorian. */
  readonly julianUntil?: string;
}

/**
 * The calendar of a date as written in the source (a day, or the first day of a month).
 *
 * - A Gregorian source writes Gregorian dates.
 * - A Julian source without `julianUntil` writes Julian dates, whatever the year.
 * - Otherwise a written date is Julian when, read as Julian, it falls before `julianUntil`;
 *   read as Julian it would fall on or after the switch, so the source, then counting in the
 *   Gregorian calendar, meant a Gregorian date (a 1929 date in a Russian source is Gregorian).
 * - A written day that is no Julian date at all (30 February) keeps the source's calendar: the
 *   caller reports it as a day that does not exist.
 */
export function calendarOfWrittenDate(written: CalendarDate, policy: CalendarPolicy): Calendar {
  if (policy.sourceCalendar === 'gregorian' || policy.julianUntil === undefined) return policy.sourceCalendar;
  if (!isValidDate(written, 'julian')) return policy.sourceCalendar;
  const gregorian = julianIsoToGregorianIso(formatIsoDate(written));
  return gregorian !== undefined && gregorian < policy.julianUntil ? 'julian' : 'gregorian';
}

/**
 * True for a written day that fits neither side of the switch: read as Julian it falls on or
 * after `julianUntil`, read as Gregorian before it. In Russia these are 1-13 February 1918,
 * days the civil calendar skipped; `calendarOfWrittenDate` reads them as Gregorian and the
 * caller warns.
 */
export function isInCalendarSwitchGap(written: CalendarDate, policy: CalendarPolicy): boolean {
  return (
    policy.sourceCalendar === 'julian' &&
    policy.julianUntil !== undefined &&
    calendarOfWrittenDate(written, policy) === 'gregorian' &&
    formatIsoDate(written) < policy.julianUntil
  );
}
