/**
 * The grammar of Arabic number words: how units, teens, tens, hundreds, scale words and
 * fractions combine into one value. Word lists are data (gazetteers/number-words.tsv);
 * this module only knows the classes and the order they may come in.
 *
 * Order of a compound (Ryding, A Reference Grammar of Modern Standard Arabic, 2005,
 * §15.1-15.3; Wright, A Grammar of the Arabic Language I §§318-327):
 *
 * ```
 * group  = [hundreds] [و] [unit | teen] [و tens]     مائة وخمسة وعشرون = 125
 *          the unit comes BEFORE the ten:             خمسة وعشرون = 5 + 20
 * term   = group scale | scale | dual-scale           ثلاثة آلاف، ألف، ألفان = 2000
 * number = term (و term)* [و group] [و fraction]      ثلاثة ملايين و500 ألف وخمسمائة
 *          scales decrease from term to term;          مليون ونصف = 1,500,000
 * split hundreds: unit + مائة (no و)                  ثلاث مائة = 300 (not 103)
 * fraction of a scale: fraction + scale               نصف مليون = 500,000
 * ```
 *
 * Plural scales (آلاف، ملايين) follow the numbers 3-10 or digits; singular or accusative
 * scales follow anything else; dual scales (ألفان، مليونين) are numbers on their own.
 */
import { Exact } from '../stages/numbers/exact.js';

/** Classes of number words (the `class` column of number-words.tsv). */
export const NumberClass = {
  Zero: 1,
  Unit: 2,
  /** أحد، إحدى، اثنا، اثني: first parts of 11 and 12, only before عشر/عشرة. */
  UnitTeen: 3,
  /** عشرة/عشر: 10 alone, and the second part of the teens. */
  Ten: 4,
  Tens: 5,
  Hundred: 6,
  Hundreds: 7,
  Scale: 8,
  Fraction: 9,
  Ordinal: 10,
  /** حادي/حادية: 1 in compound ordinals (الحادي عشر). */
  OrdinalTeenUnit: 11,
  /** العشرون ... التسعون: ordinal tens (with the article). */
  OrdinalTens: 12,
  OrdinalHundred: 13,
  OrdinalAdverb: 14,
  /** A one-word percent marker (بالمئة). */
  Percent: 15,
} as const;
export type NumberClass = (typeof NumberClass)[keyof typeof NumberClass];

/** Names used in the data file. */
export const NUMBER_CLASS_NAMES: Readonly<Record<string, NumberClass>> = {
  zero: NumberClass.Zero,
  unit: NumberClass.Unit,
  'unit-teen': NumberClass.UnitTeen,
  ten: NumberClass.Ten,
  tens: NumberClass.Tens,
  hundred: NumberClass.Hundred,
  hundreds: NumberClass.Hundreds,
  scale: NumberClass.Scale,
  fraction: NumberClass.Fraction,
  ordinal: NumberClass.Ordinal,
  'ordinal-teen-unit': NumberClass.OrdinalTeenUnit,
  'ordinal-tens': NumberClass.OrdinalTens,
  'ordinal-hundred': NumberClass.OrdinalHundred,
  'ordinal-adverb': NumberClass.OrdinalAdverb,
  percent: NumberClass.Percent,
};

/** Bits of `NumberWord.flags` (the `flags` column). */
export const WordFlag = {
  Singular: 1,
  Accusative: 2,
  Dual: 4,
  /** Dual construct (ألفا دولار، مليوني شخص); ألفا/مليونا are also accusative singulars. */
  DualConstruct: 8,
  Plural: 16,
  /** The definite article is part of the form (الثلاثة، الأولى). */
  Article: 32,
  Feminine: 64,
  /** May open a teen (ثلاثة عشر). */
  Teen: 128,
  /** A fraction that may stand alone (نصف) when bare fractions are wanted. */
  Bare: 256,
} as const;

export const WORD_FLAG_NAMES: Readonly<Record<string, number>> = {
  sg: WordFlag.Singular,
  acc: WordFlag.Accusative,
  dual: WordFlag.Dual,
  dualc: WordFlag.DualConstruct,
  pl: WordFlag.Plural,
  art: WordFlag.Article,
  f: WordFlag.Feminine,
  teen: WordFlag.Teen,
  bare: WordFlag.Bare,
};

