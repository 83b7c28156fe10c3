import { z } from 'zod';
import { ARABIC_LETTER_RANGES, DIACRITICS, QURANIC_MARKS, TATWEEL, forEachInRanges } from '../arabic/characters.js';
import { defineStage } from '../core/stage.js';
import type { TextView } from '../core/text-view.js';
import { TokenFlag, TokenKind, TokenTable } from '../core/tokens.js';

export const tokeniseOptions = z.strictObject({
  /** Keep `http://…`, `www.…` as one token. */
  urls: z.boolean().default(true),
  /** Keep `name@host.tld` as one token. */
  emails: z.boolean().default(true),
  /** Keep `#word` (and `#كلمة_أخرى`) as one token. */
  hashtags: z.boolean().default(true),
  /** Keep `@name` as one token. */
  mentions: z.boolean().default(true),
});
export type TokeniseOptions = z.output<typeof tokeniseOptions>;

// Character classes of the view's code units.
const C_OTHER = 0; // controls: skipped like spaces
const C_SPACE = 1;
const C_NEWLINE = 2;
const C_ARABIC = 3;
const C_LETTER = 4; // any other letter (Latin, Cyrillic, ...)
const C_DIGIT = 5;
const C_MARK = 6; // combining marks, tatweel, joiners: inside words
const C_SEP = 7; // . , ٫ ٬ : separators inside numbers, punctuation elsewhere
const C_PUNCT = 8;
const C_SYMBOL = 9;
const C_HIGH = 10; // high surrogate
const C_LOW = 11; // lone low surrogate
const C_EMOJI = 12; // BMP pictographs
const C_HASH = 13;
const C_AT = 14;
const C_APOSTROPHE = 15;
const C_CR = 16;

/** Built once at module load from Unicode properties (about 10 ms). */
const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const space = /\p{Zs}/u;
  const punct = /\p{P}/u;
  const symbol = /[\p{S}\p{No}]/u;
  const pictographic = /\p{Extended_Pictographic}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdbff) {
      table[c] = C_HIGH;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      table[c] = C_LOW;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) table[c] = C_LETTER;
    else if (digit.test(ch)) table[c] = C_DIGIT;
    else if (mark.test(ch)) table[c] = C_MARK;
    else if (space.test(ch) || c === 0x09 || c === 0x0b || c === 0x0c) table[c] = C_SPACE;
    else if (pictographic.test(ch) && c > 0xff) table[c] = C_EMOJI;
    else if (punct.test(ch)) table[c] = C_PUNCT;
    else if (symbol.test(ch)) table[c] = C_SYMBOL;
    else table[c] = C_OTHER;
  }
  forEachInRanges(ARABIC_LETTER_RANGES, (c) => {
    if (table[c] === C_LETTER || table[c] === C_OTHER) table[c] = C_ARABIC;
  });
  forEachInRanges(DIACRITICS, (c) => (table[c] = C_MARK));
  forEachInRanges(QURANIC_MARKS, (c) => (table[c] = C_MARK));
  table[TATWEEL] = C_MARK;
  table[0x200c] = C_MARK; // ZERO WIDTH NON-JOINER (Persian word-internal)
  table[0x200d] = C_MARK; // ZERO WIDTH JOINER
  table[0x0a] = C_NEWLINE;
  table[0x0d] = C_CR;
  table[0x2028] = C_NEWLINE;
  table[0x2029] = C_NEWLINE;
  table[0x85] = C_NEWLINE;
  for (const c of [0x2e, 0x2c, 0x066b, 0x066c, 0x3a]) table[c] = C_SEP; // . , ٫ ٬ :
  table[0x23] = C_HASH;
  table[0x40] = C_AT;
  table[0x27] = C_APOSTROPHE;
  table[0x2019] = C_APOSTROPHE;
  table[0x066a] = C_SYMBOL; // ٪ ARABIC PERCENT SIGN
  table[0x060b] = C_SYMBOL; // ؋ AFGHANI SIGN
  table[0xfdfc] = C_SYMBOL; // ﷼ RIAL SIGN
  return table;
}

const URL_RE = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"«»“”]+/y;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;
const TRAILING_URL_PUNCT = /[.,;:!?؟،؛)\]}'’]+$/;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const ASTRAL_WORD = /[\p{L}\p{N}\p{M}]/u;

function isWordClass(cls: number): boolean {
  return cls === C_ARABIC || cls === C_LETTER || cls === C_DIGIT || cls === C_MARK;
}

/**
 * Splits the view into tokens. One pass over code units with a class table; regular
 * expressions only at `#`, `@`, `http`, `www` and astral characters.
 */
