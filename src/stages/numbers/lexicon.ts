/**
 * Loads the number words and the context words (gazetteers/number-words*.tsv) and
 * compiles them for the numbers stage: number words into a {@link WordTable} (read per
 * token through the shared token look-up), context phrases into maps consulted only
 * around numbers.
 */
import { readFileSync } from 'node:fs';
import { NUMBER_CLASS_NAMES, WORD_FLAG_NAMES, type NumberWord } from '../../arabic/number-words.js';
import { DataError } from '../../core/errors.js';
import { Exact } from './exact.js';
import { PhraseSet, phraseTokens } from './token-context.js';
import { WordTable } from './word-table.js';

/** Context classes of number-words.contexts.tsv. */
export const CONTEXT_CLASSES = [
  'qualifier-before',
  'qualifier-after',
  'percent-after',
  'range-open',
  'range-join',
  'year-before',
  'year-after',
  'event-before',
  'month',
  'time-before',
  'phone-before',
  'id-before',
  'model-before',
  'date-head',
  'ordinal-not-after',
  'ordinal-not-before',
  'year-next',
  'year-prev',
  'time-after',
  'not-ordinal',
  'not-number',
  'date-linker',
] as const;
export type ContextClass = (typeof CONTEXT_CLASSES)[number];

/** One context phrase: its folded tokens and what it means. */
export interface ContextPhrase {
  tokens: string[];
  cls: ContextClass;
  value: string;
}

/** The compiled lexicon. */
export interface NumberLexicon {
  words: WordTable<NumberWord>;
  /** Context phrases by class, indexed. */
  contexts: Map<ContextClass, PhraseSet>;
  /** Folded single words of a class, for quick membership tests. */
  single: Map<ContextClass, Map<string, string>>;
}

function parseFraction(s: string): Exact | null {
  const m = /^(\d+)(?:\/(\d+))?$/.exec(s);
  if (m === null) return null;
  return Exact.of(BigInt(m[1]!), BigInt(m[2] ?? '1'));
}

/** Reads a TSV file into [line number, columns] rows, skipping comments and blank lines. */
function readRows(path: string): [number, string[]][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const rows: [number, string[]][] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    rows.push([i + 1, line.split('\t')]);
  });
  return rows;
}

/**
 * Loads number words: `form, class, value, flags` a line. Each form is folded with
 * `normalise` (the pipeline's own normaliser), so the table matches the view. Two forms
 * that fold together must mean the same; otherwise the file is wrong and loading stops
 * with `file:line`.
 */
export function loadNumberWords(path: string, normalise: (s: string) => string): WordTable<NumberWord> {
  const table = new WordTable<NumberWord>();
  const lines = new Map<string, number>();
  for (const [line, cols] of readRows(path)) {
    const where = `${path}:${line}`;
    const [form, clsName, valueText, flagText = ''] = cols;
    if (form === undefined || form.trim() === '' || clsName === undefined || valueText === undefined) {
      throw new DataError(`${where}: expected form, class, value and optional flags separated by tabs`);
    }
    const cls = NUMBER_CLASS_NAMES[clsName];
    if (cls === undefined) throw new DataError(`${where}: unknown class "${clsName}" (known: ${Object.keys(NUMBER_CLASS_NAMES).join(', ')})`);
    const value = parseFraction(valueText);
    if (value === null) throw new DataError(`${where}: value "${valueText}" is not an integer or p/q`);
    let flags = 0;
    for (const name of flagText.split(',').filter((f) => f !== '')) {
      const bit = WORD_FLAG_NAMES[name];
      if (bit === undefined) throw new DataError(`${where}: unknown flag "${name}" (known: ${Object.keys(WORD_FLAG_NAMES).join(', ')})`);
      flags |= bit;
    }
    const key = normalise(form.trim());
    if (/\s/.test(key)) throw new DataError(`${where}: a number word is one word ("${form}")`);
    const word: NumberWord = { form: key, cls, value, flags };
    const existing = table.get(key);
    if (existing !== undefined) {
      if (existing.cls === cls && existing.value.eq(value) && existing.flags === flags) continue;
      throw new DataError(`${where}: "${form}" folds to "${key}" like line ${lines.get(key)} but means something else`);
    }
    table.set(key, word);
    lines.set(key, line);
  }
  return table;
}

/** Loads context phrases: `phrase, class, value` a line. */
export function loadContexts(path: string, normalise: (s: string) => string): Pick<NumberLexicon, 'contexts' | 'single'> {
  const lists = new Map<ContextClass, ContextPhrase[]>();
  const single = new Map<ContextClass, Map<string, string>>();
  for (const cls of CONTEXT_CLASSES) {
    lists.set(cls, []);
    single.set(cls, new Map());
  }
  for (const [line, cols] of readRows(path)) {
    const where = `${path}:${line}`;
    const [phrase, clsName, value] = cols;
    if (phrase === undefined || phrase.trim() === '' || clsName === undefined || value === undefined || value === '') {
      throw new DataError(`${where}: expected phrase, class and value separated by tabs`);
    }
    if (!(CONTEXT_CLASSES as readonly string[]).includes(clsName)) {
      throw new DataError(`${where}: unknown class "${clsName}" (known: ${CONTEXT_CLASSES.join(', ')})`);
    }
    const cls = clsName as ContextClass;
    const tokens = phraseTokens(normalise(phrase.trim()));
    if (tokens.length === 0) throw new DataError(`${where}: empty phrase`);
    lists.get(cls)!.push({ tokens, cls, value });
    if (tokens.length === 1) single.get(cls)!.set(tokens[0]!, value);
  }
  const contexts = new Map<ContextClass, PhraseSet>();
  for (const [cls, list] of lists) contexts.set(cls, new PhraseSet(list));
  return { contexts, single };
}
