/**
 * Reading the words around a number: folded token forms, proclitic stems and context
 * phrases. Only used around numbers (a few percent of tokens); phrases are indexed by
 * their first and last token so a check costs a map lookup, not a scan of the list.
 */
import { procliticReadings } from '../../arabic/clitics.js';
import type { TokenTable } from '../../core/tokens.js';
import type { TokenLookup } from '../gazetteer/phrase-index.js';
import { TokenFlag, TokenKind } from '../../core/tokens.js';
import type { ContextClass, ContextPhrase } from './lexicon.js';

/** Splits a context phrase like the tokeniser would: words, and each punctuation mark. */
export function phraseTokens(phrase: string): string[] {
  return phrase.match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

const NORM_CACHE = 64;

/** Folded forms of tokens and their proclitic stems (cached per document). */
export class TokenView {
  readonly tokens: TokenTable;
  readonly text: string;
  private readonly lookup: TokenLookup | null;
  private readonly contextScope: number;
  private readonly stemCache = new Map<number, string[]>();
  /**
   * The last norms sliced, by token index modulo the size (direct-mapped): the checks
   * around a number ask for the same few tokens many times, and a string asked again
   * keeps the hash the Map and Set look-ups computed for it.
   */
  private readonly normTokens = new Int32Array(NORM_CACHE).fill(-1);
  private readonly normStrings = new Array<string>(NORM_CACHE).fill('');

  /**
   * With `lookup` (the document's shared token look-up, see ../token-lookup.ts) and the
   * vocabulary scope every context phrase's tokens were interned with, the phrase checks
   * below skip at once a token none of whose readings is a context word.
   */
  constructor(tokens: TokenTable, lookup: TokenLookup | null = null, contextScope = 0) {
    this.tokens = tokens;
    this.text = tokens.view.text;
    this.lookup = lookup;
    this.contextScope = contextScope;
  }

  /**
   * False when neither token `i` nor any of its stems can be a token of a context phrase:
   * the look-up's readings cover the token and every stem of {@link stems} (a hashtag's
   * whole form, with its `#`, is not a reading: it always may be).
   */
  mayBeContext(i: number): boolean {
    const lookup = this.lookup;
    if (lookup === null || i < 0 || i >= this.tokens.count) return true;
    return (lookup.scopes[i]! & this.contextScope) !== 0 || lookup.lead[i] !== 0;
  }

  get count(): number {
    return this.tokens.count;
  }

  norm(i: number): string {
    if (i < 0 || i >= this.tokens.count) return '';
    const slot = i & (NORM_CACHE - 1);
    if (this.normTokens[slot] === i) return this.normStrings[slot]!;
    const s = this.text.slice(this.tokens.vStart[i], this.tokens.vEnd[i]);
    this.normTokens[slot] = i;
    this.normStrings[slot] = s;
    return s;
  }

  kind(i: number): number {
    return i < 0 || i >= this.tokens.count ? 0 : this.tokens.kind[i]!;
  }

  /** True when a line break separates token `i` from the one before. */
  lineBefore(i: number): boolean {
    return i >= this.tokens.count || (this.tokens.flags[i]! & TokenFlag.LineBefore) !== 0;
  }

  /** True when nothing (no space) separates token `i` from the one before. */
  touchesPrevious(i: number): boolean {
    return i > 0 && i < this.tokens.count && this.tokens.vEnd[i - 1] === this.tokens.vStart[i];
  }

  isWord(i: number): boolean {
    return this.kind(i) === TokenKind.Word;
  }

  /**
   * The token's stems: the whole token, then what is left after its proclitics
   * (`src/arabic/clitics.ts`), so `بأكثر` also reads as `أكثر` and `لعام` as `عام`.
   */
  stems(i: number): string[] {
    let stems = this.stemCache.get(i);
    if (stems === undefined) {
      const norm = this.norm(i);
      stems = this.kind(i) !== TokenKind.Word ? [norm] : procliticReadings(norm, 2).map((r) => r.stem);
      this.stemCache.set(i, stems);
    }
    return stems;
  }
}

/** The phrases of one context class, indexed by their first, last and every token. */
export class PhraseSet {
  readonly list: readonly ContextPhrase[];
  private readonly byFirst = new Map<string, ContextPhrase[]>();
  private readonly byLast = new Map<string, ContextPhrase[]>();
  private readonly byToken = new Map<string, [ContextPhrase, number][]>();

  constructor(phrases: readonly ContextPhrase[]) {
    // Longest first, so the longest phrase wins.
    this.list = [...phrases].sort((a, b) => b.tokens.length - a.tokens.length);
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list === undefined) map.set(key, [value]);
      else list.push(value);
    };
    for (const p of this.list) {
      push(this.byFirst, p.tokens[0]!, p);
      push(this.byLast, p.tokens[p.tokens.length - 1]!, p);
      p.tokens.forEach((t, k) => push(this.byToken, t, [p, k] as [ContextPhrase, number]));
    }
  }

  startingWith(token: string): readonly ContextPhrase[] {
    return this.byFirst.get(token) ?? NONE;
  }

  endingWith(token: string): readonly ContextPhrase[] {
    return this.byLast.get(token) ?? NONE;
  }

  containing(token: string): readonly [ContextPhrase, number][] {
    return this.byToken.get(token) ?? [];
  }
}

