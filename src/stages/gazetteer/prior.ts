/**
 * The confidence a gazetteer match starts with, before context rules raise it: the
 * matched name's own (or `ambiguousConfidence` for an ambiguous name that gives none), capped
 * for names that are also frequent words, and refused outright where the grammar says
 * the word is not a name here.
 */
import type { DocWords } from './doc-words.js';
import type { NameReading } from './candidates.js';
import { READING_ALEF, READING_CUTS, type PhraseMatch } from './phrase-index.js';
import { Role } from './word-roles.js';

const WAW = 0x0648; // U+0648 ARABIC LETTER WAW: the conjunction "and"
const FEH = 0x0641; // U+0641 ARABIC LETTER FEH: the conjunction "so"

/** Whole-token roles that rule out reading the token as proclitic + a name. */
const WORDS_NOT_CLITIC_NAMES = Role.GivenName | Role.FunctionWord | Role.CommonNoun;

/** Kinds of place that a family name hardly ever is. */
const BIG_UNITS: ReadonlySet<string> = new Set(['country', 'territory', 'continent', 'region', 'ocean', 'sea']);

/** Role bits of word `i`, and of its rest after a conjunction و or ف. */
function wordRoles(words: DocWords, i: number): number {
  const whole = words.roleOf(i);
  return words.startsWith(i, WAW) || words.startsWith(i, FEH) ? whole | words.roleOf(i, 1) : whole;
}

const YEH = 0x064a; // U+064A ARABIC LETTER YEH: the nisba ending (-ي)
const HEH = 0x0647; // U+0647 ARABIC LETTER HEH: U+0629 TEH MARBUTA as the view folds it (-ية)
const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF
const HAMZA = 0x0621; // U+0621 ARABIC LETTER HAMZA

/**
 * Word roles before a name that open a noun phrase rather than take an adjective (a
 * direction noun in construct takes a genitive: `شمال مالي` is north of Mali, not a
 * northern "financial").
 */
const OPENS = Role.FunctionWord | Role.OrganisationTrigger | Role.PersonTitle | Role.DirectionNoun;
/** Word roles before a name that make it a name (a trigger, a verb of saying). */
const NAMES = Role.OrganisationTrigger | Role.PlaceTrigger | Role.ReportingVerb | Role.PressNoun;

/**
 * Whether reading `r` of token `i` (definite) has the shape of an adjective: a nisba (-ي,
 * -ية: الرمادي "grey", الغربية "western") or a colour of the pattern فعلاء (الزرقاء "blue",
 * البيضاء "white") (Ryding 2005, ch. 10 and 11). Read on the view's code units, without
 * slicing the token.
 */
function adjectiveShaped(words: DocWords, i: number, r: number): boolean {
  const t = words.lookup.tokens;
  const units = t.view.units;
  const end = t.vEnd[i]!;
  // Length of the reading: the token less the cut, plus the alef the لل reading restores.
  const n = end - t.vStart[i]! - READING_CUTS[r]! - words.lookup.lead[i]! + (READING_ALEF[r] ? 1 : 0);
  const last = units[end - 1]!;
  if (last === YEH) return n >= 5;
  if (last === HEH) return n >= 6 && units[end - 2] === YEH;
  return n === 7 && last === HAMZA && units[end - 2] === ALEF;
}

/** Confidence given to a name that is also a frequent word, without context. */
export const COMMON_WORD_CONFIDENCE = 0.3;

export interface PriorOptions {
  ambiguousConfidence: number;
  nisbaFilter: boolean;
}

/** `X is ambiguous (reason): note`, built once per reading of a name and kept on it. */
function ambiguityNote(reading: NameReading): string {
  let note = reading.ambiguityNote;
  if (note === undefined) {
    note = `${reading.name} is ambiguous (${reading.ambiguous})${reading.note !== undefined ? `: ${reading.note}` : ''}`;
    reading.ambiguityNote = note;
  }
  return note;
}

/**
 * The confidence of a match, its notes pushed onto `notes`, or -1 when the match must not
 * be a name. (A number, not an object: this runs for every match of every document.)
 */
