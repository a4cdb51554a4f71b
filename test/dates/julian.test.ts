import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatIsoDate,
  fromJulianDayNumber,
  gregorianIsoToJulianIso,
  gregorianToJulian,
  isValidDate,
  julianIsoToGregorianIso,
  julianToGregorian,
  parseIsoDate,
  toJulianDayNumber,
} from '../../src/lib/dates/julian.js';

test('Julian Day Numbers of reference dates', () => {
  // JDN 2451545 is 2000-01-01 (Gregorian), the J2000 epoch; JDN 0 is 4713 BC January 1 (Julian, year -4712).
  assert.equal(toJulianDayNumber({ year: 2000, month: 1, day: 1 }, 'gregorian'), 2451545);
  assert.equal(toJulianDayNumber({ year: -4712, month: 1, day: 1 }, 'julian'), 0);
  // The Gregorian reform: Thursday 4 October 1582 (Julian) was followed by Friday 15 October (Gregorian).
  assert.equal(
    toJulianDayNumber({ year: 1582, month: 10, day: 15 }, 'gregorian') - toJulianDayNumber({ year: 1582, month: 10, day: 4 }, 'julian'),
    1,
  );
});

test('Russian dates of 1917-1918, Old Style to New Style', () => {
  assert.equal(julianIsoToGregorianIso('1917-10-25'), '1917-11-07');
  assert.equal(julianIsoToGregorianIso('1917-11-05'), '1917-11-18');
  assert.equal(julianIsoToGregorianIso('1918-01-31'), '1918-02-13');
  assert.equal(gregorianIsoToJulianIso('1918-02-14'), '1918-02-01');
});

test('1900 is a leap year in the Julian calendar only', () => {
  assert.ok(isValidDate({ year: 1900, month: 2, day: 29 }, 'julian'));
  assert.ok(!isValidDate({ year: 1900, month: 2, day: 29 }, 'gregorian'));
  assert.deepEqual(julianToGregorian({ year: 1900, month: 2, day: 29 }), { year: 1900, month: 3, day: 13 });
  // From here the gap is 13 days: the day before, it was 12.
  assert.deepEqual(julianToGregorian({ year: 1900, month: 2, day: 28 }), { year: 1900, month: 3, day: 12 });
  assert.ok(isValidDate({ year: 2000, month: 2, day: 29 }, 'gregorian'));
});

test('dates that do not exist are refused, not rolled over', () => {
  assert.throws(() => toJulianDayNumber({ year: 1900, month: 2, day: 29 }, 'gregorian'), RangeError);
  assert.throws(() => julianToGregorian({ year: 1917, month: 13, day: 1 }), RangeError);
  assert.equal(julianIsoToGregorianIso('1917-02-30'), undefined);
  assert.equal(julianIsoToGregorianIso('1917-11'), undefined);
});

test('round trips: every day from 1500 to 2100 converts there and back, one day apart from the next', () => {
  const first = toJulianDayNumber({ year: 1500, month: 1, day: 1 }, 'gregorian');
  const last = toJulianDayNumber({ year: 2100, month: 12, day: 31 }, 'gregorian');
  let previous = fromJulianDayNumber(first - 1, 'julian');
  for (let jdn = first; jdn <= last; jdn += 1) {
    const gregorian = fromJulianDayNumber(jdn, 'gregorian');
    const julian = fromJulianDayNumber(jdn, 'julian');
    assert.ok(isValidDate(gregorian, 'gregorian') && isValidDate(julian, 'julian'), `JDN ${jdn}`);
    assert.equal(toJulianDayNumber(gregorian, 'gregorian'), jdn);
    assert.equal(toJulianDayNumber(julian, 'julian'), jdn);
    assert.deepEqual(julianToGregorian(julian), gregorian);
    assert.deepEqual(gregorianToJulian(gregorian), julian);
    assert.ok(formatIsoDate(julian) > formatIsoDate(previous), `Julian calendar goes forward at JDN ${jdn}`);
    previous = julian;
  }
});

test('ISO helpers parse and print four-digit years', () => {
  assert.deepEqual(parseIsoDate('0800-12-25'), { year: 800, month: 12, day: 25 });
  assert.equal(formatIsoDate({ year: 800, month: 12, day: 25 }), '0800-12-25');
  assert.equal(parseIsoDate('1917-11-5'), undefined);
});
