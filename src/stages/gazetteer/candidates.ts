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
import type { EntityLabel, GazetteerEntry, NamedForm } from './entries.js';

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
  /** Why the matched name is also something else (its own mark: see NamedForm), if it is. */
  ambiguous?: string;
  /** Every reading of the matched name, ranked (for context that picks another one). */
  readings?: readonly NameReading[];
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
    ambiguous: c.ambiguous,
    readings: c.readings,
  };
}

/**
 * Candidate lists by first token, read by index (cheaper than a Map's hashing; most tokens
 * start none). One array serves every document: a new one of each document's length was
 * garbage at once. {@link reset} empties the slots the document before set.
 */
export class CandidatesByStart {
  /** The list of candidates starting at each token (undefined where none does). */
  readonly lists: (Candidate[] | undefined)[] = [];
  /** The slots given a list since the last reset. */
  private readonly used: number[] = [];

  /** Empties the lists for a document of `n` tokens and returns them. */
  reset(n: number): (Candidate[] | undefined)[] {
    const lists = this.lists;
    for (const k of this.used) lists[k] = undefined;
    this.used.length = 0;
    while (lists.length < n) lists.push(undefined);
    return lists;
  }

  /** Appends `c` to the list of its first token (a slot given a list is only ever reset). */
  add(c: Candidate): void {
    const list = this.lists[c.first];
    if (list !== undefined) list.push(c);
    else {
      this.lists[c.first] = [c];
      this.used.push(c.first);
    }
  }
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
 * One entry a name may stand for, with how sure that name is of it (the form's mark). The
 * entry's label, id, name and type are copied in: every match reads them, and one object
 * read per match costs less than two (the entries lie all over the heap).
 */
export interface NameReading {
  entry: GazetteerEntry;
  label: EntityLabel;
  id: string;
  name: string;
  type: string;
  ambiguous: string | undefined;
  confidence: number;
  note: string | undefined;
  /** `X is ambiguous (reason): note`, built the first time a match needs it (see prior.ts). */
  ambiguityNote: string | undefined;
}

/**
 * The distinct readings of a name from its forms (one per entry, of the labels kept), ranked
 * for choice: the unmarked reading first (the data's default: `بغداد` the city, not the
 * governorate whose short name is marked `city-province`), then the more confident, then
 * the bigger kind of place (a country before a city of the same name), then by id.
 */
export function rankReadings(forms: readonly NamedForm[], keep: (e: GazetteerEntry) => boolean): RankedReadings {
  const byId = new Map<string, NameReading>();
  for (const f of forms) {
    const e = f.entry;
    if (!keep(e)) continue;
    const r: NameReading = { entry: e, label: e.label, id: e.id, name: e.name, type: e.type, ambiguous: f.ambiguous, confidence: f.confidence, note: f.note, ambiguityNote: undefined };
    const other = byId.get(e.id);
    if (other === undefined || compareReadings(r, other) < 0) byId.set(e.id, r);
  }
  const list = [...byId.values()].sort(compareReadings);
  const first = list.length > 0 ? list[0]! : undefined;
  const sureCountry = first !== undefined && first.ambiguous === undefined && first.entry.type === 'country' ? first.entry.country : undefined;
  const byCountry = sureCountry === undefined && list.some((r, j) => j > 0 && r.entry.type !== 'country' && r.entry.country !== undefined);
  return { first: list[0], list, size: list.length, sureCountry, byCountry, notes: new Array<string | undefined>(list.length).fill(undefined) };
}

/** The ranked readings of one name, and the choice notes built for it so far (by index). */
export interface RankedReadings {
  /** `list[0]`, the default reading, read for almost every match (undefined without readings). */
  first: NameReading | undefined;
  list: readonly NameReading[];
  /** `list.length`, read for every match. */
  size: number;
  /** The country code when the default reading is an unmarked country (`الكويت`), else undefined. */
  sureCountry: string | undefined;
  /** True when the countries a document names may choose another reading (see chooseReading). */
  byCountry: boolean;
  notes: (string | undefined)[];
}

function compareReadings(a: NameReading, b: NameReading): number {
  return (
    (a.ambiguous === undefined ? 0 : 1) - (b.ambiguous === undefined ? 0 : 1) ||
    b.confidence - a.confidence ||
    (TYPE_RANK[a.entry.type] ?? 9) - (TYPE_RANK[b.entry.type] ?? 9) ||
    (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0)
  );
}

/**
 * Chooses among the ranked readings of a name: one whose country the document names
 * (not a country itself: `عمان` is Amman in a text about Jordan), else the first (the
 * default reading). Returns the index in `ranked.list`; {@link choiceNote} says why. (An
 * index, not an object: this runs for every match of a document.)
 */
export function chooseReading(ranked: RankedReadings, documentCountries: ReadonlySet<string>): number {
  if (ranked.size === 1 || documentCountries.size === 0) return 0;
  // An unmarked country stays the default against a place of its own name (تونس the
  // country, not its capital, in a text that names Tunisia by that very word).
  if (ranked.sureCountry !== undefined) return 0;
  const readings = ranked.list;
  for (let j = 0; j < readings.length; j++) {
    const e = readings[j]!.entry;
    if (e.type !== 'country' && e.country !== undefined && documentCountries.has(e.country)) return j;
  }
  return 0;
}

/**
 * What the choice of reading `k` of a name was over which, and why; undefined for a name
 * with one reading. Built once per name and choice (kept in `ranked.notes`).
 */
export function choiceNote(ranked: RankedReadings, k: number): string | undefined {
  if (ranked.size === 1) return undefined;
  const readings = ranked.list;
  let note = ranked.notes[k];
  if (note === undefined) {
    const best = readings[k]!;
    const others = readings.filter((_, j) => j !== k).map((r) => r.entry.id);
    // k > 0 only when the document named the reading's country.
    const why =
      k > 0
        ? `the document names ${best.entry.country}`
        : best.ambiguous === undefined && readings.slice(1).every((r) => r.ambiguous !== undefined)
          ? 'the default reading; the others are marked ambiguous'
          : 'by confidence and kind of place';
    note = `${best.entry.name}: ${best.entry.id} chosen over ${others.join(', ')} (${why})`;
    ranked.notes[k] = note;
  }
  return note;
}
