/**
 * The persons stage: PERS annotations from cues (titles, offices, verbs of saying, يا),
 * given-name lists, known people, initials, names in Latin script and document-level
 * memory (see ./recognise.ts). Runs after places and organisations, and settles the
 * spans it shares with them:
 *   - a place or organisation reaching beyond a name wins (the name is dropped);
 *   - the same span: the person wins when a cue or a list makes it sure (الرئيس فورد),
 *     the place or organisation otherwise;
 *   - a place inside a name (a surname read as a town, or as a proclitic + a town:
 *     بايدن as ب + أيدن) is dropped, with a note on the name.
 */
import { z } from 'zod';
import type { Annotation, Doc } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { loadPeopleLexicon, peopleFilesOption, type PeopleLexicon } from '../people/lexicon.js';
import { PersonScanner, placeMayBeName, type PersonCandidate } from './recognise.js';

export const personsOptions = z.strictObject({
  ...peopleFilesOption,
  /** Titles and offices before a name (الرئيس، وزير الخارجية السعودي). */
  titles: z.boolean().default(true),
  /** A known or given name right after a verb of saying (قال فيصل). */
  verbs: z.boolean().default(true),
  /** A known or given name after يا. */
  vocative: z.boolean().default(true),
  /** A sure given name alone is a person (at a lower confidence). */
  givenNameAlone: z.boolean().default(true),
  /** After a title, a word no list knows is a name (الوزير بلينكن). */
  unknownAfterCue: z.boolean().default(true),
  /** A family name found in full earlier is a person alone elsewhere in the document. */
  memory: z.boolean().default(true),
  /** Given name + capitalised words in Latin script (Antony Blinken). */
  latin: z.boolean().default(true),
  /** Words no list knows allowed in one name. */
  maxUnknown: z.number().int().min(0).max(4).default(2),
  /** Longest name, in tokens. */
  maxTokens: z.number().int().min(1).max(12).default(7),
  /** Confidence below which a name is not written. */
  minConfidence: z.number().min(0).max(1).default(0.5),
});
export type PersonsOptions = z.output<typeof personsOptions>;

/** The notes of a name that covers nothing (never pushed to). */
const NO_NOTES: string[] = [];

/** Writes the candidates, settling overlaps with places and organisations. */
function writePersons(doc: Doc, scanner: PersonScanner, lexicon: PeopleLexicon, found: PersonCandidate[], minConfidence: number): void {
  const tokens = doc.tokens!;
  const view = tokens.view;
  const removed = new Set<Annotation>();
  // The distinct annotations a name covers, in token order: one array for the document
  // (most names cover none, and a Set per name cost more than the check).
  const rivals: Annotation[] = [];
  for (const c of found) {
    if (c.confidence < minConfidence) continue;
    const start = view.originalStart(tokens.vStart[c.first]! + c.cut);
    const end = tokens.end[c.last]!;
    rivals.length = 0;
    for (let k = c.first; k <= c.last; k++) {
      const a = scanner.coveringAnnotation(k);
      if (a !== undefined && !rivals.includes(a)) rivals.push(a);
    }
    let keep = true;
    for (const a of rivals) {
      const same = a.start === start && a.end === end;
      // A place or organisation reaching beyond the name wins; so does one of the same
      // span when nothing makes the person sure.
      if (a.start < start || a.end > end || (same && !c.strong) || ((a.label === 'GPE' || a.label === 'LOC') && !placeMayBeName(a))) keep = false;
    }
    if (!keep) continue;
    const notes: string[] = rivals.length === 0 ? NO_NOTES : [];
    for (const a of rivals) {
      const same = a.start === start && a.end === end;
      if (!same && a.label === 'ORG') continue; // cannot happen: names stop at organisations
      removed.add(a);
      notes.push(`${same ? 'same span as' : 'contains'} ${a.label} ${doc.text.slice(a.start, a.end)} (${a.source}), dropped`);
    }
    const person = c.person >= 0 ? lexicon.people[c.person] : undefined;
    doc.annotate({
      label: 'PERS',
      start,
      end,
      value: person === undefined ? undefined : { id: person.id, name: person.name },
      source: c.source,
      confidence: c.confidence,
      note: notes.length === 0 ? undefined : notes.join('; '),
    });
  }
  if (removed.size > 0) doc.annotations = doc.annotations.filter((a) => !removed.has(a));
}

export const personsStage = defineStage({
  name: 'persons',
  summary: 'PERS from titles, offices, verbs of saying and يا before a name, given-name and known-people lists, initials, Latin-script names and document memory.',
  requires: ['tokens'],
  provides: ['persons'],
  tagger: true,
  options: personsOptions,
  create(options, context) {
    const lexicon = loadPeopleLexicon(options, context);
    const scanner = new PersonScanner(lexicon, options);
    return (doc) => {
      const found = scanner.scan(doc);
      if (found.length > 0) writePersons(doc, scanner, lexicon, found, options.minConfidence);
    };
  },
});
