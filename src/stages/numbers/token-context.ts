/**
 * Reading the words around a number: folded token forms, proclitic stems and context
 * phrases. Only used around numbers (a few percent of tokens), so plain strings are fine.
 */
import { procliticReadings } from '../../arabic/clitics.js';
import type { TokenTable } from '../../core/tokens.js';
import { TokenFlag, TokenKind } from '../../core/tokens.js';
import type { ContextClass, ContextPhrase } from './lexicon.js';

/** Splits a context phrase like the tokeniser would: words, and each punctuation mark. */
export function phraseTokens(phrase: string): string[] {
  return phrase.match(/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu) ?? [];
}

/** Folded forms of tokens, cached per document. */
export class TokenView {
  readonly tokens: TokenTable;
  readonly text: string;
  private readonly cache = new Map<number, string>();

  constructor(tokens: TokenTable) {
    this.tokens = tokens;
    this.text = tokens.view.text;
  }

  get count(): number {
    return this.tokens.count;
  }

  norm(i: number): string {
    if (i < 0 || i >= this.tokens.count) return '';
    let s = this.cache.get(i);
    if (s === undefined) {
      s = this.text.slice(this.tokens.vStart[i], this.tokens.vEnd[i]);
      this.cache.set(i, s);
    }
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
    const norm = this.norm(i);
    if (this.kind(i) !== TokenKind.Word) return [norm];
    return procliticReadings(norm, 2).map((r) => r.stem);
  }
}

/**
 * Does a phrase of `phrases` end at token `last` (inclusive)? Its first token may carry
 * proclitics. Returns the phrase and its first token index, or null.
 */
export function phraseEndingAt(tv: TokenView, phrases: readonly ContextPhrase[], last: number): { phrase: ContextPhrase; first: number } | null {
  for (const phrase of phrases) {
    const n = phrase.tokens.length;
    const first = last - n + 1;
    if (first < 0) continue;
    if (matches(tv, phrase, first)) return { phrase, first };
  }
  return null;
}

/** Does a phrase of `phrases` start at token `first`? Proclitics are not allowed on it. */
export function phraseStartingAt(tv: TokenView, phrases: readonly ContextPhrase[], first: number, allowProclitics = false): { phrase: ContextPhrase; last: number } | null {
  for (const phrase of phrases) {
    const n = phrase.tokens.length;
    if (first + n > tv.count) continue;
    if (allowProclitics ? matches(tv, phrase, first) : exact(tv, phrase, first)) return { phrase, last: first + n - 1 };
  }
  return null;
}

function exact(tv: TokenView, phrase: ContextPhrase, first: number): boolean {
  for (let k = 0; k < phrase.tokens.length; k++) {
    if (k > 0 && tv.lineBefore(first + k)) return false;
    if (tv.norm(first + k) !== phrase.tokens[k]) return false;
  }
  return true;
}

function matches(tv: TokenView, phrase: ContextPhrase, first: number): boolean {
  for (let k = 1; k < phrase.tokens.length; k++) {
    if (tv.lineBefore(first + k)) return false;
    if (tv.norm(first + k) !== phrase.tokens[k]) return false;
  }
  const head = phrase.tokens[0]!;
  return tv.norm(first) === head || tv.stems(first).includes(head);
}

/** The contexts of one class as a lookup helper. */
export type ContextLookup = (cls: ContextClass) => readonly ContextPhrase[];