export function priorOf(words: DocWords, m: PhraseMatch, reading: NameReading, options: PriorOptions, notes: string[]): number {
  let confidence = reading.ambiguous !== undefined && reading.confidence === 1 ? options.ambiguousConfidence : reading.confidence;
  if (reading.ambiguous !== undefined) notes.push(ambiguityNote(reading));
  const prev = m.first - 1;
  const adjacent = prev >= 0 && !words.startsLine(m.first);
  const joined = adjacent && m.reading === 0;
  // The word before, and after a conjunction on it (`وبين سورية`: و + the preposition بين).
  const prevRoles = joined ? wordRoles(words, prev) : 0;
  // عبد العزيز، بن لادن، دي لافيغا: part of a personal name (Schimmel, Islamic Names, 1989),
  // whatever the reading of the name's token (not ل + أفيغا).
  if (adjacent && (words.roleOf(prev) & Role.PersonPrefix) !== 0) return -1;
  // A whole token that is itself a listed word (`فريدة` "unique", `وكيل` "agent", a given
  // name `فاطمة`, a function word) is not proclitic + name (ف + ريدة, و + كيل, ف + أطمة).
  if (m.reading !== 0) {
    // (The common names are exactly the ids with the CommonName bit: one array read, no hashing.)
    if ((words.roles.of(words.id(m.first, 0)) & (WORDS_NOT_CLITIC_NAMES | Role.CommonName)) !== 0) return -1;
  }
  if (m.first !== m.last) return confidence;
  // A given name then a one-word name without the article: a family name (إسحاق نيوتن،
  // فيديل كاسترو، محمد بنيس), unless the name is a country or a bigger unit, which a family
  // name hardly ever is. (With the article it is more often a place after a name ending a
  // phrase: `... وبن عيسى الدوحة`.)
  if (
    adjacent &&
    words.isWord(prev) &&
    (words.anyRole[prev]! & Role.GivenName) !== 0 &&
    words.readingWithRole(prev, Role.GivenName) >= 0 &&
    !words.isDefinite(m.first, m.reading) &&
    !BIG_UNITS.has(reading.type)
  )
    return -1;

  // A relative pronoun opens a clause with its verb: an indefinite word right after one is
  // that verb (`اللاتي عدن` "who returned", not Aden; Ryding 2005, ch. 14).
  if (joined && (prevRoles & Role.Relative) !== 0 && !words.isDefinite(m.first, m.reading) && !BIG_UNITS.has(reading.type)) return -1;

  const roles = words.roleOf(m.first, m.reading);
  const common = ((roles & Role.CommonName) !== 0 ? words.roles.commonNames.get(words.id(m.first, m.reading)) : undefined) ?? ((roles & Role.GivenName) !== 0 ? 'given-name' : undefined);
  const doubtful = reading.ambiguous !== undefined || common !== undefined || (roles & (Role.DirectionAdjective | Role.FunctionWord | Role.CommonNoun)) !== 0;
  // Adjectives coordinated by و: a name spelt like a nisba after a nisba (`عربية وسورية`,
  // "Arab and Syrian") is the second adjective.
  if (options.nisbaFilter && (roles & Role.Nisba) !== 0 && m.reading === 1 && words.startsWith(m.first, WAW) && adjacent && (words.roleOf(prev) & Role.Nisba) !== 0) return -1;
  // An adjective agrees with the noun before it in definiteness (Ryding 2005, ch. 10):
  // after a word of the same definiteness, a nisba (`الخارجية السعودية`) or a name that
  // is also an adjective (`الضفة الغربية`, `القارة البيضاء`, `الدخان الرمادي`, `والبطاقات
  // الزرقاء`) is that noun's adjective. A trigger opens a name only in construct: after a
  // definite one (`الدول الغربية`, `السواحل الشرقية`) the word is its adjective too.
  if (joined && (prevRoles & OPENS) === 0 && words.isWord(prev)) {
    const prevDefinite = words.isDefinite(prev) || ((words.startsWith(prev, WAW) || words.startsWith(prev, FEH)) && words.isDefinite(prev, 1));
    if ((prevRoles & Role.PlaceTrigger) === 0 || prevDefinite) {
      const definite = words.isDefinite(m.first, m.reading);
      const agrees = prevDefinite === definite;
      if (agrees && options.nisbaFilter && (roles & Role.Nisba) !== 0) return -1;
      if (agrees && definite && (doubtful || adjectiveShaped(words, m.first, m.reading))) return -1;
    }
  }
  // A name that is also a common word, followed by a definite adjective, is that word with
  // its adjective (`النهضة الثقافية` the cultural renaissance, `القاعدة العسكرية` the
  // military base, `الوفد الأمريكي` the American delegation): names of the kind are listed
  // with their adjective when they take one (`الهلال الأحمر`, `النصر السعودي`).
  // (Not after a trigger or a verb of saying, which make it a name: `صحيفة الأهرام القاهرية`.)
  if ((common !== undefined || reading.ambiguous === 'common-word') && !(adjacent && (words.anyRole[prev]! & NAMES) !== 0) && words.isDefinite(m.first, m.reading)) {
    const next = m.last + 1;
    // (A place takes a direction: `الجليل الغربي` is western Galilee.)
    const direction = reading.label !== 'ORG' && (words.roleOf(next) & Role.DirectionAdjective) !== 0;
    if (next < words.count && !words.startsLine(next) && !direction && words.isDefinite(next) && ((words.roleOf(next) & Role.Nisba) !== 0 || adjectiveShaped(words, next, 0))) return -1;
  }
  // A demonstrative or a quantifier before a definite word makes it a common noun (`ذاك
  // الرباط القدسي` "that holy bond", `كافة الميادين` "all fields"). A quantifier takes a
  // place too (`معظم الموصل` "most of Mosul"), so it decides only for a name that is also
  // a word; a country or bigger unit keeps its reading after either (`هذا العراق`).
  if (joined && (prevRoles & (Role.Demonstrative | Role.Quantifier)) !== 0 && words.isDefinite(m.first, m.reading) && !BIG_UNITS.has(reading.type)) {
    if ((prevRoles & Role.Demonstrative) !== 0 || doubtful) return -1;
  }
  // الرئيس بوش، الشيخ زايد: an ambiguous name after a title is a person.
  if ((prevRoles & Role.PersonTitle) !== 0 && doubtful) return -1;
  if (common !== undefined || (roles & (Role.FunctionWord | Role.CommonNoun)) !== 0) {
    if (confidence > COMMON_WORD_CONFIDENCE) {
      confidence = COMMON_WORD_CONFIDENCE;
      notes.push(`${reading.name} is also a frequent ${common === undefined ? 'word' : common.replace('-', ' ')}`);
    }
  }
  return confidence;
}
