/**
 * Personal names in Arabic news, by rules over the shared token look-up, as rule-based
 * Arabic NER systems do (Shaalan & Raza, "NERA: Named Entity Recognition for Arabic",
 * JASIST 2009; Mesfar 2007): a cue, then a name whose extent the name lists and the
 * shape of Arabic names decide.
 *
 * ```
 * cue                         name
 * وزير الخارجية السعودي       فيصل بن فرحان آل سعود      office + complement + nisba, given + nasab + family
 * الرئيس الأمريكي             جو بايدن                   title + nisba, given + known surname
 * الوزير                      بلينكن                     title + a word no list knows
 * قال / يا                    فيصل                       verb of saying, vocative + given name
 * (none)                      أنتوني ج. بلينكن           given name + initial + family name
 * (document memory)           بلينكن                     the family name of a name seen in full
 * ```
 *
 * A given name that is also a word (أمل، نور، سعيد) is a person only after a cue or
 * before another name part; a family name seen in full earlier in the document is a
 * person alone later (document-level memory). Names never run across a line, a
 * punctuation mark (but the dot of an initial), a listed non-name word, a nisba, a cue,
 * or an organisation; a place inside a name is accepted only in family-name position.
 */
import type { Annotation, Doc } from '../../core/document.js';
import { TokenFlag, TokenKind, type TokenTable } from '../../core/tokens.js';
import { READINGS, READING_CUTS, type TokenLookup } from '../gazetteer/phrase-index.js';
import { NAME_BITS, PersonRole, pairKey, type KnownName, type PeopleLexicon } from '../people/lexicon.js';
import { RoleReader } from '../people/reading.js';
import { PEOPLE_SCOPE, documentLookup } from '../token-lookup.js';

/** Options the recogniser reads (the stage's, see ./index.ts). */
export interface PersonRules {
  titles: boolean;
  verbs: boolean;
  vocative: boolean;
  givenNameAlone: boolean;
  unknownAfterCue: boolean;
  memory: boolean;
  latin: boolean;
  maxUnknown: number;
  maxTokens: number;
  minConfidence: number;
}

/** A name found: tokens `[first, last]`, proclitics cut off the first. */
export interface PersonCandidate {
  first: number;
  last: number;
  cut: number;
  confidence: number;
  source: string;
  /** Index into the lexicon's people, or -1. */
  person: number;
  /** True when a cue or a list makes the reading sure enough to override a place or organisation of the same span. */
  strong: boolean;
}

const WAW = 0x0648; // U+0648 ARABIC LETTER WAW
const FEH = 0x0641; // U+0641 ARABIC LETTER FEH
const BEH = 0x0628; // U+0628 ARABIC LETTER BEH
const KAF = 0x0643; // U+0643 ARABIC LETTER KAF
const LAM = 0x0644; // U+0644 ARABIC LETTER LAM
const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF
const DOT = 0x2e; // FULL STOP, after an initial (أنتوني ج. بلينكن)
const ARABIC_COMMA = 0x060c; // U+060C ARABIC COMMA
const LATIN_COMMA = 0x2c; // COMMA
const YEH = 0x064a; // U+064A ARABIC LETTER YEH, prefix of the present tense
const TEH = 0x062a; // U+062A ARABIC LETTER TEH
const NOON = 0x0646; // U+0646 ARABIC LETTER NOON
const SEEN = 0x0633; // U+0633 ARABIC LETTER SEEN, prefix of the future (سيفعل)
const HEH = 0x0647; // U+0647 ARABIC LETTER HEH (teh marbuta once folded)
const TEH_MARBUTA = 0x0629; // U+0629 ARABIC LETTER TEH MARBUTA
/**
 * True when view units [s, e) have the shape of a verbal noun of the derived forms that begin
 * with alef (Ryding 2005, ch. 22): إفعال (إعلان), انفعال (انسحاب), افتعال (ارتكاب), استفعال
 * (استقبال), alef and hamza folded alike.
 */
function verbalNounStem(u: Uint16Array, s: number, e: number): boolean {
  const n = e - s;
  if (u[s] !== ALEF) return false;
  if (n === 5) return u[s + 3] === ALEF; // إفعال
  if (n === 6) return u[s + 4] === ALEF && (u[s + 1] === NOON || u[s + 2] === TEH); // انفعال، افتعال
  if (n === 7) return u[s + 1] === SEEN && u[s + 2] === TEH && u[s + 5] === ALEF; // استفعال
  return false;
}
const ALEF_MAKSURA = 0x0649; // U+0649 ARABIC LETTER ALEF MAKSURA
const TATWEEL = 0x0640; // U+0640 ARABIC TATWEEL
const MEEM = 0x0645; // U+0645 ARABIC LETTER MEEM, prefix of participles
const HAMZA = 0x0621; // U+0621 ARABIC LETTER HAMZA

/** True for Arabic combining marks and tatweel (glued to the letter before them). */
function isMarkOrTatweel(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === TATWEEL || (c >= 0x06d6 && c <= 0x06ed);
}

/** Tokens covered by an annotation written before this stage: what kind. */
const COVER_PLACE = 1;
const COVER_ORG = 2;
const COVER_OTHER = 4;

/** Roles of words that are never a name no list knows. */
const HARD_BITS =
  PersonRole.NonName | PersonRole.Title | PersonRole.Office | PersonRole.Verb | PersonRole.Vocative | PersonRole.Nisba |
  PersonRole.Group | PersonRole.Honorific | PersonRole.TitleAdjective | PersonRole.Particle | PersonRole.Suffix |
  PersonRole.Theophoric | PersonRole.Complement | NAME_BITS;

/** Roles that end a name (a name part never has them). */
const STOP_BITS =
  PersonRole.NonName | PersonRole.Title | PersonRole.Office | PersonRole.Verb | PersonRole.Vocative | PersonRole.Nisba |
  PersonRole.Group | PersonRole.Honorific | PersonRole.TitleAdjective;

/** Per-document working state, reused across documents. */
export class PersonScanner {
  private readonly reader: RoleReader;
  private readonly inner: RoleReader;
  private lookup!: TokenLookup;
  private tokens!: TokenTable;
  private units!: Uint16Array;
  private doc!: Doc;
  /** Covering annotation kind per token (COVER_*), built when first needed. */
  private cover: Uint8Array | null = null;
  /** Index into doc.annotations of the place or organisation covering each token, or -1. */
  private coverBy: Int32Array | null = null;
  private coverAnnotations: Annotation[] = [];
  private coverBuffer = new Uint8Array(0);
  private coverByBuffer = new Int32Array(0);
  /**
   * Remembered names by (last two letters, length) key (see recall): the first entry of
   * each key's chain, or -1 (kept at -1 between documents), and per entry the remembered
   * name's index and the next entry of its chain.
   */
  private readonly memoryHead = new Int32Array(1 << 14).fill(-1);
  private memoryName = new Int32Array(48);
  private memoryNext = new Int32Array(48);
  /** Tokens already inside a found name. */
  private taken: Uint8Array = new Uint8Array(0);
  // Extent of the last name read by readName.
  private nameLast = -1;
  private nameUnknown = 0;
  private nameParts = 0;
  private namePerson = -1;
  private nameFirstBits = 0;

