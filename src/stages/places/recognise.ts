/**
 * Place recognition (GPE, LOC) over one document: gazetteer matches with proclitics,
 * context decisions for ambiguous names, and rules beyond the lists.
 *
 * Order of work:
 *   1. every gazetteer match at every token (all lengths, all proclitic readings);
 *   2. a prior confidence per match from its entry, minus nisba adjectives (`العراقية`);
 *   3. rule candidates: direction + place (`شمال شرق سوريا`), trigger + unknown name
 *      (`مقاطعة كيفو الشمالية`);
 *   4. context raises ambiguous names: a trigger before them, a coordinated place, the
 *      same place confirmed or named surely elsewhere in the document (one sense per
 *      discourse: Gale, Church and Yarowsky, 1992);
 *   5. leftmost-longest selection; what reaches `minConfidence` is written.
 */
import type { Annotation, Doc } from '../../core/document.js';
import { TokenKind } from '../../core/tokens.js';
import { CandidatesByStart, chooseReading, choiceNote, makeCandidate, rankReadings, selectCandidates, type Candidate, type NameReading, type RankedReadings } from '../gazetteer/candidates.js';
import { DocWords, TokenList } from '../gazetteer/doc-words.js';
import { READINGS, READING_CUTS, matchesAt, type PhraseMatch, type TokenLookup } from '../gazetteer/phrase-index.js';
import { documentLookup, type GazetteerSetup } from '../gazetteer/setup.js';
import { COMMON_WORD_CONFIDENCE, priorOf } from '../gazetteer/prior.js';
import type { PlaceTrigger } from '../gazetteer/rules-data.js';
import { Role } from '../gazetteer/word-roles.js';

const WAW = 0x0648; // U+0648 ARABIC LETTER WAW: the conjunction "and"
const FEH = 0x0641; // U+0641 ARABIC LETTER FEH: the conjunction "so"
const YEH = 0x064a; // U+064A ARABIC LETTER YEH: prefix of the imperfect verb
const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF
/**
 * -ات, -ها, -هم, -هما, -ين at the end of a word (view letters, teh marbuta folded). Not -ون:
 * after a trigger in construct a plural takes the genitive -ين, so -ون ends a name there
 * (مدينة هيوستون).
 */
const SUFFIXES_NOT_NAMES = /(?:\u0627\u062a|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u064a\u0646)$/;
const TEH_MARBUTA_FOLDED = 0x0647; // U+0647 HEH: where the view folds U+0629 TEH MARBUTA
const TEH = 0x062a; // U+062A ARABIC LETTER TEH: prefix of the imperfect (she, you)
const NOON = 0x0646; // U+0646 ARABIC LETTER NOON: prefix of the imperfect (we)
/** Longest word taken for an imperfect verb by its prefix: ت/ن + a stem of three or four letters (نقول، تنساب). */
const IMPERFECT_MAX = 5;

/** Rule switches and thresholds of the places stage. */
export interface PlaceRuleOptions {
  minConfidence: number;
  ambiguousConfidence: number;
  nisbaFilter: boolean;
  directions: boolean;
  triggers: boolean;
  unknownNames: boolean;
  coordination: boolean;
  discourse: boolean;
}

/** What the places stage leaves in `doc.shared` for the organisations stage. */
export interface SharedPlaces {
  /** Every candidate considered, whatever its confidence. */
  all: Candidate[];
  /** The candidates written, in token order. */
  written: Candidate[];
  /** Their annotations, by the same index (two arrays, not an object per place). */
  annotations: Annotation[];
}

export const SHARED_PLACES_KEY = 'places';

const NONE: Candidate[] = [];

/** Roles of a word that never continues a compound place name after its head. */
const NOT_IN_NAME = Role.FunctionWord | Role.PlaceTrigger | Role.OrganisationTrigger | Role.DirectionNoun;

/** Candidates by first token (undefined where none starts). */
type ByStart = (Candidate[] | undefined)[];

/** Confidence that context (a trigger, a list, a direction) gives an ambiguous name. */
const TRIGGER_CONFIDENCE = 0.95;
const DIRECTION_CONFIDENCE = 0.9;
const LIST_CONFIDENCE = 0.85;
const DISCOURSE_CONFIDENCE = 0.85;
const UNKNOWN_NAME_CONFIDENCE = 0.75;
/** Context-confirmed candidates at or above this spread to the other mentions. */
const CONFIRMED = 0.9;