export function tokeniseView(view: TextView, options: TokeniseOptions): TokenTable {
  const text = view.text;
  // Code units for the character loop (see TextView.units); the string for regexes.
  const units = view.units;
  const n = text.length;
  const tokens = new TokenTable(view, (n >>> 2) + 16);
  let flags = 0;
  let newlines = 0;
  let i = 0;
  while (i < n) {
    const c = units[i]!;
    const cls = CLASS[c]!;
    if (cls === C_SPACE || cls === C_OTHER) {
      flags |= TokenFlag.SpaceBefore;
      i++;
      continue;
    }
    if (cls === C_NEWLINE || cls === C_CR) {
      // CR LF counts as one line break.
      if (!(cls === C_CR && units[i + 1]! === 0x0a)) {
        newlines++;
        flags |= newlines > 1 ? TokenFlag.SpaceBefore | TokenFlag.LineBefore | TokenFlag.ParagraphBefore : TokenFlag.SpaceBefore | TokenFlag.LineBefore;
      }
      i++;
      continue;
    }
    if (cls === C_MARK) {
      // A mark never starts a token: it joins the token it touches, or is skipped.
      const last = tokens.count - 1;
      if (last >= 0 && tokens.vEnd[last] === i) tokens.vEnd[last] = i + 1;
      i++;
      continue;
    }
    const start = i;
    let kind: number = TokenKind.Other;
    if (isWordClass(cls) || cls === C_HIGH) {
      if (cls === C_LETTER && options.urls && (c === 0x68 || c === 0x77 || c === 0x66)) {
        const end = matchUrl(text, i);
        if (end > 0) {
          tokens.push(start, end, TokenKind.Url, flags);
          i = end;
          flags = 0;
          newlines = 0;
          continue;
        }
      }
      if (cls === C_HIGH && !isAstralWordChar(text, i)) {
        i = scanAstral(text, i);
        kind = isPictographAt(text, start) ? TokenKind.Emoji : TokenKind.Other;
        tokens.push(start, i, kind, flags);
        flags = 0;
        newlines = 0;
        continue;
      }
      // A word: letters, digits, marks; separators only between digits; a script change
      // between Arabic and other letters ends it.
      let hasArabic = false;
      let hasLetter = false;
      let hasDigit = false;
      let lastScript = 0; // 0 none, C_ARABIC or C_LETTER
      while (i < n) {
        const d = units[i]!;
        let k = CLASS[d]!;
        if (k === C_HIGH) {
          if (!isAstralWordChar(text, i)) break;
          k = C_LETTER;
          if (lastScript === C_ARABIC) break;
          hasLetter = true;
          lastScript = C_LETTER;
          i += 2;
          continue;
        }
        if (k === C_ARABIC && lastScript !== C_LETTER) {
          // The common case, a run of Arabic letters and marks, in a loop of its own.
          hasArabic = true;
          lastScript = C_ARABIC;
          i++;
          while (i < n) {
            const m = CLASS[units[i]!]!;
            if (m !== C_ARABIC && m !== C_MARK) break;
            i++;
          }
        } else if (k === C_ARABIC || k === C_LETTER) {
          if (lastScript !== 0 && lastScript !== k) break;
          lastScript = k;
          if (k === C_ARABIC) hasArabic = true;
          else hasLetter = true;
          i++;
        } else if (k === C_DIGIT) {
          hasDigit = true;
          i++;
        } else if (k === C_MARK) {
          i++;
        } else if (k === C_SEP && d !== 0x3a) {
          // 1,250,000  148,7  ٣٫٥  ١٬٢٥٠: a separator between two digits stays inside.
          // (Indices stay inside the text: a read past its end makes the load site slow.)
          if (i > start && i + 1 < n && CLASS[units[i - 1]!] === C_DIGIT && CLASS[units[i + 1]!] === C_DIGIT) i++;
          else break;
        } else if (k === C_APOSTROPHE && lastScript === C_LETTER && i + 1 < n && CLASS[units[i + 1]!] === C_LETTER) {
          i++; // don't, O'Brien
        } else break;
      }
      if (options.emails && !hasArabic && units[i]! === 0x40) {
        const end = matchSticky(EMAIL_RE, text, start);
        if (end > 0) {
          tokens.push(start, end, TokenKind.Email, flags);
          i = end;
          flags = 0;
          newlines = 0;
          continue;
        }
      }
      if (hasDigit && !hasArabic && !hasLetter) kind = TokenKind.Number;
      else if (hasDigit) kind = TokenKind.Alnum;
      else if (hasArabic) kind = TokenKind.Word;
      else if (hasLetter) kind = TokenKind.Latin;
      else kind = TokenKind.Other; // marks alone
      if (i === start) i++; // never stall
    } else if (cls === C_HASH && options.hashtags && i + 1 < n && isHashtagChar(units[i + 1]!)) {
      i++;
      while (i < n && isHashtagChar(units[i]!)) i++;
      kind = TokenKind.Hashtag;
    } else if (cls === C_AT && options.mentions && i + 1 < n && isMentionChar(units[i + 1]!)) {
      i++;
      while (i < n && isMentionChar(units[i]!)) i++;
      kind = TokenKind.Mention;
    } else if (cls === C_EMOJI) {
      i = scanEmojiTail(text, i + 1);
      kind = TokenKind.Emoji;
    } else if (cls === C_SYMBOL) {
      i++;
      kind = TokenKind.Symbol;
    } else if (cls === C_LOW) {
      i++;
      kind = TokenKind.Other;
    } else {
      // Punctuation (and separators outside numbers): runs of one character stay one
      // token (`...`, `!!`, `؟؟`).
      i++;
      while (i < n && units[i]! === c) i++;
      kind = TokenKind.Punct;
    }
    tokens.push(start, i, kind, flags);
    flags = 0;
    newlines = 0;
  }
  tokens.finish();
  return tokens;
}

