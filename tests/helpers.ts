import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { resolveConfig, type ConfigInput } from '../src/core/config.js';
import { Doc } from '../src/core/document.js';
import { Pipeline } from '../src/core/pipeline.js';
import { STAGES } from '../src/stages/index.js';

/** A pipeline of the given stages (default: the foundation stages) with default options. */
export function pipelineOf(stages: ConfigInput['stages'] = ['normalise', 'language', 'tokenise', 'sentences'], extra: Partial<ConfigInput> = {}): Pipeline {
  return new Pipeline(resolveConfig({ stages, ...extra }, STAGES, 'test', process.cwd()), STAGES);
}

/** Runs `pipeline` on `text` and returns the document. */
export function run(pipeline: Pipeline, text: string, id = 'test'): Doc {
  const doc = new Doc(id, text);
  const result = pipeline.process(doc);
  if (!result.ok) throw new Error(result.error);
  return doc;
}

/** Surfaces of the document's tokens. */
export function tokenSurfaces(doc: Doc): string[] {
  const t = doc.tokens!;
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(t.surface(i));
  return out;
}

/** Pieces that random test texts are made of: everything offsets can trip over. */
export const PIECES = [
  'ب', 'ت', 'ال', 'و', 'ل', 'لل', 'أ', 'إ', 'آ', 'ٱ', 'ى', 'ة', 'ؤ', 'ئ', 'ک', 'ی', 'ہ', 'ۀ',
  '\u064E', '\u064B', '\u0651', '\u0652', '\u0670', '\u06D6', '\u0640', // fatha, fathatan, shadda, sukun, dagger alef, Quranic mark, tatweel
  '\u200C', '\u200D', '\u200F', '\u202B', '\u2067', '\u2069', '\uFEFF', '\u00AD', // ZWNJ, ZWJ, RLM, RLE, RLI, PDI, BOM, soft hyphen
  '\uFEFB', '\uFEF7', '\uFDF2', '\uFB8E', '\uFE8D', '\uFDFA', '\uFDFC', '\uFE70', // ligatures, presentation forms, rial sign, isolated fathatan
  '٠', '١', '٢', '٥', '۴', '۵', '1', '٫', '٬', ',', '.', '%', '٪',
  ' ', '\u00A0', '\u2003', '\n', '\r\n', '\r', '\t', '\u2029',
  '😀', '👍🏽', '👨‍👩‍👧', '🇸🇦', '𝐀', '\uD800', '\uDC00', // emoji, flag, astral letter, lone surrogates
  '،', '؛', '؟', '«', '»', '…', '!', '?', '"', '(', ')', '[', ']', '#', '@', '-', ':', '/',
  'a', 'Z', 'é', 'http://x.co/a', 'a@b.co', 'Dr', 'ج', 'د',
];

/** Random text built from `PIECES` (seeded runs make failures reproducible). */
export const arabicishText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

/** Mixed: pieces and fully random Unicode strings. */
export const anyText = fc.oneof(arabicishText, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

export const SEED = 20261129;

/** Marks that property tests sprinkle inside words: fatha, fathatan, kasra, shadda, sukun, tatweel. */
export const MARKS = ['\u064E', '\u064B', '\u0650', '\u0651', '\u0652', '\u0640'];

/** Proclitics and their stacks glued before a planted name (ل before ال is written لل by the tests). */
export const PROCLITIC_STACKS = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'فل', 'ول'];

const ARABIC = /\p{Script=Arabic}/u;

/**
 * `s` with a mark after each Arabic character: `picks` (cycled over the code points) choose
 * it from MARKS, a pick past the end none. Never before the first letter.
 */
export function decorate(s: string, picks: readonly number[]): string {
  let out = '';
  [...s].forEach((ch, i) => {
    out += ch;
    const p = picks[i % picks.length]!;
    if (ARABIC.test(ch) && p < MARKS.length) out += MARKS[p];
  });
  return out;
}

/**
 * Arbitrary `word` with random marks (or none, three times likelier) after the Arabic
 * characters that `markable` accepts.
 */
export function decoratedWord(word: string, markable: (c: string) => boolean = () => true): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom('', '', '', ...MARKS), { minLength: word.length, maxLength: word.length }).map((marks) => {
    let out = '';
    for (let i = 0; i < word.length; i++) {
      const c = word.charAt(i);
      out += c;
      if (ARABIC.test(c) && markable(c)) out += marks[i]!;
    }
    return out;
  });
}

/** An entity of the seed gold (eval/seed.gold.json): code-point offsets. */
export interface GoldEntity {
  start: number;
  end: number;
  label: string;
  text: string;
  value?: unknown;
}

/** The sample press release (corpus/) and its hand-made gold, read once per test file. */
export const SAMPLE_TEXT = readFileSync('corpus/000_2af77db84c8b7592.txt', 'utf8');
export const SEED_GOLD = JSON.parse(readFileSync('eval/seed.gold.json', 'utf8')) as { id: string; text: string; entities: GoldEntity[] };