  constructor(
    private readonly lexicon: PeopleLexicon,
    private readonly rules: PersonRules,
  ) {
    this.reader = new RoleReader(lexicon.roles);
    this.inner = new RoleReader(lexicon.roles);
  }

  /** Every name of the document, left to right, not overlapping. */
  scan(doc: Doc): PersonCandidate[] {
    this.doc = doc;
    const lookup = documentLookup(doc, this.lexicon.vocabulary);
    this.lookup = lookup;
    const tokens = lookup.tokens;
    this.tokens = tokens;
    this.units = tokens.view.units;
    this.cover = null;
    this.coverBy = null;
    this.coverAnnotations = doc.annotations;
    const n = tokens.count;
    if (this.taken.length < n) this.taken = new Uint8Array(Math.max(n, this.taken.length * 2));
    else this.taken.fill(0, 0, n);
    const found: PersonCandidate[] = [];
    const scopes = lookup.scopes;
    const kind = tokens.kind;
    for (let i = 0; i < n; i++) {
      if ((scopes[i]! & PEOPLE_SCOPE) === 0) {
        if (kind[i] === TokenKind.Latin && this.rules.latin) {
          const c = this.latinName(i);
          if (c !== null) {
            found.push(c);
            i = c.last;
          }
        }
        continue;
      }
      const c = this.nameAt(i) ?? this.beforeBin(i);
      if (c === null) continue;
      found.push(c);
      for (let k = c.first; k <= c.last; k++) this.taken[k] = 1;
      i = c.last;
    }
    if (this.rules.memory && found.length > 0) this.recall(found);
    return found;
  }

  /** A name starting at token `i` (after a cue at `i`, or the name itself), or null. */
  private nameAt(i: number): PersonCandidate | null {
    const lookup = this.lookup;
    const bits = this.reader.read(lookup, i);
    const cut = this.reader.cut;
    const rules = this.rules;
    if ((bits & (PersonRole.Title | PersonRole.Office | PersonRole.Honorific)) !== 0 && rules.titles) {
      const c = this.afterTitle(i, bits);
      if (c !== null) return c;
    }
    if ((bits & PersonRole.Verb) !== 0 && rules.verbs) {
      const j = i + 1;
      if (this.sameLine(i, j) && this.isWord(j)) {
        const b = this.reader.read(lookup, j);
        // A verb is a weak cue: it lets a surname that is also a word stand (وكان الأسد),
        // not a given name that is also a word (كانت على يقين), nor a word no list knows.
        if ((b & (NAME_BITS | PersonRole.StartParticle | PersonRole.KnownStart)) !== 0) {
          if (this.readName(j, this.reader.cut, b, false, false, true)) return this.candidate(j, this.reader.cut, 0.9, 'persons:verb', true);
        } else if ((bits & PersonRole.Say) !== 0 && rules.unknownAfterCue && b === 0 && this.reader.cut === 0 && this.unknownStart(j) && this.readName(j, 0, 0, true, true)) {
          // قال كوبل: the subject of a verb of saying proper, a word no list knows.
          return this.candidate(j, 0, 0.75, 'persons:verb', false);
        }
      }
    }
    if ((bits & PersonRole.Vocative) !== 0 && rules.vocative) {
      const j = i + 1;
      if (this.sameLine(i, j) && this.isWord(j)) {
        const b = this.reader.read(lookup, j);
        if ((b & (NAME_BITS | PersonRole.StartParticle | PersonRole.KnownStart)) !== 0 && this.readName(j, this.reader.cut, b, true, false)) {
          return this.candidate(j, this.reader.cut, 0.9, 'persons:vocative', true);
        }
      }
    }
    if ((bits & PersonRole.Nisba) !== 0 && rules.titles) {
      const c = this.afterNisba(i, cut);
      if (c !== null) return c;
      this.reader.read(lookup, i);
    }
    if ((bits & (NAME_BITS | PersonRole.StartParticle | PersonRole.KnownStart)) !== 0 && !this.isLamLam(i, cut)) {
      this.reader.read(lookup, i); // restore the cut of token i
      if (!this.readName(i, cut, bits, false, false)) return null;
      const given = (this.nameFirstBits & PersonRole.Given) !== 0;
      const tokensInName = this.nameLast - i + 1;
      if (this.namePerson >= 0) return this.candidate(i, cut, 0.95, 'persons:known', true);
      if (tokensInName === 1) {
        if ((this.nameFirstBits & PersonRole.Surname) !== 0) return this.candidate(i, cut, 0.9, 'persons:surname', true);
        if (!given || !rules.givenNameAlone) return null;
        // A given name alone that places or organisations claim is theirs.
        if (this.coverOf(i) !== 0) return null;
        return this.candidate(i, cut, 0.75, 'persons:given-name', false);
      }
      return this.candidate(i, cut, given ? 0.9 : 0.85, 'persons:given-name', given);
    }
    return null;
  }

