/**
 * Proclitic analysis of one normalised token, without changing the token.
 *
 * Arabic writes conjunctions (و "and", ف "so") and prepositions (ب "with/in", ك "like",
 * ل "for/to") joined to the next word, in that order, before the definite article ال.
 * When ل meets ال the alef is not written: ل + العراق = للعراق. (Ryding, A Reference
 * Grammar of Modern Standard Arabic, 2005, §7.4 and §16.2; the same prefix inventory as
 * the proclitics of CAMeL Tools' and MADAMIRA's ATB tokenisation schemes.)
 *
 * ```
 * token      و ب ا ل ع ر ا ق        ل ل ع ر ا ق
 * cut        2 -> stem "العراق"      1 -> stem "ا" + "لعراق" (the article's alef restored)
 * ```
 */

const WAW = 'و';
const FEH = 'ف';
const BEH = 'ب';
const KAF = 'ك';
const LAM = 'ل';
const ALEF = 'ا';

/** One way to read a token's start as proclitics. */
export interface ProcliticReading {
  /** Code units cut off the token's start: the entity span starts after them. */
  cut: number;
  /** The rest of the token as it should be looked up (ال restored after the لل contraction). */
  stem: string;
  /** The proclitics taken, joined by `+` (`و+ب`), empty for the whole token. */
  clitics: string;
  /** True when the stem starts with the definite article ال. */
  article: boolean;
}

const CONJUNCTIONS = [WAW, FEH];
const PREPOSITIONS = [BEH, KAF, LAM];

/** True when the token can start with a proclitic at all (cheap pre-check). */
export function mayHaveProclitic(norm: string): boolean {
  const c = norm.charAt(0);
  return c === WAW || c === FEH || c === BEH || c === KAF || c === LAM;
}

/**
 * All readings of a normalised token, the whole token first and then by growing number
 * of proclitics. A reading is kept only when at least `minStem` letters remain.
 */
export function procliticReadings(norm: string, minStem = 2): ProcliticReading[] {
  const readings: ProcliticReading[] = [{ cut: 0, stem: norm, clitics: '', article: hasArticle(norm) }];
  if (!mayHaveProclitic(norm)) return readings;
  const add = (cut: number, clitics: string[]) => {
    const rest = norm.slice(cut);
    if (rest.length < minStem) return;
    readings.push({ cut, stem: rest, clitics: clitics.join('+'), article: hasArticle(rest) });
    // ل + ال contracts to لل: the span starts at the article's lam; restore its alef.
    if (clitics[clitics.length - 1] === LAM && rest.charAt(0) === LAM && rest.length - 1 >= minStem) {
      readings.push({ cut, stem: ALEF + rest, clitics: clitics.join('+'), article: true });
    }
  };
  const first = norm.charAt(0);
  if (CONJUNCTIONS.includes(first)) {
    add(1, [first]);
    const second = norm.charAt(1);
    if (PREPOSITIONS.includes(second)) add(2, [first, second]);
  } else if (PREPOSITIONS.includes(first)) {
    add(1, [first]);
  }
  return readings;
}

/** True when `s` starts with the definite article and something follows it. */
export function hasArticle(s: string): boolean {
  return s.length > 2 && s.charCodeAt(0) === 0x0627 && s.charCodeAt(1) === 0x0644;
}

/** The stem without its definite article (`العراق` -> `عراق`), or `s` itself. */
export function stripArticle(s: string): string {
  return hasArticle(s) ? s.slice(2) : s;
}
