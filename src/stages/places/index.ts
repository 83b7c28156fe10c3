import { z } from 'zod';
import { defineStage } from '../../core/stage.js';
import { annotateCandidate } from '../gazetteer/candidates.js';
import { ruleFilesOption, setUpGazetteer } from '../gazetteer/setup.js';
import { FuzzyIndex, fuzzyOption, reportNearMisses } from '../gazetteer/fuzzy.js';
import { SHARED_PLACES_KEY, recognisePlaces, type SharedPlaces } from './recognise.js';

export const placesOptions = z.strictObject({
  /** Gazetteer files (JSONL): `builtin:` for the shipped ones, `*` in a file name for all; add your own. */
  gazetteers: z.array(z.string()).default(['builtin:places/*.jsonl']),
  /** Nisba adjective files (an adjective such as `العراقية` is never a place). */
  demonyms: z.array(z.string()).default(['builtin:places/demonyms.jsonl']),
  /** Rule word lists (triggers, directions, function words). */
  rules: ruleFilesOption,
  /** Candidates below this confidence are not written. */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /** Prior confidence of an entry marked `ambiguous` that gives none of its own. */
  ambiguousConfidence: z.number().min(0).max(1).default(0.5),
  /** Drop a place name spelt like a nisba adjective in adjective position (`الخارجية السعودية`). */
  nisbaFilter: z.boolean().default(true),
  /** Direction + place is one LOC (`شمال شرق سوريا`, `إفريقيا جنوب الصحراء الكبرى`). */
  directions: z.boolean().default(true),
  /** Place triggers (`مدينة`, `مخيم`, `منطقة` ...) confirm the name after them. */
  triggers: z.boolean().default(true),
  /** ... and introduce names the gazetteer does not know (`مقاطعة كيفو الشمالية`). */
  unknownNames: z.boolean().default(true),
  /** An ambiguous name joined by و to a sure place is a place (`غرب إفريقيا والساحل`). */
  coordination: z.boolean().default(true),
  /** A name confirmed by context once is a place at its other mentions in the document. */
  discourse: z.boolean().default(true),
  /**
   * Near-misses of known names (`طاجكستان`): reported (as messages, or as low-confidence
   * annotations with `annotate`), never written silently. Off by default: the scan costs
   * about a quarter of the stage's time; switch it on to grow the gazetteers.
   */
  fuzzy: fuzzyOption.default({
    enabled: false,
    annotate: false,
    confidence: 0.4,
    minLength: 6,
    maxDistance: 1,
    types: ['country', 'territory', 'province', 'region', 'continent', 'sea', 'ocean', 'gulf'],
  }),
});
export type PlacesOptions = z.output<typeof placesOptions>;

export const placesStage = defineStage({
  name: 'places',
  summary: 'GPE and LOC from gazetteers by whole tokens with proclitics, nisba and ambiguity checks, direction and trigger rules, and near-miss reports.',
  requires: ['tokens'],
  provides: ['places'],
  tagger: true,
  options: placesOptions,
  create(options, context) {
    const setup = setUpGazetteer(options.gazetteers, options.demonyms, options.rules, context);
    const fuzzy = options.fuzzy.enabled ? new FuzzyIndex(setup, options.fuzzy, ['GPE', 'LOC']) : null;
    return (doc) => {
      const tokens = doc.tokens!;
      const result = recognisePlaces(doc, setup, options);
      const shared: SharedPlaces = { all: result.all, written: result.chosen, annotations: [] };
      for (const c of result.chosen) shared.annotations.push(annotateCandidate(doc, tokens, c));
      doc.shared.set(SHARED_PLACES_KEY, shared);
      if (fuzzy !== null) reportNearMisses(doc, fuzzy, 'places', result.chosen, result.lookup);
    };
  },
});
