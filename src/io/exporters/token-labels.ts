/**
 * Spans to token labels (IOB2 or BIOES) over the pipeline's own tokens, for the CoNLL and
 * Hugging Face exporters. A span that does not fall on token boundaries is reported,
 * never shifted to the nearest token.
 *
 * ```
 * text      و ب غ د ا د   ت ع ل ن          entity GPE = بغداد (starts after the proclitic و)
 * tokens    [وبغداد]      [تعلن]
 * keep      وبغداد B-GPE  تعلن O            the whole token is labelled (ANERcorp, Wojood)
 * split     و O  بغداد B-GPE  تعلن O       the proclitic becomes its own O token
 * ```
 *
 * Alignment of a span [s, e) (UTF-16 offsets of the original text):
 * - its first token must start at s, or contain s right after a proclitic prefix
 *   (src/io/exporters/proclitic-prefix.ts);
 * - its last token must end at e.
 * Anything else (a span ending inside a token, starting on a space) is a problem.
 */
import type { Span } from '../../core/document.js';
import { InvariantError } from '../../core/errors.js';
import { offsetConverter, type OffsetConverter } from '../../core/offsets.js';
import type { ExportEntity, ExportReport, ProblemReason } from './common.js';
import { isDigitArticlePrefix, isProcliticPrefix, procliticPieces } from './proclitic-prefix.js';

