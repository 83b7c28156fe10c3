/**
 * Finds numbers in a tokenised document: digits (with separators, scale words, the article
 * `ال50`), number words (`ثلاثة آلاف وخمسمائة`), ordinals (`الحادي عشر`, `الـ25`),
 * percentages, ranges and approximations, and leaves out what only looks like a number
 * (dates, years, times, phone numbers, footnote marks, model names like `إف-16`).
 *
 * One pass over the tokens. A token costs one table lookup (no string is made) unless it
 * is digits or a number word; everything else happens around the few tokens that are.
 */
import { procliticReadings } from '../../arabic/clitics.js';
import { NumberClass, NumberComposer, WordFlag, type NumberPart, type NumberWord } from '../../arabic/number-words.js';
import type { Annotation, Doc } from '../../core/document.js';
import { TokenKind, type TokenTable } from '../../core/tokens.js';
import { TokenVocabulary } from '../../core/token-trie.js';
import type { TokenLookup } from '../gazetteer/phrase-index.js';
import { NUMBER_CONTEXT_SCOPE, NUMBER_WORD_SCOPE, ReadingValues, documentLookup } from '../token-lookup.js';
import { digitValue, readDigits, separatorEvidence, type DecimalConvention, type DigitReading, type DocumentHint, type RaDecimal } from './digits.js';
import { Exact } from './exact.js';
import type { ContextClass, NumberLexicon } from './lexicon.js';
import { TokenView, phraseCovering, phraseEndingAt, phraseStartingAt } from './token-context.js';

/** A number found in the text, shared with the money stage through `doc.shared`. */
export interface Quantity {
  label: 'CARDINAL' | 'ORDINAL' | 'PERCENT';
  /** Tokens of the number (a percent marker included). */
  first: number;
  last: number;
  /** Last token of the number itself, before any percent marker: a currency follows it. */
  numberLast: number;
  /** Original UTF-16 span. */
  start: number;
  end: number;
  value: Exact;
  source: string;
  confidence: number;
  /** `approximately`, `more-than`, `less-than`, `at-least`, `at-most`, `up-to`, `range-from`, `range-to`. */
  qualifier: string | null;
  note: string | null;
  /** `multiplier × scale` when the number is one such term (`7 ملايين`). */
  scaleTerm: { multiplier: Exact; scale: Exact } | null;
  /** Index (in the quantity list) of the other end of a range, or -1. */
  partner: number;
  /** A number after رقم or القرار: a CARDINAL, never an amount of money. */
  identifier: boolean;
  /** The number was read from words (not only digits). */
  words: boolean;
  /** For a percentage: the factor its marker applies (1, or 1/10 for per mille). */
  percentFactor: Exact | null;
  /** The annotation written for it (the money stage replaces it by a MONEY). */
  annotation: Annotation | null;
}

/** What the numbers stage leaves in `doc.shared` under {@link NUMBERS_SHARED_KEY}. */
export interface NumbersShared {
  quantities: Quantity[];
}

export const NUMBERS_SHARED_KEY = 'numbers';

/** Options of the scanner (a subset of the stage options). */
export interface ScanOptions {
  decimal: DecimalConvention;
  raDecimal: RaDecimal;
  ordinals: boolean;
  percent: boolean;
  bareFractions: boolean;
  dates: 'skip' | 'keep';
  guessYears: boolean;
  identifiers: boolean;
  footnotes: boolean;
}

const WAW = 0x0648;
/**
 * Letters and endings of Arabic grammar the rules below test (word lists are data, in
 * gazetteers/number-words*.tsv). Ryding (2005): the conjunction و §16.2, the article ال
 * §7.4, feminine ة and sound plurals -ون/-ين/-ات §7.2-7.3, the accusative alef of the
 * counted noun after 11-99 §15.2.
 */
const CONJUNCTION = '\u0648'; // و
const ARTICLE = '\u0627\u0644'; // ال
const ARABIC_COMMA = '\u060C'; // U+060C ARABIC COMMA
const ARABIC_PERCENT = '\u066A'; // U+066A ARABIC PERCENT SIGN
const TATWEEL = '\u0640'; // U+0640 ARABIC TATWEEL (kept in the view when tatweel removal is off)
const FEMININE_ENDINGS = ['\u0647', '\u0629', '\u0627\u062A']; // ه (folded ة), ة, ات
const SOUND_PLURAL_ENDINGS = ['\u064A\u0646', '\u0648\u0646', '\u0627\u062A']; // ين, ون, ات
const ACCUSATIVE_ALEF = '\u0627'; // ا
/** -يا: a nisba adjective in the accusative, used as an adverb (عالميا "worldwide", عربيا). */
const NISBA_ADVERB = '\u064a\u0627';
const PRONOUN_SUFFIXES = ['\u0647\u0627', '\u0646\u0627']; // ها, نا
const REH = 0x0631;
const YEH = 0x064a; // U+064A ARABIC LETTER YEH (in the original: not an alef maksura)
const SHADDA = 0x0651; // U+0651 ARABIC SHADDA
const MIN_STEM = 3;

const DIGIT_CACHE = 16;

/** The state of one cardinal reading: its value and where it ends. */
interface Reading {
  last: number;
  value: Exact;
  scaleTerm: { multiplier: Exact; scale: Exact } | null;
  words: boolean;
  scales: number;
  needsNoun: boolean;
}

/** How a digit token starts: what comes before its first digit. */
interface DigitToken {
  /** View offsets of the digit run. */
  d0: number;
  d1: number;
  /** View offset where a definite article before the digits starts, or -1. */
  article: number;
  /** Letters glued before the digits that are no proclitic (a typo: بقيمة21), or ''. */
  glued: string;
  /** Letters glued after the digits (2023م، 10كم), or ''. */
  suffix: string;
  /** The token starts with the conjunction و (و400). */
  conjunction: boolean;
  reading: DigitReading;
}

