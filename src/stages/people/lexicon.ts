/**
 * The word lists of the persons and NORP stages (gazetteers/people/), compiled into role
 * bits per id of the pipeline's shared vocabulary, so that the one look-up pass over a
 * document (../token-lookup.ts) also tells which tokens are titles, given names, verbs of
 * saying or nisba adjectives: rules then test bits, never strings.
 *
 * ```
 * cues.tsv          الرئيس title m, وزير office m, قال verb, يا vocative, بن particle, ...
 * given-names.tsv   فيصل m arabic no Faisal,  أمل f arabic yes Amal (also "hope": needs a cue)
 * known-people      {"id","name","variants","short"}: بلينكن alone is Antony Blinken
 * non-names.tsv     في، قال، اليوم ...: never inside a name
 * demonyms          السعودي -> gpe.country.SA (masculine singular), العراقيون (plural)
 * ```
 *
 * Tokens that can start something (a cue, a name, a nisba) are interned with
 * {@link PEOPLE_SCOPE}, so the stages skip every other token with one byte read; words
 * that only matter inside a name (non-names, name particles' complements) are interned
 * without a scope bit and read through {@link PeopleLexicon.roles}.
 */
import { z } from 'zod';
import type { StageContext } from '../../core/stage.js';
import type { TokenVocabulary } from '../../core/token-trie.js';
import { lines, readDataFile, resolveDataFiles, throwIfProblems } from '../gazetteer/data-files.js';
import { loadDemonyms, type NisbaForm } from '../gazetteer/demonyms.js';
import { nameTokeniser } from '../gazetteer/phrase-index.js';
import { readTsv } from '../gazetteer/rules-data.js';
import { PEOPLE_SCOPE, sharedVocabulary } from '../token-lookup.js';

/** Role bits per vocabulary id ({@link PeopleLexicon.roles}). */
export const PersonRole = {
  /** A given name that is rarely an ordinary word. */
  Given: 1 << 0,
  /** A given name that is also a word (أمل، نور، سعيد): a person only with a cue or a following name part. */
  GivenWord: 1 << 1,
  /** A known person's surname, sure alone (بلينكن، ماكرون). */
  Surname: 1 << 2,
  /** A known person's surname that is also a word (الأسد، عباس): needs a cue. */
  SurnameCue: 1 << 3,
  /** Name particles: بن، ابن، أبو، أم، آل، عبد ... */
  Particle: 1 << 4,
  /** Definite title right before a name (الرئيس، الشيخ). */
  Title: 1 << 5,
  /** Construct head before a complement and a name (وزير الخارجية). */
  Office: 1 << 6,
  Honorific: 1 << 7,
  /** Between a title and a name (السابق، الراحل). */
  TitleAdjective: 1 << 8,
  /** A verb whose subject follows (قال، أكدت). */
  Verb: 1 << 9,
  Vocative: 1 << 10,
  /** Completes عبد (الله، الرحمن). */
  Divine: 1 << 11,
  /** Completes a compound given name (الله in نصر الله, الدين in صلاح الدين). */
  Theophoric: 1 << 12,
  /** Part of the name after it (الثاني، الابن). */
  Suffix: 1 << 13,
  /** Person or people noun qualified by a nisba (الشعب، المدنيون). */
  Group: 1 << 14,
  /** Never inside a name (في، قال، اليوم). */
  NonName: 1 << 15,
  /** A single-token nisba form with a place or people behind it. */
  Nisba: 1 << 16,
  /** A nisba form that is also a common word (السنة "the year"): NORP only with context. */
  NisbaAmbiguous: 1 << 17,
  /** Head noun genders, for nisba agreement (Ryding 2005, ch. 10). */
  HeadMasculine: 1 << 18,
  HeadFeminine: 1 << 19,
  HeadPlural: 1 << 20,
  /** First token of a known person's name or short form of several tokens. */
  KnownStart: 1 << 21,
  /** Feminine given name (kept for notes; agreement is not checked on names). */
  Female: 1 << 22,
  /** Particles that may start a name (أبو، أم، عبد، بن، ابن). */
  StartParticle: 1 << 23,
  /** Continues an office's complement (المتحدث باسم الخارجية، السفير لدى الأمم المتحدة). */
  Complement: 1 << 24,
  /** A foreign given name: the family name after it may start like a proclitic (هنري وينكلر، مايكل بالاك). */
  Foreign: 1 << 25,
  /**
   * A name the data spells with final ي where normalisation also folds ى into it (علي
   * and the preposition على): written with ى, the token is not that name.
   */
  YaFinal: 1 << 26,
  /** First part of a compound given name (نصر in نصر الله, صلاح in صلاح الدين). */
  CompoundHead: 1 << 27,
  /** A verb of saying proper (قال، أضاف، أكد): its subject may be a name no list knows. */
  Say: 1 << 28,
  /** A function word or verb of non-names.tsv (not a noun or adjective): no head for a nisba. */
  Closed: 1 << 29,
} as const;

