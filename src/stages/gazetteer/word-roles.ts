/**
 * Rule words interned into the phrase index's vocabulary, so the one look-up pass over a
 * document's tokens also tells which tokens are triggers, directions, nisba adjectives or
 * function words: rules then test integer ids and bit flags, never strings.
 */
import type { TokenVocabulary } from '../../core/token-trie.js';
import type { NisbaForm } from './demonyms.js';
import type { OrganisationTrigger, PlaceTrigger, RuleLexicon } from './rules-data.js';

/** Bits of `WordRoles.bits` (below 1 << ROLE_BITS, see ../token-lookup.ts). */
export const Role = {
  PlaceTrigger: 1,
  OrganisationTrigger: 2,
  DirectionNoun: 4,
  DirectionAdjective: 8,
  OrganisationAdjective: 16,
  FunctionWord: 32,
  /** A single-token nisba form (either definiteness). */
  Nisba: 64,
  /** A definite single-token nisba form (`العراقية`). */
  DefiniteNisba: 128,
  /** A nisba with a place or people behind it (not `دولي`, `عالمي`). */
  PlaceNisba: 256,
  /** A common noun or adjective (never an unknown name). */
  CommonNoun: 512,
  DistanceUnit: 1024,
  /** A name that is also a frequent word or given name (rules/common-words.tsv). */
  CommonName: 2048,
  PersonPrefix: 4096,
  PersonTitle: 8192,
  SportsCue: 16384,
  /** A given name (rules/person-cues.tsv, class `given`). */
  GivenName: 32768,
  /** A verb of saying or reporting (rules/function-words.tsv, class `reporting`). */
  ReportingVerb: 65536,
  /** A noun of the press (class `press`: مراسل، مقابلة). */
  PressNoun: 131072,
  /** A demonstrative (class `demonstrative`: هذا، تلك): a function word that makes the next word a common noun. */
  Demonstrative: 1 << 18,
  /** A quantifier (class `quantifier`: كافة، جميع): likewise, for names that are also words. */
  Quantifier: 1 << 19,
  /** A relative pronoun (class `relative`: الذي، اللاتي): an indefinite word after one is a verb. */
  Relative: 1 << 20,
  /** A noun that opens a compound place name (rules/place-name-heads.tsv: رأس، عين، تل). */
  PlaceNameHead: 1 << 21,
} as const;

/** The article prefix ال (U+0627 ALEF, U+0644 LAM). */
export const ARTICLE = '\u0627\u0644';

/** Role bits and details per vocabulary id. */
export class WordRoles {
  bits: Uint32Array;
  readonly placeTriggers = new Map<number, PlaceTrigger>();
  readonly organisationTriggers = new Map<number, OrganisationTrigger>();
  readonly nisba = new Map<number, NisbaForm[]>();
  /** The country a single-token country nisba names (`الأردنية`: JO), by vocabulary id. */
  readonly nisbaCountry = new Map<number, string>();
  /** Why a name is also a common word (`common-word`, `person-name`, `month`). */
  readonly commonNames = new Map<number, string>();

  constructor(vocabulary: TokenVocabulary, lexicon: RuleLexicon, demonyms: ReadonlyMap<string, NisbaForm[]>) {
    const marks: [number, number][] = [];
    const mark = (word: string, bit: number) => {
      const id = vocabulary.intern(word);
      marks.push([id, bit]);
      return id;
    };
    for (const [word, trigger] of lexicon.placeTriggers) {
      for (const form of withArticle(word)) this.placeTriggers.set(mark(form, Role.PlaceTrigger), trigger);
    }
    for (const [word, trigger] of lexicon.organisationTriggers) {
      for (const form of withArticle(word)) this.organisationTriggers.set(mark(form, Role.OrganisationTrigger), trigger);
    }
    for (const word of lexicon.directionNouns) mark(word, Role.DirectionNoun);
    for (const word of lexicon.directionAdjectives) mark(word, Role.DirectionAdjective);
    for (const word of lexicon.organisationAdjectives) mark(word, Role.OrganisationAdjective);
    for (const word of lexicon.functionWords) mark(word, Role.FunctionWord);
    for (const word of lexicon.commonNouns) mark(word, Role.CommonNoun);
    for (const word of lexicon.distanceUnits) mark(word, Role.DistanceUnit);
    for (const [word, reason] of lexicon.commonNames) this.commonNames.set(mark(word, Role.CommonName), reason);
    for (const word of lexicon.personPrefixes) mark(word, Role.PersonPrefix);
    for (const word of lexicon.personTitles) mark(word, Role.PersonTitle);
    for (const word of lexicon.sportsCues) mark(word, Role.SportsCue);
    for (const word of lexicon.placeNameHeads) mark(word, Role.PlaceNameHead);
    for (const word of lexicon.givenNames) mark(word, Role.GivenName);
    for (const word of lexicon.reportingVerbs) mark(word, Role.ReportingVerb | Role.FunctionWord);
    for (const word of lexicon.pressNouns) mark(word, Role.PressNoun | Role.CommonNoun);
    for (const word of lexicon.demonstratives) mark(word, Role.Demonstrative | Role.FunctionWord);
    for (const word of lexicon.quantifiers) mark(word, Role.Quantifier | Role.FunctionWord);
    for (const word of lexicon.relatives) mark(word, Role.Relative | Role.FunctionWord);
    for (const [key, forms] of demonyms) {
      if (key.includes(' ')) continue; // multi-word nisba phrases are rare; single tokens carry the rules
      let bit: number = Role.Nisba;
      if (forms.some((f) => f.definite)) bit |= Role.DefiniteNisba;
      if (forms.some((f) => f.place !== undefined || f.group !== undefined)) bit |= Role.PlaceNisba;
      const id = mark(key, bit);
      this.nisba.set(id, forms);
      const country = forms.find((f) => f.kind === 'country' && f.country !== undefined)?.country;
      if (country !== undefined) this.nisbaCountry.set(id, country);
    }
    this.bits = new Uint32Array(vocabulary.size + 1);
    for (const [id, bit] of marks) this.bits[id] = this.bits[id]! | bit;
  }

  /** Role bits of a vocabulary id (0 for -1 or an id added after these roles). */
  of(id: number): number {
    return id < 0 ? 0 : (this.bits[id] ?? 0);
  }
}

/** A trigger word with and without the article (unless it has one already). */
function withArticle(word: string): string[] {
  return word.startsWith(ARTICLE) ? [word, word.slice(2)] : [word, ARTICLE + word];
}