/**
 * The ranked place readings of each name of an index, by `PhraseMatch.output` (a plain
 * array read per match), computed the first time a name is met and kept.
 */
const placeReadingTables = new WeakMap<GazetteerSetup['index'], (RankedReadings | undefined)[]>();
function placeReadingTable(index: GazetteerSetup['index']): (RankedReadings | undefined)[] {
  let table = placeReadingTables.get(index);
  if (table === undefined) {
    table = new Array<RankedReadings | undefined>(index.trie.outputCount);
    placeReadingTables.set(index, table);
  }
  return table;
}
const isPlace = (e: { label: string }) => e.label !== 'ORG';
function placeReadings(index: GazetteerSetup['index'], table: (RankedReadings | undefined)[], m: PhraseMatch): RankedReadings {
  let readings = table[m.output];
  if (readings === undefined) {
    readings = rankReadings(
      m.forms.map((f) => index.forms[f]!),
      isPlace,
    );
    table[m.output] = readings;
  }
  return readings;
}

/** Candidates of one document: every one considered, and those chosen to be written. */
export interface PlaceResult {
  all: Candidate[];
  chosen: Candidate[];
  lookup: TokenLookup;
}

/** Finds places in `doc` (the caller writes the chosen candidates). */
export function recognisePlaces(doc: Doc, setup: GazetteerSetup, options: PlaceRuleOptions): PlaceResult {
  const tokens = doc.tokens!;
  const lookup = documentLookup(doc, setup.vocabulary);
  const words = new DocWords(lookup, setup.roles, setup.index.trie);
  const index = setup.index;
  const n = tokens.count;

  // 1. Gazetteer matches, and the countries the document names without doubt. (The same
  // pass over the tokens finds those of the direction and trigger rules, step 3.)
  words.matchTokens(startTokens, ruleTokens, Role.DirectionNoun | Role.PlaceTrigger | Role.PlaceNisba);
  const matches: PhraseMatch[] = [];
  for (let t = 0; t < startTokens.count; t++) matchesAt(index, lookup, startTokens.at[t]!, matches);
  // Each match's place readings, looked up once.
  const readingTable = placeReadingTable(index);
  const matchReadings: RankedReadings[] = [];
  const countries = new Set<string>();
  for (const m of matches) {
    const rs = placeReadings(index, readingTable, m);
    matchReadings.push(rs);
    // The default reading an unmarked country (`الكويت`, not the city it also names).
    if (rs.sureCountry !== undefined) countries.add(rs.sureCountry);
  }

  // A country named only by its nisba (`الأردنية`) decides a name with several readings
  // too (`عمان`: Amman in a Jordanian statement); read only when such a name occurs.
  for (const rs of matchReadings) {
    if (rs.byCountry) {
      addNisbaCountries(words, setup, countries, ruleTokens);
      break;
    }
  }

  // 2. Gazetteer candidates with prior confidences.
  const candidates: Candidate[] = [];
  const byStart: ByStart = startLists.reset(n);
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k]!;
    const rs = matchReadings[k]!;
    if (rs.size === 0) continue;
    const chosen = chooseReading(rs, countries);
    const reading = chosen === 0 ? rs.first! : rs.list[chosen]!;
    const note = choiceNote(rs, chosen);
    const notes: string[] = note === undefined ? [] : [note];
    const confidence = priorOf(words, m, reading, options, notes);
    if (confidence < 0) continue;
    const c = makeCandidate({
      first: m.first,
      last: m.last,
      cut: m.cut,
      label: reading.label,
      id: reading.id,
      name: reading.name,
      confidence,
      source: 'places:gazetteer',
      notes,
      priority: 2,
      entry: reading.entry,
      ambiguous: reading.ambiguous,
      readings: rs.list,
    });
    candidates.push(c);
    startLists.add(c);
  }
  // A name listed with its trigger (`منطقة الساحل`, `مدينة غزة`) is written without it
  // when the rest is a name too (SPEC.md's gold keeps triggers outside place spans); the
  // entry of the longer listing is kept, being the more specific reading.
  const shifted = new Set<Candidate>();
  // The lists a shifted listing went to: the only ones that can hold a replaced candidate.
  const touched: number[] = [];
  for (const c of candidates) {
    if (c.last === c.first || (words.anyRole[c.first]! & Role.PlaceTrigger) === 0) continue;
    const trigger = setup.roles.placeTriggers.get(words.id(c.first, readingOfCut(c.cut)));
    if (trigger === undefined || trigger.label === null) continue;
    const rest = byStart[c.first + 1]?.filter((d) => d.last === c.last && d.cut === 0) ?? [];
    if (rest.length === 0) continue;
    for (const d of rest) shifted.add(d); // replaced by the shifted listing
    const list = byStart[c.first]!;
    list.splice(list.indexOf(c), 1);
    c.notes.push(`listed as ${words.phrase(c.first, c.last, c.cut)}; the trigger stays outside the span`);
    c.first += 1;
    c.cut = 0;
    byStart[c.first]!.push(c);
    touched.push(c.first);
  }
  if (shifted.size > 0) {
    const kept = candidates.filter((c) => !shifted.has(c));
    for (const k of touched) byStart[k] = byStart[k]!.filter((c) => !shifted.has(c));
    // (no push(...kept): spreading a long array overflows the stack on big documents)
    candidates.length = 0;
    for (const c of kept) candidates.push(c);
  }
  /** The longest gazetteer candidate starting at `i` on its whole first token. */
  const placeAt = (i: number): Candidate | undefined => byStart[i]?.find((c) => c.cut === 0);

  // 3. Rules, on the tokens that have a direction or trigger reading.
  if (options.directions) {
    addDirectionCandidates(words, candidates, placeAt, ruleTokens);
  }
  if (options.triggers) addTriggerContext(words, setup, candidates, byStart, options, ruleTokens);

  // 4. Context for ambiguous names.
  if (options.coordination) raiseCoordinated(words, candidates);
  if (options.discourse) {
    // Only doubtful candidates can change: most documents have none, and the set of
    // confirmed places is built only when one does.
    let doubtful = false;
    for (const c of candidates) {
      if (c.id !== null && c.confidence < DISCOURSE_CONFIDENCE && c.confidence > 0) {
        doubtful = true;
        break;
      }
    }
    if (doubtful) {
      const confirmed = new Set<string>();
      // Confirmed: a name context raised, or a sure name of the same place (`المدينة المنورة`
      // makes a later `المدينة` Medina, `سلطنة عمان` a later `عمان` Oman).
      for (const c of candidates) if (c.id !== null && c.confidence >= CONFIRMED) confirmed.add(c.id);
      for (const c of candidates) {
        if (c.id !== null && c.confidence < DISCOURSE_CONFIDENCE && c.confidence > 0 && confirmed.has(c.id)) {
          c.confidence = DISCOURSE_CONFIDENCE;
          c.notes.push('confirmed by context elsewhere in the document (one sense per discourse)');
        }
      }
    }
  }

  // 5. Leftmost-longest; candidates below the threshold do not block others.
  return { lookup, all: candidates, chosen: selectCandidates(candidates.filter((c) => c.confidence >= options.minConfidence)) };
}

