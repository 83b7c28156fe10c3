/**
 * Organisation recognition (ORG): gazetteer matches with proclitics, and trigger-noun
 * rules that build names the lists cannot hold (issue 4):
 *
 *   trigger + known organisation         تنظيم داعش، منظمة أوبك              (heads)
 *   trigger + noun phrase + nisba        الحكومة العراقية، وزارة الخارجية السعودية
 *   trigger + noun phrase + place        جامعة القاهرة، مجموعة التركيز الخاصة بأفريقيا
 *   definite trigger + adjectives + ل-phrase   المديرية العامة للمقاطعات
 *   trigger phrase + (acronym)           حلف شمال الأطلسي (الناتو)
 *   trigger + «quoted name»              شركة «غوغل»
 *
 * A noun phrase here is at most two definite words after the trigger (Arabic
 * construct state: `وزارة الخارجية` = ministry of the foreign [affairs]; a definite
 * adjective agrees with a definite noun), which keeps the rules bounded.
 */
import type { Doc, Span } from '../../core/document.js';
import { TokenKind } from '../../core/tokens.js';
import { TokenTrie } from '../../core/token-trie.js';
import { CandidatesByStart, choiceNote, makeCandidate, rankReadings, selectCandidates, type Candidate, type NameReading, type RankedReadings } from '../gazetteer/candidates.js';
import { DocWords, TokenList } from '../gazetteer/doc-words.js';
import type { NisbaForm } from '../gazetteer/demonyms.js';
import type { GazetteerEntry } from '../gazetteer/entries.js';
import { READING_CUTS, matchesAt, type PhraseMatch, type TokenLookup } from '../gazetteer/phrase-index.js';
import { documentLookup, type GazetteerSetup } from '../gazetteer/setup.js';
import { COMMON_WORD_CONFIDENCE, priorOf } from '../gazetteer/prior.js';
import { Role } from '../gazetteer/word-roles.js';
import type { SharedPlaces } from '../places/recognise.js';

const BEH = 0x0628; // U+0628 ARABIC LETTER BEH: preposition "in, with"
const LAM = 0x0644; // U+0644 ARABIC LETTER LAM: preposition "for, of"
/**
 * Definite adjectives whose complement takes ب (specific to, concerned with, charged with,
 * competent for), as normalised text (teh marbuta folded or kept): a closed grammatical
 * class, not a word list to grow.
 */
const GOVERNS_BEH = new Set(['الخاص', 'المعني', 'المكلف', 'المختص'].flatMap((m) => [m, `${m}ه`, `${m}ة`]));
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const QUOTES_OPEN = new Set([0x22, 0xab, 0x201c, 0x201e, 0x27]); // " « “ „ '
const QUOTES_CLOSE = new Set([0x22, 0xbb, 0x201d, 0x27]); // " » ” '

/** Rule switches and thresholds of the organisations stage. */
export interface OrganisationRuleOptions {
  minConfidence: number;
  ambiguousConfidence: number;
  nisbaFilter: boolean;
  triggerOrganisation: boolean;
  triggerNisba: boolean;
  triggerPlace: boolean;
  institutional: boolean;
  acronyms: boolean;
  quotedNames: boolean;
  sportsContext: boolean;
  unknownNames: boolean;
}

/** Tokens either side of a club name searched for a sports cue word. */
const SPORTS_WINDOW = 12;
/** Tokens either side searched for a sports cue when the club's name is also a common word. */
const NEAR_WINDOW = 4;
const SPORTS = 0.85;

/**
 * Short names of sports clubs: the city in `نادي برشلونة` or `برشلونة الإسباني` (trigger +
 * city, city + nisba). In sports news the bare city names the club.
 */
export function clubShortNames(setup: GazetteerSetup): Map<number, GazetteerEntry> {
  const clubs = new Map<number, GazetteerEntry>();
  const roles = setup.roles;
  for (const form of setup.index.forms) {
    const e = form.entry;
    if (e.type !== 'sports' || form.tokens.length !== 2) continue;
    const [a, b] = form.tokens as [string, string];
    const idA = setup.vocabulary.idOf(a);
    const idB = setup.vocabulary.idOf(b);
    let short: string | null = null;
    if ((roles.of(idA) & Role.OrganisationTrigger) !== 0) short = b;
    else if ((roles.of(idB) & Role.DefiniteNisba) !== 0) short = a;
    if (short === null) continue;
    const id = setup.vocabulary.intern(short);
    if ((roles.of(id) & (Role.FunctionWord | Role.CommonNoun | Role.Nisba)) !== 0 || clubs.has(id)) continue;
    clubs.set(id, e);
  }
  return clubs;
}

const HEADED = 0.95;
const NISBA = 0.85;
const PLACE = 0.8;
const INSTITUTIONAL = 0.8;
const ACRONYM = 0.85;
const QUOTED = 0.8;
const UNKNOWN_NAME = 0.55;

const WAW = 0x0648; // U+0648 ARABIC LETTER WAW (conjunction)
const FEH = 0x0641; // U+0641 ARABIC LETTER FEH (conjunction)
const YEH = 0x064a; // U+064A ARABIC LETTER YEH (imperfect prefix; nisba ending)
const HEH = 0x0647; // U+0647 ARABIC LETTER HEH (U+0629 TEH MARBUTA folded: feminine ending)
/**
 * -ات, -ها, -هم, -ين endings: plurals and pronoun suffixes, not names. (Not -ون: the genitive
 * after a construct head takes -ين, so -ون there ends a foreign name: جامعة آستون، معهد
 * كارنيغي ميلون; Ryding 2005, ch. 8.)
 */
const NOT_NAME_ENDING = /(?:\u0627\u062a|\u0647\u0627|\u0647\u0645|\u064a\u0646)$/;

/**
 * Whether token `j` looks like a proper name no list knows: an Arabic word of three
 * letters or more, in no rule list, without the article (an indefinite trigger's genitive
 * that is a common noun has it: وزارة الخارجية), not starting with a conjunction or the
 * imperfect prefix, not ending like an adjective (-ي, -ة: حزب سياسي، جمعية خيرية), a
 * plural or a pronoun suffix (Ryding 2005, chapters 5, 10 and 33).
 */
