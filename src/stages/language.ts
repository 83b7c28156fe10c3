import { francAll } from 'franc';
import { z } from 'zod';
import { NON_ARABIC_LANGUAGE_LETTERS } from '../arabic/characters.js';
import type { LanguageInfo } from '../core/document.js';
import { defineStage } from '../core/stage.js';

export const languageOptions = z.strictObject({
  /** Which documents the tagging stages run on: Arabic ones (default) or all. */
  tag: z.enum(['arabic', 'all']).default('arabic'),
  /** A second script with at least this share of the letters makes a document mixed. */
  mixedThreshold: z.number().min(0).max(1).default(0.2),
  /** A mixed document is still tagged when Arabic script has at least this share. */
  minArabicShare: z.number().min(0).max(1).default(0.2),
  /** Characters of text given to franc when script counts leave the language open. */
  sampleChars: z.number().int().min(200).max(100_000).default(3000),
  /**
   * Share of Arabic-script letters that only Persian, Urdu, Pashto or Kurdish use
   * (پ چ ژ گ ک ی ...) above which franc is asked which of them it is.
   */
  foreignLetterShare: z.number().min(0).max(1).default(0.01),
});
export type LanguageOptions = z.output<typeof languageOptions>;

// Scripts by ISO 15924 code, indexed by the class table below.
const SCRIPTS = ['', 'Arab', 'Latn', 'Cyrl', 'Grek', 'Hebr', 'Hani', 'Deva', 'Zyyy'] as const;
const S_ARAB = 1;
const S_LATN = 2;
const S_OTHER = 8;
/** Marks letters of Arabic script that Arabic itself does not use. */
const FOREIGN = 9;

const SCRIPT_OF = buildScriptTable();

function buildScriptTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const tests: [RegExp, number][] = [
    [/\p{Script=Arabic}/u, 1],
    [/\p{Script=Latin}/u, 2],
    [/\p{Script=Cyrillic}/u, 3],
    [/\p{Script=Greek}/u, 4],
    [/\p{Script=Hebrew}/u, 5],
    [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u, 6],
    [/\p{Script=Devanagari}/u, 7],
  ];
  const letter = /\p{L}/u;
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (!letter.test(ch)) continue;
    table[c] = S_OTHER;
    for (const [re, s] of tests) {
      if (re.test(ch)) {
        table[c] = s;
        break;
      }
    }
  }
  for (const c of NON_ARABIC_LANGUAGE_LETTERS) table[c] = FOREIGN;
  return table;
}

/** Arabic-script languages franc chooses between; Persian varieties map together. */
const ARABIC_SCRIPT_LANGUAGES = ['arb', 'pes', 'prs', 'urd', 'pbu', 'ckb', 'uig', 'snd'];
const MERGE: Readonly<Record<string, string>> = { pes: 'fas', prs: 'fas' };

/** Letter counts per script over the text, or over spread windows of a long text. */
export function countScripts(text: string): { counts: number[]; foreign: number } {
  // Arabic letters (class 1) and non-letters (class 0) are nearly every unit of Arabic
  // text: they are summed without a branch; the rarer classes are tallied.
  let arabic = 0;
  const tally = new Int32Array(FOREIGN + 1);
  const count = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const s = SCRIPT_OF[text.charCodeAt(i)]!;
      if (s > S_ARAB) tally[s]!++;
      else arabic += s; // s is 0 or S_ARAB (= 1)
    }
  };
  const window = 32_768;
  const windows = 16;
  if (text.length <= window * windows * 2) count(0, text.length);
  else {
    const step = Math.floor((text.length - window) / (windows - 1));
    for (let w = 0; w < windows; w++) count(w * step, w * step + window);
  }
  const foreign = tally[FOREIGN]!;
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  for (let s = S_ARAB + 1; s < SCRIPTS.length; s++) counts[s] = tally[s]!;
  // Letters Arabic does not use are still Arabic script.
  counts[S_ARAB] = arabic + foreign;
  return { counts, foreign };
}

