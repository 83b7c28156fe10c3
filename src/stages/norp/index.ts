/**
 * The NORP stage: nationalities, peoples, religious and political groups, from the nisba
 * adjectives of the demonym lists (gazetteers/places/demonyms.jsonl and
 * gazetteers/people/demonyms-extra.jsonl), in two uses (Ryding 2005, ch. 10 on adjective
 * agreement; OntoNotes 5.0 NORP guidelines):
 *
 * ```
 * noun        العراقيون، الأكراد، الشيعة، للسوريين           a plural or collective form
 * adjective   وزير الخارجية السعودي   الشعب السوري   مسؤول أمريكي
 *             head ──complement── nisba   (the head a person or people noun, agreeing)
 * not         الجهود العراقية، الحكومة العراقية             the head is a thing or a body
 * ```
 *
 * A singular nisba is NORP only when it qualifies a person or people noun
 * (gazetteers/people/cues.tsv: titles, offices, groups) of its gender; a definite nisba
 * may follow a construct phrase (head + definite complement, `وزير الخارجية السعودي`).
 * The value is `{id, name}` with the place or group id of the demonym.
 */
import { z } from 'zod';
import type { Doc } from '../../core/document.js';
import { defineStage } from '../../core/stage.js';
import { TokenKind } from '../../core/tokens.js';
import type { TokenLookup } from '../gazetteer/phrase-index.js';
import { HEAD_BITS, PersonRole, loadPeopleLexicon, peopleFilesOption, type NisbaInfo, type PeopleLexicon } from '../people/lexicon.js';
import { RoleReader } from '../people/reading.js';
import { NUMBER_WORD_SCOPE, PEOPLE_SCOPE, documentLookup } from '../token-lookup.js';