/** Adds the countries that the document's country nisba adjectives name (`المصرية`: EG). */
function addNisbaCountries(words: DocWords, setup: GazetteerSetup, countries: Set<string>, ruleTokens: TokenList): void {
  const any = words.anyRole;
  // (The rule tokens include every token with a nisba reading: no pass over all tokens.)
  for (let t = 0; t < ruleTokens.count; t++) {
    const i = ruleTokens.at[t]!;
    if ((any[i]! & Role.PlaceNisba) === 0) continue;
    for (let r = 0; r < READINGS; r++) {
      if ((words.roleOf(i, r) & Role.PlaceNisba) === 0) continue;
      const country = setup.roles.nisbaCountry.get(words.id(i, r));
      if (country !== undefined) countries.add(country);
    }
  }
}

/** Candidates by first token (emptied for each document). */
const startLists = new CandidatesByStart();

/** The tokens of one document that start a match and that the rules look at (refilled per document). */
const startTokens = new TokenList();
const ruleTokens = new TokenList();

/** A reading index with this many view units cut (the plain one of two alternatives). */
function readingOfCut(cut: number): number {
  return cut === 0 ? 0 : cut === 1 ? 1 : 3;
}

/**
 * Direction + place: `شمال شرق سوريا`, `جنوب ووسط آسيا`, `وسط وجنوب إفريقيا`: the whole
 * phrase is a LOC (a region of the place). Not when the direction relates another place
 * or a distance to it (`الموصل شمال العراق`, `255 كلم شمال شرق بغداد`): there it is an
 * adverb ("north of"), and only the place is an entity. Fixed names with a direction
 * inside (`أفريقيا جنوب الصحراء`) belong in the gazetteer.
 */
