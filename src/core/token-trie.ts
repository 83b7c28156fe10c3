/**
 * A trie over token strings, for phrase lists (gazetteers) matched token by token, as
 * spaCy's PhraseMatcher does: entries are tokenised by the same tokeniser as the text,
 * token strings are interned to integer ids, and the trie's edges are keyed by
 * `(node, token id)`. Matching whole tokens means an entry can never fire inside a word
 * (which character-level Aho-Corasick does), and a walk costs one hash probe per token.
 *
 * Nothing here knows about any language: callers decide which string stands for a token
 * (its normalised form, or a part of it) and where a match may start.
 *
 * ```
 * entries   [a, b]  [a, b, c]  [d]        text ids   a  b  c  x  d
 * trie      root -a-> 1 -b-> 2* -c-> 3*                  └─────┘     └┘
 *           root -d-> 4*                  leftmost-longest: [0,3) [4,5)
 * ```
 */

import type { TokenTable } from './tokens.js';

/** FNV-1a 32-bit constants (Fowler, Noll, Vo). */
const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** Hash step: folds one UTF-16 unit into a running hash. */
export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME);
}

/**
 * Hash of `text[start, end)`, folded from the END towards the start, so that the running
 * value after folding unit `k` is the hash of the suffix `text[k, end)`. That lets a
 * caller get the hashes of a token and of its suffixes (a token without its first one
 * or two letters) in one pass.
 */
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = end - 1; k >= start; k--) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}

/** The hash of the empty string: where a backwards fold starts. */
export const EMPTY_HASH = FNV_OFFSET;

/**
 * Interned strings with dense integer ids, looked up either by string or by a range of a
 * larger string or code-unit array (no slice, no allocation on the hot path).
 *
 * The strings' code units are also kept in one typed pool (`pool[offsets[id] ..]`), so
 * the per-token look-up ({@link findUnits}) compares typed arrays only and never calls
 * `charCodeAt` on interned strings, whose representations (sliced, concatenated,
 * one-byte) would make the comparison polymorphic.
 */
export class TokenVocabulary {
  private strings: string[] = [];
  private hashes = new Int32Array(64);
  /** Code units of every string, back to back: id -> `pool[offsets[id], offsets[id] + lengths[id])` (the slots hold copies). */
  private pool = new Uint16Array(1024);
  private poolUsed = 0;
  private offsets = new Int32Array(64);
  private lengths = new Int32Array(64);
  /**
   * Open addressing, four cells a slot: the string's hash, its id + 1 (0 is empty), and
   * its offset and length in `pool`. A probe reads the slot and then the pool only (with
   * the offset and length in per-id arrays, a found token cost two more cache misses;
   * the per-document look-up runs between stages that evict these tables).
   */
  private slots = new Int32Array(4 * 128);
  private mask = 127;
  /**
   * One bit per hash value modulo 2^17 (16 KB, small enough to stay in the first-level
   * cache): a token whose bit is clear is no string of the vocabulary, and most tokens
   * looked up are none, so most look-ups end here without touching the slot table.
   */
  private readonly filter = new Int32Array(FILTER_BITS >>> 5);
  /** Per id: the union of the `scope` bits it was interned with (see {@link intern}). */
  private scopes = new Uint8Array(64);

  /** Number of distinct strings. */
  get size(): number {
    return this.strings.length;
  }

  /** The string of an id. */
  string(id: number): string {
    const s = this.strings[id];
    if (s === undefined) throw new RangeError(`no token id ${id}`);
    return s;
  }