function looksLikeName(words: DocWords, j: number): boolean {
  if (!words.isWord(j) || (words.anyRole[j]! & DocWords.ROLE_MASK) !== 0 || words.isDefinite(j)) return false;
  // A preposition on a definite noun (للإنتاج، بالسوق) is no name.
  for (let r = 1; r < 5; r++) if (words.known(j, r) || words.isDefinite(j, r)) return false;
  // A name stands alone or takes an adjective; a common noun in construct takes a
  // genitive next (شركة نفط نيبال، منظمة حقوق الإنسان, وكالة أنباء الأناضول).
  const next = j + 1;
  if (next < words.count && !words.startsLine(next) && words.isWord(next) && (words.anyRole[next]! & (Role.Nisba | Role.FunctionWord | Role.CommonNoun)) === 0) return false;
  const text = words.text(j);
  if (text.length < 3) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first === WAW || first === FEH || first === YEH) return false;
  if (last === YEH || last === HEH) return false;
  if (isVerbalNounShape(text)) return false;
  return !NOT_NAME_ENDING.test(text);
}

/** -ون, -ين at the end of token `k`: a sound masculine plural, of people as a rule. */
function humanPlural(words: DocWords, k: number): boolean {
  const t = words.text(k);
  return t.length > 5 && /(?:\u0648\u0646|\u064a\u0646)$/.test(t);
}

/** A one-token name at token `j` (whole) without the trigger before it, at UNKNOWN_NAME. */
function nameAfterTrigger(words: DocWords, j: number, source: string, note: string): Candidate {
  return makeCandidate({ first: j, last: j, cut: 0, label: 'ORG', id: null, name: words.phrase(j, j, 0), confidence: UNKNOWN_NAME, source: `organisations:${source}`, notes: [note], priority: 1 });
}

/**
 * Whether token `j` (whole) reads as a one-word definite name of a paper or a channel: ال +
 * three letters or more, no role in any list, no nisba shape (-ي، -ية), no preposition
 * before it, and no definite word after it (a longer phrase is a construct, not a name).
 */
function mediaNameAfterTrigger(words: DocWords, j: number): boolean {
  if (!words.isWord(j) || !words.isDefinite(j) || (words.anyRole[j]! & DocWords.ROLE_MASK) !== 0) return false;
  const text = words.text(j);
  if (text.length < 5) return false;
  const last = text.charCodeAt(text.length - 1);
  if (last === YEH || (last === HEH && text.charCodeAt(text.length - 2) === YEH)) return false;
  const next = j + 1;
  return !(next < words.count && !words.startsLine(next) && words.isWord(next) && words.isDefinite(next));
}

const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF
const TEH = 0x062a; // U+062A ARABIC LETTER TEH

/**
 * Verbal nouns of the derived verb forms, the commonest nouns after شركة، مؤسسة:
 * إفعال (إنتاج), تفعيل (تسويق), افتعال, استفعال (استثمار) (Ryding 2005, ch. 5, the
 * masdar patterns of forms II, IV, VIII and X), on the normalised letters.
 */
function isVerbalNounShape(t: string): boolean {
  const at = (k: number) => t.charCodeAt(k);
  if (t.length === 5 && at(0) === ALEF && at(3) === ALEF) return true; // إفعال
  if (t.length === 5 && at(0) === TEH && at(3) === YEH) return true; // تفعيل
  if (t.length === 6 && at(0) === ALEF && at(2) === TEH && at(4) === ALEF) return true; // افتعال
  if (t.length === 7 && at(0) === ALEF && at(2) === TEH && at(5) === ALEF) return true; // استفعال
  return false;
}

/**
 * The ranked organisation readings of each name of an index, by `PhraseMatch.output` (a
 * plain array read per match), computed the first time a name is met and kept.
 */
const organisationReadingTables = new WeakMap<GazetteerSetup['index'], (RankedReadings | undefined)[]>();
function organisationReadingTable(index: GazetteerSetup['index']): (RankedReadings | undefined)[] {
  let table = organisationReadingTables.get(index);
  if (table === undefined) {
    table = new Array<RankedReadings | undefined>(index.trie.outputCount);
    organisationReadingTables.set(index, table);
  }
  return table;
}
const isOrganisation = (e: { label: string }) => e.label === 'ORG';
function organisationReadings(index: GazetteerSetup['index'], table: (RankedReadings | undefined)[], m: PhraseMatch): RankedReadings {
  let readings = table[m.output];
  if (readings === undefined) {
    readings = rankReadings(
      m.forms.map((f) => index.forms[f]!),
      isOrganisation,
    );
    table[m.output] = readings;
  }
  return readings;
}

const FULL_STOP = 0x2e;
/** Most letters a dotted acronym is read over (سي . آي . إيه، إف . بي . آي). */
const MAX_DOTTED = 6;

/**
 * A listed acronym spelt in Arabic letter names with dots between (`سي.إن.إن`, `بي. بي.
 * سي`, `إف . بي . آي` for the listed `سي إن إن` ...): the letters walk the trie as one
 * name, the dots skipped. Only listed acronyms: dotted letters alone name nothing sure.
 */
function dottedMatchAt(index: GazetteerSetup['index'], lookup: TokenLookup, words: DocWords, i: number, out: PhraseMatch[]): void {
  const trie = index.trie;
  let node = trie.child(TokenTrie.ROOT, lookup.ids[i]!);
  let last = i;
  let k = i;
  let best: PhraseMatch | null = null;
  for (let letters = 1; node >= 0 && letters < MAX_DOTTED; letters++) {
    if (!words.isChar(k + 1, FULL_STOP) || words.startsLine(k + 2) || !words.isWord(k + 2)) break;
    k += 2;
    node = trie.child(node, lookup.ids[k]!);
    if (node < 0) break;
    last = k;
    const output = trie.outputIndex(node);
    if (output >= 0) best = { first: i, last, reading: 0, cut: lookup.lead[i]!, forms: trie.valuesAt(node)!, output };
  }
  if (best !== null) out.push(best);
}