/** Bits that make a token worth a look when scanning (interned with PEOPLE_SCOPE). */
const TRIGGERS =
  PersonRole.Given | PersonRole.GivenWord | PersonRole.Surname | PersonRole.SurnameCue | PersonRole.StartParticle |
  PersonRole.Title | PersonRole.Office | PersonRole.Honorific | PersonRole.Verb | PersonRole.Vocative |
  PersonRole.Nisba | PersonRole.KnownStart;

/** Bits of any head noun a nisba can qualify. */
export const HEAD_BITS = PersonRole.Title | PersonRole.Office | PersonRole.Group;
/** Bits of a token that can be (part of) a name. */
export const NAME_BITS = PersonRole.Given | PersonRole.GivenWord | PersonRole.Surname | PersonRole.SurnameCue;

/** What a nisba form refers to and how it agrees. */
export interface NisbaInfo {
  /** Place or group id (`gpe.country.SA`, `people.kurds`). */
  id: string;
  /** The masculine singular as the data writes it (`سعودي`). */
  name: string;
  kind: string;
  plural: boolean;
  feminine: boolean;
  definite: boolean;
}

/** A person of known-people.jsonl. */
export interface KnownPerson {
  id: string;
  name: string;
  type: string;
  en: string | undefined;
}

/** A known name of several tokens (or one), as vocabulary ids. */
export interface KnownName {
  ids: Int32Array;
  person: number;
  /** True for a short form that is also a word (needs a cue). */
  needsCue: boolean;
  /** True for a surname alone (not the full name). */
  short: boolean;
}

/** Data files of the people lexicon; `builtin:` paths are under gazetteers/. */
export const peopleFilesOption = {
  cues: z.string().default('builtin:people/cues.tsv'),
  givenNames: z.string().default('builtin:people/given-names.tsv'),
  knownPeople: z.array(z.string()).default(['builtin:people/known-people.jsonl']),
  nonNames: z.string().default('builtin:people/non-names.tsv'),
  demonyms: z.array(z.string()).default(['builtin:places/demonyms.jsonl', 'builtin:people/demonyms-extra.jsonl']),
};

/** Key of a pair of vocabulary ids (ids stay far below 2^20; the product is an exact double). */
export function pairKey(first: number, second: number): number {
  return first * 1048576 + second;
}

/** The resolved file options. */
export interface PeopleFiles {
  cues: string;
  givenNames: string;
  knownPeople: readonly string[];
  nonNames: string;
  demonyms: readonly string[];
}

/** Everything the two stages compiled. */
export interface PeopleLexicon {
  vocabulary: TokenVocabulary;
  /** Role bits by vocabulary id (ids interned after loading read as 0). */
  roles: Uint32Array;
  /** Nisba forms by vocabulary id. */
  nisba: Map<number, NisbaInfo>;
  /** The same by index (undefined for other ids): read for every nisba token, without hashing. */
  nisbaById: (NisbaInfo | undefined)[];
  people: KnownPerson[];
  /** Known names of one token by its id. */
  knownSingle: Map<number, KnownName>;
  /** Known names of several tokens by their first two ids ({@link pairKey}), longest first. */
  knownByPair: Map<number, KnownName[]>;
  /** Latin given names (lower case) and known surnames (lower case), for names in Latin script. */
  latinGiven: Set<string>;
  latinSurnames: Set<string>;
  /** Vocabulary ids of particles by role in a name: `آل`, `عبد`, `أبو`... (for notes and rules). */
  particleIds: { abd: number; al: number; ashar: number; bin: number; bint: number };
  /** Milliseconds spent loading. */
  loadMs: number;
}

