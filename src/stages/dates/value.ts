/**
 * The `value` of a DATE: as precise as the text, no more.
 *
 * Gregorian dates are ISO 8601 strings (ISO 8601-1:2019, with the ISO 8601-2 / EDTF
 * extensions where the text calls for them):
 *
 * | text                         | value                    |
 * | ---------------------------- | ------------------------ |
 * | `8 يونيو 2023`               | `"2023-06-08"`           |
 * | `مارس/ 2023`                 | `"2023-03"`              |
 * | `عام 2018`                   | `"2018"`                 |
 * | `8 يونيو` (no year)          | `"XXXX-06-08"` (EDTF unspecified digits) |
 * | `مارس الماضي`                | `"XXXX-03"`              |
 * | `500 ق.م`                    | `"-0499"` (astronomical year numbering: 1 BCE is 0000) |
 * | `القرن العشرين`              | `"19"` (ISO century: 1900-1999) |
 * | `الثمانينيات`                | `"198"` (ISO 8601-2 decade) |
 * | `1998 - 2005`, `12-14 مارس`  | `"1998/2005"`, `"XXXX-03-12/XXXX-03-14"` (ISO 8601 interval) |
 * | `عامي 2000 و2001`            | `"{2000,2001}"` (EDTF set, all members) |
 *
 * Hijri dates are objects, because ISO 8601 is Gregorian only:
 * `{"calendar":"islamic","year":1445,"month":9,"day":21}` with only the parts the text
 * gives; a Hijri century is `{"calendar":"islamic","century":4}`; intervals and sets
 * `{"calendar":"islamic","start":{...},"end":{...}}` and `{"calendar":"islamic","set":[...]}`.
 */

/** One date as read: a part is 0 (month, day) or null (year) when the text leaves it out. */
export interface DateParts {
  hijri: boolean;
  /** The year as written (positive), or null. */
  year: number | null;
  /** Before the common era (ق.م). */
  bce: boolean;
  /** 1-12, or 0. */
  month: number;
  /** 1-31, or 0. */
  day: number;
}

/** An empty Gregorian date, to be filled in. */
export function emptyParts(): DateParts {
  return { hijri: false, year: null, bce: false, month: 0, day: 0 };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Days of a Gregorian month (proleptic calendar; year null: the longest, 29 for February). */
export function daysInMonth(year: number | null, month: number): number {
  if (month === 2) {
    if (year === null) return 29;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when the parts can be a real date (a Hijri month has 29 or 30 days). */
export function isValidDate(p: DateParts): boolean {
  if (p.month < 0 || p.month > 12 || p.day < 0 || p.day > 31) return false;
  if (p.day > 0 && p.month === 0) return false;
  if (p.day === 0) return true;
  if (p.hijri) return p.day <= 30;
  const astronomical = p.year === null ? null : p.bce ? 1 - p.year : p.year;
  return p.day <= daysInMonth(astronomical, p.month);
}

/** ISO 8601 year: four digits at least, astronomical numbering before the common era. */
function isoYear(year: number, bce: boolean): string {
  const y = bce ? 1 - year : year;
  return y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
}

/** The ISO 8601 string of a Gregorian date. */
export function isoString(p: DateParts): string {
  let s = p.year === null ? 'XXXX' : isoYear(p.year, p.bce);
  if (p.month > 0) s += `-${pad(p.month, 2)}`;
  if (p.day > 0) s += `-${pad(p.day, 2)}`;
  return s;
}

/** The parts of a Hijri date as an object (only what the text gives). */
function hijriObject(p: DateParts): Record<string, number> {
  const o: Record<string, number> = {};
  if (p.year !== null) o.year = p.year;
  if (p.month > 0) o.month = p.month;
  if (p.day > 0) o.day = p.day;
  return o;
}

/** The value of one date. */
export function dateValue(p: DateParts): unknown {
  return p.hijri ? { calendar: 'islamic', ...hijriObject(p) } : isoString(p);
}

/** The value of an interval between two dates of one calendar. */
export function intervalValue(a: DateParts, b: DateParts): unknown {
  if (a.hijri) return { calendar: 'islamic', start: hijriObject(a), end: hijriObject(b) };
  return `${isoString(a)}/${isoString(b)}`;
}

/** The value of a set of dates of one calendar (`عامي 2000 و2001`). */
export function setValue(list: readonly DateParts[]): unknown {
  if (list[0]?.hijri === true) return { calendar: 'islamic', set: list.map(hijriObject) };
  return `{${list.map(isoString).join(',')}}`;
}

/**
 * The value of the `n`th century (1-based, as Arabic counts them: القرن العشرين is the
 * 20th). Gregorian: the ISO century `n - 1` (`"19"` covers 1900-1999, the usual reading
 * of "the twentieth century"). Before the common era there is no ISO century: null.
 */
export function centuryValue(n: number, hijri: boolean, bce: boolean): unknown {
  if (hijri) return { calendar: 'islamic', century: n };
  if (bce) return null;
  return pad(n - 1, 2);
}

/** The value of a decade: its century's ISO digits and the decade digit (`"198"`). */
export function decadeValue(century: number, decade: number): string {
  return `${pad(century - 1, 2)}${decade}`;
}