  /**
   * Title or office at `i`: honorifics, the title, its complement (offices: definite
   * words, a place or organisation, ل-phrases), nisba and title adjectives, then a name.
   */
  private afterTitle(i: number, bits: number): PersonCandidate | null {
    const lookup = this.lookup;
    let k = i;
    let b = bits;
    let office = false;
    // Honorifics and stacked titles: صاحب السمو الملكي الأمير، الشيخ الدكتور.
    for (let guard = 0; guard < 4 && (b & (PersonRole.Honorific | PersonRole.Title | PersonRole.Office)) !== 0; guard++) {
      if ((b & PersonRole.Office) !== 0 && (b & PersonRole.Title) === 0) office = true;
      k++;
      if (!this.sameLine(i, k) || !this.isWord(k)) return this.apposition(i, k, office);
      b = this.reader.read(lookup, k);
      if ((b & (PersonRole.Honorific | PersonRole.Title | PersonRole.Office)) === 0) break;
      if ((b & NAME_BITS) !== 0) break; // a title that is also a name (سلطان): read it as the name
    }
    // The complement of an office: وزير الخارجية، رئيس وزراء إسرائيل، الأمين العام للأمم المتحدة.
    let qualified = false;
    if (office) {
      for (let guard = 0; guard < 4; guard++) {
        // A nisba inside the complement (المتحدث باسم الخارجية الأمريكية, read as an
        // organisation) qualifies the office as well.
        if ((b & PersonRole.Nisba) !== 0) qualified = true;
        if ((b & (NAME_BITS | PersonRole.Nisba | PersonRole.KnownStart | PersonRole.StartParticle)) !== 0 && this.coverOf(k) === 0) break;
        // A known full name starts here even where a place claims its first word (`مدرب ريال
        // مدريد كارلو أنشيلوتي`: Carlow in Ireland): the complement ends before it.
        if ((b & PersonRole.KnownStart) !== 0 && (this.knownAt(k, this.reader.id, true)?.ids.length ?? 0) > 1) break;
        if (!this.isComplement(k, b)) break;
        k++;
        if (!this.sameLine(i, k) || !this.isWord(k)) return this.apposition(i, k, office);
        b = this.reader.read(lookup, k);
      }
    }
    // Nisba and title adjectives: الرئيس الأمريكي الأسبق، اللاعب الدولي المغربي.
    for (let guard = 0; guard < 4 && ((b & (PersonRole.Nisba | PersonRole.TitleAdjective)) !== 0 || this.isRelationalAdjective(k, b)) && (b & NAME_BITS) === 0; guard++) {
      qualified = true;
      k++;
      if (!this.sameLine(i, k) || !this.isWord(k)) return this.apposition(i, k, office);
      b = this.reader.read(lookup, k);
    }
    const cut = this.reader.cut;
    if (cut > 0) return null; // و + word after a title starts another phrase
    const strongStart = (b & (NAME_BITS | PersonRole.StartParticle | PersonRole.KnownStart)) !== 0;
    if (!strongStart && !(this.rules.unknownAfterCue && (!office || qualified) && this.unknownStart(k))) return null;
    if (!this.readName(k, cut, b, true, !strongStart)) return null;
    const sure = strongStart && (this.nameFirstBits & (PersonRole.Given | PersonRole.Surname | PersonRole.KnownStart | PersonRole.StartParticle)) !== 0;
    return this.candidate(k, cut, sure || this.namePerson >= 0 ? 0.95 : 0.8, office ? 'persons:office' : 'persons:title', true);
  }

  /**
   * `بسر بن أرطأة`, `سهل بن حنيف`: بن or بنت between two words makes a name of the word
   * before it too, a given name no list knows (بن alone, without alef, is the name
   * particle; ابن is also the noun "son").
   */
  private beforeBin(i: number): PersonCandidate | null {
    const ids = this.lookup.ids;
    const particles = this.lexicon.particleIds;
    if (i === 0 || (ids[i] !== particles.bin && ids[i] !== particles.bint) || !this.rules.unknownAfterCue) return null;
    const s = i - 1;
    if (this.taken[s] !== 0 || !this.isWord(s) || !this.sameLine(s, i) || !this.sameLine(s, i + 1) || !this.isWord(i + 1)) return null;
    const b = this.reader.read(this.lookup, s);
    if (this.reader.cut > 0 || b !== 0 || !this.unknownStart(s)) return null;
    // No cue: no second word no list knows (`بسر بن أرطأة نقض`: the verb after the name).
    if (!this.readName(s, 0, 0, false, true) || this.nameLast <= i) return null;
    return this.candidate(s, 0, 0.85, 'persons:particle', true);
  }

  /** True when token `k` is a comma (Arabic or Latin). */
  private commaAt(k: number): boolean {
    const t = this.tokens;
    if (k >= t.count || t.kind[k] !== TokenKind.Punct || t.vEnd[k]! - t.vStart[k]! !== 1) return false;
    const u = this.units[t.vStart[k]!]!;
    return u === ARABIC_COMMA || u === LATIN_COMMA;
  }

  /**
   * Apposition between commas after a title or office (`السناتور الجمهوري ، ارلن سبيكتر ،`,
   * `رئيس لجنة الدفاع ، دونكان هانتر ،`) when token `k`, where the title phrase stops, is a
   * comma; null otherwise.
   */
  private apposition(i: number, k: number, office: boolean): PersonCandidate | null {
    if (!this.commaAt(k) || !this.sameLine(i, k + 1) || !this.isWord(k + 1)) return null;
    return this.betweenCommas(k + 1, office);
  }

  /**
   * A name in apposition after a title or office and a comma, starting at token `s`: one a
   * list knows, or up to three words no list knows closed by another comma.
   */
  private betweenCommas(s: number, office: boolean): PersonCandidate | null {
    const b = this.reader.read(this.lookup, s);
    if (this.reader.cut > 0) return null;
    const strongStart = (b & (NAME_BITS | PersonRole.StartParticle | PersonRole.KnownStart)) !== 0;
    if (!strongStart && !(this.rules.unknownAfterCue && this.unknownStart(s))) return null;
    if (!this.readName(s, 0, b, true, !strongStart)) return null;
    if (!strongStart && !this.commaAt(this.nameLast + 1)) return null;
    return this.candidate(s, 0, strongStart ? 0.9 : 0.8, office ? 'persons:office' : 'persons:title', true);
  }

  /** True when token `i` read with cut `cut` starts لل (ل + the article: للبنى is no ل + لبنى). */
  private isLamLam(i: number, cut: number): boolean {
    if (cut === 0) return false;
    const vs = this.tokens.vStart[i]! + this.lookup.lead[i]!;
    return this.units[vs] === LAM && this.units[vs + 1] === LAM;
  }

  /**
   * True for a definite relational adjective no list names as a person (الخبير الاقتصادي،
   * المحلل السياسي): ال + a word ending in ي, between a title and the name.
   */
  private isRelationalAdjective(k: number, b: number): boolean {
    if ((b & (NAME_BITS | PersonRole.KnownStart | PersonRole.Title | PersonRole.Office)) !== 0 || !this.isDefiniteWord(k)) return false;
    return this.units[this.tokens.vEnd[k]! - 1] === YEH;
  }

  /** True when token `k` starts with the article ال. */
  private isDefiniteWord(k: number): boolean {
    const t = this.tokens;
    const vs = t.vStart[k]! + this.lookup.lead[k]!;
    return t.vEnd[k]! - vs > 3 && this.units[vs] === ALEF && this.units[vs + 1] === LAM;
  }

