import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Span } from '../core/document.js';
import { defineStage } from '../core/stage.js';
import { TokenFlag, TokenKind, type TokenTable } from '../core/tokens.js';
import { DataError } from '../core/errors.js';

export const sentencesOptions = z.strictObject({
  /** A line break ends a sentence (headlines have no final stop). */
  splitOnNewlines: z.boolean().default(true),
  /** A single letter before a stop is an initial (`أنتوني ج. بلينكن`, `أ.د.`): no split. */
  initials: z.boolean().default(true),
  /** Abbreviations file (one a line), relative to the config; `builtin:` for the shipped one. */
  abbreviations: z.string().default('builtin:abbreviations.txt'),
});
export type SentencesOptions = z.output<typeof sentencesOptions>;

const TERMINATORS = new Set([0x2e, 0x21, 0x3f, 0x061f, 0x2026, 0x06d4, 0x203c, 0x2047, 0x2048, 0x2049]); // . ! ? ؟ … ۔ ‼ ⁇ ⁈ ⁉
const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x7d, 0xbb, 0x2019, 0x201d, 0x203a, 0xfd3f]); // " ' ) ] } » ’ ” › ﴿

/** Reads an abbreviation list: one entry a line, `#` comments, a trailing stop ignored. */
export function loadAbbreviations(path: string, normalise: (s: string) => string): Set<string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataError(`${path}: cannot read the abbreviations file (${(error as Error).message})`);
  }
  const set = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    set.add(normalise(line.replace(/\.$/, '')));
  }
  return set;
}

/**
 * Sentence spans from tokens: a sentence ends after a terminator (with any closing quotes
 * and brackets that follow it) and at a line break; not after initials or abbreviations.
 */
export function splitSentences(tokens: TokenTable, options: SentencesOptions, abbreviations: Set<string>): Span[] {
  const sentences: Span[] = [];
  const n = tokens.count;
  const text = tokens.view.text;
  const { start, end, vStart, vEnd, kind, flags } = tokens;
  let first = 0;
  const close = (last: number) => {
    if (last >= first) sentences.push({ start: start[first]!, end: end[last]! });
    first = last + 1;
  };
  for (let t = 0; t < n; t++) {
    if (options.splitOnNewlines && t > first && (flags[t]! & TokenFlag.LineBefore) !== 0) close(t - 1);
    if (kind[t] !== TokenKind.Punct || !TERMINATORS.has(text.charCodeAt(vStart[t]!))) continue;
    if (t === first) continue; // a stray stop opening a line is not a sentence of its own
    if (text.charCodeAt(vStart[t]!) === 0x2e && vEnd[t]! - vStart[t]! === 1 && isAbbreviation(tokens, t, options, abbreviations)) continue;
    // Attached terminators, closing quotes and brackets, and a footnote mark (`.[1]`)
    // belong to the sentence they close; an ellipsis after a space opens the next one.
    let last = t;
    while (last + 1 < n && (flags[last + 1]! & TokenFlag.SpaceBefore) === 0) {
      const next = last + 1;
      const c = text.charCodeAt(vStart[next]!);
      if (kind[next] === TokenKind.Punct && (TERMINATORS.has(c) || CLOSERS.has(c))) last = next;
      else if (c === 0x5b && next + 2 < n && kind[next + 1] === TokenKind.Number && text.charCodeAt(vStart[next + 2]!) === 0x5d &&
        (flags[next + 1]! & TokenFlag.SpaceBefore) === 0 && (flags[next + 2]! & TokenFlag.SpaceBefore) === 0) last = next + 2;
      else break;
    }
    close(last);
    t = last;
  }
  if (first < n) close(n - 1);
  return sentences;
}

function isAbbreviation(tokens: TokenTable, t: number, options: SentencesOptions, abbreviations: Set<string>): boolean {
  const prev = t - 1;
  if (prev < 0 || tokens.vEnd[prev] !== tokens.vStart[t]) return false;
  const k = tokens.kind[prev];
  if (k !== TokenKind.Word && k !== TokenKind.Latin) return false;
  const norm = tokens.norm(prev);
  if (options.initials && norm.length === 1) return true;
  return abbreviations.has(norm);
}

export const sentencesStage = defineStage({
  name: 'sentences',
  summary: 'Sentence spans: stops . ! ? ؟ … and line breaks, not after initials and abbreviations, closing quotes kept.',
  requires: ['tokens'],
  provides: ['sentences'],
  options: sentencesOptions,
  create(options, context) {
    const path = options.abbreviations.startsWith('builtin:')
      ? resolve(context.dataDir, options.abbreviations.slice('builtin:'.length))
      : resolve(context.baseDir, options.abbreviations);
    const abbreviations = loadAbbreviations(path, context.normalise);
    return (doc) => {
      doc.sentences = doc.tokens === null ? [] : splitSentences(doc.tokens, options, abbreviations);
    };
  },
});
