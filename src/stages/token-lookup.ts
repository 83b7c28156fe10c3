/**
 * One token look-up per document, shared by every stage that asks "which listed word is
 * this token, or its stem after proclitics?": numbers (number words), money (currency
 * nouns), places and organisations (gazetteer names and rule words).
 *
 * The stages of a pipeline share their context object, so they intern their words into
 * one vocabulary ({@link sharedVocabulary}); the first stage to need it looks every token
 * and its proclitic readings up once ({@link documentLookup}, `lookupTokens`), and the
 * others read the ids. Hashing each token once, not once per stage, is the saving.
 *
 * ```
 * token     و ب ا ل م ل ي و ن           readings (vocabulary ids, -1 when unknown)
 *           r0 whole  r1 after و  r3 after وب  (r2, r4: with the article's alef restored)
 * numbers   ReadingValues: id -> number word        places: id -> trie edge, role bits
 * ```
 */
import type { Doc } from '../core/document.js';
import type { StageContext } from '../core/stage.js';
import { TokenVocabulary } from '../core/token-trie.js';
import type { TokenTrie } from '../core/token-trie.js';
import { MIN_STEM, READINGS, READING_ALEF, READING_CUTS, lookupTokens, type TokenAttributes, type TokenLookup } from './gazetteer/phrase-index.js';
import type { WordRoles } from './gazetteer/word-roles.js';

/** Vocabulary scope of gazetteer names and rule words (`intern`'s default). */
export const GAZETTEER_SCOPE = 1;
/** Vocabulary scope of number words. */
export const NUMBER_WORD_SCOPE = 2;
/** Vocabulary scope of currency head nouns. */
export const CURRENCY_SCOPE = 4;
/** Vocabulary scope of the tokens of the numbers stage's context phrases. */
export const NUMBER_CONTEXT_SCOPE = 8;
/** Vocabulary scope of the dates stage's words (month and weekday names, year nouns, markers). */
export const DATE_SCOPE = 16;
/** Vocabulary scope of the persons and NORP stages' cue words, names and nisba forms. */
export const PEOPLE_SCOPE = 32;
/** Vocabulary scope of the country names and nisba forms the money stage reads as currency hints. */
export const CURRENCY_HINT_SCOPE = 64;

const vocabularies = new WeakMap<object, TokenVocabulary>();

/** The vocabulary of the pipeline that `context` belongs to (one per pipeline). */
export function sharedVocabulary(context: StageContext): TokenVocabulary {
  let v = vocabularies.get(context);
  if (v === undefined) {
    v = new TokenVocabulary();
    vocabularies.set(context, v);
  }
  return v;
}

const LOOKUP_KEY = 'gazetteer:lookup';

/** Role bits of a WordRoles fit in the low ROLE_BITS bits of an attribute; tries take the bits above. */
export const ROLE_BITS = 22;
const MAX_TRIES = 31 - ROLE_BITS;

interface AttributeSource {
  roles: WordRoles;
  tries: TokenTrie<unknown>[];
  built: TokenAttributes | null;
}
const attributeSources = new WeakMap<TokenVocabulary, AttributeSource>();

/**
 * Asks the look-ups against `vocabulary` to OR `roles`' bits and whether an id starts an
 * entry of `trie` over each token's readings (see `TokenAttributes`), which `DocWords`
 * then reads instead of going over the readings again. One set of rule words per
 * vocabulary (the first registered): a stage with other rule files keeps its own pass.
 */
export function registerAttributes(vocabulary: TokenVocabulary, roles: WordRoles, trie: TokenTrie<unknown>): void {
  let source = attributeSources.get(vocabulary);
  if (source === undefined) {
    source = { roles, tries: [], built: null };
    attributeSources.set(vocabulary, source);
  }
  if (source.roles !== roles || source.tries.includes(trie) || source.tries.length >= MAX_TRIES) return;
  source.tries.push(trie);
  source.built = null;
}

/** The attribute table of `vocabulary` at its present size, or null when none was registered. */
function attributesOf(vocabulary: TokenVocabulary): TokenAttributes | null {
  const source = attributeSources.get(vocabulary);
  if (source === undefined) return null;
  const size = vocabulary.size;
  if (source.built !== null && source.built.table.length === size + 1) return source.built;
  const table = new Int32Array(size + 1);
  for (let id = 0; id < size; id++) {
    let a = source.roles.of(id);
    source.tries.forEach((trie, k) => {
      if (trie.startsEntry(id)) a |= 1 << (ROLE_BITS + k);
    });
    table[id + 1] = a;
  }
  source.built = { roles: source.roles, tries: [...source.tries], table };
  return source.built;
}

