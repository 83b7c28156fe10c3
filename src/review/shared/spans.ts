/**
 * Span editing on the page, in UTF-16 offsets of the logical text (never screen
 * positions): snapping a selection to grapheme clusters, trimming whitespace, and moving
 * either edge by one cluster or one token. Pure functions, tested in Node.
 *
 * ```
 *  text   و ب غ د ا د   ف ي
 *  span     [ب غ د ا د)            grow start by a character -> [و ... د)
 *                                   grow end by a token       -> [ب ... ي)
 * ```
 */
import { edgeAtOrAfter, edgeAtOrBefore } from './graphemes.js';

export interface Span {
  start: number;
  end: number;
}

/** What span editing needs to know about a document. */
export interface SpanContext {
  text: string;
  /** Cluster edges from `graphemeBoundaries(text)`. */
  graphemes: Uint8Array;
  /** Token starts and ends (UTF-16), each sorted ascending. */
  tokenStarts: Int32Array;
  tokenEnds: Int32Array;
}

const ALL_SPACE = /^\s+$/;

function nextEdge(ctx: SpanContext, at: number): number {
  return at >= ctx.text.length ? ctx.text.length : edgeAtOrAfter(ctx.graphemes, at + 1);
}

function previousEdge(ctx: SpanContext, at: number): number {
  return at <= 0 ? 0 : edgeAtOrBefore(ctx.graphemes, at - 1);
}

/** Drops whole clusters of whitespace from both ends; null when nothing is left. */
export function trimSpan(ctx: SpanContext, span: Span): Span | null {
  let { start, end } = span;
  while (start < end) {
    const next = nextEdge(ctx, start);
    if (next > end || !ALL_SPACE.test(ctx.text.slice(start, next))) break;
    start = next;
  }
  while (end > start) {
    const previous = previousEdge(ctx, end);
    if (previous < start || !ALL_SPACE.test(ctx.text.slice(previous, end))) break;
    end = previous;
  }
  return start < end ? { start, end } : null;
}

/**
 * A selection as a span: the start moves back and the end forward to the nearest cluster
 * edges (so a diacritic never leaves its letter), then whitespace is trimmed.
 */
export function snapSelection(ctx: SpanContext, start: number, end: number): Span | null {
  const lo = Math.max(0, Math.min(start, end));
  const hi = Math.min(ctx.text.length, Math.max(start, end));
  if (lo >= hi) return null;
  return trimSpan(ctx, { start: edgeAtOrBefore(ctx.graphemes, lo), end: edgeAtOrAfter(ctx.graphemes, hi) });
}

/** Which edge of a span, in logical (reading) order: `start` is where reading begins. */
export type SpanEdge = 'start' | 'end';
export type SpanUnit = 'char' | 'token';

/** Largest entry of sorted `a` strictly below `x`, or -1. */
function below(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? a[lo - 1]! : -1;
}

/** Smallest entry of sorted `a` strictly above `x`, or -1. */
function above(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length ? a[lo]! : -1;
}

/**
 * Moves one edge of `span` outwards (`grow`) or inwards by one grapheme cluster or one
 * token, skipping whitespace so that a span never starts or ends with a space. Returns
 * null when the edge cannot move (start of text, or the span would become empty).
 */
export function resizeSpan(ctx: SpanContext, span: Span, edge: SpanEdge, grow: boolean, unit: SpanUnit): Span | null {
  let { start, end } = span;
  if (unit === 'char') {
    if (edge === 'start') {
      if (grow) {
        do start = previousEdge(ctx, start);
        while (start > 0 && ALL_SPACE.test(ctx.text.slice(start, nextEdge(ctx, start))));
        if (ALL_SPACE.test(ctx.text.slice(start, nextEdge(ctx, start)))) return null;
      } else {
        start = nextEdge(ctx, start);
      }
    } else if (grow) {
      do end = nextEdge(ctx, end);
      while (end < ctx.text.length && ALL_SPACE.test(ctx.text.slice(previousEdge(ctx, end), end)));
      if (ALL_SPACE.test(ctx.text.slice(previousEdge(ctx, end), end))) return null;
    } else {
      end = previousEdge(ctx, end);
    }
  } else if (edge === 'start') {
    start = grow ? below(ctx.tokenStarts, start) : above(ctx.tokenStarts, start);
  } else {
    end = grow ? above(ctx.tokenEnds, end) : below(ctx.tokenEnds, end);
  }
  if (start < 0 || end < 0 || start >= end) return null;
  const trimmed = trimSpan(ctx, { start, end });
  if (trimmed === null || (trimmed.start === span.start && trimmed.end === span.end)) return null;
  return trimmed;
}

/** The first token (as a span) that starts at or after `at`, or null. */
export function tokenFrom(ctx: SpanContext, at: number): Span | null {
  const s = above(ctx.tokenStarts, at - 1);
  if (s < 0) return null;
  const e = above(ctx.tokenEnds, s);
  return e < 0 ? null : { start: s, end: e };
}

/** The last token (as a span) that ends at or before `at`, or null. */
export function tokenBefore(ctx: SpanContext, at: number): Span | null {
  const e = below(ctx.tokenEnds, at + 1);
  if (e < 0) return null;
  const s = below(ctx.tokenStarts, e);
  return s < 0 ? null : { start: s, end: e };
}
