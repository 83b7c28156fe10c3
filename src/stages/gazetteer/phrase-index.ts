/**
 * Compiles gazetteer entries into a token trie, and finds them in a document with
 * proclitics tried off the first token.
 *
 * Entries are normalised and tokenised by the pipeline's own code (the normalise
 * function of the stage context and `tokeniseView`), so a name matches exactly the tokens
 * the text produces (spaCy's PhraseMatcher does the same with its tokenizer).
 */
import { TextView } from '../../core/text-view.js';
import { EMPTY_HASH, FNV_PRIME, TokenTrie, TokenVocabulary, hashStep } from '../../core/token-trie.js';
import { TokenFlag, TokenKind, type TokenTable } from '../../core/tokens.js';
import { tokeniseView, type TokeniseOptions } from '../tokenise.js';
import { loadGazetteerEntries, type GazetteerEntry, type NamedForm } from './entries.js';

/** Tokeniser options for names: no URLs, e-mails, hashtags or mentions inside a name. */
const NAME_TOKENISE: TokeniseOptions = { urls: false, emails: false, hashtags: false, mentions: false };

/** Returns a function that turns a name into the normalised token strings the text yields. */
export function nameTokeniser(normalise: (s: string) => string): (s: string) => string[] {
  return (s: string) => {
    const view = TextView.identity(normalise(s));
    const tokens = tokeniseView(view, NAME_TOKENISE);
    const out: string[] = [];
    for (let i = 0; i < tokens.count; i++) out.push(tokens.norm(i));
    return out;
  };
}

/** A compiled gazetteer: entries and a trie whose values index them. */
export interface PhraseIndex {
  entries: GazetteerEntry[];
  forms: NamedForm[];
  /** Values are indices into `forms`. */
  trie: TokenTrie<number>;
  /** Normalised single-token names (for fuzzy and ambiguity look-ups), to form indices. */
  vocabulary: TokenVocabulary;
}

/** Loads gazetteer files and compiles them. Throws a DataError listing every bad line. */
export function compilePhraseIndex(paths: readonly string[], tokenise: (s: string) => string[], vocabulary = new TokenVocabulary()): PhraseIndex {
  const { entries, forms } = loadGazetteerEntries(paths, tokenise);
  const trie = new TokenTrie<number>(vocabulary);
  forms.forEach((form, i) => trie.add(form.tokens, i));
  return { entries, forms, trie, vocabulary };
}

// Proclitic letters (Ryding 2005, section 7.4; src/arabic/clitics.ts holds the same
// inventory and the reference implementation `procliticReadings`).
const WAW = 0x0648; // U+0648 ARABIC LETTER WAW, "and"
const FEH = 0x0641; // U+0641 ARABIC LETTER FEH, "so"
const BEH = 0x0628; // U+0628 ARABIC LETTER BEH, "with, in"
const KAF = 0x0643; // U+0643 ARABIC LETTER KAF, "like"
const LAM = 0x0644; // U+0644 ARABIC LETTER LAM, "for, to"
const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF
const HASH = 0x23; // #

/** Minimum letters left after proclitics, as `procliticReadings`' default. */
export const MIN_STEM = 2;

/**
 * Readings of a token start, without allocation: slot 0 is the whole token; then one
 * proclitic cut off, the same with the article's alef restored (ل + ال written لل), two
 * proclitics cut off, and that with the alef restored. `cut` counts view units.
 */
export const READING_CUTS = [0, 1, 1, 2, 2] as const;
/** True for readings whose stem gets an alef prefixed (the لل contraction). */
export const READING_ALEF = [false, false, true, false, true] as const;
export const READINGS = READING_CUTS.length;

/** Per-document token look-up: the vocabulary id of every token and of its readings. */
export interface TokenLookup {
  tokens: TokenTable;
  /** The vocabulary the ids belong to. */
  vocabulary: TokenVocabulary;
  /** `ids[i * READINGS + r]`: id of reading `r` of token `i`, or -1. */
  readings: Int32Array;
  /** Id of each whole token (reading 0), for walking past the first token. */
  ids: Int32Array;
  /** View units to skip at the start of a token besides proclitics (`#` of a hashtag). */
  lead: Uint8Array;
  /** Index of the first token after `i` that starts a new line (entities stay inside a line). */
  lineEnd: Int32Array;
  /** 1 for tokens with proclitic readings (slots 1-4 may be set), 0 when only slot 0 is. */
  clitic: Uint8Array;
  /**
   * Union of the vocabulary scopes (`TokenVocabulary.intern`) of each token's readings:
   * a user of the shared vocabulary skips, with one byte read, tokens none of whose
   * readings is one of its words.
   */
  scopes: Uint8Array;
  /**
   * The attribute table the look-up was given, and per token the union of its readings'
   * attributes (see {@link TokenAttributes}); null without one.
   */
  attributes: TokenAttributes | null;
  attributeUnion: Int32Array | null;
}

