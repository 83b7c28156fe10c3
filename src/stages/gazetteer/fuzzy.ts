/**
 * Near-misses: words one edit away from a known single-token name (`طاجكستان` for
 * `طاجيكستان`) that the gazetteer does not list. They are reported, never written
 * silently: as an `info` message on the document by default, or as a low-confidence
 * annotation with a note when `annotate` is on.
 *
 * Distances come from natural's distance module, imported deeply: natural's index loads
 * every module (0.9 s, 150 MB) and prints to stdout.
 *
 * A token is only measured against names of about its length that share its first three
 * or its last three letters: one edit in a word of six letters or more leaves at least
 * one of the two triples in place (an edit before the fourth letter shifts nothing at the
 * end). A 1M-slot filter over those keys skips most tokens at the cost of one array
 * read, and a one-pass test that the edit is a plausible spelling variant screens bucket
 * members before natural computes the distances it reports.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Doc } from '../../core/document.js';
import { TokenKind } from '../../core/tokens.js';
import { annotateCandidate, makeCandidate, type Candidate } from './candidates.js';
import type { EntityLabel, GazetteerEntry } from './entries.js';
import { READINGS, READING_CUTS, type TokenLookup } from './phrase-index.js';
import { GAZETTEER_SCOPE } from '../token-lookup.js';
import type { GazetteerSetup } from './setup.js';
import { Role } from './word-roles.js';

const require = createRequire(import.meta.url);
const distances = require('natural/lib/natural/distance/levenshtein_distance') as {
  DamerauLevenshteinDistance: (a: string, b: string, options?: object) => number;
};
const jaroWinkler = require('natural/lib/natural/distance/jaro-winkler_distance') as (a: string, b: string, options?: object) => number;

export const fuzzyOption = z
  .strictObject({
    /** Look for near-misses at all. */
    enabled: z.boolean().default(true),
    /** Write them as annotations (with `confidence` and a note) instead of messages. */
    annotate: z.boolean().default(false),
    confidence: z.number().min(0).max(1).default(0.4),
    /** Shortest word considered, in letters (short words have too many neighbours). */
    minLength: z.number().int().min(6).default(6),
    /** Largest Damerau-Levenshtein distance reported. */
    maxDistance: z.number().int().min(1).max(2).default(1),
    /** Entry types whose names are looked for (cities are many and noisy). */
    types: z
      .array(z.string())
      .default(['country', 'territory', 'province', 'region', 'continent', 'sea', 'ocean', 'gulf', 'international-body', 'armed-group']),
  })
  .default({
    enabled: true,
    annotate: false,
    confidence: 0.4,
    minLength: 6,
    maxDistance: 1,
    types: ['country', 'territory', 'province', 'region', 'continent', 'sea', 'ocean', 'gulf', 'international-body', 'armed-group'],
  });
export type FuzzyOptions = z.output<typeof fuzzyOption>;

interface Target {
  name: string;
  entry: GazetteerEntry;
}

/** Names to compare against, bucketed by length and first or last two letters. */
export class FuzzyIndex {
  readonly setup: GazetteerSetup;
  readonly options: FuzzyOptions;
  private readonly buckets = new Map<number, Target[]>();
  private readonly filter = new Uint8Array(1 << 20);

  constructor(setup: GazetteerSetup, options: FuzzyOptions, labels: readonly EntityLabel[]) {
    this.setup = setup;
    this.options = options;
    const types = new Set(options.types);
    const seen = new Set<string>();
    for (const form of setup.index.forms) {
      const e = form.entry;
      if (form.tokens.length !== 1 || !labels.includes(e.label) || !types.has(e.type) || form.ambiguous !== undefined) continue;
      const name = form.tokens[0]!;
      if (name.length < Math.max(6, options.minLength - options.maxDistance) || seen.has(name)) continue;
      seen.add(name);
      const target = { name, entry: e };
      for (const key of keysOf(name, 0, name.length)) {
        this.filter[filterSlot(key)] = 1;
        const list = this.buckets.get(key);
        if (list === undefined) this.buckets.set(key, [target]);
        else list.push(target);
      }
    }
  }