const CUE_CLASSES = ['title', 'office', 'honorific', 'title-adjective', 'complement', 'verb', 'say', 'vocative', 'particle', 'divine', 'theophoric', 'compound', 'suffix', 'group', 'ambiguous-nisba'] as const;
const CUE_BITS: Record<(typeof CUE_CLASSES)[number], number> = {
  title: PersonRole.Title,
  office: PersonRole.Office,
  honorific: PersonRole.Honorific,
  'title-adjective': PersonRole.TitleAdjective,
  complement: PersonRole.Complement,
  verb: PersonRole.Verb,
  say: PersonRole.Verb | PersonRole.Say,
  vocative: PersonRole.Vocative,
  particle: PersonRole.Particle,
  divine: PersonRole.Divine,
  theophoric: PersonRole.Theophoric,
  compound: PersonRole.CompoundHead,
  suffix: PersonRole.Suffix,
  group: PersonRole.Group,
  'ambiguous-nisba': PersonRole.NisbaAmbiguous,
};
const GENDER_BITS: Record<string, number> = { m: PersonRole.HeadMasculine, f: PersonRole.HeadFeminine, p: PersonRole.HeadPlural };

/** Particles that may start a name on their own: kunya (أبو مازن، أم كلثوم), عبد + divine name, nasab (بن لادن). */
const START_PARTICLES = ['\u0623\u0628\u0648', '\u0623\u0645', '\u0639\u0628\u062f', '\u0628\u0646', '\u0627\u0628\u0646']; // أبو أم عبد بن ابن

/** Kinds of demonym rows that name nationalities, peoples, religions and political groups. */
const NORP_KINDS = new Set(['country', 'region', 'people', 'religion', 'political']);

const cache = new WeakMap<TokenVocabulary, Map<string, PeopleLexicon>>();

/** Resolves one `builtin:` or relative data file option to a path. */
function onePath(spec: string, context: StageContext): string {
  return resolveDataFiles(spec, context)[0]!;
}

/**
 * Loads the people lexicon into the pipeline's shared vocabulary, once per pipeline and
 * set of files (the persons and NORP stages share it). Throws a DataError naming
 * `file:line` for every bad row.
 */
export function loadPeopleLexicon(files: PeopleFiles, context: StageContext): PeopleLexicon {
  const vocabulary = sharedVocabulary(context);
  const paths = {
    cues: onePath(files.cues, context),
    givenNames: onePath(files.givenNames, context),
    knownPeople: files.knownPeople.flatMap((s) => resolveDataFiles(s, context)),
    nonNames: onePath(files.nonNames, context),
    demonyms: files.demonyms.flatMap((s) => resolveDataFiles(s, context)),
  };
  const key = JSON.stringify(paths);
  let byKey = cache.get(vocabulary);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(vocabulary, byKey);
  }
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const lexicon = compile(paths, context, vocabulary);
  byKey.set(key, lexicon);
  return lexicon;
}

