/**
 * Near-misses: words one edit away from a known single-token name (`طاجكستان` for
 * `طاجيكستان`) that the gazetteer does not list. They are reported, never written
 * silently: as an `info` message on the document by default, or as a low-confidence
 * annotation with a note when `annotate` is on.
 *
 * Distances come from natural's distance module, imported deeply: natural's index loads
 * every module (0.9 s, 150 MB) and prints to stdout.
 *
 * A token is only measured against names of about its length that share its first two
 * or its last two letters: one edit in a word of five letters or more leaves at least
 * one of the two pairs intact. A 64K-bit filter over those keys skips most tokens at
 * the cost of one array read.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Doc } from '../../core/document.js';
import { TokenKind } from '../../core/tokens.js';
import { annotateCandidate, type Candidate } from './candidates.js';
import type { EntityLabel, GazetteerEntry } from './entries.js';
import { READINGS, READING_CUTS, type TokenLookup } from './phrase-index.js';
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
    minLength: z.number().int().min(4).default(6),
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
  private readonly filter = new Uint8Array(65536);

  constructor(setup: GazetteerSetup, options: FuzzyOptions, labels: readonly EntityLabel[]) {
    this.setup = setup;
    this.options = options;
    const types = new Set(options.types);
    const seen = new Set<string>();
    for (const form of setup.index.forms) {
      const e = form.entry;
      if (form.tokens.length !== 1 || !labels.includes(e.label) || !types.has(e.type) || e.ambiguous !== undefined) continue;
      const name = form.tokens[0]!;
      if (name.length < options.minLength - options.maxDistance || seen.has(name)) continue;
      seen.add(name);
      const target = { name, entry: e };
      for (const key of keysOf(name, 0, name.length)) {
        this.filter[key & 0xffff] = 1;
        const list = this.buckets.get(key);
        if (list === undefined) this.buckets.set(key, [target]);
        else list.push(target);
      }
    }
  }

  /** The nearest known name of `text[start, end)`, or null. */
  nearest(text: string, start: number, end: number): { target: Target; distance: number; similarity: number; word: string } | null {
    const length = end - start;
    let word: string | null = null;
    let best: { target: Target; distance: number; similarity: number; word: string } | null = null;
    for (let d = -this.options.maxDistance; d <= this.options.maxDistance; d++) {
      for (const key of [prefixKey(text, start, length + d), suffixKey(text, end, length + d)]) {
        if (this.filter[key & 0xffff] === 0) continue;
        const list = this.buckets.get(key);
        if (list === undefined) continue;
        word ??= text.slice(start, end);
        for (const target of list) {
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

function prefixKey(text: string, start: number, length: number): number {
  return length * 0x100000000 + text.charCodeAt(start) * 0x10000 + text.charCodeAt(start + 1);
}

function suffixKey(text: string, end: number, length: number): number {
  return -(length * 0x100000000 + text.charCodeAt(end - 2) * 0x10000 + text.charCodeAt(end - 1)) - 1;
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
  for (const c of chosen) covered.fill(1, c.first, c.last + 1);
  const text = tokens.view.text;
  const min = fuzzy.options.minLength;
  for (let i = 0; i < tokens.count; i++) {
    if (covered[i] === 1 || tokens.kind[i] !== TokenKind.Word || tokens.vEnd[i]! - tokens.vStart[i]! < min) continue;
    let known = false;
    for (let r = 0; r < READINGS && !known; r++) {
      const id = lookup.readings[i * READINGS + r]!;
      if (id >= 0 && (r === 0 || (roles.of(id) & (Role.Nisba | Role.FunctionWord)) !== 0 || fuzzy.setup.index.trie.child(0, id) >= 0)) known = true;
    }
    if (known) continue;
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
        const c: Candidate = {
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
        };
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
