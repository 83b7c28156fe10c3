/**
 * Small questions rules ask about a document's tokens, answered from the look-up arrays
 * and the view without slicing strings.
 */
import type { TokenTrie } from '../../core/token-trie.js';
import { TokenKind } from '../../core/tokens.js';
import { READINGS, READING_ALEF, READING_CUTS, type TokenLookup } from './phrase-index.js';
import type { WordRoles } from './word-roles.js';
import { GAZETTEER_SCOPE, ROLE_BITS } from '../token-lookup.js';

const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF
const LAM = 0x0644; // U+0644 ARABIC LETTER LAM

const ROLE_MASK = (1 << ROLE_BITS) - 1;
const STARTS_SHIFT = ROLE_BITS;

/** Per roles object: the attribute table of each trie (or none), for the vocabulary size it was built at. */
const attributeTables = new WeakMap<WordRoles, Map<TokenTrie<unknown> | undefined, { size: number; table: Int32Array }>>();

/**
 * Role bits (low ROLE_BITS bits) and "starts an entry of `trie`" (bit ROLE_BITS) of every vocabulary
 * id, at index id + 1 (index 0 stands for -1, no id): one table read per reading instead
 * of two look-ups and their branches. Built once per stage and vocabulary size.
 */
function attributesOf(size: number, roles: WordRoles, trie: TokenTrie<unknown> | undefined): Int32Array {
  let byTrie = attributeTables.get(roles);
  if (byTrie === undefined) {
    byTrie = new Map();
    attributeTables.set(roles, byTrie);
  }
  const cached = byTrie.get(trie);
  if (cached !== undefined && cached.size === size) return cached.table;
  const table = new Int32Array(size + 1);
  for (let id = 0; id < size; id++) table[id + 1] = roles.of(id) | (trie !== undefined && trie.startsEntry(id) ? 1 << STARTS_SHIFT : 0);
  byTrie.set(trie, { size, table });
  return table;
}

/** Token-level helpers over one document's look-up. */
export class DocWords {
  /** The bits of {@link anyRole} that are role bits. */
  static readonly ROLE_MASK = ROLE_MASK;
  readonly lookup: TokenLookup;
  readonly roles: WordRoles;
  readonly count: number;
  /**
   * Union of the role bits of every reading of each token, in the low ROLE_BITS bits (the
   * bits above are entry starts, see {@link startsEntry}): rules skip a token with one
   * read. Test it with role masks only.
   */
  readonly anyRole: Int32Array;
  /** The bit of {@link anyRole} that says some reading starts an entry of the trie given (0 without one). */
  readonly startsMask: number;
  /** The view's code units (indexed reads, not charCodeAt on the view's string). */
  private readonly units: Uint16Array;

  constructor(lookup: TokenLookup, roles: WordRoles, trie?: TokenTrie<unknown>) {
    this.lookup = lookup;
    this.roles = roles;
    this.count = lookup.tokens.count;
    this.units = lookup.tokens.view.units;
    const n = this.count;
    // The look-up already ORed these roles' bits and this trie's start bit over each
    // token's readings (token-lookup.ts, registerAttributes): read its array as it is,
    // without a copy per stage and document.
    const given = lookup.attributes;
    const k = given !== null && given.roles === roles ? (trie === undefined ? -1 : given.tries.indexOf(trie)) : -2;
    if (k >= 0 || (k === -1 && trie === undefined)) {
      this.anyRole = lookup.attributeUnion!;
      this.startsMask = k >= 0 ? 1 << (STARTS_SHIFT + k) : 0;
      return;
    }
    const any = new Int32Array(n);
    this.anyRole = any;
    this.startsMask = trie === undefined ? 0 : 1 << STARTS_SHIFT;
    const readings = lookup.readings;
    const attributes = attributesOf(lookup.vocabulary.size, roles, trie);
    const clitic = lookup.clitic;
    const scopes = lookup.scopes;
    for (let i = 0; i < n; i++) {
      // Role words and names' tokens are all of the gazetteer scope: others have neither.
      if ((scopes[i]! & GAZETTEER_SCOPE) === 0) continue;
      const k = i * READINGS;
      // Ids are -1 or more: `attributes` is indexed by id + 1.
      let a = attributes[readings[k]! + 1]!;
      if (clitic[i] === 1) {
        a |= attributes[readings[k + 1]! + 1]! | attributes[readings[k + 2]! + 1]! | attributes[readings[k + 3]! + 1]! | attributes[readings[k + 4]! + 1]!;
      }
      any[i] = a;
    }
  }

  /** True when some reading of token `i` starts an entry of the trie given (false without one). */
  startsEntry(i: number): boolean {
    return (this.anyRole[i]! & this.startsMask) !== 0;
  }