function addDirectionCandidates(words: DocWords, candidates: Candidate[], placeAt: (i: number) => Candidate | undefined, ruleTokens: TokenList): void {
  const n = words.count;
  const added: Candidate[] = [];
  const any = words.anyRole;
  for (let t = 0; t < ruleTokens.count; t++) {
    const i = ruleTokens.at[t]!;
    if ((any[i]! & Role.DirectionNoun) === 0) continue;
    const r0 = words.readingWithRole(i, Role.DirectionNoun);
    if (r0 < 0) continue;
    // Inside a chain (`شمال غرب سوريا`) only its first direction decides: a chain read as
    // relational (`ضرب شمال غرب سوريا`) leaves no `غرب سوريا` region behind.
    if (r0 === 0 && i > 0 && !words.startsLine(i) && (words.roleOf(i - 1) & Role.DirectionNoun) !== 0) continue;
    if (r0 === 0 && isRelational(words, i)) continue;
    let j = i + 1;
    while (j < n && !words.startsLine(j)) {
      if ((words.roleOf(j) & Role.DirectionNoun) !== 0) j++;
      else if (words.startsWith(j, WAW) && (words.roleOf(j, 1) & Role.DirectionNoun) !== 0) j++;
      else break;
    }
    if (j >= n || words.startsLine(j)) continue;
    const place = placeAt(j);
    // Not a name held at the common-word cap: `وسط المدينة` is downtown, not central Medina.
    if (place === undefined || place.label === 'ORG' || place.confidence <= COMMON_WORD_CONFIDENCE) continue;
    added.push(
      makeCandidate({
        first: i,
        last: place.last,
        cut: READING_CUTS[r0]! + words.lookup.lead[i]!,
        label: 'LOC',
        id: null,
        name: words.phrase(i, place.last, READING_CUTS[r0]!),
        within: place.id ?? undefined,
        confidence: Math.max(place.confidence, DIRECTION_CONFIDENCE),
        source: 'places:direction',
        notes: [`direction + ${place.name}`],
        priority: 1,
      }),
    );
  }
  for (const c of added) candidates.push(c);
}

/**
 * Whether the direction at token `i` (its whole token) is relational ("north of"), not the
 * head of a region's name. A region phrase opens a noun phrase: after a preposition or
 * another function word, a quantifier (معظم، جميع), a place trigger or context word
 * (أنحاء، منطقة), punctuation or a line start. After a noun, a name, a verb or a number
 * the direction locates that word relative to the place (`حي المنصور غرب بغداد`, `255 كلم
 * شمال شرق بغداد`, `مسجد فنسبري بارك شمال لندن`), and only the place is an entity.
 */
function isRelational(words: DocWords, i: number): boolean {
  const prev = i - 1;
  if (prev < 0 || words.startsLine(i)) return false;
  if (!words.isWord(prev)) return words.lookup.tokens.kind[prev] === TokenKind.Number || words.lookup.tokens.kind[prev] === TokenKind.Latin;
  const opens = Role.FunctionWord | Role.PlaceTrigger | Role.OrganisationTrigger | Role.DirectionNoun;
  if ((words.roleOf(prev) & opens) !== 0) return false;
  // After و or ف the word itself counts (ومعظم، وفي), not other cuts (كلم is no ك + لم).
  const conjunction = words.startsWith(prev, WAW) || words.startsWith(prev, FEH);
  return !(conjunction && (words.roleOf(prev, 1) & opens) !== 0);
}

/**
 * Place triggers (`مدينة`, `مخيم`, `منطقة`, ...): a known name right after one is
 * confirmed; an unknown name after a trigger that allows it becomes a candidate of the
 * trigger's label. The trigger itself stays outside the span (SPEC.md's gold:
 * `مقاطعة كيفو الشمالية` -> `كيفو الشمالية`).
 */