  /**
   * A nisba used as a noun before a name, as sports and culture news write it
   * (والألماني طومي هامس، على البلجيكي كزافييه ماليس، البرازيلي رونالدينيو): a listed name
   * after any singular definite nisba; a word no list knows only when nothing before the
   * nisba can be the noun it qualifies (a function word, a verb, punctuation, و on it).
   */
  private afterNisba(i: number, cut: number): PersonCandidate | null {
    const info = this.lexicon.nisbaById[this.reader.id];
    if (info === undefined || info.plural || !info.definite) return null;
    // A nisba form that names the place itself is no cue (`والسعودية دورا محوريا`: Saudi
    // Arabia, then "a role").
    if ((this.coverOf(i) & (COVER_PLACE | COVER_ORG)) !== 0) return null;
    const lookup = this.lookup;
    const j = i + 1;
    if (!this.sameLine(i, j) || !this.isWord(j)) return null;
    const b = this.reader.read(lookup, j);
    if (this.reader.cut > 0) return null;
    if ((b & (NAME_BITS | PersonRole.StartParticle | PersonRole.KnownStart)) !== 0) {
      if ((b & (PersonRole.Given | PersonRole.Surname | PersonRole.KnownStart)) === 0) return null;
      return this.readName(j, 0, b, false, false, true) ? this.candidate(j, 0, 0.9, 'persons:nisba', true) : null;
    }
    if (b !== 0 || !this.rules.unknownAfterCue || !this.unknownStart(j)) return null;
    let free = cut > 0 || i === 0 || (this.tokens.flags[i]! & TokenFlag.LineBefore) !== 0;
    if (!free) {
      const p = i - 1;
      free = this.tokens.kind[p] !== TokenKind.Word || (this.inner.whole(lookup, p) & PersonRole.Closed) !== 0;
    }
    if (!free) return null;
    return this.readName(j, 0, 0, true, true) ? this.candidate(j, 0, 0.8, 'persons:nisba', false) : null;
  }

  /**
   * True when token `j` may start a name no list knows: an indefinite word of a name's
   * shape, and not a present-tense verb of four letters (تحمل، تلعب، نجد).
   */
  private unknownStart(j: number): boolean {
    const t = this.tokens;
    const vs = t.vStart[j]!;
    const first = this.units[vs]!;
    if ((first === TEH || first === NOON) && t.vEnd[j]! - vs === 4) return false;
    return !this.isDefiniteWord(j) && (this.coverOf(j) & (COVER_PLACE | COVER_ORG | COVER_OTHER)) === 0 && this.unknownNameLike(j, false);
  }

  /** True for a word of an office's complement: a definite word, a place or organisation, لل... */
  private isComplement(k: number, b: number): boolean {
    if ((b & (PersonRole.Verb | PersonRole.Vocative | PersonRole.Title)) !== 0) return false;
    if (this.coverOf(k) & (COVER_PLACE | COVER_ORG)) return true;
    if ((b & (PersonRole.Office | PersonRole.Complement)) !== 0) return true; // رئيس وزراء، المتحدث باسم
    const t = this.tokens;
    const vs = t.vStart[k]! + this.reader.cut;
    const u = this.units;
    if (t.vEnd[k]! - vs < 3) return false;
    return (u[vs] === ALEF && u[vs + 1] === LAM) || (u[vs] === LAM && u[vs + 1] === LAM);
  }