export const norpOptions = z.strictObject({
  ...peopleFilesOption,
  /** A plural or collective nisba is a NORP on its own (العراقيون، الأكراد). */
  nouns: z.boolean().default(true),
  /** A singular nisba after a person or people noun of its gender (الشعب السوري). */
  adjectives: z.boolean().default(true),
  /** Definite words allowed between a construct head and its nisba (وزير الخارجية السعودي: 1). */
  maxComplement: z.number().int().min(0).max(4).default(2),
  /** Confidence below which a NORP is not written. */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type NorpOptions = z.output<typeof norpOptions>;

const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF
const LAM = 0x0644; // U+0644 ARABIC LETTER LAM

/** Finds NORP spans in one document. */
class NorpScanner {
  private readonly reader: RoleReader;
  private readonly headReader: RoleReader;

  constructor(
    private readonly lexicon: PeopleLexicon,
    private readonly options: NorpOptions,
  ) {
    this.reader = new RoleReader(lexicon.roles);
    this.headReader = new RoleReader(lexicon.roles);
  }

  scan(doc: Doc): void {
    this.namedDoc = null;
    const lookup = documentLookup(doc, this.lexicon.vocabulary);
    const tokens = lookup.tokens;
    const scopes = lookup.scopes;
    const n = tokens.count;
    let previousEnd = -1; // last token written as NORP, for coordination (السوريون والعراقيون)
    for (let i = 0; i < n; i++) {
      if ((scopes[i]! & PEOPLE_SCOPE) === 0) continue;
      const bits = this.reader.read(lookup, i);
      if ((bits & PersonRole.Nisba) === 0) continue;
      const info = this.lexicon.nisbaById[this.reader.id];
      if (info === undefined) continue;
      const cut = this.reader.cut;
      const ambiguous = (bits & PersonRole.NisbaAmbiguous) !== 0;
      const head = this.headOf(lookup, i, info);
      let source: string;
      let confidence: number;
      if (head && this.options.adjectives) {
        source = 'norp:adjective';
        confidence = 0.95;
      } else if (info.plural && this.options.nouns && (!ambiguous || previousEnd === i - 1)) {
        source = 'norp:noun';
        confidence = ambiguous ? 0.7 : 0.9;
      } else if (!info.plural && !info.definite && this.options.nouns && cut === 0 && this.afterNumber(lookup, i)) {
        // مليون سوري، ثلاثة أمريكيين: after a number the singular is a noun (Arabic counts
        // 11 and up with a singular).
        source = 'norp:noun';
        confidence = 0.85;
      } else if (cut > 0 && previousEnd === i - 1 && this.options.adjectives) {
        // و + nisba right after a NORP: the same head (السعودي والأمريكي).
        source = 'norp:coordinated';
        confidence = 0.85;
      } else continue;
      if (confidence < this.options.minConfidence) continue;
      const start = tokens.view.originalStart(tokens.vStart[i]! + cut);
      // A place or organisation of the same span is the name (الجمهوريون the party, a
      // listed armed group): it would lose the tie on the label's order otherwise.
      if (this.namedAt(doc).get(start) === tokens.end[i]!) continue;
      doc.annotate({ label: 'NORP', start, end: tokens.end[i]!, value: { id: info.id, name: info.name }, source, confidence, note: undefined });
      previousEnd = i;
    }
  }

  private named: Map<number, number> | null = null;
  private namedDoc: Doc | null = null;

  /** Ends of the place and organisation annotations by start (built once per document, when first needed). */
  private namedAt(doc: Doc): Map<number, number> {
    if (this.namedDoc !== doc || this.named === null) {
      this.named = new Map();
      this.namedDoc = doc;
      for (const a of doc.annotations) if (a.label === 'ORG' || a.label === 'GPE' || a.label === 'LOC') this.named.set(a.start, a.end);
    }
    return this.named;
  }

  /** True when the nisba at `i` qualifies a person or people noun of its gender before it. */
  private headOf(lookup: TokenLookup, i: number, info: NisbaInfo): boolean {
    if (this.reader.cut > 0) return false; // و + nisba starts a new phrase
    const tokens = lookup.tokens;
    const want = info.plural ? PersonRole.HeadPlural | PersonRole.HeadMasculine : info.feminine ? PersonRole.HeadFeminine : PersonRole.HeadMasculine;
    let skipped = 0;
    for (let j = i - 1; j >= 0 && j >= i - 1 - this.options.maxComplement; j--) {
      if (tokens.kind[j] !== TokenKind.Word || lookup.lineEnd[j]! <= i) return false;
      const bits = this.headReader.read(lookup, j);
      // An indefinite nisba qualifies the noun right before it (مسؤول أمريكي).
      if ((bits & HEAD_BITS) !== 0 && (bits & want) !== 0) return info.definite || skipped === 0;
      // Only definite words stand between a construct head and its adjective (a plural
      // complement too: رئيس الوزراء الإسرائيلي).
      if (!info.definite || !this.isDefinite(lookup, j) || (bits & PersonRole.Nisba) !== 0) return false;
      skipped++;
    }
    return false;
  }

  /** True when the token before `i` is a number in digits or a number word (of the same line). */
  private afterNumber(lookup: TokenLookup, i: number): boolean {
    const p = i - 1;
    if (p < 0 || lookup.lineEnd[p]! <= i) return false;
    const kind = lookup.tokens.kind[p];
    return kind === TokenKind.Number || (kind === TokenKind.Word && (lookup.scopes[p]! & NUMBER_WORD_SCOPE) !== 0);
  }

  /** True when token `j` starts with the article (ال, or لل after a proclitic). */
  private isDefinite(lookup: TokenLookup, j: number): boolean {
    const t = lookup.tokens;
    const units = t.view.units;
    const vs = t.vStart[j]! + this.headReader.cut;
    if (t.vEnd[j]! - vs < 3) return false;
    const a = units[vs]!;
    const b = units[vs + 1]!;
    return (a === ALEF && b === LAM) || (this.headReader.cut > 0 && a === LAM && units[vs - 1] === LAM);
  }
}

export const norpStage = defineStage({
  name: 'norp',
  summary: 'NORP: nationalities, peoples, religious and political groups from nisba forms, as nouns or qualifying a person or people noun.',
  requires: ['tokens'],
  provides: ['norp'],
  tagger: true,
  options: norpOptions,
  create(options, context) {
    const lexicon = loadPeopleLexicon(options, context);
    const scanner = new NorpScanner(lexicon, options);
    return (doc) => scanner.scan(doc);
  },
});