/** Candidates of one document. */
export interface OrganisationResult {
  all: Candidate[];
  chosen: Candidate[];
  lookup: TokenLookup;
}

/** Finds organisations in `doc`; uses the places stage's candidates when it ran. */
export function recogniseOrganisations(
  doc: Doc,
  setup: GazetteerSetup,
  options: OrganisationRuleOptions,
  places: SharedPlaces | undefined,
  clubs: ReadonlyMap<number, GazetteerEntry> = new Map(),
): OrganisationResult {
  const tokens = doc.tokens!;
  const lookup = documentLookup(doc, setup.vocabulary);
  const words = new DocWords(lookup, setup.roles, setup.index.trie);
  const index = setup.index;
  const n = tokens.count;

  // Known places by first token (from the places stage), chained in the order of their
  // list: no list per token, and the buffers serve every document.
  const placeList = places?.all ?? NO_CANDIDATES;
  const placeChains = chainByFirst(placeList, n);

  // 1. Gazetteer candidates. (The same pass over the tokens finds the triggers, step 2.)
  words.matchTokens(startTokens, triggerTokens, Role.OrganisationTrigger);
  const matches: PhraseMatch[] = [];
  for (let t = 0; t < startTokens.count; t++) {
    const i = startTokens.at[t]!;
    matchesAt(index, lookup, i, matches);
    if (words.isChar(i + 1, FULL_STOP)) dottedMatchAt(index, lookup, words, i, matches);
  }
  const candidates: Candidate[] = [];
  const orgsAt = orgLists.reset(n);
  const readingTable = organisationReadingTable(index);
  for (const m of matches) {
    const rs = organisationReadings(index, readingTable, m);
    if (rs.size === 0) continue;
    // (No document countries: the default reading, the first.)
    const reading = rs.first!;
    const note = choiceNote(rs, 0);
    const notes: string[] = note === undefined ? [] : [note];
    const confidence = priorOf(words, m, reading, options, notes);
    if (confidence < 0) continue;
    const c = makeCandidate({
      first: m.first,
      last: m.last,
      cut: m.cut,
      label: 'ORG',
      id: reading.id,
      name: reading.name,
      confidence,
      source: 'organisations:gazetteer',
      notes,
      priority: 2,
      entry: reading.entry,
      ambiguous: reading.ambiguous,
      readings: rs.list,
    });
    candidates.push(c);
    orgLists.add(c);
  }
  // A name listed with a trigger that only introduces names (`صحيفة الأهرام`, `قناة
  // الجزيرة`) is written without it when the rest is a name of the same entry, as the
  // `span` column of organisation-triggers.tsv says.
  const listedWithTrigger = (c: Candidate): boolean => {
    if (c.last === c.first || (words.anyRole[c.first]! & Role.OrganisationTrigger) === 0) return false;
    const r = c.cut === 0 ? 0 : c.cut === 1 ? 1 : 3;
    const trigger = setup.roles.organisationTriggers.get(words.id(c.first, r));
    return trigger !== undefined && !trigger.include && (orgsAt[c.first + 1]?.some((d) => d.id === c.id && d.last === c.last && d.cut === 0) ?? false);
  };
  if (candidates.some(listedWithTrigger)) {
    // Decided on the lists as they are, then taken out of the lists they are in.
    const dropped = new Set(candidates.filter(listedWithTrigger));
    const kept = candidates.filter((c) => !dropped.has(c));
    for (const d of dropped) orgsAt[d.first] = orgsAt[d.first]!.filter((c) => !dropped.has(c));
    // (no push(...kept): spreading a long array overflows the stack on big documents)
    candidates.length = 0;
    for (const c of kept) candidates.push(c);
  }
  const orgAt = (i: number, cut = 0): Candidate | undefined => orgsAt[i]?.find((c) => c.cut === cut);
  // News puts the names of papers, channels and companies in quotes (« الشرق الأوسط »،
  // « نيسان »، « إعمار »): quoted alone, such a name is the organisation, not the region,
  // the month or the word it is named after.
  for (const c of candidates) {
    const type = c.entry?.type;
    if ((type !== 'media' && type !== 'company') || c.cut !== 0 || !isQuote(words, c.first - 1, QUOTES_OPEN) || !isQuote(words, c.last + 1, QUOTES_CLOSE)) continue;
    c.confidence = Math.max(c.confidence, HEADED);
    c.decisive = `a ${type === 'media' ? 'media' : 'company'} name in quotes`;
    c.notes.push('in quotes');
  }
  if (options.sportsContext) preferClubsInSportsNews(words, candidates, doc.sentences);
  raiseMediaSources(words, candidates);
  const placeAt = (i: number, cut = 0): Candidate | undefined => {
    if (i < 0 || i >= n) return undefined;
    for (let k = placeChains.head[i]!; k >= 0; k = placeChains.next[k]!) {
      const c = placeList[k]!;
      if (c.cut === cut && c.label !== 'ORG') return c;
    }
    return undefined;
  };

  // A title ends a name's noun phrase: the person's name follows (`... المبارك الدكتور رائف`).
  const stopWords = Role.FunctionWord | Role.OrganisationTrigger | Role.PlaceTrigger | Role.PersonTitle;
  /**
   * End of a ل-phrase starting at token `a` (`للطاقة الذرية`, `لرعاية الطفولة`, `لهزيمة
   * داعش`), or -1: ل + a definite noun, or ل + a noun and its genitive (a definite word,
   * a known organisation or place), then up to two definite words agreeing with it.
   */
  const lamPhraseEnd = (a: number): number => {
    if (a >= n || words.startsLine(a) || !words.isWord(a) || !words.startsWith(a, LAM)) return -1;
    // ل + a trigger noun names another body, the indirect object of what is said (`مسؤول في
    // الاتحاد الأفريقي لوكالة فرانس برس`), not this body's remit.
    if (((words.roleOf(a, 1) | words.roleOf(a, 2)) & Role.OrganisationTrigger) !== 0) return -1;
    let last = a;
    if (!(words.isDefinite(a, 2) || words.isDefinite(a, 1))) {
      const g = a + 1;
      if (g >= n || words.startsLine(g)) return -1;
      const org = orgAt(g);
      const pl = placeAt(g);
      if (org !== undefined) last = org.last;
      else if (pl !== undefined) last = pl.last;
      else if (words.isDefinite(g) && (words.roleOf(g) & stopWords) === 0) last = g;
      else return -1;
    }
    let b = last + 1;
    while (b <= last + 2 && b < n && !words.startsLine(b) && words.isDefinite(b) && (words.roleOf(b) & stopWords) === 0 && placeAt(b) === undefined) b++;
    // Coordinated nouns of the same remit: `للصناعة والتجارة والصناعات التقليدية`,
    // `للاستثمار والمناطق الحرة` (و + a definite noun and one adjective, twice at most). Not
    // a trigger noun or a place, which name another party, nor a human plural in -ون/-ين
    // (`للاستثمار والمسؤولون`).
    for (let k = 0; k < 2; k++) {
      const c = b;
      if (c >= n || words.startsLine(c) || !words.startsWith(c, WAW) || !words.isDefinite(c, 1)) break;
      if (((words.roleOf(c, 1) | words.roleOf(c)) & stopWords) !== 0 || placeAt(c, 1) !== undefined || orgAt(c, 1) !== undefined || humanPlural(words, c)) break;
      b = c + 1;
      if (b < n && !words.startsLine(b) && words.isDefinite(b) && (words.roleOf(b) & stopWords) === 0 && placeAt(b) === undefined && orgAt(b) === undefined) b++;
    }
    return b - 1;
  };

  // 2. Trigger rules, one trigger at a time. (A function, not a loop body: closures made
  // in a loop body that capture `i` cost a context object for every token of the loop.)
  const triggerRules = (i: number): void => {
    const r = words.readingWithRole(i, Role.OrganisationTrigger);
    if (r < 0) return;
    const trigger = setup.roles.organisationTriggers.get(words.id(i, r))!;
    const cut = READING_CUTS[r]! + lookup.lead[i]!;
    // The trigger as written, for notes: sliced only when a rule writes one (most triggers make none).
    const triggerText = (): string => words.surface(i, r);
    const definite = words.isDefinite(i, r);
    const make = (last: number, source: string, confidence: number, note: string, id: string | null = null, name?: string, within?: string | null): Candidate =>
      makeCandidate({
        first: i,
        last,
        cut,
        label: 'ORG',
        id,
        name: name ?? words.phrase(i, last, cut),
        within: within ?? undefined,
        confidence,
        source: `organisations:${source}`,
        notes: [note],
        priority: 1,
      });
    const j = i + 1;
    if (words.startsLine(j)) return;

    // trigger + known organisation of a type the trigger heads: the organisation itself.
    const known = orgAt(j);
    if (options.triggerOrganisation && known !== undefined && known.entry !== undefined && (trigger.heads.has('*') || trigger.heads.has(known.entry.type))) {
      if (trigger.include) candidates.push(make(known.last, 'trigger+organisation', Math.max(known.confidence, HEADED), `${triggerText()} + ${known.name}`, known.id, known.name));
      else if (known.confidence < HEADED) {
        known.confidence = HEADED;
        known.notes.push(`after ${triggerText()}`);
        known.decisive = `after ${triggerText()}`;
      }
      return;
    }
    // trigger + known organisation + ل-phrase: a body within it (صندوق الأمم المتحدة
    // لرعاية الطفولة, مفوضية الأمم المتحدة لشؤون اللاجئين). Not when the trigger opens a
    // listed name that takes in the organisation after it (`الاتحاد الأفريقي` is no union of
    // the club الأفريقي).
    const listed = orgAt(i, cut);
    if (options.triggerOrganisation && known !== undefined && !(listed !== undefined && listed.last >= known.last)) {
      const end = lamPhraseEnd(known.last + 1);
      if (end >= 0) {
        candidates.push(make(end, 'trigger+organisation', PLACE, `${triggerText()} + ${known.name} + ${words.surface(known.last + 1)}`, null, undefined, known.id));
        return;
      }
    }

    // trigger + «quoted name»: the name inside the quotes.
    if (options.quotedNames && trigger.names && isQuote(words, j, QUOTES_OPEN)) {
      let k = j + 1;
      while (k < n && k <= j + 5 && !isQuote(words, k, QUOTES_CLOSE) && !words.startsLine(k)) k++;
      if (k < n && k > j + 1 && k <= j + 5 && isQuote(words, k, QUOTES_CLOSE)) {
        const name = words.phrase(j + 1, k - 1, 0);
        candidates.push(
          makeCandidate({
            first: j + 1,
            last: k - 1,
            cut: 0,
            label: 'ORG',
            id: orgAt(j + 1)?.last === k - 1 ? orgAt(j + 1)!.id : null,
            name,
            confidence: QUOTED,
            source: 'organisations:trigger+quoted',
            notes: [`quoted name after ${triggerText()}`],
            priority: 1,
          }),
        );
        return;
      }
    }

    // Indefinite trigger that takes names + a word shaped like a foreign proper name
    // (`نادي بوردو`, `جامعة آستون`, `حزب كاديما`): not a known word of any list, no article,
    // no conjunction or imperfect prefix, no adjective, plural or pronoun ending.
    // (Not after a number: `32 شركة` counts companies.)
    const counted = i > 0 && tokens.kind[i - 1] === TokenKind.Number;
    // A trigger that only introduces the name (`صحيفة`, `قناة`: span `exclude`) stays outside
    // it, as for listed names (`قناة الجزيرة` -> `الجزيرة`).
    if (options.unknownNames && trigger.names && !definite && !counted && !words.startsLine(j) && orgAt(j) === undefined && placeAt(j) === undefined && looksLikeName(words, j)) {
      const note = `a name not in the gazetteer, after ${triggerText()}`;
      candidates.push(trigger.include ? make(j, 'trigger+name', UNKNOWN_NAME, note) : nameAfterTrigger(words, j, 'trigger+name', note));
      return;
    }
    // A paper or a channel in construct with one definite word no list knows: its name
    // (`صحيفة الاتحاد`, `مجلة الجديد`, `صحيفة الحياة`), unless the word is an adjective
    // (-ي، -ية), a listed word, or goes on with another definite word.
    if (options.unknownNames && trigger.names && !trigger.include && trigger.heads.has('press') && !definite && !words.startsLine(j) && orgAt(j) === undefined && placeAt(j) === undefined && mediaNameAfterTrigger(words, j)) {
      candidates.push(nameAfterTrigger(words, j, 'trigger+media-name', `a paper or channel not in the gazetteer, after ${triggerText()}`));
      return;
    }

    // Noun phrase: up to two definite words (construct genitive, adjectives).
    let k = j;
    const stop = Role.FunctionWord | Role.OrganisationTrigger | Role.PlaceTrigger | Role.PersonTitle;
    const phraseEnd = (at: number) => at >= n || words.startsLine(at);
    // A nisba form followed by another definite nisba is a noun of the phrase (`وزارة المالية
    // السعودية`: المالية is "finance" there, not "Malian").
    const nounNisba = (at: number) => (words.roleOf(at) & Role.PlaceNisba) === 0 || (at + 1 < n && !words.startsLine(at + 1) && words.isDefinite(at + 1) && (words.roleOf(at + 1) & Role.PlaceNisba) !== 0);
    // A coordinated definite noun may follow the first (`وزارة الصحة والسكان المصرية`,
    // `وزارة الخارجية والمغتربين`): و + a definite word, one more word at most.
    let limit = j + 2;
    while (k < limit && !phraseEnd(k)) {
      // (Not a title, trigger or name: `حزب الله والرئيس السوري`, `المنظمة الدولية والاتحاد
      // الأفريقي` coordinate two bodies or a body and a person.)
      const coordinated = k === j + 1 && limit === j + 2 && words.startsWith(k, WAW) && words.isDefinite(k, 1) && (words.roleOf(k, 1) & (stop | Role.Nisba)) === 0 && !words.startsEntry(k);
      if (!(words.isDefinite(k) || coordinated) || (words.roleOf(k) & stop) !== 0 || !nounNisba(k) || placeAt(k) !== undefined || orgAt(k) !== undefined) break;
      if (coordinated) limit = j + 3;
      k++;
    }
    const nouns = k - j;
    if (phraseEnd(k)) return;

    // + definite nisba of a place or people; an indefinite trigger needs a noun first
    // (`وزارة الخارجية السعودية`), a definite one takes it directly (`الحكومة العراقية`).
    const kRoles = words.roleOf(k);
    if (options.triggerNisba && (kRoles & Role.DefiniteNisba) !== 0 && (kRoles & Role.PlaceNisba) !== 0 && words.isDefinite(k) && (definite || nouns > 0)) {
      const forms = setup.roles.nisba.get(words.id(k)) ?? [];
      // The nisba agrees with the trigger, or with the noun before it (`قوات الاحتلال
      // الإسرائيلي`); one of another gender, or a human plural, qualifies another noun
      // (`رئيس الحكومة اللبناني`: the prime minister is Lebanese; Ryding 2005, ch. 10).
      const agreesWith = (g: 'm' | 'f') => forms.some((f) => f.form === (g === 'f' ? 'feminine' : 'masculine'));
      if (!(agreesWith(trigger.agrees) || (nouns > 0 && agreesWith(genderOf(words.text(k - 1)))))) return;
      const place = forms.find((f) => f.place !== undefined)?.place;
      // A definite trigger of the kind that names bodies (`names` in the data: بنك، معهد،
      // شركة) and its adjectives may go on with the body's remit as a definite ل-phrase
      // (`البنك الآسيوي للتنمية`, `المعهد الاتحادي السويسري للتقانة`); after a state body
      // it says for whom (`قدمت الحكومة العراقية للشعب`), and an indefinite one what for.
      let adjectivesOnly = true;
      for (let a = j; a < k; a++) if ((words.roleOf(a) & Role.OrganisationAdjective) === 0) adjectivesOnly = false;
      const remit = definite && trigger.names && adjectivesOnly && options.institutional && k + 1 < n && (words.isDefinite(k + 1, 2) || words.isDefinite(k + 1, 1)) ? lamPhraseEnd(k + 1) : -1;
      candidates.push(make(remit >= 0 ? remit : k, 'trigger+nisba', NISBA, `${triggerText()} + nisba ${words.surface(k)}`, null, undefined, place));
      return;
    }

    // + known place, directly, after على, or with ب/ل (الخاصة بأفريقيا).
    if (options.triggerPlace) {
      // Directly after the trigger the place is its genitive, which only an indefinite head
      // takes (`وزارة صور`; `نشرت الوزارة صور الأقمار`: the ministry published pictures).
      let place = definite && nouns === 0 ? undefined : placeAt(k);
      let via = '';
      if (place === undefined && nouns > 0 && words.isWord(k) && words.text(k) === ON && !phraseEnd(k + 1)) {
        place = placeAt(k + 1);
        via = ' (on)';
      }
      // ب names the place only after an adjective that governs it (`الخاصة بأفريقيا`); after
      // a noun it says where the body sits (`الشرطة القضائية بطنجة`: the police in Tangier).
      if (place === undefined && nouns > 0 && (words.startsWith(k, LAM) || (words.startsWith(k, BEH) && GOVERNS_BEH.has(words.text(k - 1))))) {
        place = placeAt(k, 1);
        via = ' (with a preposition)';
      }
      // Not a name held at the common-word cap (`محكمة المدينة` is the city's court).
      if (place !== undefined && place.confidence > COMMON_WORD_CONFIDENCE) {
        candidates.push(make(place.last, 'trigger+place', PLACE, `${triggerText()} + place ${place.name}${via}`, null, undefined, place.id));
        return;
      }
    }

    // Definite trigger + institutional adjectives + ل-phrase.
    if (options.institutional && definite) {
      let a = j;
      while (!phraseEnd(a) && a < j + 3 && ((words.roleOf(a) & Role.OrganisationAdjective) !== 0 || ((words.roleOf(a) & Role.DefiniteNisba) !== 0 && words.isDefinite(a)))) a++;
      const last = a > j ? lamPhraseEnd(a) : -1;
      if (last >= 0) {
        candidates.push(make(last, 'institutional', INSTITUTIONAL, `${triggerText()} + adjective + ${words.surface(a)}`));
        return;
      }
    }

    // trigger phrase + (acronym): up to four words, then a parenthesised known name or
    // Latin capitals.
    if (options.acronyms) {
      for (let p = j; p <= j + 5 && p < n - 2 && !words.startsLine(p); p++) {
        if (!(p > j && words.isChar(p, OPEN_PAREN))) {
          if (!words.isWord(p)) break;
          continue;
        }
        const inner = orgAt(p + 1);
        const innerLast = inner?.last ?? p + 1;
        const latin = isAcronym(tokens.view.text.slice(tokens.vStart[p + 1], tokens.vEnd[p + 1]));
        if ((inner !== undefined || latin) && words.isChar(innerLast + 1, CLOSE_PAREN)) {
          candidates.push(make(p - 1, 'trigger+acronym', ACRONYM, `${triggerText()} phrase followed by (${words.phrase(p + 1, innerLast, 0)})`, inner?.id ?? null, inner?.name));
        }
        break;
      }
    }
  };
  for (let t = 0; t < triggerTokens.count; t++) {
    const i = triggerTokens.at[t]!;
    if (i < n - 1) triggerRules(i);
  }

  // 3. Sports news: a city spelt like a club's short name is the club.
  if (options.sportsContext) addClubsNamedLikeCities(words, setup, places?.all ?? NO_CANDIDATES, clubs, orgAt, placeAt, candidates, doc.sentences);

  const chosen = selectCandidates(candidates.filter((c) => c.confidence >= options.minConfidence));
  return { all: candidates, chosen, lookup };
}