/**
 * Per-id attributes the look-up ORs over each token's readings while it has their ids at
 * hand, so that rules need no second pass over the readings: the role bits of one set of
 * rule words (low ROLE_BITS bits, see ../token-lookup.ts) and, for each trie of `tries`,
 * whether an id starts one of its entries (bit ROLE_BITS + the trie's index). `table[id + 1]` (index 0, for no id, is 0).
 */
export interface TokenAttributes {
  roles: object;
  tries: readonly TokenTrie<unknown>[];
  table: Int32Array;
}

function isProcliticConjunction(c: number): boolean {
  return c === WAW || c === FEH;
}

function isProcliticPreposition(c: number): boolean {
  return c === BEH || c === KAF || c === LAM;
}

/**
 * Looks every token of a document up in `vocabulary`, with proclitic readings of Arabic
 * words. Hashes fold from the token's end, so the hashes of the token and of its
 * suffixes come out of one pass (see `hashRange`).
 */
export function lookupTokens(tokens: TokenTable, vocabulary: TokenVocabulary, attributes: TokenAttributes | null = null): TokenLookup {
  const n = tokens.count;
  // Code units, not the string: see TextView.units.
  const units = tokens.view.units;
  // One allocation for the six arrays and the attribute union: each typed array's buffer
  // is a separate native allocation that the garbage collector tracks.
  const table = attributes === null ? null : attributes.table;
  const int32s = n * 4 * (READINGS + (table === null ? 2 : 3));
  const buffer = new ArrayBuffer(int32s + n * 3);
  const readings = new Int32Array(buffer, 0, n * READINGS).fill(-1);
  const ids = new Int32Array(buffer, n * 4 * READINGS, n);
  const lineEnd = new Int32Array(buffer, n * 4 * (READINGS + 1), n);
  const union = table === null ? null : new Int32Array(buffer, n * 4 * (READINGS + 2), n);
  const lead = new Uint8Array(buffer, int32s, n);
  const cliticFlags = new Uint8Array(buffer, int32s + n, n);
  const scopes = new Uint8Array(buffer, int32s + 2 * n, n);
  const scopeOf = vocabulary.scopesById;
  const { vStart, vEnd, kind, flags } = tokens;
  let nextLine = n;
  for (let i = n - 1; i >= 0; i--) {
    lineEnd[i] = nextLine;
    if ((flags[i]! & TokenFlag.LineBefore) !== 0) nextLine = i;
  }
  for (let i = 0; i < n; i++) {
    let vs = vStart[i]!;
    const ve = vEnd[i]!;
    const k = kind[i]!;
    if (k === TokenKind.Hashtag && units[vs]! === HASH) {
      vs++;
      lead[i] = 1;
    }
    const length = ve - vs;
    const first = units[vs]!;
    const clitic = (k === TokenKind.Word || k === TokenKind.Hashtag) && length - 1 >= MIN_STEM && (isProcliticConjunction(first) || isProcliticPreposition(first));
    // Fold backwards (FNV-1a, see hashRange): the suffix hashes at cuts 2 and 1 come out
    // on the way to the whole token's.
    let h = EMPTY_HASH;
    let p = ve - 1;
    const stop2 = vs + 2;
    for (; p >= stop2; p--) h = Math.imul(h ^ units[p]!, FNV_PRIME);
    const h2 = h;
    if (p >= vs + 1) h = Math.imul(h ^ units[vs + 1]!, FNV_PRIME);
    const h1 = h;
    if (p >= vs) h = Math.imul(h ^ units[vs]!, FNV_PRIME);
    const base = i * READINGS;
    const whole = vocabulary.findUnits(h, units, vs, ve, -1);
    readings[base] = whole;
    ids[i] = whole;
    if (whole >= 0) scopes[i] = scopeOf[whole]!;
    if (union !== null) union[i] = table![whole + 1]!;
    if (!clitic) continue;
    cliticFlags[i] = 1;
    const second = units[vs + 1]!;
    let scope = 0;
    // One proclitic: و ف ب ك ل.
    const one = vocabulary.findUnits(h1, units, vs + 1, ve, -1);
    readings[base + 1] = one;
    if (one >= 0) scope |= scopeOf[one]!;
    if (first === LAM && second === LAM && length - 1 >= MIN_STEM) {
      const oneAlef = vocabulary.findUnits(hashStep(h1, ALEF), units, vs + 1, ve, ALEF);
      readings[base + 2] = oneAlef;
      if (oneAlef >= 0) scope |= scopeOf[oneAlef]!;
    }
    // Two: a conjunction then a preposition (و+ب, ف+ل, ...).
    if (isProcliticConjunction(first) && isProcliticPreposition(second) && length - 2 >= MIN_STEM) {
      const two = vocabulary.findUnits(h2, units, vs + 2, ve, -1);
      readings[base + 3] = two;
      if (two >= 0) scope |= scopeOf[two]!;
      if (second === LAM && units[vs + 2]! === LAM) {
        const twoAlef = vocabulary.findUnits(hashStep(h2, ALEF), units, vs + 2, ve, ALEF);
        readings[base + 4] = twoAlef;
        if (twoAlef >= 0) scope |= scopeOf[twoAlef]!;
      }
    }
    scopes[i] = scopes[i]! | scope;
    if (union !== null) {
      union[i] = union[i]! | table![readings[base + 1]! + 1]! | table![readings[base + 2]! + 1]! | table![readings[base + 3]! + 1]! | table![readings[base + 4]! + 1]!;
    }
  }
  return { tokens, vocabulary, readings, ids, lead, lineEnd, clitic: cliticFlags, scopes, attributes, attributeUnion: union };
}

