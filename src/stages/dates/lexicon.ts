/**
 * Loads the date words (gazetteers/dates.tsv) and compiles them against the pipeline's
 * shared token vocabulary (../token-lookup.ts): every phrase becomes a list of token ids,
 * indexed by the id of its first token, so matching a phrase at a token is an array read
 * and a few integer comparisons, never a string.
 *
 * Words that can open a date (month and weekday names, year nouns, القرن, decades, يوم,
 * شهر) are interned with {@link DATE_SCOPE}: the stage's per-token test is one byte of the
 * document look-up. Words that only matter next to a date (من، في، الماضي، م) are interned
 * without a scope bit: they get an id, so phrases can be compared, but never wake the loop.
 */
import { readFileSync } from 'node:fs';
import { DataError } from '../../core/errors.js';
import type { TokenVocabulary } from '../../core/token-trie.js';
import { phraseTokens } from '../numbers/token-context.js';
import { DATE_SCOPE } from '../token-lookup.js';

/** Classes of dates.tsv (see the file's header for what each means). */
export const DATE_CLASSES = [
  'month',
  'weekday',
  'weekday-link',
  'day-word',
  'day-noun',
  'month-noun',
  'year-noun',
  'year-marker',
  'relative',
  'linker',
  'range-open',
  'range-join',
  'century-noun',
  'decade',
  'year-cue',
  'function-word',
  'date-cue',
  'not-before',
  'measure-before',
  'period-of',
] as const;
export type DateClass = (typeof DATE_CLASSES)[number];

/** Class bits, for the per-id masks. */
export const DateBit: Readonly<Record<DateClass, number>> = Object.fromEntries(DATE_CLASSES.map((c, k) => [c, 1 << k])) as Record<DateClass, number>;

/** Classes whose words can be the first token of a date: interned with the stage's scope bit. */
const OPENING: ReadonlySet<DateClass> = new Set(['month', 'weekday', 'day-word', 'day-noun', 'month-noun', 'year-noun', 'century-noun', 'decade']);

/** Flags of a month entry. */
export const MonthFlag = {
  /** Also a common word: alone, tagged only after a cue word. */
  Ambiguous: 1,
  /** Also a given name or a number: never tagged alone. */
  Name: 2,
} as const;

/** One phrase of dates.tsv, compiled. */
export interface DateEntry {
  cls: DateClass;
  /** Folded tokens, and their vocabulary ids. */
  tokens: readonly string[];
  ids: Int32Array;
  /** The value column as written (`3`, `h9`, `ce`, `strong` ...). */
  value: string;
  /**
   * Its number, where it has one: month 1-12 (Hijri months too: see {@link hijri}),
   * weekday 1-7, day-word 1-31, year-noun 1 or 2 (0 for a plural), decade 2-9; 0 otherwise.
   */
  num: number;
  /** A Hijri month. */
  hijri: boolean;
  /** {@link MonthFlag} bits. */
  flags: number;
  /** `file:line`, for messages. */
  where: string;
}

/** The compiled word list. */
export class DateLexicon {
  /** Entries by the vocabulary id of their first token, longest first. */
  private readonly byFirst: (DateEntry[] | undefined)[] = [];
  /** Per vocabulary id: the {@link DateBit}s of the entries it opens. */
  private readonly bits: Int32Array;
  readonly entries: readonly DateEntry[];

  constructor(entries: readonly DateEntry[], vocabularySize: number) {
    this.entries = entries;
    this.bits = new Int32Array(vocabularySize);
    for (const e of [...entries].sort((a, b) => b.ids.length - a.ids.length)) {
      const first = e.ids[0]!;
      (this.byFirst[first] ??= []).push(e);
      this.bits[first] = this.bits[first]! | DateBit[e.cls];
    }
  }

  /** The {@link DateBit}s of the entries whose first token has vocabulary id `id`. */
  bitsOf(id: number): number {
    return id >= 0 && id < this.bits.length ? this.bits[id]! : 0;
  }

  /** The entries whose first token has vocabulary id `id`, longest first. */
  startingWith(id: number): readonly DateEntry[] {
    return (id >= 0 ? this.byFirst[id] : undefined) ?? NONE;
  }
}

const NONE: readonly DateEntry[] = [];