/**
 * The token look-up of `doc` against `vocabulary`, computed once per document and
 * vocabulary: the stages after the first one to ask get its arrays.
 */
export function documentLookup(doc: Doc, vocabulary: TokenVocabulary): TokenLookup {
  const cached = doc.shared.get(LOOKUP_KEY) as { vocabulary: TokenVocabulary; size: number; lookup: TokenLookup } | undefined;
  const tokens = doc.tokens!;
  if (cached !== undefined && cached.vocabulary === vocabulary && cached.size === vocabulary.size && cached.lookup.tokens === tokens) return cached.lookup;
  const lookup = lookupTokens(tokens, vocabulary, attributesOf(vocabulary));
  doc.shared.set(LOOKUP_KEY, { vocabulary, size: vocabulary.size, lookup });
  return lookup;
}

/**
 * The values of a word list (number words, currency nouns) by vocabulary id, read from a
 * document's look-up: for an Arabic word token, the same answers as `WordTable.lookup`
 * and `WordTable.lookupWithProclitics`, without hashing the token again.
 */
export class ReadingValues<T> {
  /** Vocabulary id -> index into `values`, or -1. */
  private readonly index: Int32Array;
  private readonly values: T[] = [];
  /** The vocabulary scope of the keys: tokens without a reading in it are skipped at once. */
  private readonly scope: number;
  /** Cut (view units) of the last successful {@link withProclitics}. */
  cut = 0;
  /** True when that match restored the article's alef after ل (للمئة -> ل + المئة). */
  restoredAlef = false;

  /**
   * Interns every key into `vocabulary` (the look-ups must use the same vocabulary) with
   * `scope`, a bit no other table of the vocabulary uses.
   */
  constructor(vocabulary: TokenVocabulary, entries: Iterable<readonly [string, T]>, scope: number) {
    this.scope = scope;
    const ids: number[] = [];
    for (const [key, value] of entries) {
      ids.push(vocabulary.intern(key, scope));
      this.values.push(value);
    }
    this.index = new Int32Array(vocabulary.size).fill(-1);
    ids.forEach((id, k) => (this.index[id] = k));
  }

  private valueOf(id: number): T | undefined {
    if (id < 0 || id >= this.index.length) return undefined;
    const k = this.index[id]!;
    return k < 0 ? undefined : this.values[k];
  }

  /** The value of word token `i` as a whole. */
  whole(lookup: TokenLookup, i: number): T | undefined {
    if ((lookup.scopes[i]! & this.scope) === 0) return undefined;
    return this.valueOf(lookup.ids[i]!);
  }

  /**
   * The value of word token `i` whole, else of its stem after one proclitic (و ف ب ك ل;
   * the article's alef restored after ل + ال written لل), else after two (و/ف then ب/ك/ل),
   * keeping only stems of at least `minStem` letters. Sets {@link cut} and
   * {@link restoredAlef}. `minStem` may not be below the look-up's own minimum (2).
   */
  withProclitics(lookup: TokenLookup, i: number, minStem: number): T | undefined {
    if (minStem < MIN_STEM) throw new RangeError(`ReadingValues: stems shorter than ${MIN_STEM} letters are not looked up`);
    this.cut = 0;
    this.restoredAlef = false;
    if ((lookup.scopes[i]! & this.scope) === 0) return undefined;
    const base = i * READINGS;
    const readings = lookup.readings;
    const whole = this.valueOf(readings[base]!);
    if (whole !== undefined || lookup.clitic[i] === 0) return whole;
    const t = lookup.tokens;
    const length = t.vEnd[i]! - t.vStart[i]! - lookup.lead[i]!;
    // Readings in the order WordTable tries them; their cuts never decrease (1, 1, 2, 2).
    for (let r = 1; r < READINGS; r++) {
      if (length - READING_CUTS[r]! < minStem) break;
      const value = this.valueOf(readings[base + r]!);
      if (value !== undefined) {
        this.cut = READING_CUTS[r]!;
        this.restoredAlef = READING_ALEF[r]!;
        return value;
      }
    }
    return undefined;
  }
}
