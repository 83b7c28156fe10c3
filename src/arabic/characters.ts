/**
 * Facts about Arabic script as data: code point ranges and folding pairs. Logic that
 * uses them lives in the stages; nothing here knows about documents or offsets.
 *
 * Ranges are inclusive `[first, last]` pairs of UTF-16 code units (all BMP).
 * Sources: The Unicode Standard 15.1, chapter 9.2 (Arabic) and the Arabic,
 * Arabic Supplement, Arabic Extended-A and Presentation Forms code charts; CAMeL Tools'
 * `camel_tools.utils.charsets` and `normalize` modules for the folding choices.
 */

export type Range = readonly [number, number];

/** Harakat, tanwin, shadda, sukun and the other combining marks U+064B–U+065F. */
export const DIACRITICS: readonly Range[] = [
  [0x064b, 0x065f],
  [0x0670, 0x0670], // U+0670 ARABIC LETTER SUPERSCRIPT ALEF (a dagger alef, combining)
];

/** Quranic annotation marks U+06D6–U+06ED, plus U+08D3–U+08FF extended marks. */
export const QURANIC_MARKS: readonly Range[] = [
  [0x06d6, 0x06ed],
  [0x0610, 0x061a], // honorific and small high marks (sallallahou, alayhe, ...)
  [0x08d3, 0x08e1],
  [0x08e3, 0x08ff],
];

/** U+0640 ARABIC TATWEEL (kashida): elongation, carries no meaning. */
export const TATWEEL = 0x0640;

/**
 * Alef with hamza above/below, madda, wasla and wavy hamza, all folded to bare alef
 * U+0627, as CAMeL Tools' `normalize_alef_ar` and most Arabic IR systems do.
 */
export const ALEF_FORMS: readonly (readonly [number, number])[] = [
  [0x0623, 0x0627], // U+0623 ALEF WITH HAMZA ABOVE
  [0x0625, 0x0627], // U+0625 ALEF WITH HAMZA BELOW
  [0x0622, 0x0627], // U+0622 ALEF WITH MADDA ABOVE
  [0x0671, 0x0627], // U+0671 ALEF WASLA
  [0x0672, 0x0627], // U+0672 ALEF WITH WAVY HAMZA ABOVE
  [0x0673, 0x0627], // U+0673 ALEF WITH WAVY HAMZA BELOW
];

/** U+0649 ALEF MAKSURA folded to U+064A YEH (final ى/ي are confused in print). */
export const ALEF_MAKSURA: readonly (readonly [number, number])[] = [[0x0649, 0x064a]];

/** U+0629 TEH MARBUTA folded to U+0647 HEH (final ة/ه are confused in print). */
export const TEH_MARBUTA: readonly (readonly [number, number])[] = [[0x0629, 0x0647]];

/** Hamza on a carrier folded to the bare carrier. */
export const HAMZA_CARRIERS: readonly (readonly [number, number])[] = [
  [0x0624, 0x0648], // U+0624 WAW WITH HAMZA ABOVE -> WAW
  [0x0626, 0x064a], // U+0626 YEH WITH HAMZA ABOVE -> YEH
];

/** Persian and Urdu letters that stand for Arabic ones in mixed or transcoded text. */
export const PERSIAN_LETTERS: readonly (readonly [number, number])[] = [
  [0x06a9, 0x0643], // U+06A9 KEHEH -> KAF
  [0x06cc, 0x064a], // U+06CC FARSI YEH -> YEH
  [0x06d2, 0x064a], // U+06D2 YEH BARREE -> YEH
  [0x06c1, 0x0647], // U+06C1 HEH GOAL -> HEH
  [0x06c0, 0x0647], // U+06C0 HEH WITH YEH ABOVE -> HEH
  [0x06be, 0x0647], // U+06BE HEH DOACHASHMEE -> HEH
  [0x06d5, 0x0647], // U+06D5 AE -> HEH
];

/** Presentation-form blocks: decomposed per character with NFKC at load time. */
export const PRESENTATION_FORMS: readonly Range[] = [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefe],
];

/**
 * Presentation-form characters kept as they are instead of decomposed. U+FDFC RIAL SIGN
 * decomposes to a Persian-spelt word; as a currency symbol it is more useful intact.
 */
export const PRESENTATION_KEEP: readonly number[] = [0xfdfc];