const FLAG_NAMES: Readonly<Record<string, number>> = { ambiguous: MonthFlag.Ambiguous, name: MonthFlag.Name };

/** The number a value column carries for its class, or null when it is not valid there. */
function numberOf(cls: DateClass, value: string): { num: number; hijri: boolean } | null {
  const int = (s: string, min: number, max: number) => (/^\d+$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null);
  switch (cls) {
    case 'month': {
      const hijri = value.startsWith('h');
      const n = int(hijri ? value.slice(1) : value, 1, 12);
      return n === null ? null : { num: n, hijri };
    }
    case 'day-word': {
      const n = int(value, 1, 31);
      return n === null ? null : { num: n, hijri: false };
    }
    case 'weekday': {
      const n = int(value, 1, 7);
      return n === null ? null : { num: n, hijri: false };
    }
    case 'year-noun':
      return value === 'n' ? { num: 0, hijri: false } : int(value, 1, 2) === null ? null : { num: Number(value), hijri: false };
    case 'decade': {
      const n = int(value, 1, 9);
      return n === null ? null : { num: n, hijri: false };
    }
    case 'year-marker':
      return ['ce', 'ah', 'bce'].includes(value) ? { num: 0, hijri: value === 'ah' } : null;
    case 'year-cue':
      return value === 'strong' || value === 'weak' ? { num: 0, hijri: false } : null;
    case 'range-join':
      return ['to', 'and', 'dash'].includes(value) ? { num: 0, hijri: false } : null;
    default:
      return { num: 0, hijri: false };
  }
}

/**
 * Loads `path` (dates.tsv), folds every phrase with `normalise` (the pipeline's own
 * normaliser, so phrases match the view) and interns its tokens into `vocabulary`.
 * Errors name `file:line`.
 */
export function loadDateLexicon(path: string, normalise: (s: string) => string, vocabulary: TokenVocabulary): DateLexicon {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const entries: DateEntry[] = [];
  const seen = new Map<string, DateEntry>();
  text.split('\n').forEach((raw, n) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const where = `${path}:${n + 1}`;
    const [phrase, clsName, value, flagText = '', ...extra] = line.split('\t');
    if (phrase === undefined || phrase.trim() === '' || clsName === undefined || value === undefined || value === '' || extra.length > 0) {
      throw new DataError(`${where}: expected phrase, class, value and optional flags separated by tabs`);
    }
    if (!(DATE_CLASSES as readonly string[]).includes(clsName)) {
      throw new DataError(`${where}: unknown class "${clsName}" (known: ${DATE_CLASSES.join(', ')})`);
    }
    const cls = clsName as DateClass;
    const parsed = numberOf(cls, value);
    if (parsed === null) throw new DataError(`${where}: value "${value}" is not valid for class ${cls}`);
    let flags = 0;
    for (const name of flagText.split(',').filter((f) => f !== '')) {
      const bit = FLAG_NAMES[name];
      if (bit === undefined || cls !== 'month') throw new DataError(`${where}: unknown flag "${name}" for class ${cls} (months know: ${Object.keys(FLAG_NAMES).join(', ')})`);
      flags |= bit;
    }
    const tokens = phraseTokens(normalise(phrase.trim()));
    if (tokens.length === 0) throw new DataError(`${where}: empty phrase`);
    const key = `${cls}\t${tokens.join(' ')}`;
    const before = seen.get(key);
    if (before !== undefined) {
      if (before.value === value && before.flags === flags) return;
      throw new DataError(`${where}: "${phrase}" folds like ${before.where} but means something else`);
    }
    const scope = OPENING.has(cls) ? DATE_SCOPE : 0;
    const ids = Int32Array.from(tokens, (t, k) => vocabulary.intern(t, k === 0 ? scope : 0));
    const entry: DateEntry = { cls, tokens, ids, value, num: parsed.num, hijri: parsed.hijri, flags, where };
    seen.set(key, entry);
    entries.push(entry);
  });
  for (const cls of ['month', 'year-noun', 'year-marker'] as const) {
    if (!entries.some((e) => e.cls === cls)) throw new DataError(`${path}: no entry of class ${cls}`);
  }
  return new DateLexicon(entries, vocabulary.size);
}