/** One written form of a number word. */
export interface NumberWord {
  form: string;
  cls: NumberClass;
  value: Exact;
  flags: number;
}

/** One piece the composer is given: a word, or a number written in digits. */
export type NumberPart = { word: NumberWord; digits?: undefined } | { word?: undefined; digits: Exact };

// Slots of the current group.
const H = 1; // hundreds
const U = 2; // unit 1-9 (or أحد/اثنا waiting for عشر, see PENDING_TEEN)
const TEEN = 4; // 10-19
const T = 8; // tens 20-90
const D = 16; // digits, or a finished fraction (ثلاثة أرباع)
const PENDING_TEEN = 32; // أحد/اثنا: incomplete until عشر/عشرة
const FRACTION = 64; // نصف: waiting for a scale (نصف مليون), or alone if bare fractions are on
const PLUS_FRACTION = 128; // ثلاثة ونصف: incomplete until a scale (ثلاثة ونصف مليون)

/**
 * Builds the value of a cardinal number from its parts, one at a time. `add` says whether
 * a part may continue the number; `complete` whether the number may end here. The caller
 * keeps the last complete state (the longest valid number).
 */
export class NumberComposer {
  /** Sum of the finished scale terms. */
  private total = Exact.ZERO;
  /** The group being read (below the last scale), or null right after a scale. */
  private group: Exact | null = null;
  private slots = 0;
  private lastScale: Exact | null = null;
  /** Value of the unit read by the last part, when it was a unit (for teens, hundreds). */
  private unit = 0;
  private parts = 0;
  private finished = false;
  /** A fraction of the last scale was added (مليون ونصف): only that scale may follow. */
  private fractionOfScale = false;
  private bareFractions = false;
  private bareFraction = false;
  /** The first `multiplier × scale` term, to tell whether the number is only that. */
  private term: { multiplier: Exact; scale: Exact } | null = null;
  /** The last scale multiplied a decimal (1.5 مليون): nothing is added after it. */
  private decimalTerm = false;
  /** Number of scale words read. */
  scales = 0;
  /** True when a word (not digits) was read. */
  words = false;
  /** True when a group started after و follows the last scale (ثلاثة ملايين و5). */
  groupAfterScale = false;
  /** True when the number is a dual construct that needs a noun after it (مليوني شخص). */
  needsNoun = false;

  /** Starts a new number; `bareFractions` lets نصف، ربع stand alone. */
  reset(bareFractions: boolean): void {
    this.total = Exact.ZERO;
    this.group = null;
    this.slots = 0;
    this.lastScale = null;
    this.unit = 0;
    this.parts = 0;
    this.finished = false;
    this.fractionOfScale = false;
    this.bareFractions = bareFractions;
    this.bareFraction = false;
    this.term = null;
    this.decimalTerm = false;
    this.scales = 0;
    this.words = false;
    this.groupAfterScale = false;
    this.needsNoun = false;
  }

  /** The value so far. */
  value(): Exact {
    return this.group === null ? this.total : this.total.add(this.group);
  }

  /** `multiplier × scale` when the number is exactly one such term (7 ملايين، ألف). */
  scaleTerm(): { multiplier: Exact; scale: Exact } | null {
    if (this.scales !== 1 || this.group !== null || this.fractionOfScale || this.term === null) return null;
    return this.total.eq(this.term.multiplier.mul(this.term.scale)) ? this.term : null;
  }

  /** True when the number may end after the last part added. */
  complete(): boolean {
    if (this.parts === 0) return false;
    if (this.slots & (PENDING_TEEN | PLUS_FRACTION)) return false;
    if (this.slots & FRACTION && !(this.bareFractions && this.bareFraction)) return false;
    if (this.group !== null && this.lastScale !== null && !this.group.lt(this.lastScale)) return false;
    return true;
  }

  /**
   * True when the number ends in a whole number and a half or other fraction with no scale
   * after it (ثلاثة ونصف): complete only where the caller knows what it counts (a percent).
   */
  endsInPlusFraction(): boolean {
    return this.parts > 0 && (this.slots & PLUS_FRACTION) !== 0 && (this.slots & (PENDING_TEEN | FRACTION)) === 0 && this.lastScale === null;
  }

