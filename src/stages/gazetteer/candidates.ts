/**
 * Entity candidates over token ranges, chosen leftmost-longest and written as
 * annotations. Shared by the places and organisations stages.
 *
 * ```
 * tokens    و|جنوب  و|وسط  آسيا
 * candidate first=0 (cut 1: the proclitic و)          last=2
 * span      original offsets of view [vStart[0] + 1, vEnd[2])  ->  "جنوب ووسط آسيا"
 * ```
 */
import type { Annotation, Doc } from '../../core/document.js';
import type { TokenTable } from '../../core/tokens.js';
import type { EntityLabel, GazetteerEntry } from './entries.js';

/** A possible entity: a token range with a label, a value and the reasons for it. */
export interface Candidate {
  first: number;
  /** Last token, inclusive. */
  last: number;
  /** View units cut off the first token (proclitics, `#`). */
  cut: number;
  label: EntityLabel;
  /** Gazetteer id, or null for a name found by a rule only. */
  id: string | null;
  /** Canonical name (gazetteer) or the normalised surface (rule). */
  name: string;
  /** Gazetteer id of a place the entity lies in or is named after (`شمال شرق سوريا`). */
  within?: string;
  confidence: number;
  /** `places:gazetteer`, `places:direction`, `organisations:trigger+nisba`, ... */
  source: string;
  /** What was decided and why, for the annotation's `note`. */
  notes: string[];
  /** Gazetteer matches beat rule spans of the same extent. */
  priority: number;
  /** Context that settles a place/organisation tie for this reading (a trigger, quotes). */
  decisive?: string;
  entry?: GazetteerEntry;
}

/**
 * A candidate with every field present (`within`, `decisive` and `entry` undefined when
 * absent), in one order. Candidates are read in hot loops (selection, rules, writing),
 * and objects built by different literals would make each of those reads megamorphic.
 */
export function makeCandidate(c: Candidate): Candidate {
  return {
    first: c.first,
    last: c.last,
    cut: c.cut,
    label: c.label,
    id: c.id,
    name: c.name,
    within: c.within,
    confidence: c.confidence,
    source: c.source,
    notes: c.notes,
    priority: c.priority,
    decisive: c.decisive,
    entry: c.entry,
  };
}

/** Sort order for leftmost-longest selection. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return a.first - b.first || b.last - a.last || a.cut - b.cut || b.priority - a.priority || b.confidence - a.confidence;
}

/**
 * Leftmost-longest, non-overlapping selection over token ranges: of candidates starting
 * at the same token the longest wins, then the higher priority, then the more confident;
 * a candidate overlapping an earlier chosen one is dropped.
 */
export function selectCandidates(candidates: Candidate[]): Candidate[] {
  candidates.sort(compareCandidates);
  const chosen: Candidate[] = [];
  let end = -1;
  for (const c of candidates) {
    if (c.first <= end) continue;
    chosen.push(c);
    end = c.last;
  }
  return chosen;
}

/** Original UTF-16 span of a candidate. */
export function candidateSpan(tokens: TokenTable, c: Pick<Candidate, 'first' | 'last' | 'cut'>): { start: number; end: number } {
  const start = c.cut === 0 ? tokens.start[c.first]! : tokens.view.originalStart(tokens.vStart[c.first]! + c.cut);
  return { start, end: tokens.end[c.last]! };
}

/** Writes a candidate as an annotation on `doc`. */
export function annotateCandidate(doc: Doc, tokens: TokenTable, c: Candidate): Annotation {
  const { start, end } = candidateSpan(tokens, c);
  const value: { id: string | null; name: string; within?: string } = { id: c.id, name: c.name };
  if (c.within !== undefined) value.within = c.within;
  // `note` always present (undefined when there is none): every stage gives Doc.annotate
  // inputs of one shape, so its copy of them stays monomorphic.
  return doc.annotate({ label: c.label, start, end, value, source: c.source, confidence: round(c.confidence), note: c.notes.length > 0 ? c.notes.join('; ') : undefined });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Rank of place types when one name has several entries: the bigger unit first. */
const TYPE_RANK: Readonly<Record<string, number>> = {
  country: 0,
  territory: 1,
  continent: 2,
  region: 3,
  province: 4,
  city: 5,
};

/**
 * Chooses among entries that share a name: one whose country the document names, then
 * the more confident, then the bigger kind of place (a country before a city of the
 * same name). Says what it chose when there was a choice.
 */
export function chooseEntry(entries: readonly GazetteerEntry[], documentCountries: ReadonlySet<string>): { entry: GazetteerEntry; note?: string } {
  if (entries.length === 1) return { entry: entries[0]! };
  const scored = entries.map((e) => ({
    e,
    inDoc: e.type !== 'country' && e.country !== undefined && documentCountries.has(e.country) ? 1 : 0,
  }));
  scored.sort(
    (a, b) =>
      b.inDoc - a.inDoc ||
      b.e.confidence - a.e.confidence ||
      (TYPE_RANK[a.e.type] ?? 9) - (TYPE_RANK[b.e.type] ?? 9) ||
      (a.e.id < b.e.id ? -1 : 1),
  );
  const best = scored[0]!;
  const others = scored.slice(1).map((s) => s.e.id);
  const why = best.inDoc === 1 ? `the document names ${best.e.country}` : 'by confidence and kind of place';
  return { entry: best.e, note: `${best.e.name}: ${best.e.id} chosen over ${others.join(', ')} (${why})` };
}