  /**
   * Reads a name starting at token `s` (cut `cut`, role bits `bits`); sets nameLast and
   * the others. `cue`: a cue stands before it; `unknownStart`: the first token is a word
   * no list knows.
   *
   * ```
   * فيصل  بن  فرحان  آل  سعود       given, particle + its complement (any word), ..., family
   * حسن  نصر  الله                   given, given, theophoric: compound name
   * عبد  الله  الثاني                عبد + divine name, suffix
   * أنتوني  ج  .  بلينكن             given, initial and its dot, family
   * ```
   */
  private readName(s: number, cut: number, bits: number, cue: boolean, unknownStart: boolean, weakCue = false): boolean {
    const lookup = this.lookup;
    const rules = this.rules;
    const maxUnknown = cue ? rules.maxUnknown : Math.min(1, rules.maxUnknown);
    this.nameUnknown = unknownStart ? 1 : 0;
    this.nameParts = 1;
    this.namePerson = -1;
    bits = this.nameBitsOf(s, bits);
    this.nameFirstBits = bits;
    let last = s;
    let sure = 0; // name parts after the first that a list knows (given names, surnames, particles' complements)
    let foreign = (bits & PersonRole.Foreign) !== 0;
    // A known name (several tokens or a surname) starting here.
    const known = (bits & PersonRole.KnownStart) !== 0 ? this.knownAt(s, this.reader.id, cue || weakCue) : null;
    if (known !== null) {
      last = s + known.ids.length - 1;
      this.namePerson = known.person;
      this.nameUnknown = maxUnknown; // nothing unknown after a known name
      sure = known.ids.length - 1;
    } else if ((bits & PersonRole.StartParticle) !== 0 && (bits & (PersonRole.Given | PersonRole.Surname)) === 0) {
      // أبو مازن، أم كلثوم، أبو عبد الله، عبد الله، بن لادن: the particle needs its complement.
      const next = s + 1;
      if (!this.sameLine(s, next) || !this.isWord(next) || (this.coverOf(next) & COVER_ORG) !== 0) return false;
      const nb = this.nameBitsOf(next, this.inner.whole(lookup, next));
      const isAbd = this.reader.id === this.lexicon.particleIds.abd;
      if (isAbd || (lookup.ids[next] === this.lexicon.particleIds.abd && !isAbd)) {
        // عبد + a divine name; أبو عبد الله: the kunya's complement is itself عبد + a divine name.
        const divine = isAbd ? next : next + 1;
        if (!this.sameLine(s, divine) || (this.inner.whole(lookup, divine) & PersonRole.Divine) === 0) return false;
        last = divine;
      } else if ((nb & (PersonRole.Given | PersonRole.GivenWord | PersonRole.Surname)) !== 0) {
        last = next;
      } else if (cue && this.unknownNameLike(next, false)) {
        this.nameUnknown = 1;
        last = next;
      } else return false;
      this.nameFirstBits = PersonRole.Given;
      sure = 1;
    } else if ((bits & NAME_BITS) === 0 && !unknownStart) {
      return false;
    }
    if (!cue && (this.coverOf(s) & COVER_ORG) !== 0) return false;
    if ((this.coverOf(s) & COVER_PLACE) !== 0) {
      // A name starting on a place: a listed name (الرئيس الفنزويلي سوريا is no name), not
      // a place the context confirmed (مدينة نصر), and without a cue a sure given name
      // whose place reading is itself unsure.
      const a = this.coveringAnnotation(s)!;
      if (((bits & NAME_BITS) === 0 && known === null) || !placeMayBeName(a)) return false;
      if (!cue && !weakCue && ((bits & PersonRole.Given) === 0 || a.confidence >= 1) && known === null) return false;
    }
    // Extend over name parts.
    const max = s + rules.maxTokens - 1;
    let complement = false; // the token after a particle belongs to the name whatever it is
    let family = false; // a family name (a particle's complement, a word no list knows) is in
    for (;;) {
      const m = last + 1;
      if (m > max || !this.sameLine(s, m)) break;
      const k = this.tokens.kind[m]!;
      if (k === TokenKind.Punct) {
        // The dot of an initial (أنتوني ج. بلينكن).
        if (this.isInitialDot(last, m) && last > s) {
          last = m;
          continue;
        }
        break;
      }
      if (k !== TokenKind.Word || (this.tokens.flags[m]! & TokenFlag.SpaceBefore) === 0) break;
      if (this.isInitial(m)) {
        last = m;
        continue;
      }
      if (this.isFinalInitial(m)) {
        last = m + 1; // هشام ل. (a name cut short, as court reports write it)
        break;
      }
      const c = this.coverOf(m);
      if ((c & COVER_ORG) !== 0) break;
      const b = this.nameBitsOf(m, this.inner.whole(lookup, m));
      if (complement) {
        if ((c & COVER_OTHER) !== 0) break;
        if (lookup.ids[m] === this.lexicon.particleIds.abd) {
          // بن عبد الكريم: عبد + a divine name completes the particle.
          if (!this.sameLine(s, m + 1) || (this.inner.whole(lookup, m + 1) & PersonRole.Divine) === 0) break;
          complement = false;
          last = m + 1;
          this.nameParts++;
          sure++;
          family = true;
          continue;
        }
        if ((b & PersonRole.Particle) !== 0) {
          last = m; // ابن أبي وقاص: a particle's complement may be a kunya
          continue;
        }
        complement = false;
        // After a particle the name's shape is sure: وقاص is no و + قاص.
        if ((b & NAME_BITS) === 0 && !this.unknownNameLike(m, true)) break;
        last = m;
        this.nameParts++;
        sure++;
        family = true;
        continue;
      }
      if ((b & PersonRole.Suffix) !== 0) {
        // عبد الله الثاني، بوش الابن; not after a name with an unknown part (غونزاليز العاشر: a rank).
        if (this.nameUnknown === 0) {
          last = m;
          // الفونسو الثالث عشر: the teens take عشر after the ordinal.
          if (this.sameLine(s, m + 1) && lookup.ids[m + 1] === this.lexicon.particleIds.ashar) last = m + 1;
        }
        break;
      }
      if ((c & COVER_OTHER) !== 0) break;
      if ((b & PersonRole.Theophoric) !== 0) {
        // نصر الله، صلاح الدين: only after a word that heads such names (not أحمد الله "I thank God").
        if ((this.inner.whole(lookup, last) & PersonRole.CompoundHead) === 0) break;
        last = m;
        sure++;
        continue;
      }
      if ((b & PersonRole.Particle) !== 0) {
        const next = m + 1;
        if (!this.sameLine(s, next) || !this.isWord(next)) break;
        if (lookup.ids[m] === this.lexicon.particleIds.abd) {
          if ((this.inner.whole(lookup, next) & PersonRole.Divine) === 0) break;
          last = next;
          this.nameParts++;
          sure++;
          continue;
        }
        last = m;
        complement = true;
        continue;
      }
      // A listed word (a verb, a title, a common noun) ends the name, unless it is a
      // given name or surname that is rarely a word.
      // After a family name only sure names go on (أبو تريكة, not أبو تريكة أمل); علي
      // written with ي is the name, though على is a function word.
      const yaName = (b & PersonRole.YaFinal) !== 0 && (b & NAME_BITS) !== 0;
      if ((b & (PersonRole.Given | PersonRole.Surname)) !== 0 || yaName || ((b & NAME_BITS) !== 0 && (b & STOP_BITS) === 0 && !family)) {
        if ((c & COVER_PLACE) !== 0 && !this.placeInName(m, cue)) break;
        last = m;
        this.nameParts++;
        sure++;
        if ((b & PersonRole.Foreign) !== 0) foreign = true;
        continue;
      }
      // A compound head that is also a word, then الله (بهاء حسب الله).
      if ((b & PersonRole.CompoundHead) !== 0 && (this.inner.whole(lookup, m + 1) & PersonRole.Theophoric) !== 0 && this.sameLine(s, m + 1)) {
        last = m + 1;
        this.nameParts++;
        sure++;
        continue;
      }
      // A nisba right after a given name, after a cue, is a family name (الشيخ فيصل
      // الجامايكي); before the given name it is the title's adjective (الرئيس الأمريكي جو).
      if ((b & PersonRole.Nisba) !== 0 && cue && this.nameParts === 1 && last === s && (this.nameFirstBits & (PersonRole.Given | PersonRole.GivenWord)) !== 0 && this.isDefiniteWord(m)) {
        last = m;
        this.nameParts++;
        family = true;
        continue;
      }
      if ((b & STOP_BITS) !== 0) break;
      // Foreign names run to more parts no list knows (كارلوس ألبرتو باريرا); their family
      // name may start like a proclitic, but only right after the given name.
      // After a cue, a name that starts with a word no list knows is foreign as a rule and
      // may have three parts (انيبال كافاكو سيلفا).
      const allowed = foreign ? Math.max(maxUnknown, 2) : cue && unknownStart ? Math.max(maxUnknown, 3) : maxUnknown;
      // A name that starts with a word no list knows takes no definite word after it
      // (وأكد شركاء التحالف: a noun phrase, not a name).
      // Right after a given name the family name may start like a proclitic (ندى بسيوني، مايكل بالاك).
      // After a cue, a first name no list knows is foreign as a rule (Arabic given names are
      // listed): its family name may start like a proclitic too (الحارس ايكر كاسياس).
      const afterGiven = last === m - 1 && ((this.inner.whole(lookup, last) & (PersonRole.Given | PersonRole.GivenWord)) !== 0 || (cue && unknownStart && this.nameParts === 1));
      if (this.nameUnknown < allowed && !(unknownStart && this.isDefiniteWord(m)) && this.unknownNameLike(m, afterGiven && (foreign || cue || this.nameParts === 1))) {
        if ((c & COVER_PLACE) !== 0 && !this.placeInName(m, cue)) break;
        last = m;
        this.nameUnknown++;
        this.nameParts++;
        family = true;
        continue;
      }
      break;
    }
    // A name does not end on a particle.
    while (last > s && (this.inner.whole(lookup, last) & PersonRole.Particle) !== 0 && this.tokens.kind[last] === TokenKind.Word) {
      last--;
      sure--;
    }
    if (this.tokens.kind[last] === TokenKind.Punct && last - 1 === s) return false; // a bare letter and its dot
    if ((bits & PersonRole.StartParticle) !== 0 && known === null && last === s) return false;
    this.nameLast = last;
    if (known !== null && known.needsCue && !cue && !weakCue) return false;
    // A given name that is also a word (أمل، سعيد، علي) or such a surname stands without a
    // cue only before a name part a list knows (جمال عبد الناصر، حسن نصر الله).
    if (!cue && known === null) {
      const word = (this.nameFirstBits & (PersonRole.Given | PersonRole.Surname)) === 0;
      if (word && sure <= 0) return false;
      // A name spelt like a function word (إن، أنا) never starts a name without a cue; علي
      // (على) only when written with ي, which the check above already made sure of.
      if (word && (this.nameFirstBits & (PersonRole.Closed | PersonRole.YaFinal)) === PersonRole.Closed) return false;
    }
    return true;
  }

