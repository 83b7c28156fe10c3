/** The values of DATEs: ISO 8601 strings as precise as the text, Hijri dates as objects. */
import { describe, expect, it } from 'vitest';
import { centuryValue, dateValue, daysInMonth, decadeValue, emptyParts, intervalValue, isValidDate, isoString, setValue, type DateParts } from '../../src/stages/dates/value.js';

const parts = (o: Partial<DateParts>): DateParts => ({ ...emptyParts(), ...o });

describe('dates: values', () => {
  const iso: [Partial<DateParts>, string][] = [
    [{ year: 2023, month: 6, day: 8 }, '2023-06-08'],
    [{ year: 2023, month: 3 }, '2023-03'],
    [{ year: 2018 }, '2018'],
    [{ year: 641 }, '0641'],
    [{ month: 6, day: 8 }, 'XXXX-06-08'],
    [{ month: 3 }, 'XXXX-03'],
    [{ year: 500, bce: true }, '-0499'],
    [{ year: 1, bce: true }, '0000'],
    [{ year: 8000, bce: true }, '-7999'],
  ];
  it.each(iso)('%o is %s', (p, expected) => expect(isoString(parts(p))).toBe(expected));

  it('Hijri dates are objects with only the parts the text gives', () => {
    expect(dateValue(parts({ hijri: true, year: 1445, month: 9, day: 21 }))).toEqual({ calendar: 'islamic', year: 1445, month: 9, day: 21 });
    expect(dateValue(parts({ hijri: true, month: 9 }))).toEqual({ calendar: 'islamic', month: 9 });
    expect(intervalValue(parts({ hijri: true, year: 1420 }), parts({ hijri: true, year: 1450 }))).toEqual({ calendar: 'islamic', start: { year: 1420 }, end: { year: 1450 } });
    expect(setValue([parts({ hijri: true, year: 1 }), parts({ hijri: true, year: 2 })])).toEqual({ calendar: 'islamic', set: [{ year: 1 }, { year: 2 }] });
  });

  it('intervals, sets, centuries and decades', () => {
    expect(intervalValue(parts({ year: 1998 }), parts({ year: 2005 }))).toBe('1998/2005');
    expect(intervalValue(parts({ month: 3, day: 12 }), parts({ month: 3, day: 14 }))).toBe('XXXX-03-12/XXXX-03-14');
    expect(setValue([parts({ year: 2000 }), parts({ year: 2001 })])).toBe('{2000,2001}');
    expect(centuryValue(20, false, false)).toBe('19');
    expect(centuryValue(1, false, false)).toBe('00');
    expect(centuryValue(4, true, false)).toEqual({ calendar: 'islamic', century: 4 });
    expect(centuryValue(2, false, true)).toBeNull();
    expect(decadeValue(20, 8)).toBe('198');
    expect(decadeValue(19, 5)).toBe('185');
  });

  it('checks days against their month (leap years of the proleptic Gregorian calendar)', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(null, 2)).toBe(29);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(isValidDate(parts({ year: 2023, month: 2, day: 29 }))).toBe(false);
    expect(isValidDate(parts({ year: 2024, month: 2, day: 29 }))).toBe(true);
    expect(isValidDate(parts({ month: 6, day: 31 }))).toBe(false);
    expect(isValidDate(parts({ hijri: true, month: 9, day: 30 }))).toBe(true);
    expect(isValidDate(parts({ hijri: true, month: 9, day: 31 }))).toBe(false);
    expect(isValidDate(parts({ day: 3 }))).toBe(false);
    expect(isValidDate(parts({ month: 13 }))).toBe(false);
  });
});
