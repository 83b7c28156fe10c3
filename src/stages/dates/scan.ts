/**
 * Finds absolute dates in a tokenised document.
 *
 * One pass over the tokens. A token costs a byte or two of reading (its kind and its
 * scope bits in the shared token look-up, ../token-lookup.ts) unless it can open a date:
 * a word of dates.tsv that opens one (month, weekday, يوم، شهر، عام، القرن, a decade), a
 * day ordinal with a date word right after it, or a number. Around those few tokens the
 * grammar below is read with token ids and code units, never strings.
 *
 * ```
 * date      := head? core
 * head      := يوم? weekday (، | ,)? الموافق?          الخميس، 8 يونيو
 * core      := day-month | month-part | year-noun-part | numeric | year marker | century | decade
 * day-month := day (range-join day)? من? شهر? month-part   8 يونيو، الثامن من يونيو، 12-14 مارس
 * month-part:= شهر? month pair? (relative | year-part)?  حزيران/يونيو ٢٠٢٣، مارس الماضي
 * year-part := (/ | ، | ,)? من? (ل)?year-noun? year marker?   مارس/ 2023، أكتوبر عام 1968
 * year-noun-part := year-noun year marker? ((و | ،) year)* | year-noun year (- | / | إلى) year
 * numeric   := d-m-y | y-m-d | m/y | y/y | y-y            8-06- 2023، 2023-06-08، 5/2006
 * ```
 *
 * Spans: a proclitic on the first token is left out (وفي عام 2018 -> عام 2018; للعام ->
 * العام, the span starting at the article's lam, as SPEC.md wants for ل + ال); the nouns
 * يوم، شهر، عام، سنة and the weekday are kept inside the span, as the seed gold keeps عام.
 * Cue words (في، منذ، بتاريخ) are never inside. Relative expressions (اليوم، العام الماضي،
 * السنوات الأخيرة) are not dates here: they have no value without the document's date.
 */
import { NumberClass, WordFlag, type NumberWord } from '../../arabic/number-words.js';
import type { Doc } from '../../core/document.js';
import { TokenFlag, TokenKind, type TokenTable } from '../../core/tokens.js';
import type { TokenVocabulary } from '../../core/token-trie.js';
import { READINGS, READING_ALEF, READING_CUTS, type TokenLookup } from '../gazetteer/phrase-index.js';
import { digitValue } from '../numbers/digits.js';
import type { WordTable } from '../numbers/word-table.js';
import { CURRENCY_SCOPE, DATE_SCOPE, NUMBER_WORD_SCOPE, ReadingValues, documentLookup } from '../token-lookup.js';
import { DateBit, MonthFlag, type DateClass, type DateEntry, type DateLexicon } from './lexicon.js';
import { centuryValue, dateValue, decadeValue, emptyParts, intervalValue, isValidDate, setValue, type DateParts } from './value.js';

/** Options of the scanner (the stage's, less the data paths). */
export interface DateScanOptions {
  /** A month name alone (في سبتمبر، مارس الماضي) is a DATE. */
  monthAlone: boolean;
  /** A bare 19xx/20xx after a cue word (في 2008، منذ 2003) is a DATE. */
  bareYears: boolean;
  /** Order of an all-digit date whose first two parts could both be the month. */
  numericOrder: 'dmy' | 'mdy';
  centuries: boolean;
  decades: boolean;
  /** Two years joined (1998 - 2005، عامي 2000 و2001) or two days (12-14 مارس) make one DATE. */
  ranges: boolean;
}

/** A date found: tokens `[first, last]`, the span's view start, its value and provenance. */
export interface DateMatch {
  first: number;
  last: number;
  /** Original UTF-16 span. */
  start: number;
  end: number;
  value: unknown;
  source: string;
  confidence: number;
  note: string | undefined;
}

const WAW = 0x0648; // U+0648 ARABIC LETTER WAW, "and"
const LAM = 0x0644; // U+0644 ARABIC LETTER LAM, "for, of" (لعام 1971)
const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF (of the article ال)
const MEEM = 0x0645; // U+0645 ARABIC LETTER MEEM: م after a year, the common era
const HEH = 0x0647; // U+0647 ARABIC LETTER HEH: ه after a year (often with a U+0640 ARABIC TATWEEL), the Hijri era
const TATWEEL = 0x0640; // U+0640 ARABIC TATWEEL (kept in the view when tatweel removal is off)
const ARABIC_COMMA = 0x060c; // U+060C ARABIC COMMA
const SLASH = 0x2f;
const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const DOT = 0x2e;
const COMMA = 0x2c;
const PERCENT = 0x25;
const ARABIC_PERCENT = 0x066a; // U+066A ARABIC PERCENT SIGN
/** Opening and closing marks around a paired month name: ( ) « » " ". */
const OPENERS = [0x28, 0xab, 0x22];
const CLOSERS = [0x29, 0xbb, 0x22];

/** Suffix of a year token: none, م (common era) or ه (Hijri). */
const enum Era {
  None = 0,
  Common = 1,
  Hijri = 2,
  BeforeCommon = 3,
}

/** What may stand before the digits of a year's token. */
const enum Prefix {
  None = 0,
  /** The conjunction و (و2001). */
  Waw = 1,
  /** The year noun, checked by the caller (عام2006، عامي1987). */
  Glued = 2,
}

/** Minimum letters of a number word's stem after proclitics (as the numbers stage). */
const MIN_STEM = 3;

/** Classes whose words open a date. */
const OPENING_BITS = DateBit.month | DateBit.weekday | DateBit['day-word'] | DateBit['day-noun'] | DateBit['month-noun'] | DateBit['year-noun'] | DateBit['century-noun'] | DateBit.decade;

/** Latest year read as a Gregorian year without an era; latest Hijri year. */
const MAX_YEAR = 2100;
const MAX_HIJRI_YEAR = 1500;

/**
 * True when `c`, the `position`th letter (1-based) of a word, can be a proclitic there: و or
 * ف first, or ب ك ل first or after them (Ryding 2005 §16.2, as src/arabic/clitics.ts).
 */
function isProclitic(c: number, position: number): boolean {
  const conjunction = c === WAW || c === 0x0641; // و ف
  const preposition = c === 0x0628 || c === 0x0643 || c === LAM; // ب ك ل
  return position === 1 ? conjunction || preposition : preposition;
}

export class DateScanner {
  private readonly lexicon: DateLexicon;
  private readonly options: DateScanOptions;
  private readonly vocabulary: TokenVocabulary;
  /** Number words by vocabulary id (ordinal days and centuries: الثامن من يونيو، القرن العشرين). */
  private readonly words: ReadingValues<NumberWord>;
  // Per document.
  private tokens!: TokenTable;
  private lookup!: TokenLookup;
  private units: Uint16Array = new Uint16Array(0);
  private text = '';
  private n = 0;
  // The last phrase matched by `entryAt`: its last token and the proclitic cut of its first.
  private mLast = 0;
  private mCut = 0;
  // The last number read by `readNumber`.
  private nValue = 0;
  private nDigits = 0;
  private nLeadingZero = false;
  /** View offset of the first digit. */
  private nD0 = 0;
  /** Letters before the digits: 0 none, else their count. */
  private nPrefix = 0;
  /** The prefix is proclitics only (و8، ب2023). */
  private nCliticPrefix = false;
  private nEra: Era = Era.None;
  // The last ordinal read by `readOrdinal`.
  private oValue = 0;
  private oLast = 0;
  private oCut = 0;
  private oFeminine = false;
  /** Tokens before this index belong to something that is no date (قوى 14 آذار). */
  private skipTo = 0;
  /** Proclitics before a glued year noun (لعام2006). */
  private gCut = 0;

