/**
 * Places and organisations written in Latin script inside Arabic text (`Riyadh`,
 * `United Nations`, `(ISIS)`). Three sources, in order:
 *   1. the gazetteers' English names (`en`), leftmost-longest over Latin words: these
 *      carry ids;
 *   2. a Latin acronym in brackets right after an Arabic entity takes that entity's label
 *      and id (`الدولة الإسلامية (ISIS)`);
 *   3. compromise's places and organisations on each run of Latin words, for names the
 *      gazetteers lack. compromise knows nothing of Arabic script, so it only ever sees
 *      Latin runs, and its offsets are mapped back to the original exactly.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Annotation } from '../core/document.js';
import { defineStage } from '../core/stage.js';
import { TokenFlag, TokenKind, type TokenTable } from '../core/tokens.js';
import { resolveDataFiles } from './gazetteer/data-files.js';
import { parseGazetteerFile, type GazetteerEntry } from './gazetteer/entries.js';
import { throwIfProblems } from './gazetteer/data-files.js';

export const latinEntitiesOptions = z.strictObject({
  /** Gazetteers whose English names (`en`) are matched in Latin text. */
  gazetteers: z.array(z.string()).default(['builtin:places/*.jsonl', 'builtin:organisations/*.jsonl']),
  /** Files to leave out of the globs above (they have another format). */
  exclude: z.array(z.string()).default(['builtin:places/demonyms.jsonl']),
  /** Run compromise on Latin runs for names the gazetteers lack. */
  compromise: z.boolean().default(true),
  /** Label for compromise's places (it does not tell countries from regions). */
  placeLabel: z.enum(['GPE', 'LOC']).default('GPE'),
  /** Confidence of compromise's guesses. */
  compromiseConfidence: z.number().min(0).max(1).default(0.6),
});
export type LatinEntitiesOptions = z.output<typeof latinEntitiesOptions>;

type Nlp = (text: string) => {
  places(): { json(o: object): { text: string; offset: { start: number; length: number } }[] };
  organizations(): { json(o: object): { text: string; offset: { start: number; length: number } }[] };
};

let nlpModule: Nlp | null = null;
/** compromise, loaded on first use (about 0.2 s), through require to keep startup lean. */
function nlp(): Nlp {
  if (nlpModule === null) {
    const require = createRequire(import.meta.url);
    nlpModule = require('compromise') as Nlp;
  }
  return nlpModule;
}

/** Lower-case words of a Latin name, joined by one space (`United Nations` -> `united nations`). */
export function latinKey(s: string): string {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .join(' ');
}

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/**
 * Runs of Latin words (with digits, `.`, `-`, `&`, `'` between them) on one line; the
 * Latin tokens (kind Latin) are pushed onto `latin`, in order, on the same pass.
 */