const NO_FORMS: readonly NisbaForm[] = [];

/** The club reading of a name's readings, if any: found once per name and kept. */
const sportsReadings = new WeakMap<readonly NameReading[], NameReading | null>();
function sportsReading(readings: readonly NameReading[]): NameReading | undefined {
  let r = sportsReadings.get(readings);
  if (r === undefined) {
    r = readings.find((x) => x.entry.type === 'sports') ?? null;
    sportsReadings.set(readings, r);
  }
  return r ?? undefined;
}

/** في، من، إلى (normalised): before a city they make it a place, even in sports news. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['\u0641\u064a', '\u0645\u0646', '\u0627\u0644\u064a']);

/** The normalised `على` ("on"): U+0639 AIN, U+0644 LAM, U+064A YEH (ى folds to ي). */
const ON = '\u0639\u0644\u064a';

/**
 * Whether the words before token `i` make a name there a place even in sports news: a
 * preposition of place (`في برشلونة`, `وفي شتوتغارت`, `بطنجة`, `من جدة`) or a place trigger
 * (`مدينة وجدة`).
 */
function saysPlace(words: DocWords, i: number, cut: number): boolean {
  if (words.startsWith(i, BEH) && cut > 0) return true;
  if (i === 0 || words.startsLine(i)) return false;
  if ((words.anyRole[i - 1]! & Role.PlaceTrigger) !== 0) return true;
  const before = words.text(i - 1);
  if (PLACE_PREPOSITIONS.has(before)) return true;
  // After the conjunction: وفي، ومن.
  const c = before.charCodeAt(0);
  return (c === WAW || c === FEH) && PLACE_PREPOSITIONS.has(before.slice(1));
}

