/**
 * The dates stage: DATE annotations for absolute dates of Arabic news (day month year in
 * the Egyptian/Gulf, Levantine/Iraqi, Maghrebi and Hijri month series, paired names,
 * numeric dates, years with their noun or era, centuries, decades), with an ISO 8601
 * value as precise as the text (see value.ts). Relative expressions (اليوم، العام
 * الماضي) and times are left out.
 *
 * It reuses the numbers stage's number words (ordinal days: الثامن من يونيو) and the
 * shared per-document token look-up, so its cost per token is a byte or two of reading.
 */
import { z } from 'zod';
import type { Annotation, Doc } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { dataPath } from '../numbers/index.js';
import { loadNumberWords } from '../numbers/lexicon.js';
import { NUMBERS_SHARED_KEY, type NumbersShared } from '../numbers/scan.js';
import { sharedVocabulary } from '../token-lookup.js';
import { loadDateLexicon } from './lexicon.js';
import { DateScanner } from './scan.js';

export const datesOptions = z.strictObject({
  /** Month and weekday names, year nouns, eras, cue words (TSV); `builtin:` for the shipped list. */
  words: z.string().default('builtin:dates.tsv'),
  /** Number words (the numbers stage's list): ordinal days and centuries. */
  numberWords: z.string().default('builtin:number-words.tsv'),
  /** Tag a month name alone (في سبتمبر، مارس الماضي); ambiguous names need a cue word. */
  monthAlone: z.boolean().default(true),
  /** Tag a bare 19xx/20xx after a cue word (في 2008، منذ 2003). */
  bareYears: z.boolean().default(true),
  /** Order of an all-digit date whose first two parts could both be the month (8/6/2023). */
  numericOrder: z.enum(['dmy', 'mdy']).default('dmy'),
  /** Tag centuries (القرن العشرين). */
  centuries: z.boolean().default(true),
  /** Tag decades (الثمانينيات). */
  decades: z.boolean().default(true),
  /** Join two years or days into one DATE (1998 - 2005، عامي 2000 و2001، 12-14 مارس). */
  ranges: z.boolean().default(true),
  /** Confidence below which a date is not written. */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type DatesOptions = z.output<typeof datesOptions>;

/**
 * Drops the numbers stage's annotations that have exactly the span of a DATE (بحلول 2006:
 * a year the numbers stage read as a count). They would win the tie with it (same span,
 * label order), as a number would with MONEY; the money stage replaces its numbers alike.
 * A number strictly inside a date needs nothing: the outermost span wins.
 */
function replaceNumbers(doc: Doc, dateEnds: ReadonlyMap<number, number>): void {
  const shared = doc.shared.get(NUMBERS_SHARED_KEY) as NumbersShared | undefined;
  if (shared === undefined) return;
  const replaced = new Set<Annotation>();
  for (const q of shared.quantities) {
    const a = q.annotation;
    if (a !== null && dateEnds.get(a.start) === a.end) replaced.add(a);
  }
  if (replaced.size > 0) doc.annotations = doc.annotations.filter((a) => !replaced.has(a));
}

export const datesStage = defineStage({
  name: 'dates',
  summary: 'Absolute dates (day, month, year, numeric, Hijri, centuries, decades) with ISO 8601 values; relative expressions and times left out.',
  requires: ['tokens'],
  provides: ['dates'],
  tagger: true,
  options: datesOptions,
  create(options, context) {
    const vocabulary = sharedVocabulary(context);
    const lexicon = loadDateLexicon(dataPath(options.words, context), context.normalise, vocabulary);
    const numberWords = loadNumberWords(dataPath(options.numberWords, context), context.normalise);
    const scanner = new DateScanner(lexicon, numberWords, options, vocabulary);
    return (doc) => {
      let ends: Map<number, number> | null = null;
      for (const d of scanner.scan(doc)) {
        if (d.confidence < options.minConfidence) continue;
        doc.annotate({ label: 'DATE', start: d.start, end: d.end, value: d.value, source: d.source, confidence: d.confidence, note: d.note });
        (ends ??= new Map()).set(d.start, d.end);
      }
      if (ends !== null) replaceNumbers(doc, ends);
    };
  },
});