  /** Role bits of a name token, without its name bits when ى shows it is no name (على is not علي). */
  private nameBitsOf(k: number, bits: number): number {
    if ((bits & PersonRole.YaFinal) === 0) return bits;
    return this.doc.text.charCodeAt(this.lastLetter(k)) === ALEF_MAKSURA ? bits & ~NAME_BITS : bits;
  }

  /** Original offset of the last letter of token `k` (marks and tatweel after it skipped). */
  private lastLetter(k: number): number {
    const text = this.doc.text;
    let p = this.tokens.end[k]! - 1;
    const stop = this.tokens.start[k]!;
    while (p > stop && isMarkOrTatweel(text.charCodeAt(p))) p--;
    return p;
  }

  /** The longest known name starting at `s` whose first token has id `firstId`. */
  private knownAt(s: number, firstId: number, cue: boolean): KnownName | null {
    const lexicon = this.lexicon;
    const ids = this.lookup.ids;
    const next = s + 1;
    if (next < this.tokens.count && this.sameLine(s, next) && ids[next]! >= 0) {
      const list = lexicon.knownByPair.get(pairKey(firstId, ids[next]!));
      if (list !== undefined) {
        for (const k of list) {
          if (k.needsCue && !cue) continue;
          let ok = true;
          for (let x = 2; ok && x < k.ids.length; x++) {
            const m = s + x;
            ok = m < this.tokens.count && this.sameLine(s, m) && ids[m] === k.ids[x];
          }
          if (ok) return k;
        }
      }
    }
    const single = lexicon.knownSingle.get(firstId);
    return single === undefined || (single.needsCue && !cue) ? null : single;
  }

  /** A place annotation on a name part: accepted in family-name position, after a given name. */
  private placeInName(m: number, cue: boolean): boolean {
    const a = this.coverAnnotations[this.coverBy![m]!];
    if (a === undefined || !placeMayBeName(a)) return false;
    const t = this.tokens;
    // The whole token (not ب + مكة), one token only, and the name so far is a given name
    // (إسحاق نيوتن); a sure place only after a cue and a foreign given name (الشاعر
    // الفرنسي لويس أراغون), never after an Arabic one (موسى فلسطين: Moses, Palestine).
    if (a.start !== t.start[m] || a.end !== t.end[m] || this.nameParts !== 1 || (this.nameFirstBits & (PersonRole.Given | PersonRole.GivenWord)) === 0) return false;
    return a.confidence < 1 || (cue && (this.nameFirstBits & PersonRole.Foreign) !== 0);
  }

  /**
   * True for an Arabic word no list knows that may be part of a name: not a verb's
   * present tense (يصف، سيلعب), not a proclitic before a word (بقمع، لإيقاف: after a
   * foreign given name the family name may start so: وينكلر، بالاك), not a definite
   * feminine or plural (المقدسة، المتحدة).
   */
  private unknownNameLike(k: number, foreign: boolean): boolean {
    if (!this.isWord(k)) return false;
    const lookup = this.lookup;
    // Words with a role of their own are no unknown name; divine names (الحكيم، الرشيد)
    // and words a list only uses elsewhere may be family names.
    if ((this.inner.whole(lookup, k) & HARD_BITS) !== 0) return false;
    const t = this.tokens;
    const vs = t.vStart[k]! + lookup.lead[k]!;
    const ve = t.vEnd[k]!;
    const length = ve - vs;
    if (length < 2) return false;
    const u = this.units;
    const first = u[vs]!;
    const second = u[vs + 1]!;
    if (lookup.clitic[k] === 1) {
      // A proclitic before a listed word (والرئيس، للوزير): no name.
      const base = k * READINGS;
      for (let r = 1; r < READINGS; r++) {
        const id = lookup.readings[base + r]!;
        if (id >= 0 && this.inner.of(id) !== 0) return false;
      }
      if (first === LAM && second === LAM) return false; // لل: ل + the article
      // و ب ك ل + a word of three letters or more (بقمع، لإيقاف); but Maghrebi بو (= أبو:
      // بوصوفة), and after a foreign given name (مايكل بالاك، هنري وينكلر).
      if (!foreign && length >= 4 && first !== FEH && !(first === BEH && second === WAW)) return false;
      // بال، وال: the article after the proclitic; بارتكاب، بانسحاب، باستقبال، بإعلان: a verbal
      // noun after it. Other words after a foreign given name are its family name, however
      // they start (فابيو كابيلو، فابيو كانافارو، مانويل كاجودا).
      if (foreign && second === ALEF && (u[vs + 2] === LAM || verbalNounStem(u, vs + 1, ve))) return false;
      // ل + a feminine noun (لمدة "for a period"): a family name hardly ends in teh marbuta.
      if (foreign && this.doc.text.charCodeAt(this.lastLetter(k)) === TEH_MARBUTA) return false;

    }
    // Present tense and future verbs: يفعل، تتفاعل، سيفعل.
    if (first === TEH && second === TEH && length >= 4) return false;
    if (first === YEH && length >= 3) return false;
    // (A future verb is س + a prefix + a stem of three to five letters: a longer word is a
    // foreign name, ستويكيتا.)
    if (first === SEEN && (second === YEH || second === TEH || second === NOON) && length >= 5 && length <= 7) return false;
    // Verbal nouns تفاعل (توافر، تبادل), تفعيل (تأليف) and استفعال (استرجاع); participles
    // مفاعل (محاصر، مقاتل); a pronoun suffix ها، هم (طرحها).
    if (first === TEH && length === 5 && (u[vs + 2] === ALEF || u[vs + 3] === YEH)) return false;
    if (first === MEEM && length === 5 && u[vs + 2] === ALEF) return false;
    if (length >= 5 && u[ve - 2] === HEH && (u[ve - 1] === ALEF || u[ve - 1] === MEEM)) return false;
    if (first === ALEF && second === SEEN && u[vs + 2] === TEH && length >= 6) return false;
    // Broken plurals فعلاء (شركاء، خبراء): names ending so are listed (علاء، ضياء).
    if (length >= 4 && u[ve - 1] === HAMZA && u[ve - 2] === ALEF && !(first === ALEF && second === LAM)) return false;
    // Accusative of participles and verbal nouns (متحمسا، اتصالا: مفعلا، افتعالا).
    if ((first === MEEM || first === ALEF) && u[ve - 1] === ALEF && length >= 5) return false;
    // Nominative sound plurals of participles, as a verb's subject takes them (محللون،
    // متمردون، مراقبون): م, a consonant, and ون; a foreign name spelt so has a long vowel
    // second (مورتون، ميلتون), and ين ends names too (ستيف مكلارين).
    if (first === MEEM && second !== ALEF && second !== WAW && second !== YEH && length >= 6 && u[ve - 1] === NOON && u[ve - 2] === WAW) return false;
    // A pronoun suffix (فريقه، مدته): ه as written, not ة folded to it.
    if (length >= 4 && u[ve - 1] === HEH && this.doc.text.charCodeAt(this.lastLetter(k)) === HEH) return false;
    if (first === ALEF && second === LAM && length >= 5) {
      const a = u[ve - 1]!;
      const b = u[ve - 2]!;
      if (a === HEH || a === TEH_MARBUTA) return false; // المقدسة (ة folded to ه or kept)
      if ((a === TEH && b === ALEF) || (a === NOON && b === WAW)) return false; // المتحدات، المسلحون
    }
    return true;
  }