export class NumberScanner {
  private readonly lexicon: NumberLexicon;
  private readonly options: ScanOptions;
  private readonly composer = new NumberComposer();
  // Per document.
  private doc!: Doc;
  private tokens!: TokenTable;
  private tv!: TokenView;
  private text = '';
  /** The view's code units (`TextView.units`). */
  private units: Uint16Array = new Uint16Array(0);
  /** Number words by vocabulary id, read from the document's shared token look-up. */
  private readonly words: ReadingValues<NumberWord>;
  private readonly vocabulary: TokenVocabulary;
  private lookup!: TokenLookup;
  private hint: DocumentHint | null = null;
  private quantities: Quantity[] = [];
  /** Tokens before this index were consumed (a date chain, a time). */
  private skipUntil = 0;
  /**
   * The last {@link digitToken} results, direct-mapped by token index: the rules around a
   * number (date chains, ranges, years) ask about the same few tokens again.
   */
  private readonly digitTokens = new Int32Array(DIGIT_CACHE).fill(-1);
  private readonly digitResults = new Array<DigitToken | null>(DIGIT_CACHE).fill(null);

  /**
   * `vocabulary` is the pipeline's shared one (see ../token-lookup.ts): number words are
   * interned into it, and each document's tokens are looked up once for every stage.
   */
  constructor(lexicon: NumberLexicon, options: ScanOptions, vocabulary: TokenVocabulary = new TokenVocabulary()) {
    this.lexicon = lexicon;
    this.options = options;
    this.vocabulary = vocabulary;
    this.words = new ReadingValues(vocabulary, lexicon.words.entries(), NUMBER_WORD_SCOPE);
    // Every token of every context phrase, so the checks skip the other tokens at once.
    for (const set of lexicon.contexts.values()) for (const phrase of set.list) for (const token of phrase.tokens) vocabulary.intern(token, NUMBER_CONTEXT_SCOPE);
  }

  /** Finds the numbers of `doc` (tokenised), in text order. */
  scan(doc: Doc): Quantity[] {
    const tokens = doc.tokens!;
    this.doc = doc;
    this.tokens = tokens;
    this.lookup = documentLookup(doc, this.vocabulary);
    this.tv = new TokenView(tokens, this.lookup, NUMBER_CONTEXT_SCOPE);
    this.text = doc.view.text;
    this.units = doc.view.units;
    this.hint = null;
    this.quantities = [];
    this.skipUntil = 0;
    this.digitTokens.fill(-1);
    const words = this.words;
    const lookup = this.lookup;
    const scopes = lookup.scopes;
    const units = this.units;
    const kind = tokens.kind;
    const vStart = tokens.vStart;
    const vEnd = tokens.vEnd;
    const n = tokens.count;
    const maxLength = this.lexicon.words.maxLength + 2;
    let i = 0;
    while (i < n) {
      const k = kind[i]!;
      let q: Quantity | null = null;
      if (k === TokenKind.Word) {
        // (The scope test is withProclitics' own first one, here without the call.)
        if ((scopes[i]! & NUMBER_WORD_SCOPE) !== 0 && vEnd[i]! - vStart[i]! <= maxLength) {
          const w = words.withProclitics(lookup, i, MIN_STEM);
          if (w !== undefined) q = this.fromWord(i, w, words.cut);
        }
      } else if (k === TokenKind.Number || k === TokenKind.Alnum) {
        q = this.fromDigits(i);
      } else if ((k === TokenKind.Symbol || k === TokenKind.Punct) && this.options.percent) {
        const c = units[vStart[i]!]!;
        if (c === 0x25 || c === 0x066a) q = this.fromPercentSign(i); // % and U+066A ARABIC PERCENT SIGN
      }
      if (q !== null) {
        this.quantities.push(q);
        i = q.last + 1;
      } else i = Math.max(i + 1, this.skipUntil);
    }
    this.qualify();
    this.linkRanges();
    return this.quantities;
  }

  // ---------------------------------------------------------------------------------
  // Words

  private fromWord(i: number, w: NumberWord, cut: number): Quantity | null {
    if (cut > 0 && !procliticReadings(this.tv.norm(i), MIN_STEM).some((r) => r.cut === cut)) return null;
    const startV = this.tokens.vStart[i]! + cut;
    switch (w.cls) {
      case NumberClass.Ordinal:
      case NumberClass.OrdinalTeenUnit:
      case NumberClass.OrdinalTens:
      case NumberClass.OrdinalHundred:
      case NumberClass.OrdinalAdverb:
        return this.options.ordinals ? this.ordinalFromWord(i, w, startV) : null;
      case NumberClass.Percent:
        return null;
      default:
        break;
    }
    // 27 من صفر، صفر 1445: the month Safar, not zero.
    if (w.cls === NumberClass.Zero && this.isMonthSafar(i)) return null;
    // ألّف (he wrote) is not ألف (thousand): a shadda on it gives the verb away.
    if (w.cls === NumberClass.Scale && w.value.num === 1000n && w.flags & WordFlag.Singular && this.originalHas(i, SHADDA)) return null;
    const reading = this.readCardinal(i, { word: w });
    if (reading === null) return null;
    if (this.insidePhrase('not-number', i)) return null; // ألف مبروك، ألف ليلة وليلة
    // القاعة تسع 500 شخص: a unit word right before digits is a verb (تسع "holds"), not nine.
    if (reading.last === i && w.cls === NumberClass.Unit && this.tv.kind(i + 1) === TokenKind.Number && !this.tv.lineBefore(i + 1)) return null;
    const q = this.makeQuantity('CARDINAL', i, reading, startV, 'numbers:words', 0.9);
    if (this.isTimeAfter(q.last + 1)) return this.skip(q);
    return this.finishCardinal(q, null);
  }

  /** صفر after a day number (27 من صفر، 27 صفر) or before a year is the month Safar. */
  private isMonthSafar(i: number): boolean {
    const tv = this.tv;
    const number = (k: number) => tv.kind(k) === TokenKind.Number;
    if (number(i - 1) && !tv.lineBefore(i)) return true;
    if (this.inSingle('date-linker', i - 1) && number(i - 2)) return true;
    const next = tv.norm(i + 1);
    return number(i + 1) && /^1[34]\d\d$/.test(next);
  }

  /** True when the original text of token `i` contains the code unit `c`. */
  private originalHas(i: number, c: number): boolean {
    const t = this.tokens;
    for (let o = t.start[i]!; o < t.end[i]!; o++) if (this.doc.text.charCodeAt(o) === c) return true;
    return false;
  }

