/**
 * The numbers stage: CARDINAL, ORDINAL and PERCENT annotations with exact values, and the
 * numbers it read left in `doc.shared` for the money stage.
 *
 * Values are exact (see exact.ts for how they are written: a JSON number when its
 * shortest form is exact, else a decimal string, or `"p/q"` for a fraction with no finite
 * decimal). Qualifiers (`نحو`, `أكثر من`, ranges) go in an extra `qualifier` field of the
 * annotation, with a readable `note` for ranges; the value stays the number itself.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { defineStage } from '../../core/stage.js';
import { loadContexts, loadNumberWords, type NumberLexicon } from './lexicon.js';
import { NUMBERS_SHARED_KEY, NumberScanner, type NumbersShared } from './scan.js';
import { sharedVocabulary } from '../token-lookup.js';

export const numbersOptions = z.strictObject({
  /** Number words (TSV); `builtin:` for the shipped list. */
  words: z.string().default('builtin:number-words.tsv'),
  /** Context words: qualifiers, percent phrases, months, year and phone cues (TSV). */
  contexts: z.string().default('builtin:number-words.contexts.tsv'),
  /**
   * Decimal mark: `auto` reads `148,7` as 148.7 and `1,250` as 1250 by the rules of
   * digits.ts; `dot` forces `.` decimal and `,` thousands; `comma` the reverse.
   */
  decimal: z.enum(['auto', 'dot', 'comma']).default('auto'),
  /**
   * The newswire ر decimal of Arabic agency copy. Stored text holds it fraction first
   * (`2717ر1 دولار` is 1.2717 dollars, typed so that it displays `1ر2717` right to left):
   * `fraction-first`; `integer-first` reads `1ر8` as 1.8; `off` leaves such tokens out.
   */
  raDecimal: z.enum(['fraction-first', 'integer-first', 'off']).default('fraction-first'),
  /** Tag ordinals (الأول، الحادي عشر، الـ25). */
  ordinals: z.boolean().default(true),
  /** Tag percentages (25%، ١٢ في المئة); off, the number stays a CARDINAL. */
  percent: z.boolean().default(true),
  /** Tag a fraction that quantifies no number (نصف الوفيات) as a CARDINAL. */
  bareFractions: z.boolean().default(false),
  /** `skip` leaves dates and years out (عام 2018، 8-06- 2023); `keep` tags their numbers. */
  dates: z.enum(['skip', 'keep']).default('skip'),
  /** Read a bare 19xx/20xx after في/منذ or before a full stop as a year (left out). */
  guessYears: z.boolean().default(true),
  /** Tag numbers after رقم، القرار (القرار رقم 2254) as CARDINAL (never money). */
  identifiers: z.boolean().default(true),
  /** Tag footnote marks (`[1]`) as CARDINAL. */
  footnotes: z.boolean().default(false),
  /** Confidence below which a number is not written. */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type NumbersOptions = z.output<typeof numbersOptions>;

/** Resolves a data path option: `builtin:` against the shipped gazetteers, else the config's folder. */
export function dataPath(option: string, context: { baseDir: string; dataDir: string }): string {
  return option.startsWith('builtin:') ? resolve(context.dataDir, option.slice('builtin:'.length)) : resolve(context.baseDir, option);
}

/** Loads and compiles the lexicon with the pipeline's normaliser. */
export function loadNumberLexicon(options: Pick<NumbersOptions, 'words' | 'contexts'>, context: { baseDir: string; dataDir: string; normalise: (s: string) => string }): NumberLexicon {
  const words = loadNumberWords(dataPath(options.words, context), context.normalise);
  return { words, ...loadContexts(dataPath(options.contexts, context), context.normalise) };
}

export const numbersStage = defineStage({
  name: 'numbers',
  summary: 'Cardinals, ordinals and percentages in digits, words or both, with exact values; dates, phone numbers and times left out.',
  requires: ['tokens'],
  provides: ['numbers'],
  tagger: true,
  options: numbersOptions,
  create(options, context) {
    const scanner = new NumberScanner(loadNumberLexicon(options, context), options, sharedVocabulary(context));
    return (doc) => {
      const quantities = scanner.scan(doc);
      for (const q of quantities) {
        if (q.confidence < options.minConfidence) continue;
        const a = doc.annotate({
          label: q.label,
          start: q.start,
          end: q.end,
          value: q.value.toJsonValue(),
          source: q.source,
          confidence: q.confidence,
          // Always present (see annotateCandidate): one input shape for Doc.annotate.
          note: q.note !== null ? q.note : undefined,
        });
        if (q.qualifier !== null) a.qualifier = q.qualifier;
        q.annotation = a;
      }
      const shared: NumbersShared = { quantities };
      doc.shared.set(NUMBERS_SHARED_KEY, shared);
    };
  },
});
