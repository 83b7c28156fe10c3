import { offsetConverter } from '../core/offsets.js';
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

/**
 * Finds where a human annotation sits in the new text: the same offsets when the text
 * is unchanged (or the surface still reads there), else the occurrence of its surface
 * nearest to where it was. Offsets are code points, as in files.
 */
export function reanchor(a: StandoffAnnotation, text: string, sameText: boolean): { start: number; end: number } | null {
  const cv = offsetConverter(text);
  const u16Start = cv.toUtf16(a.start);
  const u16End = cv.toUtf16(a.end);
  if (sameText || text.slice(u16Start, u16End) === a.text) {
    return text.slice(u16Start, u16End) === a.text ? { start: a.start, end: a.end } : null;
  }
  if (a.text.length === 0) return null;
  let best = -1;
  let bestDistance = Infinity;
  for (let at = text.indexOf(a.text); at !== -1; at = text.indexOf(a.text, at + 1)) {
    const distance = Math.abs(at - u16Start);
    if (distance < bestDistance) {
      best = at;
      bestDistance = distance;
    }
    if (at > u16Start && distance > bestDistance) break;
  }
  if (best === -1) return null;
  return { start: cv.toCodePoint(best), end: cv.toCodePoint(best + a.text.length) };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Keeps every human decision of `previous` in `next` (the pipeline's new output for the
 * same document id). A decision wins over the automatic annotations it overlaps; a
 * rejected one suppresses only the identical automatic suggestion. Decisions that can no
 * longer be anchored are kept in `unanchored`, never dropped.
 */
export function mergeHumanDecisions(previous: StandoffDocument, next: StandoffDocument, text: string): MergeResult {
  const sameText = previous.doc.sha256 === next.doc.sha256;
  const decisions = [...previous.annotations.filter(isHumanDecision), ...(previous.unanchored ?? [])];
  if (decisions.length === 0) return { merged: next, kept: 0, unanchored: 0 };
  const anchored: StandoffAnnotation[] = [];
  const unanchored: StandoffAnnotation[] = [];
  for (const d of decisions) {
    const at = reanchor(d, text, sameText);
    if (at === null) unanchored.push(d);
    else anchored.push({ ...d, start: at.start, end: at.end });
  }
  const autos = next.annotations.filter((auto) =>
    anchored.every((d) =>
      d.status === 'rejected' ? !(d.start === auto.start && d.end === auto.end && d.label === auto.label) : !overlaps(d, auto),
    ),
  );
  const all = [...autos, ...anchored].sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : 1));
  const merged: StandoffDocument = { ...next, annotations: all.map((a, i) => ({ ...a, id: `T${i + 1}` })) };
  if (unanchored.length > 0) merged.unanchored = unanchored;
  else delete merged.unanchored;
  return { merged, kept: anchored.length, unanchored: unanchored.length };
}
