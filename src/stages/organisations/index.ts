import { z } from 'zod';
import type { Annotation } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { annotateCandidate, candidateSpan, type Candidate } from '../gazetteer/candidates.js';
import { FuzzyIndex, fuzzyOption, reportNearMisses } from '../gazetteer/fuzzy.js';
import { ruleFilesOption, setUpGazetteer } from '../gazetteer/setup.js';
import { SHARED_PLACES_KEY, type SharedPlaces } from '../places/recognise.js';
import { clubShortNames, recogniseOrganisations } from './recognise.js';

export const organisationsOptions = z.strictObject({
  /** Gazetteer files (JSONL): `builtin:` for the shipped ones, `*` in a file name for all; add your own. */
  gazetteers: z.array(z.string()).default(['builtin:organisations/*.jsonl']),
  /** Nisba adjective files, for `الحكومة العراقية` and for refusing adjectives as names. */
  demonyms: z.array(z.string()).default(['builtin:places/demonyms.jsonl']),
  /** Rule word lists (trigger nouns, institutional adjectives, function words). */
  rules: ruleFilesOption,
  /** Candidates below this confidence are not written. */
  minConfidence: z.number().min(0).max(1).default(0.5),
  /** Prior confidence of an entry marked `ambiguous` that gives none of its own. */
  ambiguousConfidence: z.number().min(0).max(1).default(0.5),
  /** Drop a name spelt like a nisba adjective in adjective position (`الاتحاد العربي` is not the club العربي). */
  nisbaFilter: z.boolean().default(true),
  /** Trigger + known organisation (`تنظيم داعش`, `منظمة أوبك`). */
  triggerOrganisation: z.boolean().default(true),
  /** Trigger + noun phrase + nisba (`الحكومة العراقية`, `وزارة الخارجية السعودية`). */
  triggerNisba: z.boolean().default(true),
  /** Trigger + noun phrase + known place (`جامعة القاهرة`, `مجموعة التركيز على إفريقيا`). */
  triggerPlace: z.boolean().default(true),
  /** Definite trigger + institutional adjective + ل-phrase (`المديرية العامة للمقاطعات`). */
  institutional: z.boolean().default(true),
  /** Trigger phrase + parenthesised acronym (`حلف شمال الأطلسي (الناتو)`). */
  acronyms: z.boolean().default(true),
  /** Trigger + quoted name (`شركة «غوغل»`). */
  quotedNames: z.boolean().default(true),
  /** A trigger that takes names + a word shaped like a name no list knows (`نادي بوردو`). */
  unknownNames: z.boolean().default(true),
  /**
   * Clubs named after their city: in sports news a city spelt like a club's short name is
   * the club (`فاز برشلونة`), so is a city in a fixture list (`بوردو ( فرنسا ) - ...`), and a
   * city with the masculine nisba of its own country anywhere (`ليون الفرنسي`).
   */
  sportsContext: z.boolean().default(true),
  /**
   * Near-misses of known organisation names: reported, never silently. Off by default:
   * organisation names are mostly several words, and the scan costs throughput.
   */
  fuzzy: fuzzyOption.default({
    enabled: false,
    annotate: false,
    confidence: 0.4,
    minLength: 6,
    maxDistance: 1,
    types: ['international-body', 'armed-group', 'party', 'media', 'company'],
  }),
});
export type OrganisationsOptions = z.output<typeof organisationsOptions>;

/**
 * Same span tagged a place and an organisation (`الجزيرة`: the channel or the peninsula,
 * `ليفربول`: the club or the city): the one the context or the data is surer of wins;
 * a tie keeps the place. The loser is noted on the winner.
 */
function settleSameSpan(
  org: Candidate,
  place: Candidate,
  rival: Annotation,
  removed: Set<Annotation>,
  end: number,
): boolean {
  if (rival.end !== end) return true;
  const orgAmbiguous = org.ambiguous !== undefined;
  const placeAmbiguous = place.ambiguous !== undefined;
  let orgWins: boolean;
  let why: string;
  if (org.decisive !== undefined) {
    orgWins = true;
    why = org.decisive;
  } else if (org.source === 'organisations:sports-context') {
    orgWins = true;
    why = 'sports news names the club';
  } else if (placeAmbiguous !== orgAmbiguous) {
    orgWins = placeAmbiguous;
    why = `only the ${orgWins ? 'place' : 'organisation'} name is marked ambiguous`;
  } else {
    orgWins = org.confidence > place.confidence;
    why = orgWins ? 'the organisation reading is more confident' : 'the place reading is as confident or more';
  }
  if (orgWins) {
    removed.add(rival);
    org.notes.push(`also the place ${place.name} (${place.id ?? 'rule'}); written as an organisation: ${why}`);
  } else {
    const a: Annotation = rival;
    const note = `also the organisation ${org.name} (${org.id ?? 'rule'}); written as a place: ${why}`;
    a.note = a.note === undefined ? note : `${a.note}; ${note}`;
  }
  return orgWins;
}

const NO_PLACES: SharedPlaces = { all: [], written: [], annotations: [] };

export const organisationsStage = defineStage({
  name: 'organisations',
  summary: 'ORG from gazetteers by whole tokens with proclitics, and trigger-noun rules (nisba, place, known organisation, institutional lam-phrase, acronym, quoted name, sports context).',
  requires: ['tokens', 'places'],
  provides: ['organisations'],
  tagger: true,
  options: organisationsOptions,
  create(options, context) {
    const setup = setUpGazetteer(options.gazetteers, options.demonyms, options.rules, context);
    const fuzzy = options.fuzzy.enabled ? new FuzzyIndex(setup, options.fuzzy, ['ORG']) : null;
    const clubs = clubShortNames(setup);
    return (doc) => {
      const tokens = doc.tokens!;
      const places = doc.shared.get(SHARED_PLACES_KEY) as SharedPlaces | undefined;
      const result = recogniseOrganisations(doc, setup, options, places, clubs);
      // Written places never overlap, so their start identifies them; they and the chosen
      // organisations are both in text order, so one walk along the places finds the
      // place starting where each organisation starts.
      const written = (places ?? NO_PLACES).annotations;
      const writtenPlaces = (places ?? NO_PLACES).written;
      let p = 0;
      const removed = new Set<Annotation>();
      for (const c of result.chosen) {
        const { start, end } = candidateSpan(tokens, c);
        while (p < written.length && written[p]!.start < start) p++;
        const rival = p < written.length && written[p]!.start === start ? p : -1;
        if (rival < 0 || settleSameSpan(c, writtenPlaces[rival]!, written[rival]!, removed, end)) annotateCandidate(doc, tokens, c);
      }
      if (removed.size > 0) doc.annotations = doc.annotations.filter((a) => !removed.has(a));
      if (fuzzy !== null) reportNearMisses(doc, fuzzy, 'organisations', result.chosen, result.lookup);
    };
  },
});