/**
 * The gender an adjective takes after a noun, by the noun's shape: feminine when it ends in
 * teh marbuta (folded to heh in the view) or in the plural -ات, masculine otherwise (broken
 * plurals, which take the feminine, are not told apart: the trigger's own `agrees` says it).
 */
function genderOf(noun: string): 'm' | 'f' {
  const last = noun.charCodeAt(noun.length - 1);
  if (last === HEH) return 'f';
  return last === TEH && noun.charCodeAt(noun.length - 2) === ALEF ? 'f' : 'm';
}

/**
 * A club's doubtful name (`الجزيرة`: the channel or the Emirati club; `مانشستر`: the city
 * or its club) is the club in sports news. (Module functions, not closures in
 * recogniseOrganisations: they keep its body small enough for the compiler to inline.)
 */
function preferClubsInSportsNews(words: DocWords, candidates: Candidate[], sentences: readonly Span[]): void {
  for (const c of candidates) {
    if (c.readings === undefined || c.confidence >= SPORTS) continue;
    const club = sportsReading(c.readings);
    if (club === undefined || saysPlace(words, c.first, c.cut)) continue;
    // A name that is also a common word (`النصر` victory, `الاتفاق` agreement) needs the
    // cue close by: a match report is full of such words.
    const window = club.ambiguous === 'common-word' ? NEAR_WINDOW : SPORTS_WINDOW;
    if (!sportsCueNear(words, c.first, c.last, window, sentences)) continue;
    c.notes.push(club.entry === c.entry ? 'in sports news' : `${club.entry.id} chosen over ${c.entry?.id ?? 'rule'}: in sports news`);
    c.entry = club.entry;
    c.id = club.entry.id;
    c.name = club.entry.name;
    c.ambiguous = club.ambiguous;
    c.confidence = Math.max(c.confidence, SPORTS);
    c.decisive = 'sports news names the club';
  }
}

