/**
 * From a date expression as written (parsed by `french-dates.ts`) to the attributes of its TEI
 * `<date>`, under the source's calendar policy: Gregorian `@when`/`@from`/`@to`/`@notBefore`/
 * `@notAfter`, and for Old Style dates `@when-custom` (etc.) with `@datingMethod="#julian"`.
 * TEI P5 §13.4 (dates, calendars).
 */
import { daysInMonth, formatIsoDate, isValidDate, julianToGregorian, type CalendarDate } from './julian.js';
import { calendarOfWrittenDate, isInCalendarSwitchGap } from './calendar-policy.js';

/** What a date is read against: the source's year and calendar (the edition config). */
export interface DateContext {
  /** Year assumed for a day and month without a year: the source's own year (from the edition config). */
  readonly defaultYear?: number;
  /** Calendar the source dates its events in. */
  readonly sourceCalendar: 'gregorian' | 'julian';
  /** Gregorian date from which the source's dates are Gregorian even in a Julian source (Russia: '1918-02-14'). */
  readonly julianUntil?: string;
}

export interface Written {
  readonly day: number;
  readonly month: number;
  readonly year?: number;
}

export type Expression = { readonly first: number; readonly last: number } & (
  | { readonly kind: 'day'; readonly date: Written }
  | { readonly kind: 'dual'; readonly oldStyle: Written; readonly newStyle: Written }
  | { readonly kind: 'month'; readonly month: number; readonly year: number }
  | { readonly kind: 'month-range'; readonly from: number; readonly to: number; readonly year: number }
  | { readonly kind: 'year'; readonly year: number }
);

interface Reading {
  readonly attributes: Record<string, string>;
  readonly warning?: string;
}

const JULIAN = { datingMethod: '#julian' } as const;

export function readExpression(expression: Expression, context: DateContext): Reading {
  switch (expression.kind) {
    case 'day':
      return readDay(expression.date, context);
    case 'dual':
      return readDual(expression.oldStyle, expression.newStyle, context);
    case 'month':
      return readMonth(expression.month, expression.year, context);
    case 'month-range':
      return readMonthRange(expression.from, expression.to, expression.year, context);
    // A bare year is never converted: Julian and Gregorian years differ only in their first
    // and last days (up to 13 of them), and the text does not say which days are meant.
    case 'year':
      return { attributes: { when: pad(expression.year, 4) } };
  }
}

/**
 * Without a year (none written, no `defaultYear`), a day is an XSD gMonthDay (`--11-04`), which
 * TEI `@when` allows; it is not converted, since the calendar gap depends on the century.
 */
function readDay(written: Written, context: DateContext): Reading {
  const year = written.year ?? context.defaultYear;
  if (year === undefined) {
    if (!existsInSomeYear(written)) return noSuchDay(monthDay(written));
    return { attributes: { when: monthDay(written) } };
  }
  const date: CalendarDate = { year, month: written.month, day: written.day };
  const calendar = calendarOfWrittenDate(date, context);
  if (!isValidDate(date, calendar)) return noSuchDay(`${formatIsoDate(date)} in the ${calendar} calendar`);
  if (calendar === 'julian') {
    return { attributes: { when: formatIsoDate(julianToGregorian(date)), 'when-custom': formatIsoDate(date), ...JULIAN } };
  }
  const attributes = { when: formatIsoDate(date) };
  if (!isInCalendarSwitchGap(date, context)) return { attributes };
  const asJulian = formatIsoDate(julianToGregorian(date));
  return {
    attributes,
    warning: `falls in the calendar switch: read as Old Style it is ${asJulian}, on or after the switch to the Gregorian calendar (${context.julianUntil ?? ''}); read as New Style it is ${formatIsoDate(date)}, before it. Taken as New Style: check the source.`,
  };
}

/**
 * Old Style with New Style in brackets: always a Julian/Gregorian pair, whatever the policy says,
 * since the text gives both. `@when` is the bracketed date as written; a pair that does not
 * agree with the calendars keeps it and says what the Old Style date converts to.
 */
