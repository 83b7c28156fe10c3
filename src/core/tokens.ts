import type { TextView } from './text-view.js';

/** What a token is. Stored in a Uint8Array, so values stay below 256. */
export const TokenKind = {
  /** Arabic-script word, possibly with attached clitics. */
  Word: 1,
  /** Latin-script (or other non-Arabic script) word. */
  Latin: 2,
  /** Digits, with thousands or decimal separators inside (`1,250,000`, `٣٫٥`). */
  Number: 3,
  /** Letters and digits in one run (`ال50`, `2023م`, `1ر8`). */
  Alnum: 4,
  Punct: 5,
  Symbol: 6,
  Url: 7,
  Email: 8,
  Hashtag: 9,
  Mention: 10,
  Emoji: 11,
  Other: 12,
} as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export const TOKEN_KIND_NAMES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(TokenKind).map(([name, value]) => [value, name.toLowerCase()]),
);

/** Bits of `TokenTable.flags`. */
export const TokenFlag = {
  /** Whitespace separates this token from the previous one. */
  SpaceBefore: 1,
  /** A line break separates this token from the previous one. */
  LineBefore: 2,
  /** Two or more line breaks (a blank line) separate this token from the previous one. */
  ParagraphBefore: 4,
} as const;

/**
 * Tokens as parallel typed arrays (struct of arrays): a document of millions of tokens
 * costs a few flat buffers, not millions of objects. Index `i` is one token.
 * `start`/`end` are original UTF-16 offsets; `vStart`/`vEnd` offsets into the view.
 */
export class TokenTable {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  vStart: Int32Array;
  vEnd: Int32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  readonly view: TextView;

  constructor(view: TextView, capacity = 16) {
    this.view = view;
    const n = Math.max(16, capacity);
    // One buffer for the four arrays: a typed array with a buffer of its own is a native
    // allocation the garbage collector tracks, and four of them cost more than tokenising
    // an average bench document.
    const buffer = new ArrayBuffer(n * 10);
    this.vStart = new Int32Array(buffer, 0, n);
    this.vEnd = new Int32Array(buffer, n * 4, n);
    this.kind = new Uint8Array(buffer, n * 8, n);
    this.flags = new Uint8Array(buffer, n * 9, n);
    // Filled by `finish()`; share the view arrays until then.
    this.start = this.vStart;
    this.end = this.vEnd;
  }

  /** Appends a token by its view range. */
  push(vs: number, ve: number, kind: number, flags: number): void {
    if (this.count === this.vStart.length) this.grow();
    const i = this.count++;
    this.vStart[i] = vs;
    this.vEnd[i] = ve;
    this.kind[i] = kind;
    this.flags[i] = flags;
  }

  private grow(): void {
    const n = this.vStart.length * 2;
    // One buffer for the four arrays, as in the constructor.
    const buffer = new ArrayBuffer(n * 10);
    const vStart = new Int32Array(buffer, 0, n);
    const vEnd = new Int32Array(buffer, n * 4, n);
    const kind = new Uint8Array(buffer, n * 8, n);
    const flags = new Uint8Array(buffer, n * 9, n);
    vStart.set(this.vStart);
    vEnd.set(this.vEnd);
    kind.set(this.kind);
    flags.set(this.flags);
    this.vStart = vStart;
    this.vEnd = vEnd;
    this.kind = kind;
    this.flags = flags;
    this.start = this.vStart;
    this.end = this.vEnd;
  }

  /** Computes original offsets once all tokens are in. */
  finish(): void {
    if (this.view.isIdentity) {
      this.start = this.vStart;
      this.end = this.vEnd;
      return;
    }
    const n = this.count;
    // One buffer for both, as in the constructor.
    const buffer = new ArrayBuffer(n * 8);
    this.start = new Int32Array(buffer, 0, n);
    this.end = new Int32Array(buffer, n * 4, n);
    for (let i = 0; i < n; i++) {
      this.start[i] = this.view.originalStart(this.vStart[i]!);
      this.end[i] = this.view.originalEnd(this.vEnd[i]!);
    }
  }

  /** The token's normalised, folded form (a slice of the view). */
  norm(i: number): string {
    return this.view.text.slice(this.vStart[i], this.vEnd[i]);
  }

  /** The token's original surface. */
  surface(i: number): string {
    return this.view.original.slice(this.start[i], this.end[i]);
  }

  /** Index of the first token whose original end is after `offset` (binary search). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.end[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