function compile(
  paths: { cues: string; givenNames: string; knownPeople: string[]; nonNames: string; demonyms: string[] },
  context: StageContext,
  vocabulary: TokenVocabulary,
): PeopleLexicon {
  const t0 = performance.now();
  const normalise = context.normalise;
  const tokenise = nameTokeniser(normalise);
  const marks: [string, number][] = [];
  const mark = (word: string, bit: number) => marks.push([normalise(word), bit]);

  for (const { values } of readTsv(paths.cues, ['word', 'class', 'gender'], { class: CUE_CLASSES, gender: ['m', 'f', 'p'] })) {
    const cls = values.class as (typeof CUE_CLASSES)[number];
    let bit = CUE_BITS[cls];
    if (cls === 'title' || cls === 'office' || cls === 'group') bit |= GENDER_BITS[values.gender!]!;
    mark(values.word!, bit);
  }
  for (const word of START_PARTICLES) mark(word, PersonRole.StartParticle);

  const latinGiven = new Set<string>();
  for (const { values } of readTsv(paths.givenNames, ['name', 'sex', 'origin', 'word', 'en'], { sex: ['m', 'f'], origin: ['arabic', 'foreign'], word: ['yes', 'no'] })) {
    let bit: number = values.word === 'yes' ? PersonRole.GivenWord : PersonRole.Given;
    if (values.sex === 'f') bit |= PersonRole.Female;
    if (values.origin === 'foreign') bit |= PersonRole.Foreign;
    if (values.name!.endsWith('\u064a') && normalise('\u0649') === normalise('\u064a')) bit |= PersonRole.YaFinal; // ي, ى
    mark(values.name!, bit);
    if (values.origin === 'foreign' && values.en !== '-') latinGiven.add(values.en!.toLowerCase());
  }

  for (const { values } of readTsv(paths.nonNames, ['word', 'class'], { class: ['function', 'time', 'verb', 'noun', 'adjective'] })) {
    mark(values.word!, values.class === 'function' || values.class === 'verb' ? PersonRole.NonName | PersonRole.Closed : PersonRole.NonName);
  }

  // Known people: full names, variants and short forms as token sequences.
  const people: KnownPerson[] = [];
  const names: { tokens: string[]; person: number; needsCue: boolean; short: boolean }[] = [];
  const latinSurnames = new Set<string>();
  const problems: string[] = [];
  for (const path of paths.knownPeople) {
    for (const { line, text } of lines(readDataFile(path))) {
      const where = `${path}:${line}`;
      let o: Record<string, unknown>;
      try {
        const v: unknown = JSON.parse(text);
        if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
        o = v as Record<string, unknown>;
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
        continue;
      }
      if (typeof o.id !== 'string' || typeof o.name !== 'string' || o.name.trim() === '') {
        problems.push(`${where}: "id" and "name" must be non-empty strings`);
        continue;
      }
      const variants = Array.isArray(o.variants) ? o.variants : [];
      const shorts = Array.isArray(o.short) ? o.short : [];
      if (variants.some((v) => typeof v !== 'string') || shorts.some((s) => typeof s !== 'string' && (s === null || typeof s !== 'object' || typeof (s as { name?: unknown }).name !== 'string'))) {
        problems.push(`${where}: "variants" must be strings, "short" strings or {"name", "ambiguous"} objects`);
        continue;
      }
      const person = people.length;
      const en = typeof o.en === 'string' ? o.en : undefined;
      people.push({ id: o.id, name: o.name, type: typeof o.type === 'string' ? o.type : 'person', en });
      for (const n of [o.name, ...(variants as string[])]) names.push({ tokens: tokenise(n), person, needsCue: false, short: false });
      for (const s of shorts as (string | { name: string; ambiguous?: string })[]) {
        const name = typeof s === 'string' ? s : s.name;
        names.push({ tokens: tokenise(name), person, needsCue: typeof s !== 'string' && s.ambiguous !== undefined, short: true });
      }
      if (en !== undefined) {
        const parts = en.split(/\s+/);
        if (parts.length > 1) latinSurnames.add(parts[parts.length - 1]!.toLowerCase());
      }
    }
  }
  throwIfProblems('known people', problems);

  // Demonyms: the forms with a place or people behind them; places named after bodies
  // (أممي: the UN) and oceans (أطلسي) are no nationality.
  const demonyms = loadDemonyms(paths.demonyms, tokenise);
  const masculine = masculineNames(paths.demonyms);
  const nisbaByWord = new Map<string, NisbaInfo>();
  for (const [form, infos] of demonyms) {
    if (form.includes(' ')) continue;
    const info = pickNisba(infos);
    if (info === undefined) continue;
    const bare = info.definite ? form.slice(2) : form;
    const lemma = info.lemma;
    const feminine = bare.length === lemma.length + 1 && bare.startsWith(lemma);
    const plural = bare !== lemma && !feminine;
    nisbaByWord.set(form, {
      id: (info.place ?? info.group)!,
      name: masculine.get(`${info.file}:${info.line}`) ?? lemma,
      kind: info.kind,
      plural,
      feminine,
      definite: info.definite,
    });
    marks.push([form, PersonRole.Nisba]);
  }

  // Intern every word; triggers with the scope bit.
  const bitsByWord = new Map<string, number>();
  for (const [word, bit] of marks) bitsByWord.set(word, (bitsByWord.get(word) ?? 0) | bit);
  // A given name that folds to a listed non-name (علي and على) is a word after all.
  for (const [word, bits] of bitsByWord) {
    if ((bits & PersonRole.Given) !== 0 && (bits & PersonRole.NonName) !== 0) bitsByWord.set(word, (bits & ~PersonRole.Given) | PersonRole.GivenWord);
  }

  const knownNames: KnownName[] = [];
  const pendingKnown: { tokens: string[]; person: number; needsCue: boolean; short: boolean }[] = [];
  for (const n of names) {
    if (n.tokens.length === 0) continue;
    pendingKnown.push(n);
    const first = n.tokens[0]!;
    bitsByWord.set(first, (bitsByWord.get(first) ?? 0) | PersonRole.KnownStart);
    if (n.short && n.tokens.length === 1) {
      const bit = n.needsCue ? PersonRole.SurnameCue : PersonRole.Surname;
      bitsByWord.set(first, (bitsByWord.get(first) ?? 0) | bit);
    }
  }

  const ids = new Map<string, number>();
  for (const [word, bits] of bitsByWord) ids.set(word, vocabulary.intern(word, (bits & TRIGGERS) !== 0 ? PEOPLE_SCOPE : 0));
  for (const n of pendingKnown) {
    for (const t of n.tokens) if (!ids.has(t)) ids.set(t, vocabulary.intern(t, 0));
  }
  const roles = new Uint32Array(vocabulary.size + 1);
  for (const [word, bits] of bitsByWord) roles[ids.get(word)!] = bits;
  const nisba = new Map<number, NisbaInfo>();
  for (const [word, info] of nisbaByWord) nisba.set(ids.get(word)!, info);
  const nisbaById = new Array<NisbaInfo | undefined>(vocabulary.size).fill(undefined);
  for (const [id, info] of nisba) nisbaById[id] = info;

  const knownSingle = new Map<number, KnownName>();
  const knownByPair = new Map<number, KnownName[]>();
  for (const n of pendingKnown) {
    const k: KnownName = { ids: Int32Array.from(n.tokens.map((t) => ids.get(t)!)), person: n.person, needsCue: n.needsCue, short: n.short };
    knownNames.push(k);
    if (k.ids.length === 1) {
      // The first entry of a name wins (a full name before another person's short form).
      if (!knownSingle.has(k.ids[0]!)) knownSingle.set(k.ids[0]!, k);
      continue;
    }
    const key = pairKey(k.ids[0]!, k.ids[1]!);
    const list = knownByPair.get(key) ?? [];
    if (!list.some((o) => o.ids.length === k.ids.length && o.ids.every((id, x) => id === k.ids[x]))) list.push(k);
    knownByPair.set(key, list);
  }
  for (const list of knownByPair.values()) list.sort((a, b) => b.ids.length - a.ids.length);

  return {
    vocabulary,
    roles,
    nisba,
    nisbaById,
    people,
    knownSingle,
    knownByPair,
    latinGiven,
    latinSurnames,
    // عبد، آل، عشر (the teens of an ordinal suffix: الثالث عشر), بن، بنت
    particleIds: {
      abd: ids.get(normalise('\u0639\u0628\u062f')) ?? -1,
      al: ids.get(normalise('\u0622\u0644')) ?? -1,
      ashar: vocabulary.intern(normalise('\u0639\u0634\u0631'), 0),
      bin: ids.get(normalise('\u0628\u0646')) ?? -1,
      bint: ids.get(normalise('\u0628\u0646\u062a')) ?? -1,
    },
    loadMs: performance.now() - t0,
  };
}

/** The reading of a nisba form to keep: a nationality first, then a people, religion or region. */
function pickNisba(infos: readonly NisbaForm[]): NisbaForm | undefined {
  let best: NisbaForm | undefined;
  let bestRank = 99;
  for (const f of infos) {
    const id = f.place ?? f.group;
    if (id === undefined || !NORP_KINDS.has(f.kind)) continue;
    if (id.startsWith('org.') || id.startsWith('loc.ocean.')) continue;
    const rank = ['country', 'people', 'religion', 'political', 'region'].indexOf(f.kind);
    if (rank < bestRank) {
      best = f;
      bestRank = rank;
    }
  }
  return best;
}

/** The masculine singular of each demonym row as written, by `file:line`, for values. */
function masculineNames(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of paths) {
    for (const { line, text } of lines(readDataFile(path))) {
      try {
        const o = JSON.parse(text) as { masculine?: unknown };
        if (typeof o.masculine === 'string') out.set(`${path}:${line}`, o.masculine);
      } catch {
        // loadDemonyms has reported the line already
      }
    }
  }
  return out;
}