  /**
   * Reads the longest cardinal starting with `part` at token `i`: further parts joined by
   * و (a separate token or a proclitic) or following directly (ثلاثة آلاف، ثلاث مائة).
   */
  private readCardinal(i: number, ...parts: NumberPart[]): Reading | null {
    const c = this.composer;
    c.reset(this.options.bareFractions);
    for (const part of parts) if (!c.add(part, false)) return null;
    let best: Reading | null = c.complete() ? this.snapshot(i) : null;
    let beforeLastGroup: Reading | null = null;
    let j = i;
    for (;;) {
      const next = this.nextPart(j);
      if (next === null) break;
      const before = best;
      if (!c.add(next.part, next.conjunction)) {
        // ثلاثة ملايين و5 ملايين: the و5 that looked like the end of this number opens the
        // next one (its scale is refused here), so this number ends before the و.
        if (next.part.word?.cls === NumberClass.Scale && c.groupAfterScale && beforeLastGroup !== null) best = beforeLastGroup;
        break;
      }
      j = next.token;
      if (c.groupAfterScale && next.conjunction) beforeLastGroup = before;
      if (c.complete()) best = this.snapshot(j);
      // ثلاثة ونصف في المئة: a number and a half before a percent phrase is 3.5%.
      else if (c.endsInPlusFraction() && this.percentAt(j + 1) !== null) best = this.snapshot(j);
    }
    if (best === null) return null;
    if (best.needsNoun && !this.isContentWord(best.last + 1)) return null;
    return best;
  }

  private snapshot(last: number): Reading {
    const c = this.composer;
    return { last, value: c.value(), scaleTerm: c.scaleTerm(), words: c.words, scales: c.scales, needsNoun: c.needsNoun };
  }

  /** The part at the token after `j`, with whether و joins it; null when none can be. */
  private nextPart(j: number): { part: NumberPart; conjunction: boolean; token: number } | null {
    const tv = this.tv;
    let k = j + 1;
    if (k >= tv.count || tv.lineBefore(k)) return null;
    let conjunction = false;
    if (tv.kind(k) === TokenKind.Word && tv.norm(k) === CONJUNCTION) {
      conjunction = true;
      k++;
      if (k >= tv.count || tv.lineBefore(k)) return null;
    }
    const kind = tv.kind(k);
    if (kind === TokenKind.Word) {
      const t = this.tokens;
      const w = this.words.withProclitics(this.lookup, k, MIN_STEM);
      if (w === undefined) return null;
      const cut = this.words.cut;
      if (cut === 0) return { part: { word: w }, conjunction, token: k };
      if (cut === 1 && !conjunction && this.text.charCodeAt(t.vStart[k]!) === WAW && !this.words.restoredAlef) {
        return { part: { word: w }, conjunction: true, token: k };
      }
      return null;
    }
    // `$5 million`: an English scale word, only right after digits (quoted Latin text).
    if (kind === TokenKind.Latin && !conjunction && tv.kind(j) === TokenKind.Number) {
      const w = this.lexicon.words.get(tv.norm(k).toLowerCase());
      return w !== undefined && w.cls === NumberClass.Scale ? { part: { word: w }, conjunction, token: k } : null;
    }
    if (kind === TokenKind.Number || kind === TokenKind.Alnum) {
      const d = this.digitToken(k);
      if (d === null || d.article >= 0 || d.glued !== '' || d.suffix !== '') return null;
      if (d.conjunction) {
        if (conjunction) return null;
        conjunction = true;
      } else if (d.d0 !== this.tokens.vStart[k]) return null;
      if (this.dateChain(k)) return null;
      return { part: { digits: d.reading.value }, conjunction, token: k };
    }
    return null;
  }

  /** True when token `i` is an Arabic word that is no number word and no function word. */
  private isContentWord(i: number): boolean {
    const tv = this.tv;
    if (i >= tv.count || tv.lineBefore(i) || tv.kind(i) !== TokenKind.Word) return false;
    if (this.words.withProclitics(this.lookup, i, MIN_STEM) !== undefined) return false;
    return !this.inSingle('year-next', i);
  }

  // ---------------------------------------------------------------------------------
  // Ordinals

  private ordinalFromWord(i: number, w: NumberWord, startV: number): Quantity | null {
    const tv = this.tv;
    const article = (w.flags & WordFlag.Article) !== 0;
    let value = w.value;
    let last = i;
    if (w.cls === NumberClass.Ordinal || w.cls === NumberClass.OrdinalTeenUnit) {
      const ten = this.wordAt(i + 1);
      if (ten !== null && !ten.conjunction && ten.word.cls === NumberClass.Ten && (w.cls === NumberClass.OrdinalTeenUnit || (value.num >= 2n && value.num <= 9n))) {
        // الحادي عشر، الثانية عشرة
        value = value.add(ten.word.value);
        last = i + 1;
      } else {
        const tens = this.wordAt(i + 1, true);
        if (tens !== null && tens.conjunction) {
          const t = tens.word;
          const tensArticle = (t.flags & WordFlag.Article) !== 0;
          if ((t.cls === NumberClass.OrdinalTens && article) || (t.cls === NumberClass.Tens && !article && !tensArticle)) {
            // الحادي والعشرون، الخامس والعشرين
            value = value.add(t.value);
            last = tens.token;
          }
        }
      }
      if (w.cls === NumberClass.OrdinalTeenUnit && last === i) return null;
    }
    // Not ordinals: كانون الثاني (a month), أمس الأول، القرن الخامس عشر (dates), الساعة
    // الثانية (a time), في المئة (a percent). Their words are not read again (عشر alone).
    const skipped = (): null => {
      this.skipUntil = Math.max(this.skipUntil, last + 1);
      return null;
    };
    if (this.inSingle('ordinal-not-after', i - 1) || this.inSingle('date-head', i - 1) || this.inSingle('time-before', i - 1)) return skipped();
    if (phraseStartingAt(tv, this.lexicon.contexts.get('ordinal-not-before')!, last + 1) !== null || this.isTimeAfter(last + 1)) return skipped();
    if (this.insidePhrase('not-ordinal', i)) return skipped();
    if (w.cls === NumberClass.OrdinalHundred && phraseCovering(tv, this.lexicon.contexts.get('percent-after')!, i)) return null;
    if (this.monthFollows(last + 1)) return skipped();
    // 40 ثانية، ثانية واحدة: seconds, not "second".
    if (w.cls === NumberClass.Ordinal && value.num === 2n && (this.followsNumber(i) || (!article && this.wordAt(i + 1)?.word.cls === NumberClass.Unit))) return null;
    // الأولي (with yeh) after a masculine noun is أوّلي "primary": الفحص الأولي.
    if (w.cls === NumberClass.Ordinal && value.num === 1n && w.flags & WordFlag.Feminine && last === i) {
      const lastLetter = this.tokens.view.originalStart(this.tokens.vEnd[i]! - 1);
      if (this.doc.text.charCodeAt(lastLetter) === YEH && !this.feminineBefore(i)) return null;
    }
    const source = w.cls === NumberClass.OrdinalAdverb ? 'numbers:ordinal-adverb' : 'numbers:ordinal';
    const reading: Reading = { last, value, scaleTerm: null, words: true, scales: 0, needsNoun: false };
    if (w.cls === NumberClass.OrdinalTens && last === i && this.isCountedNoun(i + 1)) {
      // التسعين دقيقة: the ninety minutes, a cardinal with the article.
      return this.finishCardinal(this.makeQuantity('CARDINAL', i, reading, startV, 'numbers:words', 0.85), null);
    }
    const confidence = w.cls === NumberClass.OrdinalTens && last === i ? 0.75 : 0.9;
    return this.makeQuantity('ORDINAL', i, reading, startV, source, confidence);
  }