  /** Token `m` is one letter with a dot glued after it and a word after that (ج. in أنتوني ج. بلينكن). */
  private isInitial(m: number): boolean {
    const t = this.tokens;
    return t.vEnd[m]! - t.vStart[m]! === 1 && m + 2 < t.count && this.isInitialDot(m, m + 1) && this.isWord(m + 2);
  }

  /** Token `m` is one letter with a dot glued after it that ends the name (هشام ل.). */
  private isFinalInitial(m: number): boolean {
    const t = this.tokens;
    return t.vEnd[m]! - t.vStart[m]! === 1 && m + 1 < t.count && this.isInitialDot(m, m + 1) && !(this.isWord(m + 2) && this.sameLine(m, m + 2));
  }

  /** Token `m` is the dot after a one-letter initial at `last`. */
  private isInitialDot(last: number, m: number): boolean {
    const t = this.tokens;
    if (this.units[t.vStart[m]!] !== DOT || t.vEnd[m]! - t.vStart[m]! !== 1) return false;
    if ((t.flags[m]! & TokenFlag.SpaceBefore) !== 0) return false;
    return t.kind[last] === TokenKind.Word && t.vEnd[last]! - t.vStart[last]! === 1;
  }

  private isWord(k: number): boolean {
    return k < this.tokens.count && this.tokens.kind[k] === TokenKind.Word;
  }

  /** True when token `k` is on the same line as token `s` (k > s). */
  private sameLine(s: number, k: number): boolean {
    return k < this.lookup.lineEnd[s]!;
  }

  /** COVER_* bits of token `k`, from the annotations written before this stage. */
  private coverOf(k: number): number {
    if (this.cover === null) this.buildCover();
    return this.cover![k]!;
  }

  private buildCover(): void {
    const t = this.tokens;
    const n = t.count;
    // Buffers kept across documents (grown when needed).
    if (this.coverBuffer.length < n) {
      this.coverBuffer = new Uint8Array(Math.max(n, this.coverBuffer.length * 2));
      this.coverByBuffer = new Int32Array(this.coverBuffer.length);
    }
    const cover = this.coverBuffer;
    const by = this.coverByBuffer;
    cover.fill(0, 0, n);
    by.fill(-1, 0, n);
    const anns = this.coverAnnotations;
    for (let a = 0; a < anns.length; a++) {
      const ann = anns[a]!;
      // Numbers, amounts and NORP need no cover: their tokens are digits or listed words
      // that end a name anyway; dates are kept (a month name is no family name).
      const label = ann.label;
      const bit = label === 'GPE' || label === 'LOC' ? COVER_PLACE : label === 'ORG' ? COVER_ORG : label === 'DATE' ? COVER_OTHER : 0;
      if (bit === 0) continue;
      for (let k = t.indexAt(ann.start); k < n && t.start[k]! < ann.end; k++) {
        cover[k] = cover[k]! | bit;
        if (bit !== COVER_OTHER) by[k] = a;
      }
    }
    this.cover = cover;
    this.coverBy = by;
  }

  private candidate(first: number, cut: number, confidence: number, source: string, strong: boolean): PersonCandidate {
    let person = this.namePerson;
    if (person < 0) person = this.personOfSpan(first, this.nameLast);
    return { first, last: this.nameLast, cut, confidence, source, person, strong: strong || person >= 0 };
  }

  /** The known person whose name or short form is exactly tokens [first, last], or -1. */
  private personOfSpan(first: number, last: number): number {
    const firstId = this.reader.id;
    if ((this.inner.of(firstId) & PersonRole.KnownStart) === 0) return -1;
    if (last === first) return this.lexicon.knownSingle.get(firstId)?.person ?? -1;
    const ids = this.lookup.ids;
    const list = this.lexicon.knownByPair.get(pairKey(firstId, ids[first + 1]!));
    if (list === undefined) return -1;
    const length = last - first + 1;
    for (const k of list) {
      if (k.ids.length !== length) continue;
      let same = true;
      for (let x = 2; same && x < length; x++) same = ids[first + x] === k.ids[x];
      if (same) return k.person;
    }
    return -1;
  }