  /**
   * `vocabulary` is the pipeline's shared one: the lexicon's words were interned into it,
   * and number words are interned by {@link ReadingValues} (the same ids the numbers stage
   * uses), so each document's tokens are looked up once for every stage.
   */
  constructor(lexicon: DateLexicon, numberWords: WordTable<NumberWord>, options: DateScanOptions, vocabulary: TokenVocabulary) {
    this.lexicon = lexicon;
    this.options = options;
    this.vocabulary = vocabulary;
    // Ordinals and عشر for days and centuries; scale and percent words to tell a count
    // (2000 مليون) from a year.
    const wanted: ReadonlySet<number> = new Set([NumberClass.Ordinal, NumberClass.OrdinalTeenUnit, NumberClass.OrdinalTens, NumberClass.Ten, NumberClass.Scale, NumberClass.Percent]);
    this.words = new ReadingValues(vocabulary, numberWords.entries().filter(([, w]) => wanted.has(w.cls)), NUMBER_WORD_SCOPE);
  }

  /** The dates of `doc` (tokenised), in text order, not overlapping. */
  scan(doc: Doc): DateMatch[] {
    const tokens = doc.tokens!;
    this.tokens = tokens;
    this.lookup = documentLookup(doc, this.vocabulary);
    this.units = doc.view.units;
    this.text = doc.view.text;
    this.n = tokens.count;
    this.skipTo = 0;
    const found: DateMatch[] = [];
    const kind = tokens.kind;
    const scopes = this.lookup.scopes;
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const k = kind[i]!;
      let m: DateMatch | null = null;
      if (k === TokenKind.Word) {
        const s = scopes[i]!;
        if ((s & DATE_SCOPE) !== 0) m = this.fromWord(i);
        // A day ordinal: only worth reading with a date word in the next three tokens.
        if (m === null && (s & NUMBER_WORD_SCOPE) !== 0 && this.dateWordNear(i)) m = this.fromOrdinal(i);
      } else if (k === TokenKind.Number || k === TokenKind.Alnum) {
        m = this.fromDigits(i);
      }
      if (m !== null) {
        found.push(m);
        i = m.last;
      } else if (this.skipTo > i + 1) i = this.skipTo - 1;
    }
    return found;
  }

  /** A word that can open a date among the three tokens after `i` (الثامن من شهر يونيو). */
  private dateWordNear(i: number): boolean {
    const scopes = this.lookup.scopes;
    const end = Math.min(this.n, i + 4);
    for (let k = i + 1; k < end; k++) if ((scopes[k]! & DATE_SCOPE) !== 0) return true;
    return false;
  }

  // ---------------------------------------------------------------------------------
  // Token helpers

  /** True when token `k` exists and no line break comes before it (dates stay in a line). */
  private inLine(k: number): boolean {
    return k < this.n && (this.tokens.flags[k]! & TokenFlag.LineBefore) === 0;
  }

  /** The code unit of a one-unit punctuation or symbol token `k`, or -1. */
  private punct(k: number): number {
    if (k < 0 || k >= this.n) return -1;
    const kind = this.tokens.kind[k]!;
    if (kind !== TokenKind.Punct && kind !== TokenKind.Symbol && kind !== TokenKind.Other) return -1;
    const vs = this.tokens.vStart[k]!;
    return this.tokens.vEnd[k]! - vs === 1 ? this.units[vs]! : -1;
  }

  /**
   * The phrase of class `cls` starting at token `k` (its first token with proclitics cut
   * off when `clitics`), or null. Sets {@link mLast} and {@link mCut}.
   */
  private entryAt(k: number, cls: DateClass, clitics: boolean): DateEntry | null {
    if (k < 0 || k >= this.n) return null;
    const lookup = this.lookup;
    const bit = DateBit[cls];
    const base = k * READINGS;
    const readings = clitics && lookup.clitic[k] === 1 ? READINGS : 1;
    const length = this.tokens.vEnd[k]! - this.tokens.vStart[k]! - lookup.lead[k]!;
    for (let r = 0; r < readings; r++) {
      const id = lookup.readings[base + r]!;
      if (id < 0 || (this.lexicon.bitsOf(id) & bit) === 0) continue;
      // A word that opens a date keeps three letters at least after a proclitic: باب is
      // a door, not ب + آب (August). (Cue words may be short: وفي.)
      if (r > 0 && (bit & OPENING_BITS) !== 0 && length - READING_CUTS[r]! + (READING_ALEF[r]! ? 1 : 0) < MIN_STEM) continue;
      for (const e of this.lexicon.startingWith(id)) {
        if (e.cls !== cls) continue;
        const size = e.ids.length;
        let ok = true;
        for (let j = 1; ok && j < size; j++) ok = this.inLine(k + j) && lookup.ids[k + j] === e.ids[j];
        if (!ok) continue;
        this.mLast = k + size - 1;
        this.mCut = READING_CUTS[r]!;
        return e;
      }
    }
    return null;
  }

  /**
   * Reads a number or alphanumeric token: letters before (proclitics, or a glued word),
   * plain digits (no separators), and at most an era letter after (2023م، 1445ه).
   * False for anything else (1,250، 10كم، F16). Sets the `n*` fields.
   */
  private readNumber(k: number): boolean {
    const kind = this.tokens.kind[k];
    if (kind !== TokenKind.Number && kind !== TokenKind.Alnum) return false;
    const units = this.units;
    const s = this.tokens.vStart[k]!;
    const e = this.tokens.vEnd[k]!;
    let p = s;
    let clitics = true;
    while (p < e && digitValue(units[p]!) < 0) {
      const c = units[p]!;
      if (c < 0x0621 || c > 0x064a) return false; // only Arabic letters before the digits
      if (!(c === WAW || c === 0x0641 || c === 0x0628 || c === 0x0643 || c === LAM)) clitics = false; // و ف ب ك ل
      p++;
    }
    if (p === e) return false;
    this.nPrefix = p - s;
    this.nCliticPrefix = this.nPrefix > 0 && this.nPrefix <= 2 && clitics;
    this.nD0 = p;
    this.nLeadingZero = units[p] === 0x30 || units[p] === 0x0660 || units[p] === 0x06f0;
    let value = 0;
    let digits = 0;
    for (; p < e; p++) {
      const d = digitValue(units[p]!);
      if (d < 0) break;
      if (digits < 9) value = value * 10 + d;
      digits++;
    }
    this.nValue = digits > 9 ? Number.MAX_SAFE_INTEGER : value;
    this.nDigits = digits;
    this.nEra = Era.None;
    if (p < e) {
      const c = units[p]!;
      if (c !== MEEM && c !== HEH) return false;
      let q = p + 1;
      while (q < e && units[q] === TATWEEL) q++;
      if (q !== e) return false;
      this.nEra = c === MEEM ? Era.Common : Era.Hijri;
    }
    return true;
  }

  /**
   * Where a date opened by the number just read at token `k` starts: at its digits, or at
   * the definite article written against them (ال8 من يونيو, often with a U+0640 ARABIC TATWEEL after ال; وال8; لل8: at the article's
   * lam, as SPEC.md wants for ل + ال). Proclitics and other glued words are left out.
   */
  private digitStart(k: number): number {
    const s = this.tokens.vStart[k]!;
    const d0 = this.nD0;
    const units = this.units;
    if (this.nPrefix < 2 || units[d0 - 1] !== LAM) return d0;
    if (units[d0 - 2] === ALEF) {
      // ال after up to two proclitics (وال، بال، وبال).
      for (let p = s; p < d0 - 2; p++) if (!isProclitic(units[p]!, p - s + 1)) return d0;
      return d0 - 2 - s <= 2 ? d0 - 2 : d0;
    }
    // لل: ل + ال with the alef dropped, after at most one conjunction.
    if (units[d0 - 2] === LAM && d0 - 2 - s <= 1 && (d0 - 2 === s || isProclitic(units[s]!, 1))) return d0 - 1;
    return d0;
  }

  /** Reads token `k` as a number with nothing glued to it (digits only). */
  private plainNumber(k: number): boolean {
    return this.inLine(k) && this.readNumber(k) && this.nPrefix === 0 && this.nEra === Era.None;
  }

  /** The era phrase (م، ه، ميلادي، ق.م) at token `k`: its era, or None. Sets {@link mLast}. */
  private eraAt(k: number): Era {
    if (!this.inLine(k)) return Era.None;
    const e = this.entryAt(k, 'year-marker', false);
    if (e === null) return Era.None;
    return e.value === 'ah' ? Era.Hijri : e.value === 'bce' ? Era.BeforeCommon : Era.Common;
  }

  /** True when the token at `k` makes the number before it a quantity (مليون، دولار، %). */
  private quantityAfter(k: number): boolean {
    if (!this.inLine(k)) return false;
    if (this.tokens.kind[k] === TokenKind.Word) {
      const s = this.lookup.scopes[k]!;
      // A currency noun (the money stage's words, when it is in the pipeline): an amount.
      if ((s & CURRENCY_SCOPE) !== 0) return true;
      if ((s & NUMBER_WORD_SCOPE) === 0) return false;
      // A scale word or a percent word: a count (2000 مليون، 1990 بالمئة).
      const w = this.words.withProclitics(this.lookup, k, MIN_STEM);
      return w !== undefined && (w.cls === NumberClass.Scale || w.cls === NumberClass.Percent);
    }
    const c = this.punct(k);
    return c === PERCENT || c === ARABIC_PERCENT;
  }

  /** The original span of view start `startV` to the end of token `last`. */
  private match(first: number, startV: number, last: number, value: unknown, source: string, confidence: number, note?: string): DateMatch {
    return {
      first,
      last,
      start: this.tokens.view.originalStart(startV),
      end: this.tokens.end[last]!,
      value,
      source,
      confidence,
      note,
    };
  }

  // ---------------------------------------------------------------------------------
  // Words that open a date

  private fromWord(i: number): DateMatch | null {
    const startV = () => this.tokens.vStart[i]! + this.mCut;
    // Heads: يوم, a weekday (and الموافق after it). Never a date alone.
    let p = i;
    let head = false;
    let start = -1;
    if (this.entryAt(i, 'day-noun', true) !== null) {
      start = startV();
      p = this.mLast + 1;
      head = true;
    }
    if ((p === i || this.inLine(p)) && this.entryAt(p, 'weekday', !head) !== null) {
      if (!head) start = startV();
      p = this.mLast + 1;
      head = true;
      const c = this.punct(p);
      if (c === ARABIC_COMMA || c === COMMA) p++;
      if (this.inLine(p) && this.entryAt(p, 'weekday-link', false) !== null) p = this.mLast + 1;
    }
    if (head) {
      if (!this.inLine(p)) return null;
      const core = this.dayAt(p, false, i, start);
      if (core !== null || !this.readNumber(p) || this.nPrefix !== 0) return core;
      // السبت 10/6/2023: the weekday heads a numeric date.
      const numeric = this.numericChain(p, this.nD0);
      if (numeric === null || numeric.source !== 'dates:numeric') return null;
      return { ...numeric, first: i, start: this.tokens.view.originalStart(start) };
    }
    if (this.entryAt(i, 'day-word', true) !== null) return this.dayAt(i, true, i, -1);
    if (this.entryAt(i, 'month-noun', true) !== null) {
      const s = startV();
      const q = this.mLast + 1;
      return this.inLine(q) ? this.monthPart(q, i, s, 0, 0, true, false) : null;
    }
    if (this.entryAt(i, 'month', true) !== null) return this.monthPart(i, i, startV(), 0, 0, false, true);
    let e = this.entryAt(i, 'year-noun', true);
    if (e !== null) return this.yearNounPart(i, startV(), this.mLast + 1, e);
    if (this.options.centuries && this.entryAt(i, 'century-noun', true) !== null) return this.century(i, startV(), this.mLast + 1);
    e = this.entryAt(i, 'decade', true);
    if (e !== null && this.options.decades) return this.decade(i, startV(), this.mLast, e.num);
    return null;
  }

  /** A day ordinal opening a date: الثامن من يونيو، التاسع عشر من شهر مايو. */
  private fromOrdinal(i: number): DateMatch | null {
    if (!this.readOrdinal(i, true) || this.oValue > 31) return null;
    return this.dayAt(i, true, i, -1);
  }

  /**
   * A day (digits or an ordinal) at token `p`, then its month: the core after a head, or
   * a date opened by its day (`opens`: proclitics allowed on it). `first` is the date's
   * first token and `start` its view start when a head opened it (-1: the day opens it).
   */
  private dayAt(p: number, opens: boolean, first: number, start: number): DateMatch | null {
    let day = 0;
    let q: number;
    let startV = start;
    if (this.readNumber(p)) {
      // The caller checked the letters glued before the digits of a day that opens a date.
      if ((this.nPrefix !== 0 && !opens) || this.nEra !== Era.None) return null;
      if (this.nDigits > 2 || this.nValue < 1 || this.nValue > 31) return null;
      day = this.nValue;
      if (startV < 0) startV = this.digitStart(p);
      q = p + 1;
    } else if (this.readOrdinal(p, opens) && this.oValue <= 31 && !this.oFeminine) {
      // (A day is masculine, اليوم الأول: الأولى من شهر رمضان counts days or weeks.)
      day = this.oValue;
      if (startV < 0) startV = this.tokens.vStart[p]! + this.oCut;
      q = this.oLast + 1;
    } else {
      // فاتح يناير: the first of the month (Maghrebi usage).
      const e = this.entryAt(p, 'day-word', opens);
      if (e === null) return null;
      day = e.num;
      if (startV < 0) startV = this.tokens.vStart[p]! + this.mCut;
      q = this.mLast + 1;
    }
    // Two days: 12 - 14 مارس، من 12 إلى 14 مارس (a range), 8 و12 يونيو (both days; a
    // range after بين: بين 12 و14 مارس).
    let day2 = 0;
    let both = false;
    const join = this.options.ranges && this.inLine(q) ? this.entryAt(q, 'range-join', false) : null;
    if (join !== null && this.inLine(this.mLast + 1)) {
      const r = this.mLast + 1;
      if (this.plainNumber(r) && this.nDigits <= 2 && this.nValue > day && this.nValue <= 31) {
        day2 = this.nValue;
        both = join.value === 'and';
        q = r + 1;
      }
    } else if (this.options.ranges && this.inLine(q) && this.readNumber(q) && this.nCliticPrefix && this.units[this.tokens.vStart[q]!] === WAW && this.nPrefix === 1 && this.nEra === Era.None) {
      if (this.nDigits <= 2 && this.nValue > day && this.nValue <= 31) {
        day2 = this.nValue;
        both = true;
        q++;
      }
    }
    if (both && this.entryAt(first - 1, 'range-open', true) !== null) both = false;
    if (!this.inLine(q)) return null;
    if (this.entryAt(q, 'linker', false) !== null) q = this.mLast + 1;
    let monthNoun = false;
    if (this.inLine(q) && this.entryAt(q, 'month-noun', false) !== null) {
      q = this.mLast + 1;
      monthNoun = true;
    }
    if (!this.inLine(q)) return null;
    // قوى 14 آذار، مدينة 6 أكتوبر: a name, not a date (its month is not read alone either).
    if (start < 0 && this.entryAt(first - 1, 'not-before', true) !== null) {
      const named = this.monthPart(q, first, startV, day, day2, monthNoun, false, both);
      if (named !== null) this.skipTo = named.last + 1;
      return null;
    }
    return this.monthPart(q, first, startV, day, day2, monthNoun, false, both);
  }

  /**
   * The month at token `q` and what follows it: a paired name, a relative word or a year.
   * `day`/`day2` (0 when none) came before it, a range or, with `both`, two days; `opens`
   * when the month is the first token.
   */
  private monthPart(q: number, first: number, startV: number, day: number, day2: number, monthNoun: boolean, opens: boolean, both = false): DateMatch | null {
    const month = this.entryAt(q, 'month', opens);
    if (month === null) return null;
    let last = this.mLast;
    let r = last + 1;
    let paired = false;
    // حزيران/يونيو، مايو / أيار، كانون الثاني ( يناير )، 9 يوليو « تموز »
    if (this.inLine(r)) {
      const c = this.punct(r);
      const other = (k: number) => {
        const m = this.inLine(k) ? this.entryAt(k, 'month', false) : null;
        // Another name of the same month; the same name twice only for a month that is no
        // word or name (صفر - صفر is a football score).
        return m !== null && (m !== month || month.flags === 0) && m.num === month.num && m.hijri === month.hijri;
      };
      if ((c === SLASH || c === HYPHEN || c === ARABIC_COMMA) && other(r + 1)) {
        paired = true;
        last = this.mLast;
      } else if (OPENERS.includes(c) && other(r + 1)) {
        const close = this.mLast + 1;
        if (this.inLine(close) && this.punct(close) === CLOSERS[OPENERS.indexOf(c)]) {
          paired = true;
          last = close;
        }
      } else if (other(r)) {
        paired = true;
        last = this.mLast;
      }
      r = last + 1;
    }
    const parts = emptyParts();
    parts.hijri = month.hijri;
    parts.month = month.num;
    parts.day = day;
    let relative = false;
    let hasYear = false;
    if (this.inLine(r) && this.entryAt(r, 'relative', false) !== null) {
      relative = true;
      last = this.mLast;
    } else if (this.inLine(r)) {
      const y = this.yearAfterMonth(r, day > 0, parts);
      if (y >= 0) {
        hasYear = true;
        last = y;
      }
    }
    // A month alone: only when the name is not also a common word or a name, or a cue
    // word comes before an ambiguous one (في مارس).
    const alone = day === 0 && !hasYear && !paired && !relative && !monthNoun;
    // (رجب الماضي is a date, رجب طيب a name: a name-month needs more than a cue word.)
    if (alone) {
      if (!this.options.monthAlone || (month.flags & MonthFlag.Name) !== 0) return null;
      if ((month.flags & MonthFlag.Ambiguous) !== 0 && this.entryAt(first - 1, 'year-cue', true) === null) return null;
    }
    if (!isValidDate(parts)) return null;
    let value: unknown;
    if (day2 > 0) {
      const to = { ...parts, day: day2 };
      if (!isValidDate(to)) return null;
      value = both ? setValue([parts, to]) : intervalValue(parts, to);
    } else value = dateValue(parts);
    const source = day > 0 ? (hasYear ? 'dates:day-month-year' : 'dates:day-month') : hasYear ? 'dates:month-year' : 'dates:month';
    const confidence = hasYear ? 0.95 : day > 0 ? 0.9 : month.flags !== 0 ? 0.75 : 0.85;
    const note = relative ? 'relative to the document date: the year is not given' : undefined;
    return this.match(first, startV, last, value, source, confidence, note);
  }

  /**
   * A year after a month at token `r` (`/ 2023`، `عام 1968`، `لعام 1971`، `من عام 2003`،
   * `، 1939` after a day): sets `parts.year` (and the era) and returns the year's last
   * token, or -1.
   */
  private yearAfterMonth(r: number, withDay: boolean, parts: DateParts): number {
    let s = r;
    const c = this.punct(s);
    let comma = false;
    if (c === SLASH || c === HYPHEN) s++;
    else if (c === ARABIC_COMMA || c === COMMA) {
      s++;
      comma = true;
    }
    if (!this.inLine(s)) return -1;
    let noun = false;
    if (!comma && this.entryAt(s, 'linker', false) !== null) {
      s = this.mLast + 1;
      // من عام 2003، من سنة2006
      if (!this.inLine(s) || (this.entryAt(s, 'year-noun', true) === null && !(this.readNumber(s) && this.nPrefix > 0 && !this.nCliticPrefix))) return -1;
    }
    const e = this.entryAt(s, 'year-noun', true);
    if (e !== null && e.num === 1 && (this.mCut === 0 || (this.mCut === 1 && this.units[this.tokens.vStart[s]!] === LAM))) {
      noun = true;
      s = this.mLast + 1;
    }
    if (!this.inLine(s) || !this.readNumber(s) || this.nLeadingZero) return -1;
    if (this.nPrefix !== 0) {
      // يونيو من سنة2006: the noun glued to its year.
      if (noun || this.nCliticPrefix || this.gluedYearNoun(this.tokens.vStart[s]!)?.num !== 1 || this.gCut !== 0) return -1;
      noun = true;
    }
    const year = this.nValue;
    const digits = this.nDigits;
    let era = this.nEra;
    let last = s;
    if (era === Era.None) {
      era = this.eraAt(s + 1);
      if (era !== Era.None) last = this.mLast;
    }
    if ((comma && (!withDay || digits !== 4)) || !this.yearOk(year, digits, era, noun)) return -1;
    if (era === Era.None && this.quantityAfter(last + 1)) return -1;
    // The era must agree with the month's calendar (a Hijri month with م is a mistake).
    if ((era === Era.Hijri) !== parts.hijri && era !== Era.None) return -1;
    if (era === Era.BeforeCommon) parts.bce = true;
    parts.year = year;
    return last;
  }

  /**
   * Whether a number can be a year: with an era, any year of it (a bare م after 3 digits
   * or more: 100 م could be metres); after a year noun, 100 to 2100; else four digits,
   * 1000 to 2100.
   */
  private yearOk(year: number, digits: number, era: Era, noun: boolean): boolean {
    if (year < 1) return false;
    if (era === Era.Hijri) return year <= MAX_HIJRI_YEAR;
    if (era === Era.BeforeCommon) return year <= 10000;
    if (era === Era.Common) return year <= MAX_YEAR && (noun || digits >= 3);
    if (noun) return digits >= 3 && year <= MAX_YEAR;
    return digits === 4 && year >= 1000 && year <= MAX_YEAR;
  }

  // ---------------------------------------------------------------------------------
  // Years after a noun: عام 2018، العام 2014، عامي 2000 و2001، أعوام 1954 و1986 و1994

  /**
   * The year (or years) after the year noun ending before token `p`. `startV` is where the
   * noun starts in the view; `noun` its entry (1 singular, 2 dual, 0 plural).
   */
  private yearNounPart(first: number, startV: number, p: number, noun: DateEntry, glued = false): DateMatch | null {
    if (!glued && !this.inLine(p)) return null;
    const years: DateParts[] = [];
    let last = this.readYear(p, true, years, glued ? Prefix.Glued : Prefix.None);
    if (last < 0) return null;
    let interval = false;
    if (this.options.ranges) {
      // عام 2005 - 2006، موسم 2005/2006، من عام 2005 إلى 2010
      const joined = this.secondYear(last + 1, years[0]!, true);
      if (joined !== null) {
        years.push(joined.parts);
        last = joined.last;
        interval = true;
      } else {
        // Lists: عامي 2000 و2001، أعوام 1954 و1986 و1994
        for (;;) {
          const k = last + 1;
          if (!this.inLine(k)) break;
          let q = k;
          const c = this.punct(k);
          if (c === ARABIC_COMMA || c === COMMA || (this.tokens.kind[k] === TokenKind.Word && this.tokens.vEnd[k]! - this.tokens.vStart[k]! === 1 && this.units[this.tokens.vStart[k]!] === WAW)) q = k + 1;
          if (!this.inLine(q)) break;
          if (q === k && !(this.readNumber(q) && this.nCliticPrefix && this.nPrefix === 1 && this.units[this.tokens.vStart[q]!] === WAW)) break;
          const more: DateParts[] = [];
          // (Four digits or an era: عام 2018، 300 شخص is no list.)
          const end = this.readYear(q, false, more, q === k ? Prefix.Waw : Prefix.None);
          // Years of a list run forwards (أعوام 1954 و1986 و1994).
          const prev = years[years.length - 1]!;
          if (end < 0 || more[0]!.hijri !== prev.hijri || more[0]!.bce !== prev.bce || more[0]!.year! <= prev.year!) break;
          years.push(more[0]!);
          last = end;
        }
      }
    }
    if (noun.num === 2 && years.length !== 2) return null;
    let value: unknown;
    if (years.length === 1) value = dateValue(years[0]!);
    else if (interval || (noun.num === 2 && this.entryAt(first - 1, 'range-open', true) !== null)) value = intervalValue(years[0]!, years[years.length - 1]!);
    else value = setValue(years);
    return this.match(first, startV, last, value, years.length === 1 ? 'dates:year' : 'dates:years', 0.95);
  }

  /**
   * A year at token `p` (after a noun when `noun`), with its era marker; pushes its parts
   * and returns its last token, or -1. `prefix`: what may come before the digits in the
   * token (the conjunction و, or the year noun itself: عامي1987).
   */
  private readYear(p: number, noun: boolean, out: DateParts[], prefix: Prefix): number {
    if (!this.readNumber(p) || this.nLeadingZero) return -1;
    if (prefix === Prefix.Waw ? !(this.nPrefix === 1 && this.nCliticPrefix) : prefix === Prefix.None && this.nPrefix !== 0) return -1;
    return this.readYearValue(p, this.nValue, this.nDigits, noun, out);
  }

  /**
   * The second year of a range after the year `a` ending before token `k`: `- 2006`,
   * `/2006`, `/06` (the next year), `إلى 2010`. Null when none.
   */
  private secondYear(k: number, a: DateParts, noun: boolean): { parts: DateParts; last: number } | null {
    if (!this.inLine(k)) return null;
    const c = this.punct(k);
    let q: number;
    if (c === HYPHEN || c === EN_DASH || c === SLASH) q = k + 1;
    else if (this.entryAt(k, 'range-join', false)?.value === 'to') q = this.mLast + 1;
    else return null;
    if (!this.inLine(q)) return null;
    // إلى عام 2010
    if (c < 0 && this.entryAt(q, 'year-noun', false)?.num === 1) q = this.mLast + 1;
    if (!this.inLine(q) || !this.readNumber(q) || this.nPrefix !== 0) return null;
    if (this.nLeadingZero && !(c === SLASH && this.nDigits === 2)) return null; // (2009/10، 2009/05 are seasons)
    let year = this.nValue;
    // 2005/06: the season written with the next year's last two digits.
    if (c === SLASH && this.nDigits === 2 && a.year !== null && year === (a.year + 1) % 100) year = a.year + 1;
    else if (this.nDigits !== 4 && this.nEra === Era.None) return null;
    const out: DateParts[] = [];
    const last = this.readYearValue(q, year, this.nDigits === 2 ? 4 : this.nDigits, noun || this.nDigits === 2, out);
    if (last < 0) return null;
    const b = out[0]!;
    // The era of the second end applies to both (1368 - 1644م).
    if (a.hijri !== b.hijri || a.bce !== b.bce) {
      if (!(a.hijri || a.bce) && (b.hijri || b.bce) && this.yearOk(a.year!, 4, b.hijri ? Era.Hijri : Era.BeforeCommon, true)) {
        a.hijri = b.hijri;
        a.bce = b.bce;
      } else return null;
    }
    // 2006 / 2005: a fiscal year typed right to left; the range is 2005/2006.
    if (c === SLASH && !a.bce && b.year === a.year! - 1) {
      b.year = a.year!;
      a.year = a.year! - 1;
    }
    // Ranges run forwards (before the common era, backwards in number).
    if (a.bce ? b.year! >= a.year! : b.year! <= a.year!) return null;
    return { parts: b, last };
  }

  /**
   * The year `year` written with `digits` digits at token `p` (just read by readNumber, whose
   * era it takes, or the era word after it): pushes its parts and returns its last token, or -1.
   */
  private readYearValue(p: number, year: number, digits: number, noun: boolean, out: DateParts[]): number {
    let era = this.nEra;
    let last = p;
    if (era === Era.None) {
      era = this.eraAt(p + 1);
      if (era !== Era.None) last = this.mLast;
    }
    if (!this.yearOk(year, digits, era, noun)) return -1;
    if (era === Era.None && this.quantityAfter(last + 1)) return -1;
    const parts = emptyParts();
    parts.year = year;
    parts.hijri = era === Era.Hijri;
    parts.bce = era === Era.BeforeCommon;
    out.push(parts);
    return last;
  }

  // ---------------------------------------------------------------------------------
  // Centuries and decades

  /** القرن العشرين، القرن الحادي والعشرين، القرن 16 م، القرن الرابع الهجري. */
  private century(first: number, startV: number, p: number): DateMatch | null {
    if (!this.inLine(p)) return null;
    let n: number;
    let last: number;
    if (this.readOrdinal(p, false)) {
      n = this.oValue;
      last = this.oLast;
    } else if (this.plainNumber(p) && this.nDigits <= 2) {
      n = this.nValue;
      last = p;
    } else return null;
    if (n < 1 || n > 30) return null;
    const era = this.eraAt(last + 1);
    if (era !== Era.None) last = this.mLast;
    return this.match(first, startV, last, centuryValue(n, era === Era.Hijri, era === Era.BeforeCommon), 'dates:century', 0.9);
  }

  /**
   * الثمانينيات، ثمانينيات القرن الماضي، الستينات من القرن التاسع عشر: the decade of the
   * 20th century unless a century follows (الماضي read as the 20th, الحالي as the 21st:
   * news of this century).
   */
  private decade(first: number, startV: number, wordLast: number, digit: number): DateMatch | null {
    let last = wordLast;
    let century = 20;
    let note: string | undefined;
    let q = last + 1;
    if (this.inLine(q) && this.entryAt(q, 'linker', false) !== null) q = this.mLast + 1;
    if (this.inLine(q) && this.entryAt(q, 'century-noun', false) !== null) {
      const c = this.mLast + 1;
      if (this.inLine(c) && this.readOrdinal(c, false) && this.oValue >= 1 && this.oValue <= 21) {
        century = this.oValue;
        last = this.oLast;
      } else if (this.inLine(c) && this.entryAt(c, 'relative', false) !== null) {
        const rel = this.entryAt(c, 'relative', false)!.value;
        century = rel === 'past' ? 20 : rel === 'current' ? 21 : 20;
        last = this.mLast;
        note = 'century read relative to a document of the 21st century';
      }
    }
    return this.match(first, startV, last, decadeValue(century, digit), 'dates:decade', 0.8, note);
  }

  // ---------------------------------------------------------------------------------
  // Ordinals: الثامن، التاسع عشر، الحادي والعشرين، العشرين

  /** Reads an ordinal of 1 to 39 at token `k`; sets the `o*` fields. */
  private readOrdinal(k: number, clitics: boolean): boolean {
    const words = this.words;
    const w = clitics ? words.withProclitics(this.lookup, k, MIN_STEM) : words.whole(this.lookup, k);
    if (w === undefined) return false;
    const cut = clitics ? words.cut : 0;
    const value = Number(w.value.num);
    let last = k;
    let total: number;
    switch (w.cls) {
      case NumberClass.Ordinal:
      case NumberClass.OrdinalTeenUnit: {
        total = value;
        const ten = this.inLine(k + 1) ? words.whole(this.lookup, k + 1) : undefined;
        if (ten !== undefined && ten.cls === NumberClass.Ten && (w.cls === NumberClass.OrdinalTeenUnit || (value >= 2 && value <= 9))) {
          total = value + 10;
          last = k + 1;
        } else {
          const tens = this.tensAfter(k + 1);
          if (tens > 0) {
            total = value + tens;
            last = this.oLast;
          } else if (w.cls === NumberClass.OrdinalTeenUnit) return false;
        }
        break;
      }
      case NumberClass.OrdinalTens:
        total = value;
        break;
      default:
        return false;
    }
    this.oValue = total;
    this.oLast = last;
    this.oCut = cut;
    this.oFeminine = (w.flags & WordFlag.Feminine) !== 0;
    return true;
  }

  /** `والعشرين` or `و العشرين` at token `k`: the ordinal tens, or 0. Sets {@link oLast}. */
  private tensAfter(k: number): number {
    if (!this.inLine(k)) return 0;
    const words = this.words;
    const vs = this.tokens.vStart[k]!;
    if (this.units[vs] !== WAW) return 0;
    let t: NumberWord | undefined;
    let last = k;
    if (this.tokens.vEnd[k]! - vs === 1) {
      if (!this.inLine(k + 1)) return 0;
      t = words.whole(this.lookup, k + 1);
      last = k + 1;
    } else {
      t = words.withProclitics(this.lookup, k, MIN_STEM);
      if (words.cut !== 1) return 0;
    }
    if (t === undefined || t.cls !== NumberClass.OrdinalTens || t.value.num > 30n) return 0;
    this.oLast = last;
    return Number(t.value.num);
  }

  // ---------------------------------------------------------------------------------
  // Dates opened by digits

  private fromDigits(i: number): DateMatch | null {
    if (!this.readNumber(i)) return this.dottedDate(i);
    const t = this.tokens;
    const startV = this.digitStart(i);
    // A word glued to the digits (a missing space): a year noun is kept (عام2006), any
    // other word left out (في16 اكتوبر، احداث11 سبتمبر).
    if (this.nPrefix > 0 && !this.nCliticPrefix) {
      const noun = this.gluedYearNoun(t.vStart[i]!);
      if (noun !== null) return this.yearNounPart(i, t.vStart[i]! + this.gCut, i, noun, true);
    }
    const value = this.nValue;
    const digits = this.nDigits;
    const era = this.nEra;
    const leadingZero = this.nLeadingZero;
    // 8-06- 2023، 2023-06-08، 5/2006، 2005/2006، 1998 - 2005، 1368 - 1644م
    if (era === Era.None) {
      const chain = this.numericChain(i, startV);
      if (chain !== null) return chain;
      if (!this.readNumber(i)) return null; // restore the n* fields of token i
    }
    // 8 يونيو، 12 - 14 مارس، 27 من صفر
    if (era === Era.None && digits <= 2 && value >= 1 && value <= 31) {
      const d = this.dayAt(i, true, i, -1);
      if (d !== null) return d;
      if (!this.readNumber(i)) return null;
    }
    if (leadingZero) return null;
    // 2023م، 1445 ه، 500 ق.م، 1990 ميلادي
    let last = i;
    let e = era;
    if (e === Era.None) {
      e = this.eraAt(i + 1);
      if (e !== Era.None) last = this.mLast;
    }
    if (e !== Era.None) {
      // بمسافة 100 م: metres, not the year 100.
      if (!this.yearOk(value, digits, e, false) || this.entryAt(i - 1, 'measure-before', true) !== null) return null;
      const parts = emptyParts();
      parts.year = value;
      parts.hijri = e === Era.Hijri;
      parts.bce = e === Era.BeforeCommon;
      return this.match(i, startV, last, dateValue(parts), 'dates:year-era', 0.9);
    }
    // من 1919 الى 1946، بين 1996 و2003
    if (this.options.ranges && this.nPrefix === 0 && digits === 4 && value >= 1000 && value <= MAX_YEAR) {
      const range = this.bareYearRange(i, startV, value);
      if (range !== null) return range;
      this.readNumber(i);
    }
    // في 2008، منذ 2003: a bare year after a cue word.
    if (this.options.bareYears && digits === 4 && value >= 1900 && value <= 2099) return this.bareYear(i, startV, value);
    return null;
  }

  /**
   * The year noun written against the digits from view offset `s` (عام2006، عامي1987,
   * after proclitics: لعام2006، وعام2006), or null. Sets {@link gCut}, the proclitics' length.
   */
  private gluedYearNoun(s: number): DateEntry | null {
    const units = this.units;
    for (let cut = 0; cut <= 2 && s + cut < this.nD0; cut++) {
      if (cut > 0 && !isProclitic(units[s + cut - 1]!, cut)) break;
      const id = this.vocabulary.idOfRange(this.text, s + cut, this.nD0);
      if ((this.lexicon.bitsOf(id) & DateBit['year-noun']) === 0) continue;
      const noun = this.lexicon.startingWith(id).find((e) => e.cls === 'year-noun' && e.ids.length === 1);
      if (noun === undefined) continue;
      this.gCut = cut;
      return noun;
    }
    return null;
  }

  /**
   * A bare year (already read: four digits, 1900-2099) after a cue word. A strong cue
   * (منذ، خلال، مطلع) decides alone unless a quantity word follows (منذ 2000 دولار); a weak
   * one (في، بعد، قبل، حتى) only when no counted noun follows: what comes next is a
   * punctuation mark, the line's end, a Latin word or a function word (في 2008 وفي 2009).
   * The numbers stage leaves the same years out (its `guessYears`), so the two agree.
   */
  private bareYear(i: number, startV: number, year: number): DateMatch | null {
    let cue: DateEntry | null = null;
    if (this.nPrefix > 0 && !this.nCliticPrefix) {
      const id = this.vocabulary.idOfRange(this.text, this.tokens.vStart[i]!, this.nD0);
      cue = this.lexicon.startingWith(id).find((e) => e.cls === 'year-cue' && e.ids.length === 1) ?? null;
    } else if (this.nPrefix === 0 && this.inLine(i)) {
      cue = this.entryAt(i - 1, 'year-cue', true);
    }
    let weak = cue !== null && cue.value === 'weak';
    if (cue === null && this.nPrefix === 0 && this.inLine(i) && this.partOfYear(i - 1)) weak = true;
    else if (cue === null) return null;
    const k = i + 1;
    if (this.quantityAfter(k)) return null;
    if (weak && !this.clauseGoesOn(k)) return null;
    const parts = emptyParts();
    parts.year = year;
    return this.match(i, startV, i, dateValue(parts), 'dates:bare-year', 0.7, 'a bare year read from its context');
  }

  /**
   * True when token `k` is the من of a part of a year: النصف الأول من 2022، الربع الثالث
   * من 2023، نهاية من (a period word or an ordinal before it).
   */
  private partOfYear(k: number): boolean {
    if (k < 1 || this.entryAt(k, 'linker', false) === null || !this.inLine(k)) return false;
    const before = k - 1;
    if (this.entryAt(before, 'period-of', true) !== null) return true;
    if (!this.readOrdinal(before, false) || this.oLast !== before) {
      // الأول (one token) or التاسع عشر (two): the ordinal ends at the token before من.
      if (!(before >= 1 && this.readOrdinal(before - 1, false) && this.oLast === before)) return false;
    }
    return true;
  }

  /**
   * True when what starts at token `k` cannot be a noun counted by the number before it:
   * the line's end, a punctuation mark, a Latin word, a function word (في 2008 وفي 2009),
   * or a word of five letters or more opening with the conjunction و (في 1992 وبدأت: a
   * counted noun follows its number directly).
   */
  private clauseGoesOn(k: number): boolean {
    if (!this.inLine(k)) return true;
    const kind = this.tokens.kind[k]!;
    if (kind === TokenKind.Punct || kind === TokenKind.Latin || kind === TokenKind.Symbol) return true;
    if (kind !== TokenKind.Word) return false;
    if (this.entryAt(k, 'function-word', true) !== null) return true;
    const vs = this.tokens.vStart[k]!;
    return this.units[vs] === WAW && this.tokens.vEnd[k]! - vs >= 5 && (this.lookup.scopes[k]! & (NUMBER_WORD_SCOPE | CURRENCY_SCOPE)) === 0;
  }

  /**
   * A range of two bare years after من or بين (من 1919 الى 1946، بين 1996 و2003), the
   * first already read at token `i`; null when none. Nothing that could be counted may
   * follow it (من 1200 إلى 1500 شخص is a count).
   */
  private bareYearRange(i: number, startV: number, year: number): DateMatch | null {
    const open = this.entryAt(i - 1, 'range-open', true) !== null ? 'and' : this.entryAt(i - 1, 'linker', true) !== null ? 'to' : null;
    if (open === null || !this.inLine(i) || !this.inLine(i + 1)) return null;
    let q = i + 1;
    let prefix = Prefix.None;
    const join = this.entryAt(q, 'range-join', false);
    if (join !== null && join.value === open) q = this.mLast + 1;
    else if (open === 'and' && this.tokens.kind[q] === TokenKind.Alnum) prefix = Prefix.Waw;
    else return null;
    if (!this.inLine(q)) return null;
    const out: DateParts[] = [];
    const last = this.readYear(q, false, out, prefix);
    if (last < 0) return null;
    const b = out[0]!;
    if (b.hijri || b.bce || b.year! <= year) return null;
    if (!this.clauseGoesOn(last + 1)) {
      // After a period noun or a strong cue (`خلال الفترة من 2019 إلى 2022 ارتفعت`) the
      // range is of years whatever follows, unless a counted quantity does.
      const framed = this.entryAt(i - 2, 'period-of', true) !== null || this.entryAt(i - 2, 'year-cue', true)?.value === 'strong';
      if (!framed || this.quantityAfter(last + 1)) return null;
    }
    const a = emptyParts();
    a.year = year;
    return this.match(i, startV, last, intervalValue(a, b), 'dates:year-range', 0.8);
  }

  /**
   * Numbers joined by `-`, `/` or `.` (spaces allowed: `8-06- 2023`), the first one read
   * already at token `i`. Three parts: d-m-y or y-m-d (m-d-y with `numericOrder: mdy`, or
   * when only that order is a date); two: m/y, y-y, y/y, or d/m after a date cue (بتاريخ
   * 12/5). A longer chain (a phone or a reference number) is no date.
   */
  private numericChain(i: number, startV: number): DateMatch | null {
    const join = this.punct(i + 1);
    if (!(join === HYPHEN || join === SLASH || join === DOT || join === EN_DASH) || !this.inLine(i + 1) || !this.inLine(i + 2)) return null;
    // Part of a longer chain on the left: 12/8/6/2023 or 2-8-06.
    const before = this.punct(i - 1);
    if ((before === HYPHEN || before === SLASH || before === DOT) && this.inLine(i) && this.tokens.kind[i - 2] === TokenKind.Number) return null;
    const values: number[] = [this.nValue];
    const digits: number[] = [this.nDigits];
    let era = Era.None;
    let last = i;
    let k = i;
    while (values.length < 4 && this.punct(k + 1) === join && this.inLine(k + 1) && this.inLine(k + 2)) {
      if (!this.readNumber(k + 2) || this.nPrefix !== 0) break;
      values.push(this.nValue);
      digits.push(this.nDigits);
      k += 2;
      last = k;
      if (this.nEra !== Era.None) {
        era = this.nEra;
        break;
      }
    }
    if (values.length === 1) return null;
    if (values.length > 3) return null;
    // 2023-06-08 ... 2023: a fourth part after the third would also have broken the loop.
    if (era === Era.None && this.punct(last + 1) === join && this.inLine(last + 2) && this.tokens.kind[last + 2] === TokenKind.Number) return null;
    if (era === Era.None) {
      const e = this.eraAt(last + 1);
      if (e !== Era.None) {
        era = e;
        last = this.mLast;
      }
    }
    if (values.length === 3) {
      if (join === EN_DASH || era === Era.BeforeCommon) return null;
      const [a, b, c] = values as [number, number, number];
      const [da, , dc] = digits as [number, number, number];
      let parts: DateParts | null = null;
      let note: string | undefined;
      // 20/11/1444ه: a Hijri date (Saudi official style), its era after the year.
      const hijri = era === Era.Hijri;
      const make = (year: number, month: number, day: number) => {
        const p = emptyParts();
        p.hijri = hijri;
        p.year = year;
        p.month = month;
        p.day = day;
        return isValidDate(p) && month >= 1 && day >= 1 && year >= (hijri ? 1 : 1000) && year <= (hijri ? MAX_HIJRI_YEAR : MAX_YEAR) ? p : null;
      };
      if (da === 4) parts = make(a, b, c);
      else if (dc === 4 && da <= 2 && digits[1]! <= 2) {
        const dmy = make(c, b, a);
        const mdy = make(c, a, b);
        if (hijri) parts = dmy;
        else if (this.options.numericOrder === 'mdy') parts = mdy ?? dmy;
        else parts = dmy ?? mdy;
        if (!hijri && dmy !== null && mdy !== null && a !== b) note = `${this.options.numericOrder === 'mdy' ? 'month' : 'day'} first assumed`;
        else if (parts === mdy && mdy !== null && dmy === null) note = 'month first (no day-first reading)';
      }
      if (parts === null) return null;
      return this.match(i, startV, last, dateValue(parts), 'dates:numeric', 0.95, note);
    }
    // Two parts.
    const [a, b] = values as [number, number];
    const [da, db] = digits as [number, number];
    const p = emptyParts();
    if (era === Era.None && join !== DOT && join !== EN_DASH && da <= 2 && a >= 1 && a <= 12 && db === 4 && b >= 1000 && b <= MAX_YEAR) {
      // 5/2006، 06-2023
      p.year = b;
      p.month = a;
      return this.match(i, startV, last, dateValue(p), 'dates:numeric', 0.9);
    }
    if (join === DOT) return null;
    const withEra = era !== Era.None && da >= 3 && db >= 3;
    if (this.options.ranges && ((da === 4 && (db === 4 || (join === SLASH && db === 2))) || withEra)) {
      // 1998 - 2005، 2005/2006، 2005/06، 1368 - 1644م، 618 - 907م
      const first = emptyParts();
      first.year = a;
      if (!this.yearOk(a, da, era, false)) return null;
      let second = b;
      if (db === 2) {
        if (b !== (a + 1) % 100) return null;
        second = a + 1;
      } else if (join === SLASH && b === a - 1 && era === Era.None) {
        // 2006/2005: a fiscal year typed right to left.
        second = a;
        first.year = b;
      }
      const to = emptyParts();
      to.year = second;
      first.hijri = to.hijri = era === Era.Hijri;
      first.bce = to.bce = era === Era.BeforeCommon;
      if (!this.yearOk(second, Math.max(db, 3), era, false)) return null;
      if (first.bce ? second >= first.year : second <= first.year) return null;
      if (era === Era.None && this.quantityAfter(last + 1)) return null;
      return this.match(i, startV, last, intervalValue(first, to), 'dates:year-range', 0.85);
    }
    if (era === Era.None && join === SLASH && da <= 2 && db <= 2 && this.entryAt(i - 1, 'date-cue', true) !== null && this.mLast === i - 1) {
      // بتاريخ 12/5: day and month.
      const [day, month] = this.options.numericOrder === 'mdy' ? [b, a] : [a, b];
      p.day = day;
      p.month = month;
      if (month < 1 || day < 1 || !isValidDate(p)) return null;
      return this.match(i, startV, last, dateValue(p), 'dates:numeric', 0.85);
    }
    return null;
  }

  /** `08.06.2023` written as one token (a number with two dots). */
  private dottedDate(i: number): DateMatch | null {
    const t = this.tokens;
    if (t.kind[i] !== TokenKind.Number && t.kind[i] !== TokenKind.Alnum) return null;
    const units = this.units;
    let p = t.vStart[i]!;
    const e = t.vEnd[i]!;
    let clitic = 0;
    while (p < e && (units[p] === WAW || units[p] === 0x0641 || units[p] === 0x0628)) {
      p++;
      clitic++;
    }
    if (clitic > 2) return null;
    const start = p;
    const parts: number[] = [];
    const digits: number[] = [];
    let value = 0;
    let count = 0;
    for (; p <= e; p++) {
      const c = p < e ? units[p]! : DOT;
      const d = digitValue(c);
      if (d >= 0) {
        value = value * 10 + d;
        count++;
        if (count > 4) return null;
      } else if (c === DOT && count > 0) {
        parts.push(value);
        digits.push(count);
        value = 0;
        count = 0;
      } else return null;
    }
    if (parts.length !== 3 || digits[0]! > 2 || digits[1]! > 2 || digits[2] !== 4) return null;
    const d = emptyParts();
    const [day, month] = this.options.numericOrder === 'mdy' ? [parts[1]!, parts[0]!] : [parts[0]!, parts[1]!];
    d.year = parts[2]!;
    d.month = month;
    d.day = day;
    if (month < 1 || day < 1 || d.year < 1000 || d.year > MAX_YEAR || !isValidDate(d)) return null;
    return this.match(i, start, i, dateValue(d), 'dates:numeric', 0.9);
  }
}