  /** The number word at token `k` (cut 0, or و when `conjunction` is allowed). */
  private wordAt(k: number, conjunctionAllowed = false): { word: NumberWord; conjunction: boolean; token: number } | null {
    const tv = this.tv;
    if (k >= tv.count || tv.lineBefore(k)) return null;
    let conjunction = false;
    if (conjunctionAllowed && tv.kind(k) === TokenKind.Word && tv.norm(k) === CONJUNCTION) {
      conjunction = true;
      k++;
      if (k >= tv.count || tv.lineBefore(k)) return null;
    }
    if (tv.kind(k) !== TokenKind.Word) return null;
    const t = this.tokens;
    const w = this.words.withProclitics(this.lookup, k, MIN_STEM);
    if (w === undefined) return null;
    const cut = this.words.cut;
    if (cut === 0) return { word: w, conjunction, token: k };
    if (conjunctionAllowed && !conjunction && cut === 1 && this.text.charCodeAt(t.vStart[k]!) === WAW) return { word: w, conjunction: true, token: k };
    return null;
  }

  private followsNumber(i: number): boolean {
    const prev = this.quantities.length > 0 ? this.quantities[this.quantities.length - 1] : undefined;
    if (prev !== undefined && prev.last === i - 1) return true;
    const k = this.tv.kind(i - 1);
    return k === TokenKind.Number;
  }

  /** True when the word before `i` ends like a feminine or plural noun (ة، ات). */
  private feminineBefore(i: number): boolean {
    const prev = this.tv.norm(i - 1);
    return this.tv.kind(i - 1) === TokenKind.Word && FEMININE_ENDINGS.some((e) => prev.endsWith(e));
  }

  // ---------------------------------------------------------------------------------
  // Digits

  /** Splits a number or alphanumeric token into letters before, digits, letters after. */
  private digitToken(i: number): DigitToken | null {
    const slot = i & (DIGIT_CACHE - 1);
    if (this.digitTokens[slot] === i) return this.digitResults[slot]!;
    const d = this.readDigitToken(i);
    this.digitTokens[slot] = i;
    this.digitResults[slot] = d;
    return d;
  }

  private readDigitToken(i: number): DigitToken | null {
    const t = this.tokens;
    const text = this.text;
    const s = t.vStart[i]!;
    const e = t.vEnd[i]!;
    let d0 = s;
    while (d0 < e && digitValue(text.charCodeAt(d0)) < 0) d0++;
    if (d0 === e) return null;
    // The digit run: digits, and separators (or ر) between two digits.
    let d1 = d0;
    while (d1 < e) {
      const c = text.charCodeAt(d1);
      if (digitValue(c) >= 0) d1++;
      else if ((c === 0x2c || c === 0x2e || c === 0x066b || c === 0x066c || (c === REH && this.options.raDecimal !== 'off')) && d1 + 1 < e && digitValue(text.charCodeAt(d1 + 1)) >= 0) d1++;
      else break;
    }
    for (let k = d1; k < e; k++) if (digitValue(text.charCodeAt(k)) >= 0) return null; // 12ب34
    const prefix = text.slice(s, d0);
    const suffix = text.slice(d1, e);
    if ((prefix !== '' && /[^\u0621-\u064a]/.test(prefix)) || (suffix !== '' && /[^\u0621-\u064a]/.test(suffix))) return null; // F16, A320, G20
    let article = -1;
    let glued = '';
    let conjunction = false;
    if (prefix !== '') {
      const m = /^([وف]?[بك]?)(ال)$|^([وف]?)ل(ل)$/.exec(prefix);
      if (m !== null) {
        // ال50، بال50، لل50 (the span of an ordinal starts at the article's lam for لل).
        article = s + (m[1] !== undefined ? m[1].length : m[3]!.length + 1);
      } else if (/^(?:[وف][بكل]?|[بكل])$/.test(prefix)) {
        conjunction = prefix === CONJUNCTION;
      } else if (prefix.length >= 3) {
        glued = prefix;
      } else return null;
    }
    const reading = readDigits(text, d0, d1, this.options.decimal, this.options.raDecimal, () => this.documentHint());
    if (reading === null) return null;
    return { d0, d1, article, glued, suffix, conjunction, reading };
  }