/** Token boundaries as the pipeline's TokenTable holds them (original UTF-16 offsets). */
export interface TokenSpans {
  count: number;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

export type TagScheme = 'IOB2' | 'BIOES';
export type CliticPolicy = 'keep' | 'split';

export interface TokenLabelOptions {
  scheme: TagScheme;
  clitics: CliticPolicy;
}

/** One sentence of labelled tokens. */
export interface LabelledSentence {
  /** Token surfaces (pieces of tokens where a proclitic was split off). */
  tokens: string[];
  tags: string[];
  /** UTF-16 start of each token in the original text. */
  starts: number[];
}

interface Aligned {
  entity: ExportEntity;
  first: number;
  last: number;
  /** Where the span starts inside its first token (> token start: a proclitic before it). */
  cut: number;
}

/** First token whose end is after `offset`. */
function firstEndingAfter(tokens: TokenSpans, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.end[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First token whose start is at or after `offset`. */
function firstStartingFrom(tokens: TokenSpans, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where `entity` falls on the tokens, or the reason it does not. Exported for tests and
 * for the exporters' own summaries.
 */
export function alignSpan(text: string, tokens: TokenSpans, start: number, end: number): { first: number; last: number; cut: number } | { problem: ProblemReason; token?: string } {
  const first = firstEndingAfter(tokens, start);
  const last = firstStartingFrom(tokens, end) - 1;
  if (first >= tokens.count || last < first) return { problem: 'covers-no-token' };
  const fs = tokens.start[first]!;
  if (fs > start) return { problem: 'starts-outside-token', token: text.slice(fs, tokens.end[first]) };
  if (fs < start) {
    const prefix = text.slice(fs, start);
    const digit = /\p{Nd}/u.test(text.charAt(start));
    if (!isProcliticPrefix(prefix) && !(digit && isDigitArticlePrefix(prefix))) return { problem: 'starts-inside-token', token: text.slice(fs, tokens.end[first]) };
  }
  const le = tokens.end[last]!;
  if (le > end) return { problem: 'ends-inside-token', token: text.slice(tokens.start[last], le) };
  if (le < end) return { problem: 'ends-outside-token', token: text.slice(tokens.start[last], le) };
  return { first, last, cut: start };
}

const LINE_BREAKING = /[\t\n\r\u2028\u2029\u0085\u000b\u000c]/;

/**
 * Labels the tokens of one document. Sentences come from the standoff file; a span that
 * crosses a sentence break keeps its tokens together (the break is removed and counted).
 * Problems and counts go to `report`.
 */
export function* labelTokens(
  docId: string,
  text: string,
  tokens: TokenSpans,
  sentences: readonly Span[],
  entities: readonly ExportEntity[],
  options: TokenLabelOptions,
  report: ExportReport,
): Generator<LabelledSentence> {
  let cv: OffsetConverter | null = null;
  const aligned: Aligned[] = [];
  let lastToken = -1;
  for (const entity of entities) {
    const a = alignSpan(text, tokens, entity.start, entity.end);
    let problem: ProblemReason | null = null;
    let token: string | undefined;
    if ('problem' in a) {
      problem = a.problem;
      token = a.token;
    } else if (a.first <= lastToken) {
      problem = 'shares-token';
      token = text.slice(tokens.start[a.first], tokens.end[a.first]);
    }
    if (problem !== null) {
      cv ??= offsetConverter(text);
      report.problem({
        doc: docId,
        id: entity.id,
        label: entity.label,
        start: cv.toCodePoint(entity.start),
        end: cv.toCodePoint(entity.end),
        text: entity.text,
        reason: problem,
        ...(token !== undefined ? { token } : {}),
      });
      continue;
    }
    const ok = a as { first: number; last: number; cut: number };
    aligned.push({ entity, first: ok.first, last: ok.last, cut: ok.cut });
    lastToken = ok.last;
    if (ok.cut > tokens.start[ok.first]!) {
      if (options.clitics === 'keep') report.widenedToToken++;
      else report.tokensSplit++;
    }
    report.wrote(entity.label);
  }

  let sentence: LabelledSentence = { tokens: [], tags: [], starts: [] };
  let k = 0; // current sentence
  let e = 0; // current aligned entity
  const push = (start: number, end: number, tag: string) => {
    const surface = text.slice(start, end);
    if (LINE_BREAKING.test(surface)) throw new InvariantError(`token [${start}, ${end}) of document "${docId}" holds a line break or tab`);
    sentence.tokens.push(surface);
    sentence.tags.push(tag);
    sentence.starts.push(start);
  };
  for (let i = 0; i < tokens.count; i++) {
    const ts = tokens.start[i]!;
    const te = tokens.end[i]!;
    while (e < aligned.length && aligned[e]!.last < i) e++;
    const current = aligned[e];
    const inside = current !== undefined && current.first <= i && i <= current.last;
    let boundary = false;
    while (k + 1 < sentences.length && sentences[k + 1]!.start <= ts) {
      k++;
      boundary = true;
    }
    if (boundary && sentence.tokens.length > 0) {
      if (inside && i > current.first) report.sentencesJoined++;
      else {
        yield sentence;
        sentence = { tokens: [], tags: [], starts: [] };
      }
    }
    if (!inside) {
      push(ts, te, 'O');
      continue;
    }
    const label = current.entity.label;
    const single = current.first === current.last;
    if (i === current.first) {
      if (current.cut > ts) {
        if (options.clitics === 'split') {
          for (const [ps, pe] of procliticPieces(text.slice(ts, current.cut))) push(ts + ps, ts + pe, 'O');
          push(current.cut, te, tagFor(options.scheme, 'first', single, label));
        } else push(ts, te, tagFor(options.scheme, 'first', single, label));
      } else push(ts, te, tagFor(options.scheme, 'first', single, label));
    } else push(ts, te, tagFor(options.scheme, i === current.last ? 'last' : 'middle', false, label));
  }
  if (sentence.tokens.length > 0) yield sentence;
}

function tagFor(scheme: TagScheme, position: 'first' | 'middle' | 'last', single: boolean, label: string): string {
  if (scheme === 'IOB2') return `${position === 'first' ? 'B' : 'I'}-${label}`;
  if (single) return `S-${label}`;
  return `${position === 'first' ? 'B' : position === 'last' ? 'E' : 'I'}-${label}`;
}

/** Every tag a label set can produce under `scheme`, `O` first, for label sidecars. */
export function tagSet(labels: Iterable<string>, scheme: TagScheme): string[] {
  const sorted = [...new Set(labels)].sort();
  const prefixes = scheme === 'IOB2' ? ['B', 'I'] : ['B', 'I', 'E', 'S'];
  return ['O', ...sorted.flatMap((l) => prefixes.map((p) => `${p}-${l}`))];
}