/** A trie match in a document: tokens `[first, last]`, proclitics cut off the first. */
export interface PhraseMatch {
  first: number;
  last: number;
  /** Which reading of the first token matched (0: the whole token). */
  reading: number;
  /** View units cut off the first token (proclitics, `#`). */
  cut: number;
  /** Indices into the index's `forms` of every entry with this name. */
  forms: readonly number[];
  /** Which name that is: the trie's value-list index (`TokenTrie.outputIndex`), for tables by name. */
  output: number;
}

/**
 * Every match of `index` starting at token `i`, over every reading of the first token:
 * all lengths, longest first, and for equal lengths the smaller cut first.
 */
export function matchesAt(index: PhraseIndex, lookup: TokenLookup, i: number, out: PhraseMatch[] = []): PhraseMatch[] {
  const trie = index.trie;
  const limit = Math.min(lookup.lineEnd[i]!, i + trie.maxLength);
  const before = out.length;
  const readings = lookup.clitic[i] === 1 ? READINGS : 1;
  for (let r = 0; r < readings; r++) {
    const id = lookup.readings[i * READINGS + r]!;
    if (!trie.startsEntry(id)) continue;
    let node = trie.child(TokenTrie.ROOT, id);
    if (node < 0) continue;
    const cut = READING_CUTS[r]! + lookup.lead[i]!;
    let last = i;
    for (;;) {
      const output = trie.outputIndex(node);
      if (output >= 0) out.push({ first: i, last, reading: r, cut, forms: trie.valuesAt(node)!, output });
      last++;
      if (last >= limit) break;
      node = trie.child(node, lookup.ids[last]!);
      if (node < 0) break;
    }
  }
  // Longest first, then the smaller cut; a stable insertion sort in place (a token has
  // a handful of matches at most, and a splice and sort would allocate for each).
  for (let k = before + 1; k < out.length; k++) {
    const m = out[k]!;
    let j = k - 1;
    while (j >= before && (out[j]!.last < m.last || (out[j]!.last === m.last && out[j]!.cut > m.cut))) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = m;
  }
  return out;
}

/** True when token `i` can start a match at all (one of its readings is a first token). */
export function mayStartMatch(index: PhraseIndex, lookup: TokenLookup, i: number): boolean {
  const base = i * READINGS;
  for (let r = 0; r < READINGS; r++) {
    if (index.trie.startsEntry(lookup.readings[base + r]!)) return true;
  }
  return false;
}
