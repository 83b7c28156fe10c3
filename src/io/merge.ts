/**
 * Human review decisions survive a re-run of the pipeline. The runner calls
 * `mergeHumanDecisions` when it is about to overwrite a standoff file that holds them.
 *
 * Re-anchoring (code points, as in files), for each decision:
 * 1. same text (the sha256 of the source is unchanged): the offsets hold as they are;
 * 2. otherwise the surface is looked up in the new text, preferring, in order, the old
 *    offsets (the text changed after the span), the old offsets shifted by the change in
 *    the text's length (it changed before the span), then the occurrence nearest to
 *    either. An occurrence that would cut a letter from its marks is never taken, nor
 *    one another decision with the same label already holds;
 * 3. what cannot be found is kept under `unanchored`, never dropped, and tried again on
 *    the next run (the text may come back).
 *
 * ```
 * old   ..... [الرياض) .....            a sentence inserted before the span:
 * new   +++++ ..... [الرياض) .....       found at old start + delta
 * ```
 */
import { offsetConverter, type OffsetConverter } from '../core/offsets.js';
import type { StandoffAnnotation, StandoffDocument } from './standoff.js';

/** Result of carrying human decisions into a new run's output. */
export interface MergeResult {
  merged: StandoffDocument;
  /** Human decisions carried over. */
  kept: number;
  /** Human decisions whose surface could not be found in the new text. */
  unanchored: number;
}

/** True for annotations a person has decided on. */
export function isHumanDecision(a: StandoffAnnotation): boolean {
  return a.status !== 'auto';
}

/** How to look for a span in a changed text. */
export interface ReanchorOptions {
  /** New length minus old length, in code points (0 when unknown). */
  delta?: number;
  /** True for a place already held by another decision (code points). */
  taken?: (start: number, end: number) => boolean;
  /** The text's offset converter, when the caller already has one. */
  converter?: OffsetConverter;
}

/** A combining mark or joiner: a span may not end just before one (it belongs to the letter). */
const CLINGS = /^[\p{M}\u200C\u200D]/u;

/**
 * Finds where an annotation sits in the new text (see the module comment), or null.
 * `sameText` says the text is the one the offsets were made on.
 */
export function reanchor(a: Pick<StandoffAnnotation, 'start' | 'end' | 'text'>, text: string, sameText: boolean, options: ReanchorOptions = {}): { start: number; end: number } | null {
  const cv = options.converter ?? offsetConverter(text);
  const length = cv.toCodePoint(text.length);
  const reads = (start: number) => start >= 0 && start + (a.end - a.start) <= length && text.slice(cv.toUtf16(start), cv.toUtf16(start + (a.end - a.start))) === a.text;
  const free = (start: number, end: number) => options.taken === undefined || !options.taken(start, end);
  if (sameText) return reads(a.start) && a.end <= length ? { start: a.start, end: a.end } : null;
  if (a.text.length === 0) return null;
  const width = a.end - a.start;
  const delta = options.delta ?? 0;
  const clean = (u16: number) => !CLINGS.test(text.slice(u16 + a.text.length, u16 + a.text.length + 1)) && !CLINGS.test(a.text);
  for (const start of delta === 0 ? [a.start] : [a.start, a.start + delta]) {
    if (reads(start) && clean(cv.toUtf16(start)) && free(start, start + width)) return { start, end: start + width };
  }
  const expected = [cv.toUtf16(Math.min(a.start, length)), cv.toUtf16(Math.max(0, Math.min(a.start + delta, length)))];
  let best: { start: number; end: number } | null = null;
  let bestDistance = Infinity;
  for (let at = text.indexOf(a.text); at !== -1; at = text.indexOf(a.text, at + 1)) {
    const distance = Math.min(Math.abs(at - expected[0]!), Math.abs(at - expected[1]!));
    if (distance >= bestDistance) {
      if (at > Math.max(expected[0]!, expected[1]!)) break;
      continue;
    }
    if (!clean(at)) continue;
    const start = cv.toCodePoint(at);
    const end = cv.toCodePoint(at + a.text.length);
    if (!free(start, end)) continue;
    best = { start, end };
    bestDistance = distance;
  }
  return best;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

interface Original {
  label: string;
  start: number;
  end: number;
  text: string;
  [key: string]: unknown;
}

/**
 * Keeps every human decision of `previous` in `next` (the pipeline's new output for the
 * same document id). A decision wins over the automatic annotations it overlaps; a
 * rejected one suppresses only the identical automatic suggestion. Decisions that can no
 * longer be anchored are kept in `unanchored`, never dropped. An edited decision's
 * `original` (the suggestion it came from) moves with it.
 */
export function mergeHumanDecisions(previous: StandoffDocument, next: StandoffDocument, text: string): MergeResult {
  const sameText = previous.doc.sha256 === next.doc.sha256;
  const decisions = [...previous.annotations.filter(isHumanDecision), ...(previous.unanchored ?? [])].sort((a, b) => a.start - b.start || b.end - a.end);
  if (decisions.length === 0) return { merged: next, kept: 0, unanchored: 0 };
  const cv = offsetConverter(text);
  const length = cv.toCodePoint(text.length);
  const delta = length - previous.doc.length;
  const held = new Set<string>();
  const anchored: StandoffAnnotation[] = [];
  const unanchored: StandoffAnnotation[] = [];
  for (const d of decisions) {
    const at = reanchor(d, text, sameText, { delta, converter: cv, taken: (start, end) => held.has(`${start}:${end}:${d.label}`) });
    if (at === null) {
      unanchored.push(d);
      continue;
    }
    held.add(`${at.start}:${at.end}:${d.label}`);
    const moved: StandoffAnnotation = { ...d, start: at.start, end: at.end };
    const original = d.original as Original | undefined;
    if (original !== undefined && at.start !== d.start) {
      // The suggestion sat next to the decision: it moves by the same amount, or is dropped.
      const shift = at.start - d.start;
      const start = original.start + shift;
      const end = original.end + shift;
      if (start >= 0 && end <= length && text.slice(cv.toUtf16(start), cv.toUtf16(end)) === original.text) moved.original = { ...original, start, end };
      else delete moved.original;
    }
    anchored.push(moved);
  }
  const autos = next.annotations.filter((auto) =>
    anchored.every((d) =>
      d.status === 'rejected' ? !(d.start === auto.start && d.end === auto.end && d.label === auto.label) : !overlaps(d, auto),
    ),
  );
  // Ids are renumbered in reading order; a decision's id from the earlier file is not kept.
  const all = [...autos, ...anchored].sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const merged: StandoffDocument = { ...next, annotations: all.map((a, i) => ({ ...a, id: `T${i + 1}` })) };
  if (unanchored.length > 0) {
    // Unanchored decisions keep ids that cannot clash with the renumbered annotations.
    merged.unanchored = unanchored.map((u, i) => ({ ...u, id: `U${i + 1}` }));
  } else delete merged.unanchored;
  return { merged, kept: anchored.length, unanchored: unanchored.length };
}
