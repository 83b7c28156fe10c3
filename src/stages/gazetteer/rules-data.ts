/**
 * Rule word lists (gazetteers/rules/*.tsv): trigger nouns, directions, adjectives,
 * function words. Tab-separated, `#` comment lines, a header row naming the columns;
 * every row must have every column. Words are normalised like the text when loaded.
 */
import { readDataFile, lines, throwIfProblems } from './data-files.js';

/** One row of a TSV file, by column name, with where it came from. */
export interface TsvRow {
  values: Record<string, string>;
  file: string;
  line: number;
}

/**
 * Reads a TSV rules file and checks it has the `required` columns and that every row has
 * a value for each, and that `enums` columns hold one of their allowed values. Throws one
 * DataError listing every problem.
 */
export function readTsv(path: string, required: readonly string[], enums: Readonly<Record<string, readonly string[]>> = {}): TsvRow[] {
  const problems: string[] = [];
  const rows: TsvRow[] = [];
  let header: string[] | null = null;
  for (const { line, text } of lines(readDataFile(path))) {
    if (text.trim() === '' || text.startsWith('#')) continue;
    const cells = text.split('\t').map((c) => c.trim());
    if (header === null) {
      header = cells;
      for (const column of required) if (!header.includes(column)) problems.push(`${path}:${line}: header lacks the column "${column}"`);
      continue;
    }
    if (cells.length !== header.length) {
      problems.push(`${path}:${line}: ${cells.length} column(s), the header has ${header.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((column, i) => (values[column] = cells[i]!));
    let ok = true;
    for (const column of required) {
      if ((values[column] ?? '') === '') {
        problems.push(`${path}:${line}: empty "${column}"`);
        ok = false;
      }
    }
    for (const [column, allowed] of Object.entries(enums)) {
      const v = values[column];
      if (v !== undefined && !allowed.includes(v)) {
        problems.push(`${path}:${line}: "${column}" is "${v}", expected one of ${allowed.join(', ')}`);
        ok = false;
      }
    }
    if (ok) rows.push({ values, file: path, line });
  }
  if (header === null) problems.push(`${path}: no header row`);
  throwIfProblems('rules', problems);
  return rows;
}

/** Org trigger noun from organisation-triggers.tsv. */
export interface OrganisationTrigger {
  word: string;
  /** The trigger belongs to the ORG span. */
  include: boolean;
  /** May introduce an unknown proper name. */
  names: boolean;
  /** Organisation types it heads before a known organisation; `*` for any. */
  heads: ReadonlySet<string>;
  /** The gender its adjectives take: `f` for feminine nouns and non-human plurals, else `m`. */
  agrees: 'm' | 'f';
}

/** Place trigger from place-triggers.tsv. */
export interface PlaceTrigger {
  word: string;
  /** Label of an unknown name it introduces, or null for context only. */
  label: 'GPE' | 'LOC' | null;
  /** The name after it is no place but part of another name (`اتفاق الطائف`: a treaty). */
  blocks: boolean;
  type: string;
  unknown: boolean;
  list: boolean;
}

/** Everything the rules need, normalised, keyed by normalised word. */
export interface RuleLexicon {
  organisationTriggers: Map<string, OrganisationTrigger>;
  placeTriggers: Map<string, PlaceTrigger>;
  /** Direction nouns (before a place). */
  directionNouns: Set<string>;
  /** Direction adjectives (after a name). */
  directionAdjectives: Set<string>;
  organisationAdjectives: Set<string>;
  /** Closed-class words: never a name, never inside one. */
  functionWords: Set<string>;
  /** Common nouns and adjectives: never an unknown name, may sit inside an organisation name. */
  commonNouns: Set<string>;
  /** Verbs of saying and reporting (قالت، نقلت، ذكرت): a media name after one is a source. */
  reportingVerbs: Set<string>;
  /** Nouns of the press (مراسل، مقابلة، تصريح): likewise. */
  pressNouns: Set<string>;
  /** Demonstratives (هذا، تلك، ذاك), function words too: the definite word after one is a common noun. */
  demonstratives: Set<string>;
  /** Quantifiers (كافة، جميع، مختلف), function words too: likewise, for names that are also words. */
  quantifiers: Set<string>;
  /** Relative pronouns (الذي، اللاتي), function words too: an indefinite word after one is a verb. */
  relatives: Set<string>;
  /** Distance units (a direction after one is relational). */
  distanceUnits: Set<string>;
  /** Names that are also frequent words or given names, with the reason. */
  commonNames: Map<string, string>;
  /** Parts of personal names (عبد، أبو، بن) and titles (الرئيس، الشيخ). */
  personPrefixes: Set<string>;
  personTitles: Set<string>;
  /** Given names (the next one-word name is a family name; never proclitic + name). */
  givenNames: Set<string>;
  /** Nouns that open compound place names (رأس، عين، تل): an unknown name starting with one spans two words. */
  placeNameHeads: Set<string>;
  /** Words that mark sports news (a club named like its city is meant there). */
  sportsCues: Set<string>;
}

/** Paths of the rule files, each resolved already. */
export interface RuleFiles {
  organisationTriggers: string;
  placeTriggers: string;
  directions: string;
  organisationAdjectives: string;
  functionWords: string;
  commonWords: string;
  personCues: string;
  sportsCues: string;
  placeNameHeads: string;
}

/** Loads and normalises the rule word lists. */
export function loadRuleLexicon(files: RuleFiles, normalise: (s: string) => string): RuleLexicon {
  const organisationTriggers = new Map<string, OrganisationTrigger>();
  for (const { values } of readTsv(files.organisationTriggers, ['word', 'span', 'names', 'heads', 'agrees'], { span: ['include', 'exclude'], names: ['yes', 'no'], agrees: ['m', 'f'] })) {
    const word = normalise(values.word!);
    const heads = values.heads === '-' ? [] : values.heads!.split(',').map((h) => h.trim());
    organisationTriggers.set(word, { word, include: values.span === 'include', names: values.names === 'yes', heads: new Set(heads), agrees: values.agrees as 'm' | 'f' });
  }
  const placeTriggers = new Map<string, PlaceTrigger>();
  for (const { values } of readTsv(files.placeTriggers, ['word', 'label', 'type', 'unknown', 'list'], {
    label: ['GPE', 'LOC', '-', 'none'],
    unknown: ['yes', 'no'],
    list: ['yes', 'no'],
  })) {
    const word = normalise(values.word!);
    placeTriggers.set(word, {
      word,
      label: values.label === '-' || values.label === 'none' ? null : (values.label as 'GPE' | 'LOC'),
      blocks: values.label === 'none',
      type: values.type!,
      unknown: values.unknown === 'yes',
      list: values.list === 'yes',
    });
  }
  const directionNouns = new Set<string>();
  const directionAdjectives = new Set<string>();
  const distanceUnits = new Set<string>();
  for (const { values } of readTsv(files.directions, ['word', 'kind'], { kind: ['noun', 'adjective', 'unit'] })) {
    (values.kind === 'noun' ? directionNouns : values.kind === 'adjective' ? directionAdjectives : distanceUnits).add(normalise(values.word!));
  }
  const commonNames = new Map<string, string>();
  for (const { values } of readTsv(files.commonWords, ['word', 'reason'])) commonNames.set(normalise(values.word!), values.reason!);
  const personPrefixes = new Set<string>();
  const personTitles = new Set<string>();
  const givenNames = new Set<string>();
  for (const { values } of readTsv(files.personCues, ['word', 'class'], { class: ['prefix', 'title', 'given'] })) {
    (values.class === 'prefix' ? personPrefixes : values.class === 'title' ? personTitles : givenNames).add(normalise(values.word!));
  }
  const organisationAdjectives = new Set(readTsv(files.organisationAdjectives, ['word']).map((r) => normalise(r.values.word!)));
  const functionWords = new Set<string>();
  const commonNouns = new Set<string>();
  const reportingVerbs = new Set<string>();
  const pressNouns = new Set<string>();
  const demonstratives = new Set<string>();
  const quantifiers = new Set<string>();
  const relatives = new Set<string>();
  const byClass: Record<string, Set<string>> = {
    function: functionWords,
    noun: commonNouns,
    reporting: reportingVerbs,
    press: pressNouns,
    demonstrative: demonstratives,
    quantifier: quantifiers,
    relative: relatives,
  };
  for (const { values } of readTsv(files.functionWords, ['word', 'class'], { class: Object.keys(byClass) })) byClass[values.class!]!.add(normalise(values.word!));
  const sportsCues = new Set(readTsv(files.sportsCues, ['word']).map((r) => normalise(r.values.word!)));
  const placeNameHeads = new Set(readTsv(files.placeNameHeads, ['word']).map((r) => normalise(r.values.word!)));
  return {
    sportsCues,
    placeNameHeads,
    organisationTriggers,
    placeTriggers,
    directionNouns,
    directionAdjectives,
    organisationAdjectives,
    functionWords,
    commonNouns,
    reportingVerbs,
    pressNouns,
    demonstratives,
    quantifiers,
    relatives,
    distanceUnits,
    commonNames,
    personPrefixes,
    personTitles,
    givenNames,
  };
}
