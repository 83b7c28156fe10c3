/**
 * Is a piece of a token an attached proclitic sequence? Used where a span and a token (or
 * two spans) disagree only by the proclitics SPEC.md leaves out of a span: the CoNLL
 * exporter (where to split a token, or when to label the whole token) and `tawsim eval
 * --lenient-clitics` (ANERcorp and Wojood label whole tokens, `وبغداد`; tawsim labels
 * `بغداد`).
 *
 * The inventory is the one of src/arabic/clitics.ts (Ryding 2005, §7.4 and §16.2): an
 * optional conjunction و or ف, then an optional preposition ب ك ل. `لل` is accepted as a
 * whole too: a span of `للعراق` starts after the first lam by SPEC.md, but a tool that
 * drops the article's lam with the preposition leaves `لل` in front.
 *
 * ```
 * token   و ب ب غ د ا د       prefix "وب" -> proclitic        span starts at ب of بغداد
 * token   ب ا ل ع ر ا ق       prefix "بال" -> not proclitic    (the article stays in a span)
 * ```
 */
import { DIACRITICS, TATWEEL } from '../../arabic/characters.js';

const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;

function isMark(code: number): boolean {
  if (code === TATWEEL) return true;
  for (const [from, to] of DIACRITICS) if (code >= from && code <= to) return true;
  return false;
}

/**
 * The code units of `s` with diacritics and tatweel left out: و with a fatha (U+064E
 * ARABIC FATHA) is still the conjunction.
 */
function letters(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isMark(c)) continue;
    out.push(c);
  }
  return out;
}

/**
 * True when `s` is a non-empty run of proclitics: و or ف, then ب ك ل or لل, each
 * optional but not both missing, diacritics and tatweel allowed after each letter.
 */
export function isProcliticPrefix(s: string): boolean {
  if (s.length === 0 || s.length > 8) return false;
  const l = letters(s);
  let i = 0;
  if (l[i] === WAW || l[i] === FEH) i++;
  if (l[i] === BEH || l[i] === KAF) i++;
  else if (l[i] === LAM) {
    i++;
    if (l[i] === LAM && i === l.length - 1) i++;
  }
  return i > 0 && i === l.length;
}

const ALEF = 0x0627;

/**
 * True when `s` is the definite article on digits, with optional proclitics before it
 * (`ال` of `ال50`, `وال` of `وال25`, `بال`): SPEC.md's number spans leave it out
 * (`ال50 مليون دولار` -> `50 مليون دولار`), as they leave out proclitics.
 */
export function isDigitArticlePrefix(s: string): boolean {
  const l = letters(s);
  if (l.length < 2 || l[l.length - 2] !== ALEF || l[l.length - 1] !== LAM) return false;
  if (l.length === 2) return true;
  const before = String.fromCharCode(...l.slice(0, -2));
  return isProcliticPrefix(before);
}

/**
 * Splits a proclitic prefix into one piece per proclitic (each letter with the marks that
 * follow it), as UTF-16 ranges relative to the prefix start: و + U+064E ARABIC FATHA + ب
 * -> `[0,2) [2,3)`.
 * `لل` stays one piece (it is one preposition with the article's lam).
 */
export function procliticPieces(s: string): [number, number][] {
  const pieces: [number, number][] = [];
  let i = 0;
  while (i < s.length) {
    const start = i;
    const c = s.charCodeAt(i);
    i++;
    while (i < s.length && isMark(s.charCodeAt(i))) i++;
    // `لل`: the second lam belongs to the same piece; so does the article's lam (`ال`).
    if ((c === LAM || c === ALEF) && i < s.length && s.charCodeAt(i) === LAM) {
      i++;
      while (i < s.length && isMark(s.charCodeAt(i))) i++;
    }
    pieces.push([start, i]);
  }
  return pieces;
}