  /**
   * Document-level memory: the family name of a name found with two parts or more (its
   * last token, or last two when that is الله/الدين) is a person wherever it stands alone.
   */
  private recall(found: PersonCandidate[]): void {
    const t = this.tokens;
    const lookup = this.lookup;
    const remembered: { first: number; length: number; person: number }[] = [];
    for (const c of found) {
      // Only names the rules are sure of; a name read from a lone given name or after a
      // verb alone would spread its mistakes.
      if (c.source === 'persons:latin' || c.confidence < 0.85) continue;
      let k = c.last;
      const b = this.inner.whole(lookup, k);
      if ((b & (PersonRole.Suffix | PersonRole.Divine)) !== 0) continue;
      let length = 1;
      if ((b & PersonRole.Theophoric) !== 0) {
        k--;
        length = 2;
      }
      if (k <= c.first && c.source !== 'persons:title' && c.source !== 'persons:office') continue;
      if (k < c.first) continue;
      const kb = this.inner.whole(lookup, k);
      if ((kb & (PersonRole.NonName | PersonRole.GivenWord | PersonRole.Particle)) !== 0) continue;
      if (k === c.first && c.cut > 0) continue;
      if (k > c.first && (this.inner.whole(lookup, k - 1) & PersonRole.Particle) !== 0) continue; // آل مكتوم: a family, not a person
      if (t.vEnd[k]! - t.vStart[k]! < 3) continue;
      if (remembered.some((r) => r.length === length && this.sameTokens(r.first, k, length))) continue;
      remembered.push({ first: k, length, person: c.person });
    }
    if (remembered.length === 0) return;
    // A token can only be a remembered name with up to two proclitics before it: same
    // last two letters (never a proclitic: a name has three letters or more), length the
    // name's plus 0 to 2. The names are chained by those (see memoryKey), so a token reads
    // only the names its key allows (most tokens none), in the order they were remembered.
    const head = this.memoryHead;
    if (this.memoryName.length < remembered.length * 3) {
      this.memoryName = new Int32Array(remembered.length * 6);
      this.memoryNext = new Int32Array(remembered.length * 6);
    }
    const nameOf = this.memoryName;
    const nextOf = this.memoryNext;
    // Remembered names are mostly words no list knows; when all are, a token that is a
    // listed word (whole) is skipped on its id alone.
    let listed = false;
    for (const r of remembered) if (lookup.ids[r.first]! >= 0) listed = true;
    const ids = lookup.ids;
    let entries = 0;
    // Last name first: each chain is pushed onto at its head, so it ends up in order.
    for (let x = remembered.length - 1; x >= 0; x--) {
      const first = remembered[x]!.first;
      const key = this.memoryKey(first);
      // The three keys differ (lengths + 0, 1, 2 mod 16): a name is once in a chain.
      for (let extra = 0; extra <= 2; extra++) {
        const k = (key & ~15) | ((key + extra) & 15);
        nameOf[entries] = x;
        nextOf[entries] = head[k]!;
        head[k] = entries++;
      }
    }
    const n = t.count;
    const kind = t.kind;
    const vStart = t.vStart;
    const vEnd = t.vEnd;
    const units = this.units;
    for (let i = 0; i < n; i++) {
      if (!listed && ids[i]! >= 0) continue;
      const ve = vEnd[i]!;
      const chain = head[((units[ve - 1]! & 63) << 8) | ((units[ve - 2]! & 15) << 4) | ((ve - vStart[i]!) & 15)]!;
      if (chain < 0) continue;
      if (this.taken[i] === 1 || kind[i] !== TokenKind.Word) continue;
      if (i > 0 && (this.inner.whole(lookup, i - 1) & PersonRole.Particle) !== 0) continue;
      for (let e = chain; e >= 0; e = nextOf[e]!) {
        const r = remembered[nameOf[e]!]!;
        const cut = this.memoryCut(r.first, i);
        if (cut < 0 || !this.sameTokens(r.first + 1, i + 1, r.length - 1)) continue;
        const last = i + r.length - 1;
        let free = true;
        for (let k = i; k <= last; k++) if (this.taken[k] === 1) free = false;
        if (!free || (this.coverOf(i) & (COVER_ORG | COVER_OTHER)) !== 0) continue;
        found.push({ first: i, last, cut, confidence: 0.85, source: 'persons:memory', person: r.person, strong: true });
        for (let k = i; k <= last; k++) this.taken[k] = 1;
        i = last;
        break;
      }
    }
    for (const r of remembered) {
      const key = this.memoryKey(r.first);
      for (let extra = 0; extra <= 2; extra++) head[(key & ~15) | ((key + extra) & 15)] = -1;
    }
    found.sort((a, b) => a.first - b.first);
  }

  /**
   * Chain key of token `k` (14 bits): its last letter mod 64, the letter before it mod 16,
   * its length mod 16. (Written out again in recall's loop over every token.)
   */
  private memoryKey(k: number): number {
    const t = this.tokens;
    const u = this.units;
    const ve = t.vEnd[k]!;
    return ((u[ve - 1]! & 63) << 8) | ((u[ve - 2]! & 15) << 4) | ((ve - t.vStart[k]!) & 15);
  }

  /** The cut at which token `i` reads as token `ref` (0, or after one or two proclitics), or -1. */
  private memoryCut(ref: number, i: number): number {
    const t = this.tokens;
    const u = this.units;
    const rs = t.vStart[ref]!;
    const rl = t.vEnd[ref]! - rs;
    const is = t.vStart[i]!;
    const il = t.vEnd[i]! - is;
    const extra = il - rl;
    if (extra < 0 || extra > 2) return -1;
    if (extra > 0) {
      // Only proclitics may come before: و ف ب ك ل.
      for (let x = 0; x < extra; x++) {
        const c = u[is + x]!;
        if (c !== WAW && c !== FEH && c !== BEH && c !== KAF && c !== LAM) return -1;
      }
    }
    for (let x = 0; x < rl; x++) if (u[is + extra + x] !== u[rs + x]) return -1;
    return extra;
  }

  /** True when the `length` tokens from `a` and from `b` have the same normalised text. */
  private sameTokens(a: number, b: number, length: number): boolean {
    const t = this.tokens;
    for (let x = 0; x < length; x++) {
      if (b + x >= t.count || a + x >= t.count) return false;
      const ids = this.lookup.ids;
      if (ids[a + x]! >= 0 && ids[a + x] === ids[b + x]) continue;
      const as = t.vStart[a + x]!;
      const al = t.vEnd[a + x]! - as;
      const bs = t.vStart[b + x]!;
      if (t.vEnd[b + x]! - bs !== al) return false;
      for (let y = 0; y < al; y++) if (this.units[as + y] !== this.units[bs + y]) return false;
    }
    return true;
  }

  /** A given name in Latin script followed by one or two capitalised words (Antony Blinken). */
  private latinName(i: number): PersonCandidate | null {
    const t = this.tokens;
    const text = t.view.text;
    const first = text.slice(t.vStart[i], t.vEnd[i]);
    if (!isCapitalised(first) || !this.lexicon.latinGiven.has(first.toLowerCase())) return null;
    let last = i;
    for (let m = i + 1; m <= i + 3 && m < t.count && this.sameLine(i, m); m++) {
      if (t.kind[m] !== TokenKind.Latin || (t.flags[m]! & TokenFlag.SpaceBefore) === 0) break;
      const w = text.slice(t.vStart[m], t.vEnd[m]);
      if (!isCapitalised(w)) break;
      last = m;
    }
    if (last === i || (this.coverOf(i) & (COVER_PLACE | COVER_ORG)) !== 0) return null;
    return { first: i, last, cut: 0, confidence: 0.8, source: 'persons:latin', person: -1, strong: false };
  }

  /** The annotation of a place or organisation covering token `k`, if any. */
  coveringAnnotation(k: number): Annotation | undefined {
    if (this.coverBy === null) this.buildCover();
    const a = this.coverBy![k]!;
    return a < 0 ? undefined : this.coverAnnotations[a];
  }
}

/** False for a place the context confirmed (a trigger: مدينة نصر، منطقة بيكهام): never a name. */
export function placeMayBeName(a: Annotation): boolean {
  return !a.source.includes('trigger') && !a.source.includes('direction');
}

function isCapitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return c >= 0x41 && c <= 0x5a && w.length > 1;
}

/** Exported for tests: the readings' cut table (so they need not import phrase-index). */
export const CUTS = READING_CUTS;