  /** False when no name can be one edit from `text[start, end)` (filter only, no Map). */
  mayBeNear(text: string, start: number, end: number): boolean {
    const length = end - start;
    for (let d = -this.options.maxDistance; d <= this.options.maxDistance; d++) {
      if (this.filter[filterSlot(prefixKey(text, start, length + d))] === 1) return true;
      if (this.filter[filterSlot(suffixKey(text, end, length + d))] === 1) return true;
    }
    return false;
  }

  /** The nearest known name of `text[start, end)`, or null. */
  nearest(text: string, start: number, end: number): { target: Target; distance: number; similarity: number; word: string } | null {
    const length = end - start;
    let word: string | null = null;
    let best: { target: Target; distance: number; similarity: number; word: string } | null = null;
    for (let d = -this.options.maxDistance; d <= this.options.maxDistance; d++) {
      for (const key of [prefixKey(text, start, length + d), suffixKey(text, end, length + d)]) {
        if (this.filter[filterSlot(key)] === 0) continue;
        const list = this.buckets.get(key);
        if (list === undefined) continue;
        for (const target of list) {
          if (this.options.maxDistance === 1 && !variantEdit(text, start, end, target.name)) continue;
          word ??= text.slice(start, end);
          if (target.name === word) continue;
          const distance = distances.DamerauLevenshteinDistance(word, target.name);
          if (distance < 1 || distance > this.options.maxDistance) continue;
          const similarity = jaroWinkler(word, target.name);
          if (best === null || distance < best.distance || (distance === best.distance && similarity > best.similarity)) {
            best = { target, distance, similarity, word };
          }
        }
      }
    }
    return best;
  }
}

/** 32-bit key of a word's length and first three units (a bucket may mix keys: members are checked). */
function prefixKey(text: string, start: number, length: number): number {
  let h = Math.imul(length + 0x9e37, 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start + 1), 0x01000193);
  return Math.imul(h ^ text.charCodeAt(start + 2), 0x01000193);
}

/** 32-bit key of a word's length and last three units, on another seed than prefixes. */
function suffixKey(text: string, end: number, length: number): number {
  let h = Math.imul(length + 0x7f4a, 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(end - 3), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(end - 2), 0x01000193);
  return Math.imul(h ^ text.charCodeAt(end - 1), 0x01000193);
}

/** Folds a key into the 20-bit filter. */
function filterSlot(key: number): number {
  return (key ^ (key >>> 20)) & 0xfffff;
}

/**
 * Letters that transliterations of foreign names swap (Arabic has no /g/, /v/, /p/ and
 * renders emphatic and plain consonants alike): a name that differs from a known one by
 * one such swap, or by a long vowel or hamza written or left out (`طاجكستان` /
 * `طاجيكستان`), is a likely variant; any other single edit mostly joins two different
 * words (`النسبة` / `النوبة`). Groups from common Arabic transliteration practice
 * (e.g. `غوغل` / `جوجل`, `تايلاند` / `تايلند`).
 */
const SWAP_GROUPS = [
  '\u062a\u0637', // teh, tah
  '\u0633\u0635\u062b', // seen, sad, theh
  '\u0632\u0630\u0638', // zain, thal, zah
  '\u062f\u0636', // dal, dad
  '\u0643\u0642\u063a\u062c', // kaf, qaf, ghain, jeem
  '\u0647\u0627', // heh (folded teh marbuta), alef: final -a spelt -ah (أوروبة)
];
const SWAP = new Map<number, number>();
SWAP_GROUPS.forEach((g, i) => {
  for (let k = 0; k < g.length; k++) SWAP.set(g.charCodeAt(k), i);
});
/** Letters written or left out in variant spellings: alef, waw, yeh, hamza. */
const OPTIONAL = new Set([0x0627, 0x0648, 0x064a, 0x0621]);

/**
 * True when `text[start, end)` and `b` differ by exactly one plausible variant edit:
 * a long vowel or hamza added or dropped inside the word, or a swap of letters within one
 * group of SWAP_GROUPS. No allocation.
 */