function readDual(oldWritten: Written, newWritten: Written, context: DateContext): Reading {
  const defaultYear = context.defaultYear;
  const bothUndated = oldWritten.year === undefined && newWritten.year === undefined;
  const wrap = oldWritten.month > newWritten.month ? 1 : 0;
  const oldYear = bothUndated ? defaultYear : oldWritten.year;
  const newYear = bothUndated && defaultYear !== undefined ? defaultYear + wrap : newWritten.year;
  if (oldYear === undefined || newYear === undefined) {
    for (const written of [oldWritten, newWritten]) {
      if (!existsInSomeYear(written)) return noSuchDay(monthDay(written));
    }
    return { attributes: { when: monthDay(newWritten), 'when-custom': monthDay(oldWritten), ...JULIAN } };
  }
  const oldStyle: CalendarDate = { year: oldYear, month: oldWritten.month, day: oldWritten.day };
  const newStyle: CalendarDate = { year: newYear, month: newWritten.month, day: newWritten.day };
  if (!isValidDate(oldStyle, 'julian')) return noSuchDay(`${formatIsoDate(oldStyle)} in the julian calendar`);
  if (!isValidDate(newStyle, 'gregorian')) return noSuchDay(`${formatIsoDate(newStyle)} in the gregorian calendar`);
  const attributes = { when: formatIsoDate(newStyle), 'when-custom': formatIsoDate(oldStyle), ...JULIAN };
  const expected = formatIsoDate(julianToGregorian(oldStyle));
  if (expected === attributes.when) return { attributes };
  return {
    attributes,
    warning: `dual date does not agree with the calendars: ${attributes['when-custom']} Old Style is ${expected} New Style (${calendarGap(oldStyle)} days later), not ${attributes.when}; @when keeps the bracketed ${attributes.when}`,
  };
}

/** A Julian month is given by its Gregorian first and last days, and named in `@when-custom`. */
function readMonth(month: number, year: number, context: DateContext): Reading {
  const name = `${pad(year, 4)}-${pad(month, 2)}`;
  if (calendarOfWrittenDate({ year, month, day: 1 }, context) === 'gregorian') return { attributes: { when: name } };
  return {
    attributes: { notBefore: firstDayInGregorian(year, month), notAfter: lastDayInGregorian(year, month), 'when-custom': name, ...JULIAN },
  };
}

/**
 * "novembre-décembre 1929"; "décembre-janvier 1918" starts in the year before. The calendar of
 * the first month is the calendar of the range. A Julian range has Gregorian day bounds in
 * `@from`/`@to` and the months as written in `@from-custom`/`@to-custom`.
 */
function readMonthRange(from: number, to: number, year: number, context: DateContext): Reading {
  const fromYear = from > to ? year - 1 : year;
  const fromName = `${pad(fromYear, 4)}-${pad(from, 2)}`;
  const toName = `${pad(year, 4)}-${pad(to, 2)}`;
  if (calendarOfWrittenDate({ year: fromYear, month: from, day: 1 }, context) === 'gregorian') {
    return { attributes: { from: fromName, to: toName } };
  }
  return {
    attributes: {
      from: firstDayInGregorian(fromYear, from),
      to: lastDayInGregorian(year, to),
      'from-custom': fromName,
      'to-custom': toName,
      ...JULIAN,
    },
  };
}

function noSuchDay(what: string): Reading {
  return { attributes: {}, warning: `no such day: ${what} does not exist` };
}

function firstDayInGregorian(year: number, month: number): string {
  return formatIsoDate(julianToGregorian({ year, month, day: 1 }));
}

function lastDayInGregorian(year: number, month: number): string {
  return formatIsoDate(julianToGregorian({ year, month, day: daysInMonth(year, month, 'julian') }));
}

/**
 * Days the Gregorian calendar is ahead on a Julian date: 12 in 1800-1899, 13 in 1900-2099.
 * The gap grows on Julian 29 February of a century year that is not a Gregorian leap year.
 */
function calendarGap(date: CalendarDate): number {
  const year = date.month > 2 || (date.month === 2 && date.day === 29) ? date.year : date.year - 1;
  return Math.floor(year / 100) - Math.floor(year / 400) - 2;
}

/** Whether a day can exist in its month in some year (2000 is a leap year in both calendars). */
function existsInSomeYear(date: Written): boolean {
  return date.day <= daysInMonth(2000, date.month, 'gregorian');
}

function monthDay(date: Written): string {
  return `--${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