function isHashtagChar(c: number): boolean {
  const k = CLASS[c]!;
  return k === C_ARABIC || k === C_LETTER || k === C_DIGIT || k === C_MARK || c === 0x5f;
}

function isMentionChar(c: number): boolean {
  const k = CLASS[c]!;
  return k === C_LETTER || k === C_DIGIT || c === 0x5f || k === C_ARABIC;
}

function matchSticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  const m = re.exec(text);
  return m === null ? -1 : at + m[0].length;
}

function matchUrl(text: string, at: number): number {
  URL_RE.lastIndex = at;
  const m = URL_RE.exec(text);
  if (m === null) return -1;
  // A sentence-final stop or closing bracket is not part of the address.
  const trimmed = m[0].replace(TRAILING_URL_PUNCT, '');
  return trimmed.length > 4 ? at + trimmed.length : -1;
}

function codePointAt(text: string, i: number): number {
  return text.codePointAt(i) ?? 0;
}

function isAstralWordChar(text: string, i: number): boolean {
  const cp = codePointAt(text, i);
  if (cp < 0x10000) return false; // lone high surrogate
  return ASTRAL_WORD.test(String.fromCodePoint(cp));
}

function isPictographAt(text: string, i: number): boolean {
  const cp = codePointAt(text, i);
  return cp >= 0x10000 && PICTOGRAPH.test(String.fromCodePoint(cp));
}

/** Consumes one astral character (or a lone high surrogate) and an emoji tail. */
function scanAstral(text: string, i: number): number {
  const next = text.charCodeAt(i + 1);
  if (!(next >= 0xdc00 && next <= 0xdfff)) return i + 1;
  const cp = codePointAt(text, i);
  let j = i + 2;
  // Two regional indicators make one flag.
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
    const cp2 = codePointAt(text, j);
    if (cp2 >= 0x1f1e6 && cp2 <= 0x1f1ff) j += 2;
    return j;
  }
  if (!PICTOGRAPH.test(String.fromCodePoint(cp))) return j;
  return scanEmojiTail(text, j);
}

/** Emoji modifiers: VS16, keycap, skin tones, tags, and ZWJ + another pictograph. */
function scanEmojiTail(text: string, j: number): number {
  const n = text.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 0xfe0f || c === 0xfe0e || c === 0x20e3) {
      j++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = codePointAt(text, j);
      if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) {
        j += 2;
        continue;
      }
      break;
    }
    if (c === 0x200d && j + 1 < n) {
      const cp = codePointAt(text, j + 1);
      if (PICTOGRAPH.test(String.fromCodePoint(cp))) {
        j += 1 + (cp >= 0x10000 ? 2 : 1);
        continue;
      }
    }
    break;
  }
  return j;
}

export const tokeniseStage = defineStage({
  name: 'tokenise',
  summary: 'Words, numbers with separators, punctuation, Latin words, URLs, e-mails, hashtags, mentions and emoji, with original offsets and folded forms.',
  requires: ['view'],
  provides: ['tokens'],
  options: tokeniseOptions,
  create(options) {
    return (doc) => {
      doc.tokens = tokeniseView(doc.view, options);
    };
  },
});