function variantEdit(text: string, start: number, end: number, b: string): boolean {
  const la = end - start;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && text.charCodeAt(start + i) === b.charCodeAt(i)) i++;
  if (i === la && i === lb) return false;
  let ja = la - 1;
  let jb = lb - 1;
  while (ja >= i && jb >= i && text.charCodeAt(start + ja) === b.charCodeAt(jb)) {
    ja--;
    jb--;
  }
  const ra = ja - i + 1;
  const rb = jb - i + 1;
  if (ra === 1 && rb === 1) {
    const x = SWAP.get(text.charCodeAt(start + i));
    return x !== undefined && x === SWAP.get(b.charCodeAt(i));
  }
  // One letter more on one side, not at the end (a final ي or ا is a suffix: طالباني).
  if (ra + rb === 1) {
    const inserted = ra === 1 ? text.charCodeAt(start + i) : b.charCodeAt(i);
    const atEnd = ra === 1 ? i === la - 1 : i === lb - 1;
    return OPTIONAL.has(inserted) && !atEnd;
  }
  return false;
}

function keysOf(text: string, start: number, end: number): number[] {
  return [prefixKey(text, start, end - start), suffixKey(text, end, end - start)];
}

/**
 * Reports near-misses among the tokens no chosen candidate covers: words (with their
 * proclitics cut off) outside the vocabulary, not nisba adjectives or function words.
 */
export function reportNearMisses(doc: Doc, fuzzy: FuzzyIndex, stage: string, chosen: readonly Candidate[], lookup: TokenLookup): void {
  const tokens = doc.tokens!;
  const roles = fuzzy.setup.roles;
  const covered = new Uint8Array(tokens.count);
  const text = tokens.view.text;
  for (const c of chosen) covered.fill(1, c.first, c.last + 1);
  const min = fuzzy.options.minLength;
  for (let i = 0; i < tokens.count; i++) {
    if (covered[i] === 1 || tokens.kind[i] !== TokenKind.Word || tokens.vEnd[i]! - tokens.vStart[i]! < min) continue;
    let known = false;
    for (let r = 0; r < READINGS && !known; r++) {
      const id = lookup.readings[i * READINGS + r]!;
      if (lookup.vocabulary.inScope(id, GAZETTEER_SCOPE) && (r === 0 || (roles.of(id) & (Role.Nisba | Role.FunctionWord)) !== 0 || fuzzy.setup.index.trie.startsEntry(id))) known = true;
    }
    if (known) continue;
    const vs = tokens.vStart[i]!;
    const ve = tokens.vEnd[i]!;
    const clitic = isClitic(text.charCodeAt(vs));
    if (!fuzzy.mayBeNear(text, vs, ve) && !(clitic && (fuzzy.mayBeNear(text, vs + 1, ve) || (ve - vs - 2 >= min && fuzzy.mayBeNear(text, vs + 2, ve))))) continue;
    // The whole word first, then without one or two proclitics (`وطاجكستان`).
    for (const r of [0, 1, 3]) {
      const cut = READING_CUTS[r]!;
      const start = tokens.vStart[i]! + cut;
      const end = tokens.vEnd[i]!;
      if (end - start < min) break;
      if (r > 0 && !isClitic(text.charCodeAt(tokens.vStart[i]! + cut - 1))) break;
      const hit = fuzzy.nearest(text, start, end);
      if (hit === null) continue;
      const e = hit.target.entry;
      const note = `near-miss: "${hit.word}" is ${hit.distance} edit(s) from "${hit.target.name}" (${e.id}, Jaro-Winkler ${hit.similarity.toFixed(2)}), a spelling the gazetteer does not list`;
      if (fuzzy.options.annotate) {
        const c = makeCandidate({
          first: i,
          last: i,
          cut,
          label: e.label,
          id: e.id,
          name: e.name,
          confidence: fuzzy.options.confidence,
          source: `${stage}:fuzzy`,
          notes: [note],
          priority: 0,
        });
        annotateCandidate(doc, tokens, c);
      } else {
        const original = tokens.surface(i);
        doc.message('info', 'near-miss', `${original} at ${tokens.start[i]}: ${note}`, stage);
      }
      break;
    }
  }
}

function isClitic(c: number): boolean {
  // U+0648 WAW, U+0641 FEH, U+0628 BEH, U+0643 KAF, U+0644 LAM
  return c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0643 || c === 0x0644;
}