function addTriggerContext(
  words: DocWords,
  setup: GazetteerSetup,
  candidates: Candidate[],
  byStart: ByStart,
  options: PlaceRuleOptions,
  ruleTokens: TokenList,
): void {
  const n = words.count;
  const any = words.anyRole;
  for (let t = 0; t < ruleTokens.count; t++) {
    const i = ruleTokens.at[t]!;
    if (i >= n - 1) break;
    if ((any[i]! & Role.PlaceTrigger) === 0) continue;
    const r = words.readingWithRole(i, Role.PlaceTrigger);
    if (r < 0 || words.startsLine(i + 1)) continue;
    const trigger = setup.roles.placeTriggers.get(words.id(i, r))!;
    if (trigger.blocks) {
      // A noun in construct with the name names something else (`اتفاق الطائف` is a treaty):
      // the place name is not written.
      const after = byStart[i + 1];
      if (after !== undefined && !words.isDefinite(i, r)) blockAfter(after, words.surface(i, r));
      continue;
    }
    let j = i + 1;
    let first = true;
    while (j < n && !words.startsLine(j)) {
      // After the first name, a list trigger (dual, plural) takes more names joined by و.
      const reading = first ? 0 : words.startsWith(j, WAW) ? 1 : -1;
      if (reading < 0) break;
      const here = byStart[j];
      const known = here === undefined ? NONE : here.filter((c) => (reading === 0 ? c.cut === 0 : c.cut === 1));
      let last = -1;
      if (known.length > 0) {
        for (const c of known) {
          if (c.confidence < TRIGGER_CONFIDENCE) {
            c.confidence = TRIGGER_CONFIDENCE;
            c.notes.push(`after the place trigger ${words.surface(i, r)}`);
          }
          if (trigger.label !== null) preferType(c, trigger.type, words, i, r);
        }
        last = Math.max(...known.map((c) => c.last));
      } else if (
        trigger.unknown &&
        trigger.label !== null &&
        options.unknownNames &&
        // Only a trigger in construct (indefinite) names what follows: مدينة الموصل is
        // "the city of Mosul", but after المدينة or الجزيرة a new phrase begins.
        !words.isDefinite(i, r) &&
        byStart[j] === undefined &&
        isUnknownName(words, j, reading, i, r, trigger)
      ) {
        last = j;
        // A compound name's head takes the next word (`مدينة رأس الحكمة`, `بلدة عين العرب`).
        if ((words.roleOf(j, reading) & Role.PlaceNameHead) !== 0 && j + 1 < n && !words.startsLine(j + 1) && words.isWord(j + 1) && (words.roleOf(j + 1) & NOT_IN_NAME) === 0) last = j + 1;
        if ((words.roleOf(last + 1) & Role.DirectionAdjective) !== 0 && !words.startsLine(last + 1)) last += 1;
        const cut = READING_CUTS[reading as number]!;
        candidates.push(
          makeCandidate({
            first: j,
            last,
            cut,
            label: trigger.label,
            id: null,
            name: words.phrase(j, last, cut),
            confidence: UNKNOWN_NAME_CONFIDENCE,
            source: 'places:trigger',
            notes: [`a name not in the gazetteer, after the place trigger ${words.surface(i, r)} (${trigger.type})`],
            priority: 1,
          }),
        );
      }
      if (last < 0 || !trigger.list) break;
      j = last + 1;
      first = false;
    }
  }
}

/**
 * Drops the candidates at a token after a blocking trigger: confidence 0, which
 * no context rule raises (they only raise candidates above 0).
 */
function blockAfter(here: Candidate[], trigger: string): void {
  // Every reading: `اتفاقية باريس` is no ب + أريس either.
  for (const c of here) {
    c.confidence = 0;
    c.notes.push(`part of a name after ${trigger}, not a place of the text`);
  }
}

/**
 * A trigger names the kind of place after it: `محافظة بغداد` is the governorate, where
 * `بغداد` alone is the city. Switches a candidate to the reading of that type when its
 * name has one.
 */
function preferType(c: Candidate, type: string, words: DocWords, t: number, tr: number): void {
  if (c.readings === undefined || c.entry === undefined || c.entry.type === type) return;
  const r = c.readings.find((x) => x.entry.type === type);
  if (r === undefined) return;
  // The trigger as written (reading `tr` of token `t`), sliced only here where it is noted.
  const trigger = words.surface(t, tr);
  // The default choice's note no longer holds: say what decided instead.
  const k = c.notes.findIndex((n) => n.includes(' chosen over '));
  if (k >= 0) c.notes.splice(k, 1);
  c.notes.push(`${r.entry.id} chosen over ${c.entry.id}: after the place trigger ${trigger} (${type})`);
  c.entry = r.entry;
  c.id = r.entry.id;
  c.name = r.entry.name;
  c.label = r.entry.label;
  c.ambiguous = r.ambiguous;
}

/**
 * Whether token `j` (reading `reading`) looks like a proper name after the trigger at
 * token `t`: an Arabic word that is no function word, trigger, direction or nisba, and
 * not an indefinite adjective agreeing with an indefinite trigger (`مدينة كبيرة`: a
 * feminine adjective ends in teh marbuta).
 */