  /**
   * One pass over the document: `starts` gets the tokens that start an entry of the trie
   * given, `withRole` those some reading of which has one of the role `bits` (both emptied
   * first). The rules of a stage then read the lists, not every token again.
   */
  matchTokens(starts: TokenList, withRole: TokenList, bits: number): void {
    const any = this.anyRole;
    const startsMask = this.startsMask;
    starts.count = 0;
    withRole.count = 0;
    for (let i = 0; i < this.count; i++) {
      const a = any[i]!;
      if ((a & startsMask) !== 0) starts.push(i);
      if ((a & bits) !== 0) withRole.push(i);
    }
  }

  /** Id of reading `r` of token `i` (-1 outside the vocabulary or the document). */
  id(i: number, r = 0): number {
    if (i < 0 || i >= this.count) return -1;
    return this.lookup.readings[i * READINGS + r]!;
  }

  /**
   * True when reading `r` of token `i` is a word the gazetteer side knows (a name's token
   * or a rule word). The vocabulary also holds other stages' words (number words,
   * currency nouns), which do not count here.
   */
  known(i: number, r = 0): boolean {
    return this.lookup.vocabulary.inScope(this.id(i, r), GAZETTEER_SCOPE);
  }

  /** Role bits of reading `r` of token `i`. */
  roleOf(i: number, r = 0): number {
    return this.roles.of(this.id(i, r));
  }

  /**
   * The first reading of token `i` (whole token first, then with proclitics cut) whose
   * role has one of `bits`, or -1.
   */
  readingWithRole(i: number, bits: number): number {
    if (i < 0 || i >= this.count || (this.anyRole[i]! & bits) === 0) return -1;
    for (let r = 0; r < READINGS; r++) if ((this.roles.of(this.id(i, r)) & bits) !== 0) return r;
    return -1;
  }

  /** True when token `i` is an Arabic word (not punctuation, digits, Latin). */
  isWord(i: number): boolean {
    return i >= 0 && i < this.count && this.lookup.tokens.kind[i] === TokenKind.Word;
  }

  /** True when reading `r` of token `i` starts with the definite article. */
  isDefinite(i: number, r = 0): boolean {
    if (!this.isWord(i)) return false;
    const t = this.lookup.tokens;
    const vs = t.vStart[i]! + READING_CUTS[r]!;
    const u = this.units;
    // ل + ال written لل: the reading is definite when the lam after the cut is there.
    if (READING_ALEF[r]) return u[vs - 1] === LAM && u[vs] === LAM && t.vEnd[i]! - vs > 1;
    return t.vEnd[i]! - vs > 2 && u[vs] === ALEF && u[vs + 1] === LAM;
  }

  /** True when token `i` sits on a new line (nothing spans a line break). */
  startsLine(i: number): boolean {
    return i > 0 && this.lookup.lineEnd[i - 1] === i;
  }

  /** The normalised text of reading `r` of token `i` (allocates: for values and notes). */
  text(i: number, r = 0): string {
    const t = this.lookup.tokens;
    const cut = READING_CUTS[r]! + this.lookup.lead[i]!;
    const s = t.view.text.slice(t.vStart[i]! + cut, t.vEnd[i]);
    return READING_ALEF[r] ? `\u0627${s}` : s;
  }

  /** The original text of reading `r` of token `i`, proclitics cut off (for notes). */
  surface(i: number, r = 0): string {
    const t = this.lookup.tokens;
    const cut = READING_CUTS[r]! + this.lookup.lead[i]!;
    const start = cut === 0 ? t.start[i]! : t.view.originalStart(t.vStart[i]! + cut);
    return t.view.original.slice(start, t.end[i]);
  }

  /**
   * The original text of tokens `[first, last]`, `cut` view units off the first: the name
   * a rule-built entity is given (as written, not folded).
   */
  phrase(first: number, last: number, cut: number): string {
    const t = this.lookup.tokens;
    const start = cut === 0 ? t.start[first]! : t.view.originalStart(t.vStart[first]! + cut);
    return t.view.original.slice(start, t.end[last]);
  }

  /** True when the view unit at the start of token `i` is `code`. */
  startsWith(i: number, code: number): boolean {
    if (i < 0 || i >= this.count) return false;
    const t = this.lookup.tokens;
    return this.units[t.vStart[i]!] === code;
  }

  /** True when token `i` is exactly the single unit `code` (punctuation). */
  isChar(i: number, code: number): boolean {
    if (i < 0 || i >= this.count) return false;
    const t = this.lookup.tokens;
    return t.vEnd[i]! - t.vStart[i]! === 1 && this.units[t.vStart[i]!] === code;
  }
}

/**
 * Token indices, in order: the first `count` of `at`. A stage keeps one and refills it
 * for each document (see {@link DocWords.matchTokens}), so no list is allocated per document.
 */
export class TokenList {
  at = new Int32Array(256);
  count = 0;

  push(i: number): void {
    if (this.count === this.at.length) {
      const grown = new Int32Array(this.at.length * 2);
      grown.set(this.at);
      this.at = grown;
    }
    this.at[this.count++] = i;
  }
}