  /**
   * The id of `s`, adding it when new. `scope` (bit flags, 1 to 128, chosen by the
   * callers) records who needs the string: users that share one vocabulary (and so one
   * look-up pass per document) can still tell their own words from the others'
   * ({@link inScope}).
   */
  intern(s: string, scope = 1): number {
    const h = hashRange(s, 0, s.length);
    const found = this.find(h, s, 0, s.length, -1);
    if (found >= 0) {
      this.scopes[found] = this.scopes[found]! | scope;
      return found;
    }
    const id = this.strings.length;
    this.strings.push(s);
    if (id >= this.hashes.length) {
      const n = this.hashes.length * 2;
      this.hashes = grownInt32(this.hashes, n);
      this.offsets = grownInt32(this.offsets, n);
      this.lengths = grownInt32(this.lengths, n);
      const scopes = new Uint8Array(n);
      scopes.set(this.scopes);
      this.scopes = scopes;
    }
    this.scopes[id] = scope;
    this.hashes[id] = h;
    if (this.poolUsed + s.length > this.pool.length) {
      const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + s.length));
      grown.set(this.pool.subarray(0, this.poolUsed));
      this.pool = grown;
    }
    this.offsets[id] = this.poolUsed;
    this.lengths[id] = s.length;
    for (let k = 0; k < s.length; k++) this.pool[this.poolUsed++] = s.charCodeAt(k);
    // Up to three quarters full: a smaller table keeps more of the words documents use
    // in cache, and most probes for absent strings end at the filter anyway.
    if ((id + 1) * 4 > (this.mask + 1) * 3) this.rehash((this.mask + 1) * 2);
    else this.place(id, h);
    return id;
  }

  /** Scope bits by id (see {@link intern}), for loops that test many ids; valid until the next `intern`. */
  get scopesById(): Uint8Array {
    return this.scopes;
  }

  /** True when `id` was interned with one of the `scope` bits. */
  inScope(id: number, scope: number): boolean {
    return id >= 0 && (this.scopes[id]! & scope) !== 0;
  }

  /** The id of `s`, or -1. */
  idOf(s: string): number {
    return this.find(hashRange(s, 0, s.length), s, 0, s.length, -1);
  }

  /** The id of `text.slice(start, end)`, or -1, without slicing. */
  idOfRange(text: string, start: number, end: number): number {
    return this.find(hashRange(text, start, end), text, start, end, -1);
  }

  /**
   * The id of the string `prefix + text.slice(start, end)` (`prefix` a UTF-16 unit, or -1
   * for none), given its hash as computed by {@link hashRange} / {@link hashStep}.
   * For loading and occasional look-ups; hot loops use {@link findUnits}.
   */
  find(hash: number, text: string, start: number, end: number, prefix: number): number {
    const length = end - start + (prefix >= 0 ? 1 : 0);
    const pool = this.pool;
    const slots = this.slots;
    let slot = mix(hash) & this.mask;
    for (;;) {
      const at = 4 * slot;
      const entry = slots[at + 1]!;
      if (entry === 0) return -1;
      if (slots[at] === hash && slots[at + 3] === length) {
        let k = slots[at + 2]!;
        let same = true;
        if (prefix >= 0) same = pool[k++] === prefix;
        for (let i = start; same && i < end; i++, k++) same = pool[k] === text.charCodeAt(i);
        if (same) return entry - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** {@link find} over a range of code units (`TextView.units`): the per-token look-up. */
  findUnits(hash: number, units: Uint16Array, start: number, end: number, prefix: number): number {
    if ((this.filter[(hash >>> 5) & FILTER_WORD_MASK]! & (1 << (hash & 31))) === 0) return -1;
    const length = end - start + (prefix >= 0 ? 1 : 0);
    const pool = this.pool;
    const slots = this.slots;
    let slot = mix(hash) & this.mask;
    for (;;) {
      const at = 4 * slot;
      const entry = slots[at + 1]!;
      if (entry === 0) return -1;
      if (slots[at] === hash && slots[at + 3] === length) {
        let k = slots[at + 2]!;
        let same = true;
        if (prefix >= 0) same = pool[k++] === prefix;
        for (let i = start; same && i < end; i++, k++) same = pool[k] === units[i];
        if (same) return entry - 1;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private place(id: number, hash: number): void {
    this.filter[(hash >>> 5) & FILTER_WORD_MASK] = this.filter[(hash >>> 5) & FILTER_WORD_MASK]! | (1 << (hash & 31));
    let slot = mix(hash) & this.mask;
    while (this.slots[4 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[4 * slot] = hash;
    this.slots[4 * slot + 1] = id + 1;
    this.slots[4 * slot + 2] = this.offsets[id]!;
    this.slots[4 * slot + 3] = this.lengths[id]!;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(4 * capacity);
    this.mask = capacity - 1;
    for (let id = 0; id < this.strings.length; id++) this.place(id, this.hashes[id]!);
  }
}

function grownBytes(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

function grownInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

const FILTER_BITS = 1 << 17;
const FILTER_WORD_MASK = (FILTER_BITS >>> 5) - 1;

/** Spreads FNV's low bits (weak for short keys) before masking. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** One match of a trie over a sequence of token ids: tokens `[first, last]`. */
export interface TrieMatch<V> {
  first: number;
  /** Index of the last token of the match (inclusive). */
  last: number;
  /** Every value stored for this token sequence (several entries may share a name). */
  values: readonly V[];
}

/**
 * A trie over token id sequences with values at terminal nodes. Edges live in one open
 * addressing table keyed by `(node, token id)`, so a node costs nothing until it has a
 * child, and 200k entries build in well under a second.
 */
export class TokenTrie<V> {
  readonly vocabulary: TokenVocabulary;
  /** Root node id. */
  static readonly ROOT = 0;
  private nodeCount = 1;
  private entryCount = 0;
  /**
   * Edge table, three cells a slot: node, token id, child (empty when the child is 0).
   * One slot's cells are side by side, so a probe touches one cache line.
   */
  private edges = new Int32Array(3 * 256);
  private edgeMask = 255;
  private edgeCount = 0;
  /** node -> index into `outputs` + 1 (0: not terminal). */
  private terminal = new Int32Array(64);
  private outputs: V[][] = [];
  /** Longest entry in tokens: bounds how far a walk can go. */
  maxLength = 0;
  /**
   * `rootChild[id]`: the root's child along token id `id`, or 0 when no entry starts with
   * it. Every match starts here, so the first step is one array read, not a probe.
   */
  private rootChild = new Int32Array(64);
  /**
   * `inner[id]` is 1 when token id `id` labels an edge below the root, and `branches[node]`
   * is 1 when `node` has a child: a step that neither allows ends without a probe of the
   * edge table (most steps, and the table is megabytes, so a probe is a cache miss).
   */
  private inner = new Uint8Array(64);
  private branches = new Uint8Array(64);

  constructor(vocabulary: TokenVocabulary = new TokenVocabulary()) {
    this.vocabulary = vocabulary;
  }

  /** Number of entries added (token sequences with a value). */
  get size(): number {
    return this.entryCount;
  }

  /** Number of nodes, the root included. */
  get nodes(): number {
    return this.nodeCount;
  }

  /** Adds `value` under the token sequence `tokens` (interned into the vocabulary). */
  add(tokens: readonly string[], value: V): void {
    if (tokens.length === 0) throw new RangeError('TokenTrie.add: an entry needs at least one token');
    let node = TokenTrie.ROOT;
    for (const token of tokens) {
      const id = this.vocabulary.intern(token);
      let next = this.child(node, id);
      if (next < 0) next = this.addEdge(node, id);
      if (node !== TokenTrie.ROOT) {
        if (id >= this.inner.length) this.inner = grownBytes(this.inner, Math.max(id + 1, this.inner.length * 2));
        this.inner[id] = 1;
      }
      if (node >= this.branches.length) this.branches = grownBytes(this.branches, Math.max(node + 1, this.branches.length * 2));
      this.branches[node] = 1;
      if (node === TokenTrie.ROOT) {
        if (id >= this.rootChild.length) {
          const grown = new Int32Array(Math.max(id + 1, this.rootChild.length * 2));
          grown.set(this.rootChild);
          this.rootChild = grown;
        }
        this.rootChild[id] = next;
      }
      node = next;
    }
    const out = this.terminal[node]!;
    if (out === 0) {
      this.outputs.push([value]);
      this.terminal[node] = this.outputs.length;
    } else this.outputs[out - 1]!.push(value);
    this.entryCount++;
    if (tokens.length > this.maxLength) this.maxLength = tokens.length;
  }

  /** True when some entry starts with token id `token` (one array read). */
  startsEntry(token: number): boolean {
    return token >= 0 && token < this.rootChild.length && this.rootChild[token] !== 0;
  }

  /** The child of `node` along token id `token`, or -1. */
  child(node: number, token: number): number {
    if (token < 0) return -1;
    if (node === TokenTrie.ROOT) return token < this.rootChild.length && this.rootChild[token] !== 0 ? this.rootChild[token]! : -1;
    if (token >= this.inner.length || this.inner[token] === 0 || node >= this.branches.length || this.branches[node] === 0) return -1;
    const edges = this.edges;
    let slot = edgeHash(node, token) & this.edgeMask;
    for (;;) {
      const c = edges[3 * slot + 2]!;
      if (c === 0) return -1;
      if (edges[3 * slot] === node && edges[3 * slot + 1] === token) return c;
      slot = (slot + 1) & this.edgeMask;
    }
  }

  /**
   * The index of the value list stored at `node` (0 to {@link outputCount} - 1, one per
   * distinct token sequence), or -1 when no entry ends there: lets callers keep what they
   * derive from a value list in a plain array.
   */
  outputIndex(node: number): number {
    return (this.terminal[node] ?? 0) - 1;
  }

  /** Number of distinct value lists (token sequences with an entry). */
  get outputCount(): number {
    return this.outputs.length;
  }

  /** The values stored at `node`, or undefined when no entry ends there. */
  valuesAt(node: number): readonly V[] | undefined {
    const out = this.terminal[node];
    return out === undefined || out === 0 ? undefined : this.outputs[out - 1];
  }

  /** True when `node` has at least one entry ending at it. */
  isTerminal(node: number): boolean {
    return (this.terminal[node] ?? 0) !== 0;
  }

  /**
   * Walks from `node` (already past token `from - 1`) over `ids[from..]` and returns the
   * index of the last token of the longest entry found, or `fromTerminal` when none is
   * longer. `limit` is one past the last usable index.
   */
  walkLongest(ids: ArrayLike<number>, from: number, node: number, limit: number): { last: number; node: number } {
    let bestLast = -1;
    let bestNode = -1;
    if (this.isTerminal(node)) {
      bestLast = from - 1;
      bestNode = node;
    }
    let current = node;
    for (let k = from; k < limit; k++) {
      current = this.child(current, ids[k]!);
      if (current < 0) break;
      if (this.isTerminal(current)) {
        bestLast = k;
        bestNode = current;
      }
    }
    return { last: bestLast, node: bestNode };
  }

  /**
   * Leftmost-longest matches over a sequence of token ids (-1 for tokens outside the
   * vocabulary). Matches never overlap.
   */
  findAll(ids: ArrayLike<number>): TrieMatch<V>[] {
    const matches: TrieMatch<V>[] = [];
    const n = ids.length;
    let i = 0;
    while (i < n) {
      const start = this.child(TokenTrie.ROOT, ids[i]!);
      if (start < 0) {
        i++;
        continue;
      }
      const { last, node } = this.walkLongest(ids, i + 1, start, n);
      if (last < 0) {
        i++;
        continue;
      }
      matches.push({ first: i, last, values: this.valuesAt(node)! });
      i = last + 1;
    }
    return matches;
  }

  private addEdge(node: number, token: number): number {
    if ((this.edgeCount + 1) * 2 > this.edgeMask + 1) this.growEdges();
    const child = this.nodeCount++;
    if (child >= this.terminal.length) {
      const grown = new Int32Array(this.terminal.length * 2);
      grown.set(this.terminal);
      this.terminal = grown;
    }
    this.placeEdge(node, token, child);
    this.edgeCount++;
    return child;
  }

  private placeEdge(node: number, token: number, child: number): void {
    let slot = edgeHash(node, token) & this.edgeMask;
    while (this.edges[3 * slot + 2] !== 0) slot = (slot + 1) & this.edgeMask;
    this.edges[3 * slot] = node;
    this.edges[3 * slot + 1] = token;
    this.edges[3 * slot + 2] = child;
  }

  private growEdges(): void {
    const old = this.edges;
    const capacity = (this.edgeMask + 1) * 2;
    this.edges = new Int32Array(3 * capacity);
    this.edgeMask = capacity - 1;
    for (let s = 0; s < old.length; s += 3) {
      if (old[s + 2] !== 0) this.placeEdge(old[s]!, old[s + 1]!, old[s + 2]!);
    }
  }
}

/**
 * The vocabulary id of every token's normalised form (`-1` when absent), looked up on the
 * view without slicing it.
 */
export function tokenIds(tokens: TokenTable, vocabulary: TokenVocabulary): Int32Array {
  const ids = new Int32Array(tokens.count);
  const text = tokens.view.text;
  for (let i = 0; i < tokens.count; i++) ids[i] = vocabulary.idOfRange(text, tokens.vStart[i]!, tokens.vEnd[i]!);
  return ids;
}

/** Leftmost-longest matches of `trie` over the tokens of a document, by normalised form. */
export function matchTokens<V>(trie: TokenTrie<V>, tokens: TokenTable): TrieMatch<V>[] {
  return trie.findAll(tokenIds(tokens, trie.vocabulary));
}

function edgeHash(node: number, token: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ token;
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
