/**
 * Numbers written in digits, with their separators: which mark is the decimal point and
 * which groups thousands. Explicit rules, in this order:
 *
 * 1. `٫` (U+066B ARABIC DECIMAL SEPARATOR) is always the decimal point and `٬` (U+066C
 *    ARABIC THOUSANDS SEPARATOR) always groups thousands (Unicode Standard §9.2).
 * 2. With both `.` and `,`, the one that comes last, once, is the decimal point
 *    (`1,250.5`, `1.250,5`); the other must group by threes.
 * 3. A mark that occurs twice or more groups thousands (`1,250,000`, `1.250.000`).
 * 4. One `,`: three digits after it group thousands (`1,250`); one, two or four and more
 *    digits after it make a decimal comma (`148,7 مليون`, `2,5 مليار`), as Arabic
 *    newswire writes (and as ISO 80000-1 allows). A leading `0,` is always decimal.
 * 5. One `.`: a decimal point (`1.4 مليار`), unless the document shows the comma
 *    convention (a decimal comma or dotted thousands elsewhere in it): then `1.250` is
 *    1250.
 *
 * The `decimal` option forces a convention: `dot` (`.` decimal, `,` thousands) or `comma`
 * (`,` decimal, `.` thousands); a number that breaks it is left out.
 *
 * 6. `.000` after one to three digits groups thousands in any convention: nobody writes
 *    8.000 for 8 (`5.000 إلى 8.000 درهم`).
 *
 * The newswire `ر` decimal (telegraph-era Arabic agency copy) comes in two orders. Agency
 * copy as stored in corpora is typed so that it DISPLAYS integer first in a right-to-left
 * line: the stored (logical) text holds the fraction first. ANERcorp shows it throughout:
 * `2717ر1 دولار` is the euro at 1.2717 dollars, `5ر1 مليار شخص` 1.5 billion people,
 * `00ر10 بتوقيت مكة` ten o'clock, `92ر3499 نقطة` an index at 3499.92. So `raDecimal`
 * is `fraction-first` by default; `integer-first` reads `1ر8` as 1.8; `off` ignores it.
 */
import { Exact } from './exact.js';

export type DecimalConvention = 'auto' | 'dot' | 'comma';

/** Order of the parts around a ر decimal mark in the stored text, or off. */
export type RaDecimal = 'fraction-first' | 'integer-first' | 'off';

const COMMA = 0x2c;
const DOT = 0x2e;
const AR_DECIMAL = 0x066b; // U+066B ARABIC DECIMAL SEPARATOR
const AR_THOUSANDS = 0x066c; // U+066C ARABIC THOUSANDS SEPARATOR
const REH = 0x0631; // ر

/** The digit value of a code unit: ASCII, Arabic-Indic or Persian digits; -1 otherwise. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return -1;
}

/** True for a separator that may stand between digits of one number. */
export function isNumberSeparator(c: number): boolean {
  return c === COMMA || c === DOT || c === AR_DECIMAL || c === AR_THOUSANDS;
}

/** What the document's other numbers say about its decimal mark (rule 5). */
export type DocumentHint = 'comma' | 'dot' | 'none';

/** The result of reading digits. */
export interface DigitReading {
  value: Exact;
  /** Digits only, no separator. */
  plain: boolean;
  /** Number of digits (before any decimal point). */
  integerDigits: number;
  /** The integer part starts with 0 and has more digits (`06`, `007`). */
  leadingZero: boolean;
  /** Which rule decided an ambiguous single separator, for notes. */
  ambiguous: boolean;
}

/**
 * Reads `text[start, end)` as one number. `end` must stop at the last digit. Returns null
 * when the separators follow no rule (`1,25,0`, `1.2.3` in dot mode).
 */