const NONE: readonly ContextPhrase[] = [];

/**
 * Does a phrase of `set` end at token `last` (inclusive)? Its first token may carry
 * proclitics (بأكثر من، لعام). Returns the phrase and its first token index, or null.
 */
export function phraseEndingAt(tv: TokenView, set: PhraseSet, last: number): { phrase: ContextPhrase; first: number } | null {
  if (last < 0 || last >= tv.count || !tv.mayBeContext(last)) return null;
  for (const phrase of set.endingWith(tv.norm(last))) {
    const first = last - phrase.tokens.length + 1;
    if (first >= 0 && matches(tv, phrase, first)) return { phrase, first };
  }
  // A one-word phrase with proclitics on it: its stem is the phrase.
  if (tv.kind(last) === TokenKind.Word) {
    for (const stem of tv.stems(last)) {
      for (const phrase of set.endingWith(stem)) if (phrase.tokens.length === 1) return { phrase, first: last };
    }
  }
  return null;
}

/** Does a phrase of `set` start at token `first`? Proclitics on it only when allowed. */
export function phraseStartingAt(tv: TokenView, set: PhraseSet, first: number, allowProclitics = false): { phrase: ContextPhrase; last: number } | null {
  if (first < 0 || first >= tv.count || !tv.mayBeContext(first)) return null;
  const heads = allowProclitics && tv.kind(first) === TokenKind.Word ? tv.stems(first) : [tv.norm(first)];
  for (const head of heads) {
    for (const phrase of set.startingWith(head)) {
      const n = phrase.tokens.length;
      if (first + n > tv.count) continue;
      if (rest(tv, phrase, first)) return { phrase, last: first + n - 1 };
    }
  }
  return null;
}

/** Does a phrase of `set` cover token `i` (آل ثاني over ثاني)? Proclitics allowed on its head. */
export function phraseCovering(tv: TokenView, set: PhraseSet, i: number): boolean {
  if (i < 0 || i >= tv.count || !tv.mayBeContext(i)) return false;
  for (const [phrase, k] of set.containing(tv.norm(i))) {
    const first = i - k;
    if (first >= 0 && first + phrase.tokens.length <= tv.count && matches(tv, phrase, first)) return true;
  }
  return false;
}

/** The tokens after the head match (same line). */
function rest(tv: TokenView, phrase: ContextPhrase, first: number): boolean {
  for (let k = 1; k < phrase.tokens.length; k++) {
    if (tv.lineBefore(first + k)) return false;
    if (tv.norm(first + k) !== phrase.tokens[k]) return false;
  }
  return true;
}

function matches(tv: TokenView, phrase: ContextPhrase, first: number): boolean {
  if (!rest(tv, phrase, first)) return false;
  const head = phrase.tokens[0]!;
  return tv.norm(first) === head || tv.stems(first).includes(head);
}