  /** Rule 5 of digits.ts: what the document's own numbers say about the decimal mark. */
  private documentHint(): DocumentHint {
    if (this.hint !== null) return this.hint;
    let comma = 0;
    let dot = 0;
    const t = this.tokens;
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== TokenKind.Number) continue;
      const e = separatorEvidence(this.text, t.vStart[i]!, t.vEnd[i]!);
      if (e === 'comma') comma++;
      else if (e === 'dot') dot++;
    }
    this.hint = comma > 0 && dot === 0 ? 'comma' : dot > 0 && comma === 0 ? 'dot' : 'none';
    return this.hint;
  }

  private fromDigits(i: number): Quantity | null {
    const tv = this.tv;
    const t = this.tokens;
    if (this.dateChain(i) || this.isTime(i) || this.isModelName(i)) return null;
    // آيفون 16، بوينغ 737، كوب 28: the number is part of a product's or an event's name.
    if (!tv.lineBefore(i) && this.inPhrase('model-before', i - 1)) return null;
    if (!this.options.footnotes && tv.norm(i - 1) === '[' && tv.norm(i + 1) === ']' && tv.touchesPrevious(i) && tv.touchesPrevious(i + 1)) return null;
    const d = this.digitToken(i);
    if (d === null) return null;
    if (this.options.dates === 'skip' && (this.yearMarker(d.suffix) || this.yearMarkerGlued(i, d))) return null; // 2023م، 1420هـ، 6000ق.م
    if (this.isListMarker(i, d)) return null;
    if (d.reading.leadingZero && d.reading.value.isZero()) return null; // 000: a stray group, never a number
    // 100،000: thousands grouped with the Arabic comma, written without spaces.
    let value = d.reading.value;
    let end = i;
    while (d.suffix === '' && d.reading.plain && this.tv.norm(end + 1) === ARABIC_COMMA && tv.touchesPrevious(end + 1) && tv.touchesPrevious(end + 2) && tv.kind(end + 2) === TokenKind.Number) {
      const g = this.digitToken(end + 2);
      if (g === null || !g.reading.plain || g.reading.integerDigits !== 3 || g.suffix !== '') break;
      value = value.mul(Exact.int(1000)).add(g.reading.value);
      end += 2;
    }
    let article = d.article;
    let separateArticle = false;
    if (article < 0 && d.d0 === t.vStart[i] && tv.kind(i - 1) === TokenKind.Word && tv.norm(i - 1) === ARTICLE && !tv.lineBefore(i)) {
      separateArticle = true; // ال ـ 19 (ANERcorp writes the article apart)
    }
    let reading: Reading | null;
    const gluedScale = d.suffix === '' ? undefined : this.lexicon.words.get(d.suffix);
    if (end > i) reading = this.readCardinal(end, { digits: value }); // 100،000 ألف
    else if (d.suffix === '') reading = this.readCardinal(i, { digits: value });
    else if (gluedScale !== undefined && gluedScale.cls === NumberClass.Scale) reading = this.readCardinal(i, { digits: value }, { word: gluedScale }); // 18,5مليون
    else reading = { last: i, value, scaleTerm: null, words: false, scales: 0, needsNoun: false };
    if (reading === null) return null;
    const words = reading.words;
    const source = words ? 'numbers:digits+words' : 'numbers:digits';
    const q = this.makeQuantity('CARDINAL', i, reading, d.d0, source, words ? 0.95 : 0.97);
    if (d.suffix !== '' && reading.last === i && gluedScale === undefined) q.end = this.tokens.view.originalEnd(d.d1);
    // Dates, times and phone numbers are not numbers.
    if (this.options.dates === 'skip' && this.isDate(q, d)) return this.skip(q);
    if (this.isPhone(i, d)) return null;
    if (this.inPhrase('time-before', i - 1) || this.isTimeAfter(q.last + 1)) return this.skip(q);
    // ال + digits: a cardinal before a scale, a counted noun or a percent (ال50 مليون
    // دولار، الـ20 عاما), otherwise an ordinal (الذكرى الـ25، القرن الـ19).
    if ((article >= 0 || separateArticle) && reading.scales === 0 && d.reading.value.isInteger() && this.options.ordinals) {
      const after = reading.last + 1;
      // After a plural noun it counts it (الانتحاريين الـ24); before an indefinite noun too.
      if (!this.isCountedNoun(after) && !this.pluralBefore(i - (separateArticle ? 1 : 0)) && this.percentAt(after) === null) {
        if (this.inSingle('date-head', i - 1) || this.inSingle('date-head', i - 2)) return null;
        q.label = 'ORDINAL';
        q.source = 'numbers:ordinal-digits';
        q.confidence = 0.85;
        if (article >= 0) q.start = this.tokens.view.originalStart(article);
        return q;
      }
    }
    return this.finishCardinal(q, d);
  }

  /** Leaves a quantity out and its tokens with it (a date's words are not read again). */
  private skip(q: Quantity): null {
    this.skipUntil = Math.max(this.skipUntil, q.last + 1);
    return null;
  }

  /** A one-word year marker (م، هـ) of the data, glued to digits (2023م). */
  private yearMarker(suffix: string): boolean {
    return suffix !== '' && this.lexicon.single.get('year-after')!.has(suffix);
  }

  /** `6000ق.م`: a year marker glued to the digits and continued by the next tokens. */
  private yearMarkerGlued(i: number, d: DigitToken): boolean {
    if (d.suffix === '') return false;
    for (const phrase of this.lexicon.contexts.get('year-after')!.startingWith(d.suffix)) {
      if (phrase.tokens[0] !== d.suffix) continue;
      let ok = true;
      for (let k = 1; k < phrase.tokens.length && ok; k++) ok = this.tv.norm(i + k) === phrase.tokens[k] && !this.tv.lineBefore(i + k);
      if (ok) return true;
    }
    return false;
  }

  /**
   * `1 - حركة الأرض`، `5) ...`: an item number at the start of a line or after a colon,
   * followed by a dash or a bracket and a word, is a list mark, not a quantity.
   */
  private isListMarker(i: number, d: DigitToken): boolean {
    const tv = this.tv;
    if (!d.reading.plain || d.article >= 0 || d.glued !== '' || d.conjunction) return false;
    const opens = i === 0 || tv.lineBefore(i) || tv.norm(i - 1) === ':';
    if (!opens) return false;
    const mark = tv.norm(i + 1);
    if (mark !== '-' && mark !== ')' && mark !== '.' && mark !== TATWEEL && mark !== '–') return false;
    return tv.kind(i + 2) === TokenKind.Word;
  }

  /** A clock time follows: صباحا، مساء، بتوقيت ... */
  private isTimeAfter(k: number): boolean {
    return phraseStartingAt(this.tv, this.lexicon.contexts.get('time-after')!, k) !== null;
  }

  /**
   * Token `k` is a counted noun: an indefinite content word, without the article. A word
   * that may start with a proclitic (لتأسيسها، بشرق) opens a phrase of its own unless it
   * ends in the accusative alef of the counted noun after 11-99 (لاعبا، عاما).
   */
  private isCountedNoun(k: number): boolean {
    if (!this.isContentWord(k)) return false;
    const norm = this.tv.norm(k);
    if (norm.startsWith(ARTICLE)) return false;
    const stems = this.tv.stems(k);
    if (stems.some((stem) => stem.startsWith(ARTICLE) && stem.length > 3)) return false;
    // A nisba adverb in the accusative counts nothing (المرتبة الـ15 عالميا، الثانية عربيا).
    if (norm.length >= 5 && norm.endsWith(NISBA_ADVERB)) return false;
    // The accusative alef (عاما), not a pronoun suffix (لتأسيسها، لنا).
    return stems.length === 1 || (norm.endsWith(ACCUSATIVE_ALEF) && !PRONOUN_SUFFIXES.some((p) => norm.endsWith(p)));
  }

  /** The word before token `i` is a sound plural (ين، ون، ات): الانتحاريين الـ24. */
  private pluralBefore(i: number): boolean {
    const k = i - 1;
    if (this.tv.kind(k) !== TokenKind.Word) return false;
    const prev = this.tv.norm(k);
    return prev.length > 4 && SOUND_PLURAL_ENDINGS.some((e) => prev.endsWith(e));
  }

  /** A phrase of `cls` covers token `i` (آل ثاني، فريق أول). */
  private insidePhrase(cls: ContextClass, i: number): boolean {
    return phraseCovering(this.tv, this.lexicon.contexts.get(cls)!, i);
  }

  /** `%25`: a percent sign written before the digits (right-to-left typing). */
  private fromPercentSign(i: number): Quantity | null {
    const tv = this.tv;
    const sign = tv.norm(i);
    if (sign !== '%' && sign !== ARABIC_PERCENT) return null;
    const k = i + 1;
    if (!tv.touchesPrevious(k) || tv.kind(k) !== TokenKind.Number) return null;
    if (tv.kind(i - 1) === TokenKind.Number && tv.touchesPrevious(i)) return null; // 5%25 is garbage
    const d = this.digitToken(k);
    if (d === null) return null;
    const reading: Reading = { last: k, value: d.reading.value, scaleTerm: null, words: false, scales: 0, needsNoun: false };
    const q = this.makeQuantity('PERCENT', i, reading, this.tokens.vStart[i]!, 'numbers:percent', 0.9);
    q.numberLast = k;
    q.percentFactor = Exact.ONE;
    return q;
  }

  // ---------------------------------------------------------------------------------
  // Cardinals: what follows them

  /** Percent markers, identifiers and the checks shared by digits and words. */
  private finishCardinal(q: Quantity, d: DigitToken | null): Quantity | null {
    if (d === null && this.options.dates === 'skip' && this.isDate(q, null)) return this.skip(q);
    if (this.inPhrase('id-before', q.first - 1)) {
      // الرقم 920000000: a phone or account number, not a quantity.
      if (!this.options.identifiers || (d !== null && d.reading.plain && d.reading.integerDigits >= 7)) return null;
      q.identifier = true;
      q.note = 'identifier';
      return q;
    }
    if (this.options.percent) {
      const p = this.percentAt(q.last + 1);
      if (p !== null) {
        q.label = 'PERCENT';
        q.source = 'numbers:percent';
        q.percentFactor = p.factor;
        q.value = q.value.mul(p.factor);
        q.last = p.last;
        q.end = this.tokens.end[p.last]!;
      }
    }
    return q;
  }

  /** A percent marker starting at token `k`: its last token and factor. */
  private percentAt(k: number): { last: number; factor: Exact } | null {
    const tv = this.tv;
    if (k >= tv.count || tv.lineBefore(k)) return null;
    const s = tv.norm(k);
    if (tv.kind(k) === TokenKind.Symbol || tv.kind(k) === TokenKind.Punct || tv.kind(k) === TokenKind.Other) {
      if (s === '%' || s === ARABIC_PERCENT) return { last: k, factor: Exact.ONE };
      if (s === '‰' || s === '؉') return { last: k, factor: Exact.of(1n, 10n) }; // U+0609 ARABIC-INDIC PER MILLE SIGN
      return null;
    }
    const hit = phraseStartingAt(tv, this.lexicon.contexts.get('percent-after')!, k);
    if (hit === null) return null;
    const factor = /^(\d+)\/(\d+)$/.exec(hit.phrase.value);
    return { last: hit.last, factor: factor === null ? Exact.ONE : Exact.of(BigInt(factor[1]!), BigInt(factor[2]!)) };
  }

  // ---------------------------------------------------------------------------------
  // What is not a number

  /**
   * Dates: a year after عام/العام/سنة or a month name (`مارس/ 2023`), before م/هـ/ميلادي,
   * a day before a month name (`7 تشرين الثاني`), an event's year (`يورو 2004`), and with
   * `guessYears`, a bare 19xx/20xx after في/منذ/حتى or before a full stop.
   */
  private isDate(q: Quantity, d: DigitToken | null): boolean {
    const tv = this.tv;
    const before = q.first - 1;
    if (d !== null && d.glued !== '' && this.lexicon.single.get('year-before')!.has(d.glued)) return true;
    if (this.inPhrase('year-before', before) || this.inPhrase('event-before', before)) return true;
    // After a month: يونيو 2006، مارس/ 2023، كانون الثاني 1946.
    if (this.monthEndsAt(before)) return true;
    const sep = tv.norm(before);
    if ((sep === '/' || sep === ARABIC_COMMA || sep === ',' || sep === '-') && this.monthEndsAt(before - 1)) return true;
    // Before a year marker: 1990 ميلادي، 1420 هـ، 500 ق.م.
    if (phraseStartingAt(tv, this.lexicon.contexts.get('year-after')!, q.last + 1) !== null) return true;
    const v = q.value;
    // A day: 7 تشرين الثاني، 27 من صفر; the first day of a span: من 12 إلى 14 مارس.
    if (v.isInteger() && v.num >= 1n && v.num <= 31n) {
      if (this.monthFollows(q.last + 1)) return true;
      const join = q.last + 1;
      if (this.inSingle('range-join', join) && tv.kind(join + 1) === TokenKind.Number && this.monthFollows(join + 2)) {
        const day = this.digitToken(join + 1);
        if (day !== null && day.reading.plain && day.reading.value.num <= 31n) return true;
      }
    }
    // A second year: عامي 2005 و2006 (the first was read as a year).
    if (d !== null && d.conjunction && this.yearShaped(d) && this.previousWasYear(q.first)) return true;
    if (this.options.guessYears && d !== null && this.yearShaped(d) && !q.words && v.num >= 1900n && v.num <= 2099n) {
      // في 2008، منذ 1998: a year, whatever follows, unless a scale or a percent does.
      if (this.inSingle('year-prev', before) && this.percentAt(q.last + 1) === null) return true;
      const after = q.last + 1;
      const kind = tv.kind(after);
      const ends = after >= tv.count || tv.lineBefore(after) || kind === TokenKind.Punct || kind === TokenKind.Latin;
      if ((ends && tv.norm(after) !== '%') || (kind === TokenKind.Word && this.inSingle('year-next', after))) {
        if (this.inPhrase('qualifier-before', before) || this.inPhrase('range-open', before)) return false;
        return true;
      }
    }
    return false;
  }

  private yearShaped(d: DigitToken): boolean {
    const v = d.reading.value;
    return d.reading.plain && d.reading.integerDigits === 4 && v.num >= 1000n && v.num <= 2100n;
  }

  /** True when the token before the و-number at `i` ended a year that was left out. */
  private previousWasYear(i: number): boolean {
    const k = i - 1;
    if (this.tv.kind(k) !== TokenKind.Number) return false;
    const prev = this.quantities.length > 0 ? this.quantities[this.quantities.length - 1] : undefined;
    if (prev !== undefined && prev.last === k) return false;
    const d = this.digitToken(k);
    return d !== null && this.yearShaped(d);
  }

  /** A month name (optionally after من) starting at token `k`. */
  private monthFollows(k: number): boolean {
    const tv = this.tv;
    if (k >= tv.count || tv.lineBefore(k)) return false;
    const months = this.lexicon.contexts.get('month')!;
    if (phraseStartingAt(tv, months, k, true) !== null) {
      // صفر is also zero; the month needs a day before it, which the caller has.
      return true;
    }
    return this.inSingle('date-linker', k) && phraseStartingAt(tv, months, k + 1, true) !== null;
  }

  private monthEndsAt(k: number): boolean {
    return k >= 0 && phraseEndingAt(this.tv, this.lexicon.contexts.get('month')!, k) !== null;
  }

  /**
   * A chain of numbers joined by `-` or `/` (spaces allowed: `8-06- 2023`) that is a date:
   * three parts, a part with a leading zero, a year with a month or another year
   * (`2005/2006`, `5/2006`, `1368 - 1644م`), or two small numbers joined by `/` (a date
   * or a fraction: left out). Consumes the whole chain when it is one.
   */
  private dateChain(i: number): boolean {
    const tv = this.tv;
    const isJoin = (k: number) => {
      const kind = tv.kind(k);
      if (kind !== TokenKind.Punct && kind !== TokenKind.Symbol) return false;
      const s = tv.norm(k);
      return s === '-' || s === '/' || s === '–' || s === '\\';
    };
    const isPart = (k: number) => (tv.kind(k) === TokenKind.Number || tv.kind(k) === TokenKind.Alnum) && !tv.lineBefore(k);
    let first = i;
    while (first - 2 >= 0 && isJoin(first - 1) && isPart(first - 2) && !tv.lineBefore(first - 1) && !tv.lineBefore(first)) first -= 2;
    let last = i;
    while (last + 2 < tv.count && isJoin(last + 1) && isPart(last + 2) && !tv.lineBefore(last + 1)) last += 2;
    if (first === last) return false;
    const parts: DigitToken[] = [];
    let slash = false;
    for (let k = first; k <= last; k += 2) {
      const d = this.digitToken(k);
      if (d === null) return false;
      parts.push(d);
      if (k < last && tv.norm(k + 1) === '/') slash = true;
    }
    const year = (d: DigitToken) => this.yearShaped(d) || (this.yearMarker(d.suffix) && d.reading.plain);
    const small = (d: DigitToken, max: number) => d.reading.plain && d.reading.value.num >= 0n && d.reading.value.num <= BigInt(max);
    let date = false;
    if (parts.length >= 3) date = parts.every((p) => p.reading.plain);
    else {
      const [a, b] = parts as [DigitToken, DigitToken];
      if (a.reading.leadingZero || b.reading.leadingZero) date = true;
      else if ((year(a) && (small(b, 12) || year(b))) || (year(b) && (small(a, 12) || year(a)))) date = true;
      else if (this.yearMarker(b.suffix)) date = true;
      else if (slash && small(a, 31) && small(b, 31)) date = true;
    }
    if (!date) return false;
    if (this.options.dates === 'keep' && parts.length < 3) return false;
    this.skipUntil = Math.max(this.skipUntil, last + 1);
    return true;
  }

  /** `10:30`: clock times (and scores written with a colon) are left out. */
  private isTime(i: number): boolean {
    const tv = this.tv;
    const colon = (k: number) => tv.touchesPrevious(k) && tv.touchesPrevious(k + 1) && tv.kind(k + 1) === TokenKind.Number && tv.norm(k) === ':';
    if (colon(i + 1)) {
      this.skipUntil = Math.max(this.skipUntil, i + 3);
      return true;
    }
    return i >= 2 && tv.touchesPrevious(i - 1) && tv.touchesPrevious(i) && tv.kind(i - 2) === TokenKind.Number && tv.norm(i - 1) === ':';
  }

  /** `إف-16`، `كوفيد-19`، `ميغ-29`: a number hyphened to a word is part of a name. */
  private isModelName(i: number): boolean {
    const tv = this.tv;
    if (!tv.touchesPrevious(i) || !tv.touchesPrevious(i - 1) || tv.norm(i - 1) !== '-') return false;
    const k = tv.kind(i - 2);
    return k === TokenKind.Word || k === TokenKind.Latin;
  }

  /**
   * Phone and fax numbers: seven digits or more starting with 0 or after `+`, digit groups
   * in a row, or any number after هاتف، فاكس، جوال.
   */
  private isPhone(i: number, d: DigitToken): boolean {
    const tv = this.tv;
    const r = d.reading;
    if (tv.norm(i - 1) === '+' && tv.touchesPrevious(i)) return true;
    if (r.plain && r.integerDigits >= 7 && r.leadingZero) return true;
    // Groups of digits separated by spaces: 011 234 5678.
    let digits = r.plain ? r.integerDigits : 0;
    let k = i + 1;
    let groups = 1;
    while (r.plain && k < tv.count && tv.kind(k) === TokenKind.Number && !tv.lineBefore(k)) {
      const n = this.digitToken(k);
      if (n === null || !n.reading.plain) break;
      digits += n.reading.integerDigits;
      groups++;
      k++;
    }
    if (groups > 1 && (digits >= 7 || groups >= 3)) {
      this.skipUntil = Math.max(this.skipUntil, k);
      return true;
    }
    for (let back = 1; back <= 3; back++) {
      const p = i - back;
      if (p < 0 || tv.lineBefore(p + 1)) break;
      if (this.inPhrase('phone-before', p)) return true;
      const s = tv.norm(p);
      if (s !== ':' && s !== '-' && tv.kind(p) !== TokenKind.Punct) break;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------
  // Context helpers

  /** Token `i` (or its stem after proclitics) is a one-word context of `cls`. */
  private inSingle(cls: ContextClass, i: number): boolean {
    if (i < 0 || i >= this.tv.count || !this.tv.mayBeContext(i)) return false;
    const set = this.lexicon.single.get(cls)!;
    if (set.has(this.tv.norm(i))) return true;
    if (this.tv.kind(i) !== TokenKind.Word) return false;
    for (const stem of this.tv.stems(i)) if (set.has(stem)) return true;
    return false;
  }

  /** A phrase of `cls` ends at token `i`. */
  private inPhrase(cls: ContextClass, i: number): boolean {
    if (i < 0) return false;
    return phraseEndingAt(this.tv, this.lexicon.contexts.get(cls)!, i) !== null;
  }

  private makeQuantity(label: Quantity['label'], first: number, r: Reading, startV: number, source: string, confidence: number): Quantity {
    const view = this.tokens.view;
    return {
      label,
      first,
      last: r.last,
      numberLast: r.last,
      start: view.originalStart(startV),
      end: this.tokens.end[r.last]!,
      value: r.value,
      source,
      confidence,
      qualifier: null,
      note: null,
      scaleTerm: r.scaleTerm,
      partner: -1,
      identifier: false,
      words: r.words,
      percentFactor: null,
      annotation: null,
    };
  }

  // ---------------------------------------------------------------------------------
  // Qualifiers and ranges

  /** Approximations and bounds before or after a number: نحو، أكثر من، تقريبا. */
  private qualify(): void {
    const before = this.lexicon.contexts.get('qualifier-before')!;
    const after = this.lexicon.contexts.get('qualifier-after')!;
    for (const q of this.quantities) {
      if (q.label === 'ORDINAL') continue;
      const b = phraseEndingAt(this.tv, before, q.first - 1);
      if (b !== null && !this.tv.lineBefore(q.first)) {
        q.qualifier = b.phrase.value;
        continue;
      }
      // After the number, or after its counted noun: 400 جريح على الأقل.
      let a = phraseStartingAt(this.tv, after, q.last + 1);
      if (a === null && this.isContentWord(q.last + 1)) a = phraseStartingAt(this.tv, after, q.last + 2);
      if (a !== null) q.qualifier = a.phrase.value;
    }
  }

  /**
   * `بين 10 و20`، `من 5 إلى 7 ملايين`، `5- 8 مليون`: two numbers joined into a range.
   * A scale word after the second end applies to the first when the first is smaller
   * than the second's multiplier (من 5 إلى 7 ملايين: 5,000,000 to 7,000,000).
   */
  private linkRanges(): void {
    const list = this.quantities;
    const tv = this.tv;
    for (let x = 1; x < list.length; x++) {
      const a = list[x - 1]!;
      const b = list[x]!;
      if (a.label === 'ORDINAL' || b.label === 'ORDINAL' || a.identifier || b.identifier) continue;
      if (a.label === 'PERCENT' && b.label !== 'PERCENT') continue;
      let join: string | null = null;
      if (b.first === a.last + 1 && this.startsWithWaw(b)) join = 'and';
      else if (b.first === a.last + 2 && !tv.lineBefore(b.first) && !tv.lineBefore(a.last + 1)) {
        const s = tv.norm(a.last + 1);
        const meaning = this.lexicon.single.get('range-join')!.get(s);
        if (meaning !== undefined) join = meaning;
      }
      if (join === null) continue;
      if (join === 'and' && !this.inPhrase('range-open', a.first - 1)) continue;
      const bound = b.scaleTerm !== null ? b.scaleTerm.multiplier : b.value;
      if (join === 'dash' && (a.words || !a.value.lt(bound))) continue; // 6 - 4 is a score
      a.partner = x;
      b.partner = x - 1;
      const term = b.scaleTerm;
      if (term !== null && a.scaleTerm === null && a.label === 'CARDINAL' && a.value.lt(term.multiplier)) {
        a.value = a.value.mul(term.scale);
        a.scaleTerm = { multiplier: a.value.div(term.scale), scale: term.scale };
      }
      if (b.label === 'PERCENT' && a.label === 'CARDINAL' && b.percentFactor !== null) {
        a.label = 'PERCENT';
        a.source = 'numbers:percent';
        a.percentFactor = b.percentFactor;
        a.value = a.value.mul(b.percentFactor);
      }
      a.qualifier = 'range-from';
      b.qualifier = 'range-to';
      const note = `range ${a.value.toString()}–${b.value.toString()}`;
      a.note = note;
      b.note = note;
    }
  }

  /** True when the quantity's first token starts with the conjunction و before the number. */
  private startsWithWaw(q: Quantity): boolean {
    const t = this.tokens;
    const vs = t.vStart[q.first]!;
    return this.text.charCodeAt(vs) === WAW && t.view.originalStart(vs) < q.start;
  }
}