  /**
   * Offers the next part; `conjunction` when و joins it to what came before. Returns false
   * (and changes nothing) when the part cannot continue this number.
   */
  add(part: NumberPart, conjunction: boolean): boolean {
    if (!(conjunction && this.needsNoun)) return this.addPart(part, conjunction);
    // A dual construct stands right before its noun (مليارا دولار, two billion dollars): a
    // number that goes on after و opened with the accusative singular instead (خصصت مليارا
    // ونصف المليار, one and a half billion; Ryding 2005, ch. 15).
    const total = this.total;
    const term = this.term;
    if (term === null || this.scales !== 1 || this.group !== null) return this.addPart(part, conjunction);
    this.total = term.scale;
    this.term = { multiplier: Exact.ONE, scale: term.scale };
    this.needsNoun = false;
    if (this.addPart(part, conjunction)) return true;
    this.total = total;
    this.term = term;
    this.needsNoun = true;
    return false;
  }

  private addPart(part: NumberPart, conjunction: boolean): boolean {
    if (this.finished) return false;
    const first = this.parts === 0;
    if (first && conjunction) return false;
    // A new group may open the number, or follow a scale after و (ثلاثة آلاف وخمسمائة).
    const opens = first || (conjunction && this.group === null && this.lastScale !== null && !this.fractionOfScale && !this.decimalTerm);
    if (part.digits !== undefined) {
      if (!opens) return false;
      this.open(part.digits, D, 0, false);
      return true;
    }
    const w = part.word;
    const v = w.value;
    if (w.flags & WordFlag.Article && !first && w.cls !== NumberClass.Scale) return false;
    switch (w.cls) {
      case NumberClass.Zero:
        if (!first) return false;
        this.open(v, D, 0, true);
        this.finished = true;
        return true;
      case NumberClass.Unit:
      case NumberClass.UnitTeen: {
        const slot = w.cls === NumberClass.UnitTeen ? PENDING_TEEN : U;
        if (opens) this.open(v, slot, Number(v.num), true);
        else if (conjunction && this.slots === H) this.extend(v, slot, Number(v.num));
        else return false;
        return true;
      }
      case NumberClass.Ten: {
        // ثلاثة عشر، إحدى عشرة، مائة وخمسة عشر: the unit just read, plus ten.
        if (!conjunction && (this.slots & PENDING_TEEN || (this.slots & U && this.unit >= 3))) {
          this.extend(v, TEEN, 0);
          this.slots &= ~(U | PENDING_TEEN);
          return true;
        }
        if (opens) this.open(v, TEEN, 0, true);
        else if (conjunction && this.slots === H) this.extend(v, TEEN, 0);
        else return false;
        return true;
      }
      case NumberClass.Tens: {
        // خمسة وعشرون: the unit comes before the ten.
        if (opens) this.open(v, T, 0, true);
        else if (conjunction && (this.slots === H || this.slots === U || this.slots === (H | U))) this.extend(v, T, 0);
        else return false;
        return true;
      }
      case NumberClass.Hundred: {
        if (!conjunction && this.slots === U && this.unit >= 3) {
          // ثلاث مائة، ثماني مئة: split hundreds (PyArabic reads 103).
          this.group = this.group!.mul(v);
          this.slots = H;
          this.took(0);
          return true;
        }
        if (opens) this.open(v, H, 0, true);
        else if (!this.ascendingHundreds(conjunction, v)) return false;
        return true;
      }
      case NumberClass.Hundreds:
        if (opens) this.open(v, H, 0, true);
        else if (!this.ascendingHundreds(conjunction, v)) return false;
        return true;
      case NumberClass.Scale:
        return this.addScale(w, first, conjunction);
      case NumberClass.Fraction:
        return this.addFraction(w, first, conjunction);
      default:
        return false;
    }
  }

  /**
   * The classical ascending order of dates and old texts: units, then tens, then hundreds
   * (سنة اثنين وخمسين وسبعمائة = 752; Wright I §324).
   */
  private ascendingHundreds(conjunction: boolean, v: Exact): boolean {
    if (!conjunction || this.group === null || this.slots & (H | D | PENDING_TEEN | FRACTION | PLUS_FRACTION)) return false;
    this.extend(v, H, 0);
    return true;
  }

  /** Records a word part; `unit` is its unit value (0 when it is not a unit). */
  private took(unit: number): void {
    this.parts++;
    this.words = true;
    this.unit = unit;
  }