function isUnknownName(words: DocWords, j: number, reading: number, t: number, tr: number, trigger: PlaceTrigger): boolean {
  if (!words.isWord(j)) return false;
  const blocked = Role.FunctionWord | Role.CommonNoun | Role.PlaceTrigger | Role.OrganisationTrigger | Role.DirectionNoun | Role.DirectionAdjective | Role.Nisba;
  if ((words.roleOf(j, reading) & blocked) !== 0) return false;
  const text = words.text(j, reading);
  if (text.length < 3) return false;
  // A token that is a proclitic and a word the lists know (`كداعش`: ك + داعش) is none.
  if (reading === 0) for (let r = 1; r < READINGS; r++) if (words.known(j, r)) return false;
  // Shapes that are not names (Ryding 2005, ch. 5 and 33): a leading و or ف is the
  // conjunction, a leading ي an imperfect verb (يقطنها، يسمى), and so is a short word with
  // the imperfect's ت or ن (a relative clause on an indefinite noun: `بحيرة تنساب عبر
  // المدينة`, "a lake that flows"); -ات a plural, -ها/-هم/-هما a pronoun suffix, -ون/-ين a
  // plural or dual.
  const first = text.charCodeAt(0);
  if (reading === 0 && (first === WAW || first === FEH || first === YEH)) return false;
  if ((first === TEH || first === NOON) && text.length >= 4 && text.length <= IMPERFECT_MAX) return false;
  if (SUFFIXES_NOT_NAMES.test(text)) return false;
  // `منطقة` (area) takes common nouns in construct far more often than names (`منطقة
  // الحدود`, `منطقة نفوذ`, `منطقة نزاع`, `منطقة جذب`): only an indefinite word of four
  // letters or more that is not a masdar of the patterns فعال / فعول (Ryding 2005, ch. 5)
  // is taken for a name there.
  if (trigger.type === 'other-place' && (words.isDefinite(j, reading) || text.length < 4 || isShortMasdar(text))) return false;
  if (!words.isDefinite(j, reading) && !words.isDefinite(t, tr)) {
    // An indefinite adjective agrees with the indefinite trigger (Ryding 2005, ch. 10): a
    // feminine one ends in teh marbuta (`مدينة كبيرة`), and after a masculine trigger a
    // nisba ends in yeh (`نهر موسمي`, `جبل بركاني`).
    const lastUnit = text.charCodeAt(text.length - 1);
    if (lastUnit === TEH_MARBUTA_FOLDED) return false;
    const trigger = words.text(t, tr);
    const masculine = trigger.charCodeAt(trigger.length - 1) !== TEH_MARBUTA_FOLDED;
    if (masculine && lastUnit === YEH && text.length >= 4) return false;
  }
  return true;
}

/** A four-letter masdar of the patterns فعال (نزاع، صراع) or فعول (نفوذ، حدود): alef or waw third. */
function isShortMasdar(text: string): boolean {
  if (text.length !== 4) return false;
  const third = text.charCodeAt(2);
  return third === ALEF || third === WAW;
}

/**
 * Coordinated places: an ambiguous name joined by و to a confident place, on either
 * side (`غرب إفريقيا والساحل`), is a place too.
 */
function raiseCoordinated(words: DocWords, candidates: Candidate[]): void {
  // Only candidates below LIST_CONFIDENCE can change: most documents have none.
  if (!candidates.some((c) => c.confidence < LIST_CONFIDENCE)) return;
  // The sure places (raising one to LIST_CONFIDENCE, below CONFIRMED, never makes it
  // sure, so the order of the candidates does not matter): by last token, and by first
  // token for those that carry the و.
  const sureEnds = new Set<number>();
  const sureStartsAfterWaw = new Set<number>();
  for (const c of candidates) {
    if (c.confidence < CONFIRMED) continue;
    sureEnds.add(c.last);
    if (c.cut === 1) sureStartsAfterWaw.add(c.first);
  }
  if (sureEnds.size === 0) return;
  for (const c of candidates) {
    if (c.confidence >= LIST_CONFIDENCE || c.confidence === 0) continue;
    const joinedBefore = c.cut >= 1 && words.startsWith(c.first, WAW) && sureEnds.has(c.first - 1);
    const next = c.last + 1;
    const joinedAfter = words.startsWith(next, WAW) && sureStartsAfterWaw.has(next);
    if (joinedBefore || joinedAfter) {
      c.confidence = LIST_CONFIDENCE;
      c.notes.push('coordinated with another place');
    }
  }
}

