/**
 * Julian ⇄ Gregorian calendar dates, through the Julian Day Number (the count of days since
 * 1 January 4713 BC, Julian), so that each calendar needs only a to-day and a from-day rule.
 * Both calendars are proleptic: the rules apply to every year, whatever a given country used.
 * Integer algorithms after Fliegel & Van Flandern, "A machine algorithm for processing calendar
 * dates", CACM 11 (1968), in the form of Tøndering's Calendar FAQ. Years are astronomical
 * (1 BC is 0); the editions we make need 0000-9999, the `IsoDate` range.
 */

export type Calendar = 'gregorian' | 'julian';

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number, calendar: Calendar): boolean {
  if (calendar === 'julian') return mod(year, 4) === 0;
  return (mod(year, 4) === 0 && mod(year, 100) !== 0) || mod(year, 400) === 0;
}

export function daysInMonth(year: number, month: number, calendar: Calendar): number {
  if (month === 2) return isLeapYear(year, calendar) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(date: CalendarDate, calendar: Calendar): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month, calendar)
  );
}

/** @throws RangeError when the date does not exist in that calendar (1900-02-29 Gregorian). */
export function toJulianDayNumber(date: CalendarDate, calendar: Calendar): number {
  if (!isValidDate(date, calendar)) throw new RangeError(`${formatIsoDate(date)} is not a date in the ${calendar} calendar`);
  // Count years from March, so that the leap day is the last day of the (shifted) year.
  const a = Math.floor((14 - date.month) / 12);
  const y = date.year + 4800 - a;
  const m = date.month + 12 * a - 3;
  const days = date.day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4);
  return calendar === 'julian' ? days - 32083 : days - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

export function fromJulianDayNumber(jdn: number, calendar: Calendar): CalendarDate {
  if (!Number.isInteger(jdn)) throw new RangeError(`${jdn} is not a whole Julian Day Number`);
  let c: number;
  let centuries = 0;
  if (calendar === 'gregorian') {
    const a = jdn + 32044;
    centuries = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((146097 * centuries) / 4);
  } else {
    c = jdn + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    year: 100 * centuries + d - 4800 + Math.floor(m / 10),
    month: m + 3 - 12 * Math.floor(m / 10),
    day: e - Math.floor((153 * m + 2) / 5) + 1,
  };
}

export function julianToGregorian(date: CalendarDate): CalendarDate {
  return fromJulianDayNumber(toJulianDayNumber(date, 'julian'), 'gregorian');
}

export function gregorianToJulian(date: CalendarDate): CalendarDate {
  return fromJulianDayNumber(toJulianDayNumber(date, 'gregorian'), 'julian');
}

/** A full `YYYY-MM-DD` date, or undefined (partial dates like `1917-11` cannot be converted). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** `1917-10-25` (Julian) → `1917-11-07`; undefined for partial or non-existent dates. */
export function julianIsoToGregorianIso(text: string): string | undefined {
  return convertIso(text, 'julian');
}

/** `1917-11-07` (Gregorian) → `1917-10-25`; undefined for partial or non-existent dates. */
export function gregorianIsoToJulianIso(text: string): string | undefined {
  return convertIso(text, 'gregorian');
}

function convertIso(text: string, from: Calendar): string | undefined {
  const date = parseIsoDate(text);
  if (date === undefined || !isValidDate(date, from)) return undefined;
  return formatIsoDate(from === 'julian' ? julianToGregorian(date) : gregorianToJulian(date));
}

/** Modulo that stays non-negative for negative (astronomical) years. */
function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