/**
 * A media name after a verb of saying or a word of the press (`نقلت الجزيرة`, `قال
 * للجزيرة`, `مراسل الجزيرة`, `في مقابلة مع الجزيرة`, `ذكرت «الحياة»`): the source that
 * speaks, the channel or the paper, not the island or "life".
 */
function raiseMediaSources(words: DocWords, candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.entry?.type !== 'media' || c.confidence >= HEADED) continue;
    const cue = reportingCue(words, c);
    if (cue < 0) continue;
    c.confidence = HEADED;
    c.decisive = `after ${words.surface(cue)}`;
    c.notes.push(`the source after ${words.surface(cue)}`);
  }
}

const NO_CANDIDATES: readonly Candidate[] = [];

/** Candidates by first token (emptied for each document). */
const orgLists = new CandidatesByStart();

/** The tokens of one document that start a match and the trigger tokens (refilled per document). */
const startTokens = new TokenList();
const triggerTokens = new TokenList();

/** Per token the index of the first candidate starting there, per candidate the next one's (-1: none). */
interface Chains {
  head: Int32Array;
  next: Int32Array;
}
/** The buffers of {@link chainByFirst}, kept across documents (grown when needed): one set of chains at a time. */
const chains: Chains = { head: new Int32Array(1024), next: new Int32Array(1024) };

