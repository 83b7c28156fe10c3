/**
 * Gazetteer entries: the JSONL contract shared with the data (gazetteers/README.md and the
 * matcher brief): one entry a line, `id`, `label`, `type`, `name`, `variants`, `en`,
 * `country`, `source`, optional `ambiguous`, `confidence`, `note`. Loading validates every
 * line and reports all problems at once as `file:line: message`.
 *
 * Ambiguity belongs to a name, not to the thing named: `قطاع غزة` is sure while its short
 * form `غزة` is also the city; `جريدة السفير` is sure while `السفير` is also "the
 * ambassador". So a variant may be an object `{"name", "ambiguous"?, "confidence"?,
 * "note"?}` that states its own ambiguity (absent: not ambiguous, confidence 1), whatever
 * the entry says; a plain string variant, like the canonical name, has the entry's.
 */
import { statSync } from 'node:fs';
import { readDataFile, lines, throwIfProblems } from './data-files.js';

export const ENTITY_LABELS = ['GPE', 'LOC', 'ORG'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const ENTRY_TYPES = [
  'country', 'territory', 'city', 'province', 'region', 'continent', 'sea', 'ocean', 'gulf', 'river', 'lake',
  'mountain', 'desert', 'island', 'camp', 'other-place',
  'international-body', 'ministry', 'central-bank', 'company', 'party', 'armed-group', 'agency', 'university',
  'media', 'court', 'council', 'union', 'sports', 'religious', 'ngo', 'other-org',
] as const;

const KNOWN_KEYS = ['id', 'label', 'type', 'name', 'variants', 'en', 'country', 'source', 'ambiguous', 'confidence', 'note'];
// The contract says lower-case ASCII with dots and hyphens, and its own examples keep
// ISO country codes upper-case (`gpe.city.SA.riyadh`): both are accepted.
const ID = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const ISO_COUNTRY = /^[A-Z]{2}$/;

/** How sure a name is: its own ambiguity, confidence and note. */
export interface NameMark {
  ambiguous: string | undefined;
  confidence: number;
  note: string | undefined;
}

/** One validated entry, with where it came from. */
export interface GazetteerEntry {
  id: string;
  label: EntityLabel;
  type: string;
  name: string;
  /** Variant names (an object variant's `name`). */
  variants: string[];
  /** Per variant: its own mark when given as an object, undefined when it has the entry's. */
  variantMarks: (NameMark | undefined)[];
  en?: string;
  country?: string;
  source: string;
  /** Why the name is also something else (`common-word`, `amman-oman`, ...). */
  ambiguous?: string;
  /** Prior confidence of the entry (1 unless the data says otherwise). */
  confidence: number;
  note?: string;
  file: string;
  line: number;
}

/**
 * Parses and validates one JSONL gazetteer file. Unknown keys are allowed (the data may
 * grow fields) except when they look like a misspelt known key (`varients`), which would
 * otherwise lose data silently.
 */
export function parseGazetteerFile(path: string, problems: string[]): GazetteerEntry[] {
  // The places, organisations and latin-entities stages read the same files: parse each
  // once per process (and again only when the file changes).
  let key: string | null = null;
  try {
    const st = statSync(path);
    key = `${path}\u0000${st.mtimeMs}\u0000${st.size}`;
  } catch {
    key = null; // readDataFile reports it
  }
  const cached = key === null ? undefined : parsed.get(key);
  if (cached !== undefined) {
    for (const p of cached.problems) problems.push(p);
    return cached.entries;
  }
  const mine: string[] = [];
  const entries = parseUncached(path, mine);
  for (const p of mine) problems.push(p);
  if (key !== null) parsed.set(key, { entries, problems: mine });
  return entries;
}

const parsed = new Map<string, { entries: GazetteerEntry[]; problems: string[] }>();

function parseUncached(path: string, problems: string[]): GazetteerEntry[] {
  const text = readDataFile(path);
  const entries: GazetteerEntry[] = [];
  if (text.charCodeAt(0) === 0xfeff) problems.push(`${path}:1: starts with a byte order mark (the format says UTF-8 without BOM)`);
  for (const { line, text: raw } of lines(text)) {
    const where = `${path}:${line}`;
    const source = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (source.trim() === '') {
      problems.push(`${where}: empty line`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      problems.push(`${where}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const entry = validateEntry(value, where, problems);
    if (entry === null) continue;
    // Every entry gets the same shape, optional fields present as undefined: the rules
    // read these fields for every match, and entries of many shapes would make each of
    // those reads polymorphic.
    entries.push({
      id: entry.id,
      label: entry.label,
      type: entry.type,
      name: entry.name,
      variants: entry.variants,
      variantMarks: entry.variantMarks,
      source: entry.source,
      confidence: entry.confidence,
      en: entry.en,
      country: entry.country,
      ambiguous: entry.ambiguous,
      note: entry.note,
      file: path,
      line,
    });
  }
  return entries;
}

function validateEntry(value: unknown, where: string, problems: string[]): Omit<GazetteerEntry, 'file' | 'line'> | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected a JSON object`);
    return null;
  }
  const o = value as Record<string, unknown>;
  const before = problems.length;
  const str = (key: string, required: boolean): string | undefined => {
    const v = o[key];
    if (v === undefined) {
      if (required) problems.push(`${where}: "${key}" is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      problems.push(`${where}: "${key}" must be a non-empty string`);
      return undefined;
    }
    return v;
  };
  const id = str('id', true);
  if (id !== undefined && !ID.test(id)) problems.push(`${where}: id "${id}" must be ASCII letters and digits with dots and hyphens`);
  const label = str('label', true);
  if (label !== undefined && !(ENTITY_LABELS as readonly string[]).includes(label)) {
    problems.push(`${where}: label "${label}" must be one of ${ENTITY_LABELS.join(', ')}`);
  }
  const type = str('type', true);
  if (type !== undefined && !(ENTRY_TYPES as readonly string[]).includes(type)) problems.push(`${where}: unknown type "${type}"`);
  const name = str('name', true);
  const source = str('source', true);
  const en = str('en', false);
  const country = str('country', false);
  if (country !== undefined && !ISO_COUNTRY.test(country)) problems.push(`${where}: country "${country}" must be an ISO 3166-1 alpha-2 code`);
  const ambiguous = str('ambiguous', false);
  const note = str('note', false);
  const variants: string[] = [];
  const variantMarks: (NameMark | undefined)[] = [];
  if (o.variants !== undefined) {
    if (!Array.isArray(o.variants)) problems.push(`${where}: "variants" must be an array of names`);
    else {
      (o.variants as unknown[]).forEach((v, k) => {
        const parsed = parseVariant(v, `${where}: variant ${k + 1}`, problems);
        if (parsed === null) return;
        variants.push(parsed.name);
        variantMarks.push(parsed.mark);
      });
    }
  }
  let confidence = 1;
  if (o.confidence !== undefined) {
    if (typeof o.confidence !== 'number' || !(o.confidence >= 0 && o.confidence <= 1)) {
      problems.push(`${where}: "confidence" must be a number from 0 to 1`);
    } else confidence = o.confidence;
  }
  for (const key of Object.keys(o)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const near = KNOWN_KEYS.find((k) => editDistanceAtMost(key, k, 2));
    if (near !== undefined) problems.push(`${where}: unknown key "${key}" (did you mean "${near}"?)`);
  }
  if (problems.length > before) return null;
  const entry: Omit<GazetteerEntry, 'file' | 'line'> = {
    id: id!,
    label: label as EntityLabel,
    type: type!,
    name: name!,
    variants,
    variantMarks,
    source: source!,
    confidence,
  };
  if (en !== undefined) entry.en = en;
  if (country !== undefined) entry.country = country;
  if (ambiguous !== undefined) entry.ambiguous = ambiguous;
  if (note !== undefined) entry.note = note;
  return entry;
}

const VARIANT_KEYS = ['name', 'ambiguous', 'confidence', 'note'];

/** A variant: a non-empty string, or an object with its own name mark. */
function parseVariant(v: unknown, where: string, problems: string[]): { name: string; mark: NameMark | undefined } | null {
  if (typeof v === 'string') {
    if (v.trim() !== '') return { name: v, mark: undefined };
    problems.push(`${where} is empty`);
    return null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    problems.push(`${where} must be a string or an object {"name", "ambiguous", "confidence", "note"}`);
    return null;
  }
  const o = v as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(o)) if (!VARIANT_KEYS.includes(key)) problems.push(`${where}: unknown key "${key}" (a variant has ${VARIANT_KEYS.join(', ')})`);
  const text = (key: string): string | undefined => {
    const x = o[key];
    if (x === undefined) return undefined;
    if (typeof x === 'string' && x.trim() !== '') return x;
    problems.push(`${where}: "${key}" must be a non-empty string`);
    return undefined;
  };
  const name = text('name');
  if (o.name === undefined) problems.push(`${where}: "name" is required`);
  const ambiguous = text('ambiguous');
  const note = text('note');
  let confidence = 1;
  if (o.confidence !== undefined) {
    if (typeof o.confidence !== 'number' || !(o.confidence >= 0 && o.confidence <= 1)) problems.push(`${where}: "confidence" must be a number from 0 to 1`);
    else confidence = o.confidence;
  }
  if (problems.length > before || name === undefined) return null;
  return { name, mark: { ambiguous, confidence, note } };
}

/** True when Levenshtein distance of `a` and `b` is at most `k` (short keys only). */
function editDistanceAtMost(a: string, b: string, k: number): boolean {
  if (Math.abs(a.length - b.length) > k) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]! <= k;
}

/** A normalised name of an entry: what the trie holds. */
export interface NamedForm {
  entry: GazetteerEntry;
  /** The normalised name, tokens joined by one space. */
  key: string;
  tokens: string[];
  /** True for the canonical name, false for a variant. */
  canonical: boolean;
  /** Why this name is also something else (the variant's own mark, else the entry's). */
  ambiguous: string | undefined;
  /** Prior confidence of this name. */
  confidence: number;
  /** The mark's note (the entry's note for a name without a mark of its own). */
  note: string | undefined;
}

/**
 * Loads every file, then checks the whole set: ids unique across files, and no
 * normalised name given unmarked to two entries of the same label (all but one of them
 * must say `ambiguous`, on the entry or on the variant). Throws one DataError listing every problem.
 */
export function loadGazetteerEntries(
  paths: readonly string[],
  tokenise: (s: string) => string[],
): { entries: GazetteerEntry[]; forms: NamedForm[] } {
  const problems: string[] = [];
  const entries: GazetteerEntry[] = [];
  for (const path of paths) for (const e of parseGazetteerFile(path, problems)) entries.push(e);
  const byId = new Map<string, GazetteerEntry>();
  for (const e of entries) {
    const first = byId.get(e.id);
    if (first !== undefined) problems.push(`${e.file}:${e.line}: duplicate id "${e.id}" (first at ${first.file}:${first.line})`);
    else byId.set(e.id, e);
  }
  const forms: NamedForm[] = [];
  const byName = new Map<string, NamedForm>();
  for (const e of entries) {
    const seen = new Set<string>();
    [e.name, ...e.variants].forEach((raw, i) => {
      const own = i === 0 ? undefined : e.variantMarks[i - 1];
      const mark: NameMark = own ?? { ambiguous: e.ambiguous, confidence: e.confidence, note: e.note };
      const tokens = tokenise(raw);
      if (tokens.length === 0) {
        problems.push(`${e.file}:${e.line}: ${i === 0 ? 'name' : `variant "${raw}"`} has no letters after normalisation`);
        return;
      }
      const key = tokens.join(' ');
      if (seen.has(key)) return; // spelling variants that normalisation already folds
      seen.add(key);
      const form: NamedForm = { entry: e, key, tokens, canonical: i === 0, ambiguous: mark.ambiguous, confidence: mark.confidence, note: mark.note };
      forms.push(form);
      // Of the names that normalise alike with one label, at most one may be unmarked: the
      // default reading (the others say why they are ambiguous).
      if (form.ambiguous !== undefined) return;
      const labelled = `${e.label} ${key}`;
      const other = byName.get(labelled);
      if (other === undefined) byName.set(labelled, form);
      else if (other.entry.id !== e.id) {
        problems.push(
          `${e.file}:${e.line}: "${raw}" (${e.id}) normalises like a name of ${other.entry.id} (${other.entry.file}:${other.entry.line}), same label ${e.label}; mark one "ambiguous" or remove it`,
        );
      }
    });
  }
  throwIfProblems('gazetteer', problems);
  return { entries, forms };
}