/** A sample of at most `size` characters: the start, the middle and the end. */
function sample(text: string, size: number): string {
  if (text.length <= size) return text;
  const part = Math.floor(size / 3);
  const mid = Math.floor(text.length / 2);
  return `${text.slice(0, part)} ${text.slice(mid, mid + part)} ${text.slice(text.length - part)}`;
}

function askFranc(text: string, only?: string[]): { code: string; confidence: number } {
  const ranked = francAll(text, only === undefined ? { minLength: 10 } : { minLength: 10, only });
  const [best, second] = ranked;
  if (best === undefined || best[0] === 'und') return { code: 'und', confidence: 0 };
  const margin = second === undefined ? 1 : 1 - second[1];
  return { code: MERGE[best[0]] ?? best[0], confidence: round(Math.min(1, 0.5 + margin)) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Decides the language from script counts; franc only when they leave it open, on a
 * bounded sample (franc runs at a few MB/s, far slower than the rest of the pipeline).
 */
export function detectLanguage(text: string, options: LanguageOptions): { info: LanguageInfo; tag: boolean } {
  const { counts, foreign } = countScripts(text);
  const letters = counts.reduce((a, b) => a + b, 0);
  if (letters === 0) return { info: { code: 'zxx', confidence: 1, method: 'script' }, tag: options.tag === 'all' };
  let dominant = 1;
  for (let s = 1; s < counts.length; s++) if (counts[s]! > counts[dominant]!) dominant = s;
  const shares: Record<string, number> = {};
  let secondShare = 0;
  for (let s = 1; s < counts.length; s++) {
    const share = counts[s]! / letters;
    if (share > 0) shares[SCRIPTS[s]!] = round(share);
    if (s !== dominant && share > secondShare) secondShare = share;
  }
  const arabShare = counts[S_ARAB]! / letters;
  const mixed = secondShare >= options.mixedThreshold;

  // The Arabic-script part: Arabic unless letters of other Arabic-script languages show.
  let arabicPart: { code: string; confidence: number; method: 'script' | 'franc' } | null = null;
  if (counts[S_ARAB]! > 0) {
    if (foreign / counts[S_ARAB]! < options.foreignLetterShare) arabicPart = { code: 'arb', confidence: 1, method: 'script' };
    else arabicPart = { ...askFranc(sample(text, options.sampleChars), ARABIC_SCRIPT_LANGUAGES), method: 'franc' };
  }

  let info: LanguageInfo;
  if (dominant === S_ARAB && arabicPart !== null) {
    info = { code: arabicPart.code, confidence: arabicPart.method === 'script' ? round(arabShare) : arabicPart.confidence, method: arabicPart.method };
  } else if (dominant === S_LATN || dominant === 3 || dominant === 4) {
    const guess = askFranc(sample(text, options.sampleChars));
    info = { code: guess.code, confidence: guess.confidence, method: 'franc' };
  } else {
    info = { code: 'und', confidence: 0, method: 'script' };
  }
  if (Object.keys(shares).length > 1) info.scripts = shares;
  if (mixed) info.mixed = true;
  const arabicText = arabicPart !== null && arabicPart.code === 'arb' && arabShare >= options.minArabicShare;
  return { info, tag: options.tag === 'all' || arabicText };
}

export const languageStage = defineStage({
  name: 'language',
  summary: 'Document language from script counts (franc on a sample only when they leave it open); non-Arabic documents are not tagged unless configured.',
  requires: [],
  provides: ['language'],
  options: languageOptions,
  create(options) {
    return (doc) => {
      const { info, tag } = detectLanguage(doc.text, options);
      doc.language = info;
      if (!tag) {
        doc.skipTagging = true;
        doc.message('info', 'not-tagged', `language ${info.code}: tagging stages skipped (set language.tag to "all" to tag every document)`, 'language');
      }
    };
  },
});