/** Chains `list` by first token (of `n` tokens), each chain in the order of the list. */
function chainByFirst(list: readonly Candidate[], n: number): Chains {
  if (chains.head.length < n) chains.head = new Int32Array(Math.max(n, chains.head.length * 2));
  if (chains.next.length < list.length) chains.next = new Int32Array(Math.max(list.length, chains.next.length * 2));
  const { head, next } = chains;
  head.fill(-1, 0, n);
  // From the end, each candidate put before the chain so far.
  for (let k = list.length - 1; k >= 0; k--) {
    const first = list[k]!.first;
    next[k] = head[first]!;
    head[first] = k;
  }
  return chains;
}

/**
 * Clubs named like their city, from the places stage's cities: a city and the masculine
 * nisba of its own country (`ليون الفرنسي`, `بورتو البرتغالي`; نادي understood; the city
 * itself takes the feminine, `ليون الفرنسية`: Arabic treats city names as feminine, Ryding
 * 2005, ch. 7); a city that is a club's short name near sports cues; a city in a fixture list.
 */
function addClubsNamedLikeCities(
  words: DocWords,
  setup: GazetteerSetup,
  placeCandidates: readonly Candidate[],
  clubs: ReadonlyMap<number, GazetteerEntry>,
  orgAt: (i: number, cut?: number) => Candidate | undefined,
  placeAt: (i: number, cut?: number) => Candidate | undefined,
  candidates: Candidate[],
  sentences: readonly Span[],
): void {
  const n = words.count;
  for (const place of placeCandidates) {
    const entry = place.entry;
    if (entry === undefined || place.confidence === 0) continue;
    const type = entry.type;
    if (type !== 'city' && type !== 'country') continue;
    const i = place.first;
    // A city and the masculine nisba of its own country: its club (`ليون الفرنسي`,
    // `بورتو البرتغالي`; نادي understood). The city itself takes the feminine (`ليون
    // الفرنسية`): Arabic treats city names as feminine (Ryding 2005, ch. 7).
    const j = place.last + 1;
    if (j < n && !words.startsLine(j) && (words.anyRole[j]! & Role.DefiniteNisba) !== 0 && entry.country !== undefined) {
      const ownCountry = `gpe.country.${entry.country}`;
      const forms = setup.roles.nisba.get(words.id(j)) ?? NO_FORMS;
      const r = place.cut === 0 ? 0 : place.cut === 1 ? 1 : 3;
      // In sports news, or for a city that names a listed club: elsewhere the nisba may
      // agree with a noun before (`مطاري عمان الأردني ودمشق السوري`, the airports).
      // (`قطر القطري`, `الكويت الكويتي`: a country is feminine too, so with its own masculine
      // nisba it names its club.)
      const own = type === 'country' ? place.id : ownCountry;
      if (forms.some((f) => f.definite && f.form === 'masculine' && f.place === own) && (clubs.has(words.id(i, r)) || sportsCueNear(words, i, j, SPORTS_WINDOW, sentences))) {
        // A club listed with its nisba (`ليون الفرنسي`) is matched already. Otherwise the
        // club is the name, and the nisba its adjective, outside the span (as ANERcorp marks
        // `قطر القطري` → `قطر`).
        const known = orgAt(i, place.cut);
        if (known === undefined || known.last !== j) {
          const c = makeCandidate({
            first: i,
            last: place.last,
            cut: place.cut,
            label: 'ORG',
            id: known?.last === place.last ? known.id : null,
            name: known?.last === place.last ? known.name : words.phrase(i, place.last, place.cut),
            within: place.id ?? undefined,
            confidence: SPORTS,
            source: 'organisations:club+nisba',
            notes: [`${place.name} + the masculine nisba ${words.surface(j)}: its club (a ${type} takes the feminine)`],
            priority: 1,
          });
          c.decisive = `the masculine nisba ${words.surface(j)} after it`;
          candidates.push(c);
        }
        continue;
      }
    }
    if (place.first !== place.last || type !== 'city') continue;
    // Only where the places stage found a city of that name: the club is named after it.
    const r = place.cut === 0 ? 0 : place.cut === 1 ? 1 : 3;
    const club = clubs.get(words.id(i, r)) ?? clubs.get(words.id(i, r + 1));
    // A fixture list names clubs with their country in brackets: `بوردو ( فرنسا ) -
    // أيندهوفن ( هولندا )`.
    const fixture = isFixture(words, i, placeAt);
    if (club === undefined && !fixture) continue;
    if (saysPlace(words, i, place.cut)) continue;
    // A city named like a common word (`ليل` Lille, "night") needs the cue close by.
    const window = place.ambiguous === 'common-word' ? NEAR_WINDOW : SPORTS_WINDOW;
    if (!fixture && !sportsCueNear(words, i, i, window, sentences)) continue;
    // A listed club of that name (`آيندهوفن`, held back as a place name): that one.
    const listed = orgAt(i, place.cut);
    if (listed !== undefined && listed.last === i) {
      listed.confidence = Math.max(listed.confidence, SPORTS);
      listed.decisive = fixture ? 'a fixture list names clubs' : 'sports news names the club';
      listed.notes.push(fixture ? 'in a fixture list' : 'in sports news');
      continue;
    }
    candidates.push(
      makeCandidate({
        first: i,
        last: i,
        cut: place.cut,
        label: 'ORG',
        id: club?.id ?? null,
        name: club?.name ?? words.phrase(i, i, place.cut),
        within: club === undefined ? (place.id ?? undefined) : undefined,
        confidence: SPORTS,
        source: 'organisations:sports-context',
        notes: [club === undefined ? `${place.name}: a club, in a fixture list` : `${place.name}: the club ${club.name}, in sports news`],
        priority: 1,
        entry: club,
      }),
    );
  }
}