/** Digit blocks folded to ASCII 0-9: [first code unit of zero, ...]. */
export const DIGIT_ZEROS: readonly number[] = [
  0x0660, // ARABIC-INDIC DIGIT ZERO
  0x06f0, // EXTENDED ARABIC-INDIC (Persian, Urdu) DIGIT ZERO
];

/** Invisible format controls that carry no text: removed, and owned by no token. */
export const INVISIBLE_CONTROLS: readonly Range[] = [
  [0x00ad, 0x00ad], // SOFT HYPHEN
  [0x061c, 0x061c], // ARABIC LETTER MARK
  [0x180e, 0x180e], // MONGOLIAN VOWEL SEPARATOR
  [0x200b, 0x200f], // ZWSP, ZWNJ, ZWJ, LRM, RLM
  [0x202a, 0x202e], // LRE, RLE, PDF, LRO, RLO
  [0x2060, 0x2064], // WORD JOINER and invisible operators
  [0x2066, 0x2069], // LRI, RLI, FSI, PDI
  [0xfeff, 0xfeff], // ZERO WIDTH NO-BREAK SPACE (BOM inside text)
];

/** U+200D ZERO WIDTH JOINER: kept inside emoji sequences, removed elsewhere. */
export const ZWJ = 0x200d;

/** Space characters other than U+0020 that are folded to U+0020. */
export const UNUSUAL_SPACES: readonly Range[] = [
  [0x00a0, 0x00a0], // NO-BREAK SPACE
  [0x1680, 0x1680], // OGHAM SPACE MARK
  [0x2000, 0x200a], // EN QUAD .. HAIR SPACE
  [0x202f, 0x202f], // NARROW NO-BREAK SPACE
  [0x205f, 0x205f], // MEDIUM MATHEMATICAL SPACE
  [0x3000, 0x3000], // IDEOGRAPHIC SPACE
];

/** Line and paragraph separators folded to U+000A. */
export const LINE_SEPARATORS: readonly number[] = [0x2028, 0x2029, 0x0085];

/** Arabic-script letter blocks (for script counting and token classes). */
export const ARABIC_LETTER_RANGES: readonly Range[] = [
  [0x0620, 0x063f],
  [0x0641, 0x064a],
  [0x066e, 0x066f],
  [0x0671, 0x06d3],
  [0x06d5, 0x06d5],
  [0x06ee, 0x06ef],
  [0x06fa, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08c9],
  [0xfb50, 0xfdfb],
  [0xfe70, 0xfefc],
];

/** U+0621 ARABIC LETTER HAMZA is a letter too (inside the first range above). */

/** Letters used in Persian, Urdu, Pashto, Kurdish but not in Arabic: signal for franc. */
export const NON_ARABIC_LANGUAGE_LETTERS: readonly number[] = [
  0x067e, // PEH
  0x0686, // TCHEH
  0x0698, // JEH
  0x06af, // GAF
  0x06a9, // KEHEH
  0x06cc, // FARSI YEH
  0x0679, // TTEH (Urdu)
  0x0688, // DDAL (Urdu)
  0x0691, // RREH (Urdu)
  0x06ba, // NOON GHUNNA (Urdu)
  0x06d2, // YEH BARREE (Urdu)
  0x06be, // HEH DOACHASHMEE (Urdu)
  0x06c1, // HEH GOAL (Urdu)
  0x0695, // REH WITH SMALL V BELOW (Sorani)
  0x06b5, // LAM WITH SMALL V (Sorani)
  0x06ce, // YEH WITH SMALL V (Sorani)
  0x06d5, // AE (Sorani)
];

/** Calls `fn` for every code unit in the given ranges. */
export function forEachInRanges(ranges: readonly Range[], fn: (code: number) => void): void {
  for (const [first, last] of ranges) for (let c = first; c <= last; c++) fn(c);
}

/** A lookup table of 65,536 flags, true for every BMP code unit in `ranges`. */
export function rangeTable(ranges: readonly Range[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  forEachInRanges(ranges, (c) => {
    table[c] = 1;
  });
  return table;
}

const ARABIC_LETTER_TABLE = rangeTable(ARABIC_LETTER_RANGES);

/** True for an Arabic-script letter code unit (any block). */
export function isArabicLetter(code: number): boolean {
  return ARABIC_LETTER_TABLE[code] === 1;
}