  /** Opens a group with the part's value; `word` is false for digits. */
  private open(v: Exact, slot: number, unit: number, word: boolean): void {
    this.groupAfterScale = this.lastScale !== null;
    this.group = v;
    this.slots = slot;
    this.parts++;
    this.unit = unit;
    if (word) this.words = true;
  }

  private extend(v: Exact, slot: number, unit: number): void {
    this.group = this.group!.add(v);
    this.slots |= slot;
    this.took(unit);
  }

  private addScale(w: NumberWord, first: boolean, conjunction: boolean): boolean {
    const s = w.value;
    const f = w.flags;
    if (this.fractionOfScale) {
      // مليار ونصف المليار: the same scale again after its fraction, with or without the article.
      if (this.lastScale !== null && s.eq(this.lastScale) && !conjunction && !(f & (WordFlag.Dual | WordFlag.Plural))) {
        this.fractionOfScale = false;
        this.finished = true;
        this.took(0);
        return true;
      }
      return false;
    }
    if (f & WordFlag.Article) return false;
    if (this.lastScale !== null && !s.lt(this.lastScale)) return false;
    let multiplier: Exact;
    if (this.group !== null && !conjunction) {
      // A group times the scale: ثلاثة آلاف، 1.4 مليار، عشرون ألفا، نصف مليون.
      if (this.slots & PENDING_TEEN) return false;
      if (f & WordFlag.Dual && !(f & WordFlag.Accusative)) return false; // ثلاثة ألفين
      if (f & WordFlag.DualConstruct && !(f & WordFlag.Accusative)) return false; // ثلاثة ألفي
      if (f & WordFlag.Plural) {
        // آلاف after 3-10 or digits (ثلاثة آلاف، 10 آلاف), never after a fraction.
        const g = this.group;
        if (this.slots & (FRACTION | PLUS_FRACTION)) return false;
        if (!(this.slots === D && !this.words) && !(g.isInteger() && g.num >= 3n && g.num <= 10n)) return false;
      }
      multiplier = this.group;
    } else if (this.group === null && (first || conjunction)) {
      if (!first && this.lastScale === null) return false;
      if (f & WordFlag.Plural) return false; // ملايين alone means "millions", no number
      if (f & WordFlag.Dual && !(f & WordFlag.Accusative)) multiplier = Exact.int(2); // ألفان
      else if (f & WordFlag.DualConstruct) {
        // ألفا/مليوني opening a number: the dual construct, two of them, before a noun.
        if (!first) return false;
        multiplier = Exact.int(2);
        this.needsNoun = true;
      } else multiplier = Exact.ONE; // ألف، مليون
    } else return false;
    const term = multiplier.mul(s);
    if (this.lastScale !== null && !term.lt(this.lastScale)) return false;
    if (this.term === null) this.term = { multiplier, scale: s };
    this.decimalTerm = !multiplier.isInteger();
    this.total = this.total.add(term);
    this.group = null;
    this.slots = 0;
    this.lastScale = s;
    this.scales++;
    this.groupAfterScale = false;
    this.took(0);
    return true;
  }

  private addFraction(w: NumberWord, first: boolean, conjunction: boolean): boolean {
    const f = w.flags;
    const v = w.value;
    if (f & WordFlag.Plural) {
      // ثلاثة أرباع: a unit numerator right before a plural fraction.
      if (conjunction || this.slots !== U || this.lastScale !== null || this.unit < 2) return false;
      this.group = this.group!.mul(v);
      this.slots = D;
      this.took(0);
      return true;
    }
    if (f & WordFlag.Dual) {
      // ثلثا: two thirds.
      if (!first) return false;
      this.open(v.mul(Exact.int(2)), D, 0, true);
      return true;
    }
    if (first) {
      this.open(v, FRACTION, 0, true);
      this.bareFraction = (f & WordFlag.Bare) !== 0;
      return true;
    }
    if (!conjunction) return false;
    if (this.group === null && this.lastScale !== null && !this.decimalTerm) {
      // مليون ونصف: a fraction of the last scale.
      this.total = this.total.add(v.mul(this.lastScale));
      this.fractionOfScale = true;
      this.took(0);
      return true;
    }
    if (this.group !== null && this.lastScale === null && (this.slots & (FRACTION | PENDING_TEEN | PLUS_FRACTION)) === 0) {
      // ثلاثة ونصف مليون: complete only when a scale follows.
      this.extend(v, PLUS_FRACTION, 0);
      return true;
    }
    return false;
  }
}