/** Whether a sports cue word is among tokens `[from, to]` (clipped to the document). */
function sportsCueNear(words: DocWords, first: number, last: number, window: number, sentences: readonly Span[]): boolean {
  // Within the sentence only (the sentences stage's, or full stops when it did not run): a
  // business report's `ارتفع المؤشر 45 نقطة .` says nothing of the `الاتفاق` (agreement)
  // that opens the next sentence.
  const any = words.anyRole;
  const t = words.lookup.tokens;
  const s = sentenceAt(sentences, t.start[first]!);
  for (let k = first - 1; k >= 0 && k >= first - window; k--) {
    if (s !== undefined ? t.start[k]! < s.start : endsSentence(words, k)) break;
    if ((any[k]! & Role.SportsCue) !== 0) return true;
    if (words.startsLine(k)) break;
  }
  const end = Math.min(words.count - 1, last + window);
  for (let k = last + 1; k <= end; k++) {
    if (words.startsLine(k) || (s !== undefined ? t.start[k]! >= s.end : endsSentence(words, k))) break;
    if ((any[k]! & Role.SportsCue) !== 0) return true;
  }
  return false;
}

/** The sentence (sorted spans) that contains `offset`, or undefined (none split). */
function sentenceAt(sentences: readonly Span[], offset: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Whether token `k` is a full stop, a question or an exclamation mark (Latin or Arabic). */
function endsSentence(words: DocWords, k: number): boolean {
  return words.isChar(k, 0x2e) || words.isChar(k, 0x3f) || words.isChar(k, 0x21) || words.isChar(k, 0x61f);
}

const DASH = 0x2d; // - between the two sides of a fixture

/**
 * Whether the city at token `i` opens a fixture entry: `( country )` after it, then a dash
 * or a score (`بوردو ( فرنسا ) - أيندهوفن`, `هامبورغ ( ألمانيا ) 1 - صفر`), or a dash
 * before it after another bracketed country.
 */
function isFixture(words: DocWords, i: number, placeAt: (i: number, cut?: number) => Candidate | undefined): boolean {
  if (!words.isChar(i + 1, OPEN_PAREN)) return false;
  const country = placeAt(i + 2);
  if (country === undefined || country.entry?.type !== 'country' || !words.isChar(country.last + 1, CLOSE_PAREN)) return false;
  const after = country.last + 2;
  const kind = after < words.count ? words.lookup.tokens.kind[after] : -1;
  return words.isChar(after, DASH) || kind === TokenKind.Number || (words.isChar(i - 1, DASH) && words.isChar(i - 2, CLOSE_PAREN));
}

/** The normalised preposition مع ("with"): U+0645 MEEM, U+0639 AIN. */
const WITH = '\u0645\u0639';

/**
 * The token of a verb of saying or a word of the press that a name at candidate `c` follows
 * (`نقلت الجزيرة`, `قالت « السفير »`, `قال للجزيرة`, `قال لـ « الحياة »`, `مقابلة مع
 * الجزيرة`), or -1. Looks back over an opening quote, a lone ل, or مع.
 */
function reportingCue(words: DocWords, c: Candidate): number {
  if (words.startsLine(c.first)) return -1;
  let p = c.first - 1;
  let apart = false;
  if (isQuote(words, p, QUOTES_OPEN) && !words.startsLine(p)) {
    p--;
    apart = true;
  }
  // ل written apart (`لـ`) or on the name (`للجزيرة`), or مع: "to", "with" the source.
  const lam = c.cut > 0 && words.startsWith(c.first, LAM);
  if (!lam && p >= 0 && words.isWord(p) && !words.startsLine(p + 1)) {
    const t = words.text(p);
    if (t === LAM_ALONE || t === WITH) {
      p--;
      apart = true;
    }
  }
  if (p < 0 || words.startsLine(p + 1) || !words.isWord(p)) return -1;
  if (words.readingWithRole(p, Role.PressNoun) >= 0) return p;
  // One adjective may stand between a press noun and مع / ل (`مقابلة خاصة مع الجزيرة`).
  if (apart && p > 0 && !words.startsLine(p) && words.isWord(p - 1) && words.readingWithRole(p - 1, Role.PressNoun) >= 0) return p - 1;
  const r = words.readingWithRole(p, Role.ReportingVerb);
  if (r < 0) return -1;
  // Right after the verb, unquoted, the name is its subject: papers and channels take the
  // feminine (صحيفة، قناة understood: ذكرت الحياة); `قال السفير` is the ambassador.
  if (apart || lam) return p;
  const verb = words.text(p, r);
  return verb.charCodeAt(verb.length - 1) === TEH ? p : -1;
}


/** The preposition ل written as a word of its own (`لـ`: the tatweel is not in the view). */
const LAM_ALONE = '\u0644';

function isQuote(words: DocWords, i: number, set: ReadonlySet<number>): boolean {
  if (i < 0 || i >= words.count) return false;
  const t = words.lookup.tokens;
  return t.vEnd[i]! - t.vStart[i]! === 1 && set.has(t.view.units[t.vStart[i]!]!);
}

/** Two to eight Latin capitals (ISIS, NATO, UNHCR), the acronyms news puts in brackets. */
function isAcronym(s: string): boolean {
  return /^[A-Z]{2,8}$/.test(s);
}
