/**
 * The confidence a gazetteer match starts with, before context rules raise it: the
 * matched name's own (or `ambiguousConfidence` for an ambiguous name that gives none), capped
 * for names that are also frequent words, and refused outright where the grammar says
 * the word is not a name here.
 */
import type { DocWords } from './doc-words.js';
import type { NameReading } from './candidates.js';
import type { PhraseMatch } from './phrase-index.js';
import { Role } from './word-roles.js';

/** Confidence given to a name that is also a frequent word, without context. */
export const COMMON_WORD_CONFIDENCE = 0.3;

export interface PriorOptions {
  ambiguousConfidence: number;
  nisbaFilter: boolean;
}

const ambiguityNotes = new WeakMap<NameReading, string>();
/** `X is ambiguous (reason): note`, built once per reading of a name. */
function ambiguityNote(reading: NameReading): string {
  let note = ambiguityNotes.get(reading);
  if (note === undefined) {
    note = `${reading.entry.name} is ambiguous (${reading.ambiguous})${reading.note !== undefined ? `: ${reading.note}` : ''}`;
    ambiguityNotes.set(reading, note);
  }
  return note;
}

/** Confidence and notes for a match, or null when the match must not be a name. */
export function priorOf(words: DocWords, m: PhraseMatch, reading: NameReading, options: PriorOptions): { confidence: number; notes: string[] } | null {
  const notes: string[] = [];
  const entry = reading.entry;
  let confidence = reading.ambiguous !== undefined && reading.confidence === 1 ? options.ambiguousConfidence : reading.confidence;
  if (reading.ambiguous !== undefined) notes.push(ambiguityNote(reading));
  const prev = m.first - 1;
  const joined = prev >= 0 && !words.startsLine(m.first) && m.reading === 0;
  const prevRoles = joined ? words.roleOf(prev) : 0;
  // عبد العزيز، بن لادن: part of a personal name (Schimmel, Islamic Names, 1989).
  if ((prevRoles & Role.PersonPrefix) !== 0) return null;
  // A whole token listed as a common word (`فريدة` "unique") is not proclitic + name (ف + ريدة).
  if (m.reading !== 0 && words.roles.commonNames.has(words.id(m.first, 0))) return null;
  if (m.first !== m.last) return { confidence, notes };

  const roles = words.roleOf(m.first, m.reading);
  const common = words.roles.commonNames.get(words.id(m.first, m.reading));
  const doubtful = reading.ambiguous !== undefined || common !== undefined || (roles & (Role.DirectionAdjective | Role.FunctionWord | Role.CommonNoun)) !== 0;
  // An adjective agrees with the noun before it in definiteness (Ryding 2005, ch. 10):
  // after a word of the same definiteness, a nisba (`الخارجية السعودية`) or a name that
  // is also an adjective (`الضفة الغربية`, `القارة البيضاء`) is that noun's adjective.
  if (joined && words.isWord(prev) && (prevRoles & (Role.FunctionWord | Role.PlaceTrigger | Role.OrganisationTrigger | Role.PersonTitle)) === 0) {
    const agrees = words.isDefinite(prev) === words.isDefinite(m.first, m.reading);
    if (agrees && options.nisbaFilter && (roles & Role.Nisba) !== 0) return null;
    if (agrees && doubtful && words.isDefinite(m.first, m.reading)) return null;
  }
  // الرئيس بوش، الشيخ زايد: an ambiguous name after a title is a person.
  if ((prevRoles & Role.PersonTitle) !== 0 && doubtful) return null;
  if (common !== undefined || (roles & (Role.FunctionWord | Role.CommonNoun)) !== 0) {
    if (confidence > COMMON_WORD_CONFIDENCE) {
      confidence = COMMON_WORD_CONFIDENCE;
      notes.push(`${entry.name} is also a frequent ${common === undefined ? 'word' : common.replace('-', ' ')}`);
    }
  }
  return { confidence, notes };
}