function latinRuns(tokens: TokenTable, latin: number[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  const text = tokens.view.text;
  const units = tokens.view.units;
  const kinds = tokens.kind;
  const flags = tokens.flags;
  let first = -1;
  let lastLatin = -1;
  const close = () => {
    if (first >= 0 && lastLatin >= first) runs.push({ first, last: lastLatin });
    first = -1;
    lastLatin = -1;
  };
  for (let i = 0; i < tokens.count; i++) {
    const k = kinds[i];
    if (first >= 0 && (flags[i]! & TokenFlag.LineBefore) !== 0) close();
    if (k === TokenKind.Latin) latin.push(i);
    if (k === TokenKind.Latin || (k === TokenKind.Alnum && /[A-Za-z]/.test(text.slice(tokens.vStart[i], tokens.vEnd[i])))) {
      if (first < 0) first = i;
      lastLatin = i;
      continue;
    }
    if (first < 0) continue; // outside a run (most tokens): nothing to close
    const c = units[tokens.vStart[i]!]!;
    const joiner = k === TokenKind.Number || (k === TokenKind.Punct && (c === 0x2e || c === 0x2d || c === 0x26 || c === 0x27));
    if (joiner) continue;
    close();
  }
  close();
  return runs;
}

export const latinEntitiesStage = defineStage({
  name: 'latin-entities',
  summary: 'GPE, LOC and ORG in Latin script inside Arabic text: gazetteer English names, bracketed acronyms of Arabic entities, and compromise on Latin runs only.',
  requires: ['tokens'],
  provides: ['latin-entities'],
  tagger: true,
  options: latinEntitiesOptions,
  create(options, context) {
    const skip = new Set(options.exclude.flatMap((spec) => resolveDataFiles(spec, context)));
    const files = [...new Set(options.gazetteers.flatMap((spec) => resolveDataFiles(spec, context)))].filter((p) => !skip.has(p));
    const problems: string[] = [];
    const byName = new Map<string, GazetteerEntry>();
    let longest = 1;
    for (const path of files) {
      for (const e of parseGazetteerFile(path, problems)) {
        if (e.en === undefined) continue;
        const key = latinKey(e.en);
        // Two- and three-letter English names are too often ordinary words or initials.
        if (key.length < 4 && key.toUpperCase() !== e.en) continue;
        const other = byName.get(key);
        if (other === undefined || e.confidence > other.confidence || (e.type === 'country' && other.type !== 'country')) byName.set(key, e);
        longest = Math.max(longest, key.split(' ').length);
      }
    }
    throwIfProblems('latin-entities', problems);
    const compromise = options.compromise ? nlp() : null;
    // compromise costs about a millisecond a call and news repeats its Latin names: its
    // answers are kept per run text (bounded, cleared when full).
    const cache = new Map<string, { start: number; length: number; text: string; label: string }[]>();
    const guess = (runText: string) => {
      let found = cache.get(runText);
      if (found !== undefined) return found;
      found = [];
      const view = compromise!(runText);
      for (const [label, part] of [
        [options.placeLabel, view.places()],
        ['ORG', view.organizations()],
      ] as const) {
        for (const m of part.json({ offset: true })) {
          if (m.text.trim() !== '') found.push({ start: m.offset.start, length: m.offset.length, text: m.text, label });
        }
      }
      if (cache.size >= 10_000) cache.clear();
      cache.set(runText, found);
      return found;
    };

    return (doc) => {
      const tokens = doc.tokens!;
      const text = tokens.view.text;
      const taken: { start: number; end: number }[] = [];
      const overlaps = (start: number, end: number) => taken.some((t) => start < t.end && end > t.start);
      const add = (start: number, end: number, label: string, value: { id: string | null; name: string }, source: string, confidence: number, note?: string) => {
        if (overlaps(start, end)) return;
        taken.push({ start, end });
        doc.annotate({ label, start, end, value, source, confidence, note });
      };
      // One pass finds the runs of Latin words and the Latin tokens (most documents have
      // none; the acronym rule reads those, not every token).
      const latin: number[] = [];
      const runs = latinRuns(tokens, latin);
      // 2. Bracketed acronym after an Arabic entity: `... الدولة الإسلامية (ISIS)`.
      // The entities by end, built at the first acronym (most documents have none).
      let byEnd: Map<number, Annotation> | null = null;
      for (const latinToken of latin) {
        // `(` at i, the Latin word at i + 1, `)` at i + 2.
        const i = latinToken - 1;
        if (i < 1 || i + 2 >= tokens.count) continue;
        if (!isChar(tokens, i, OPEN_PAREN) || !isChar(tokens, i + 2, CLOSE_PAREN)) continue;
        const word = text.slice(tokens.vStart[i + 1], tokens.vEnd[i + 1]);
        if (!/^[A-Z]{2,8}$/.test(word)) continue;
        byEnd ??= entitiesByEnd(doc.annotations);
        const before = byEnd.get(tokens.end[i - 1]!);
        if (before === undefined) continue;
        const value = before.value as { id: string | null; name: string } | undefined;
        add(tokens.start[i + 1]!, tokens.end[i + 1]!, before.label, { id: value?.id ?? null, name: value?.name ?? word }, 'latin:acronym', 0.9, `acronym of the ${before.label} before it`);
      }
      // 2b. A bracketed English name after an Arabic entity (`جامعة آستون ( Aston University
      // )`): the run of capitalised words between the brackets names the same thing.
      for (const run of runs) {
        if (run.last === run.first || !isChar(tokens, run.first - 1, OPEN_PAREN) || !isChar(tokens, run.last + 1, CLOSE_PAREN) || run.first < 2) continue;
        if (!capitalisedName(doc.text.slice(tokens.start[run.first]!, tokens.end[run.last]!))) continue;
        byEnd ??= entitiesByEnd(doc.annotations);
        // (A closing quote may stand between: `" جامعة آستون " ( Aston University )`.)
        const k = run.first - 2;
        const before = byEnd.get(tokens.end[k]!) ?? (k > 0 && CLOSING_QUOTES.has(tokens.view.units[tokens.vStart[k]!]!) && tokens.vEnd[k]! - tokens.vStart[k]! === 1 ? byEnd.get(tokens.end[k - 1]!) : undefined);
        if (before === undefined) continue;
        const value = before.value as { id: string | null; name: string } | undefined;
        add(tokens.start[run.first]!, tokens.end[run.last]!, before.label, { id: value?.id ?? null, name: value?.name ?? doc.text.slice(before.start, before.end) }, 'latin:bracketed-name', 0.85, `the English name of the ${before.label} before it`);
      }
      for (const run of runs) {
        // 1. Gazetteer English names, leftmost-longest over the run's Latin words.
        const words: number[] = [];
        for (let i = run.first; i <= run.last; i++) if (tokens.kind[i] === TokenKind.Latin || tokens.kind[i] === TokenKind.Alnum) words.push(i);
        for (let w = 0; w < words.length; w++) {
          for (let len = Math.min(longest, words.length - w); len >= 1; len--) {
            const first = words[w]!;
            const last = words[w + len - 1]!;
            const entry = byName.get(latinKey(text.slice(tokens.vStart[first], tokens.vEnd[last])));
            if (entry === undefined) continue;
            add(tokens.start[first]!, tokens.end[last]!, entry.label, { id: entry.id, name: entry.name }, 'latin:gazetteer', entry.ambiguous === undefined ? 0.95 : 0.6);
            w += len - 1;
            break;
          }
        }
        // 3. compromise on the run's original text, offsets mapped back: only when a
        // capitalised word is left that no gazetteer name covered (a call costs about a
        // millisecond, and names are capitalised in the Latin text Arabic news quotes).
        if (compromise === null) continue;
        const start = tokens.start[run.first]!;
        const end = tokens.end[run.last]!;
        let open = false;
        for (const w of words) {
          const c = doc.text.charCodeAt(tokens.start[w]!);
          if (c >= 0x41 && c <= 0x5a && !overlaps(tokens.start[w]!, tokens.end[w]!)) {
            open = true;
            break;
          }
        }
        if (!open) continue;
        const runText = doc.text.slice(start, end);
        for (const m of guess(runText)) {
          const s = start + m.start;
          const e = s + m.length;
          if (doc.text.slice(s, e) !== m.text) continue; // never trust an offset blindly
          add(s, e, m.label, { id: null, name: m.text }, 'latin:compromise', options.compromiseConfidence, 'compromise (English NER) on a Latin run; not in the gazetteers');
        }
      }
    };
  },
});

/** The GPE, LOC and ORG annotations written so far, by end offset. */
function entitiesByEnd(annotations: readonly Annotation[]): Map<number, Annotation> {
  const byEnd = new Map<number, Annotation>();
  for (const a of annotations) if (a.label === 'GPE' || a.label === 'LOC' || a.label === 'ORG') byEnd.set(a.end, a);
  return byEnd;
}

/** " » ” ' : quotes that may close an Arabic name before its bracketed English one. */
const CLOSING_QUOTES = new Set([0x22, 0xbb, 0x201d, 0x27]);

/** Small words an English proper name keeps in lower case (Institute of Management Technology). */
const NAME_CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'des', 'la', 'le', 'di', 'del', 'van', 'von', 'al', 'el', 'on', 'in', '&']);

/** Two words or more, each capitalised or a connector, the first capitalised: an English proper name. */
function capitalisedName(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2 || !/^[A-Z]/.test(words[0]!)) return false;
  return words.every((w) => /^[A-Z0-9]/.test(w) || NAME_CONNECTORS.has(w.toLowerCase()));
}

function isChar(tokens: TokenTable, i: number, code: number): boolean {
  return tokens.vEnd[i]! - tokens.vStart[i]! === 1 && tokens.view.text.charCodeAt(tokens.vStart[i]!) === code;
}