export function readDigits(
  text: string,
  start: number,
  end: number,
  convention: DecimalConvention,
  raDecimal: RaDecimal,
  hint: () => DocumentHint,
): DigitReading | null {
  // Plain digits (most numbers): the value without building a string (exact: fifteen
  // digits stay below 2^53).
  if (end > start && end - start <= 15) {
    let v = 0;
    let i = start;
    for (; i < end; i++) {
      const d = digitValue(text.charCodeAt(i));
      if (d < 0) break;
      v = v * 10 + d;
    }
    if (i === end) {
      const leadingZero = end - start > 1 && digitValue(text.charCodeAt(start)) === 0;
      return { value: Exact.int(BigInt(v)), plain: true, integerDigits: end - start, leadingZero, ambiguous: false };
    }
  }
  // Collect the digit groups and the separators between them.
  let digits = '';
  const seps: number[] = []; // separator code units
  const groupLengths: number[] = [];
  let groupLength = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) {
      digits += String.fromCharCode(0x30 + d);
      groupLength++;
      continue;
    }
    if (isNumberSeparator(c) || (raDecimal !== 'off' && c === REH)) {
      if (groupLength === 0) return null;
      seps.push(c);
      groupLengths.push(groupLength);
      groupLength = 0;
      continue;
    }
    return null;
  }
  if (groupLength === 0) return null;
  groupLengths.push(groupLength);
  const leadingZero = digits.length > 1 && digits.charCodeAt(0) === 0x30 && groupLengths[0]! > 1;
  if (seps.length === 0) {
    return { value: Exact.int(BigInt(digits)), plain: true, integerDigits: digits.length, leadingZero, ambiguous: false };
  }
  // Index of the decimal separator among `seps`, or -1; thousands marks are the others.
  let decimalAt = -1;
  let ambiguous = false;
  const count = (c: number) => seps.filter((s) => s === c).length;
  const reh = count(REH);
  const arDecimal = count(AR_DECIMAL);
  const commas = count(COMMA);
  const dots = count(DOT);
  if (reh > 0) {
    // 52ر59: one ر, nothing else.
    if (reh > 1 || seps.length > 1) return null;
    const a = digits.slice(0, groupLengths[0]);
    const b = digits.slice(groupLengths[0]);
    const [int, frac] = raDecimal === 'fraction-first' ? [b, a] : [a, b];
    const value = Exact.parseDecimal(`${int}.${frac}`);
    if (value === null) return null;
    return { value, plain: false, integerDigits: int.length, leadingZero: false, ambiguous: false };
  } else if (arDecimal > 0) {
    if (arDecimal > 1 || seps[seps.length - 1] !== AR_DECIMAL) return null;
    decimalAt = seps.length - 1;
  } else if (commas > 0 && dots > 0) {
    const last = seps[seps.length - 1]!;
    if (count(last) !== 1) return null;
    if (convention === 'dot' && last !== DOT) return null;
    if (convention === 'comma' && last !== COMMA) return null;
    decimalAt = seps.length - 1;
  } else if (commas + dots > 0) {
    const mark = commas > 0 ? COMMA : DOT;
    const n = commas + dots;
    const decimalMark = convention === 'dot' ? DOT : convention === 'comma' ? COMMA : 0;
    if (n > 1) {
      // Rule 3: repeated marks group thousands.
      if (decimalMark === mark) return null;
      decimalAt = -1;
    } else {
      const after = groupLengths[1]!;
      const zeroInt = groupLengths[0] === 1 && digits.charCodeAt(0) === 0x30;
      if (mark === DOT && after === 3 && !zeroInt && digits.endsWith('000')) decimalAt = -1; // rule 6
      else if (convention === 'dot') {
        if (mark === DOT) decimalAt = 0;
        else if (after === 3 && !zeroInt) decimalAt = -1;
        else return null;
      } else if (convention === 'comma') {
        if (mark === COMMA) decimalAt = 0;
        else if (after === 3 && !zeroInt) decimalAt = -1;
        else return null;
      } else if (mark === COMMA) {
        // Rule 4.
        decimalAt = after === 3 && !zeroInt ? -1 : 0;
        ambiguous = after === 3;
      } else {
        // Rule 5.
        decimalAt = after === 3 && !zeroInt && hint() === 'comma' ? -1 : 0;
        ambiguous = after === 3;
      }
    }
  }
  // Thousands groups: the first of 1-3 digits, the others exactly 3.
  const lastIntegerGroup = decimalAt < 0 ? groupLengths.length - 1 : decimalAt;
  for (let g = 0; g <= lastIntegerGroup; g++) {
    const length = groupLengths[g]!;
    if (g === 0 ? length > 3 && lastIntegerGroup > 0 : length !== 3) return null;
  }
  let integerDigits = 0;
  for (let g = 0; g <= lastIntegerGroup; g++) integerDigits += groupLengths[g]!;
  const intPart = digits.slice(0, integerDigits);
  const fracPart = digits.slice(integerDigits);
  const value = Exact.parseDecimal(fracPart === '' ? intPart : `${intPart}.${fracPart}`);
  if (value === null) return null;
  return { value, plain: false, integerDigits, leadingZero, ambiguous };
}

/**
 * Evidence for rule 5 from one number token: `comma` for a decimal comma (`148,7`) or
 * dotted thousands (`1.250.000`), `dot` for a decimal point (`1.4`) or comma thousands
 * (`1,250,000`), `none` when the token says nothing.
 */
export function separatorEvidence(text: string, start: number, end: number): DocumentHint {
  let commas = 0;
  let dots = 0;
  let lastSep = 0;
  let after = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === DOT) {
      if (c === COMMA) commas++;
      else dots++;
      lastSep = c;
      after = 0;
    } else if (digitValue(c) >= 0) after++;
  }
  if (commas > 0 && dots > 0) return lastSep === COMMA ? 'comma' : 'dot';
  if (dots > 1) return 'comma';
  if (commas > 1) return 'dot';
  if (commas === 1 && after !== 3) return 'comma';
  if (dots === 1 && after !== 3) return 'dot';
  return 'none';
}
