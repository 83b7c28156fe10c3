/**
 * The benchmark corpus: real Arabic news text of at least 20 MB, built deterministically
 * from ANERcorp's training split (eval/anercorp-train.gold.jsonl, CC BY-SA 4.0, Benajiba
 * et al. 2007) and the sample press release (corpus/).
 *
 * How: ANERcorp's sentences are de-tokenised (its text has a space around every
 * punctuation mark), then grouped into documents of consecutive sentences (so a document
 * reads like the article it came from) with a headline line and paragraphs. Each document
 * gets seeded variation found in real Arabic text: Arabic-Indic digits, tanwin and
 * shadda on some words, the odd tatweel, a paragraph of the sample. Repeated passes over
 * the sentences start at different offsets with different document lengths, so no two
 * documents are the same.
 */
import { readFileSync } from 'node:fs';

export interface BenchDocument {
  id: string;
  text: string;
}

/** Mulberry32: a small seeded PRNG, so the corpus is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Undoes ANERcorp's tokenisation: no space before closing punctuation, none inside numbers. */
export function detokenise(sentence: string): string {
  return sentence
    .replace(/(\d) ([.,،]) (\d)/g, '$1$2$3')
    .replace(/ ([.,،؛؟!:)\]»])/g, '$1')
    .replace(/([(\[«]) /g, '$1')
    .replace(/ ?(%)/g, '$1')
    .trim();
}

const INDIC = '٠١٢٣٤٥٦٧٨٩';
const FATHATAN = '\u064B'; // U+064B ARABIC FATHATAN
const SHADDA = '\u0651'; // U+0651 ARABIC SHADDA
const TATWEEL = '\u0640'; // U+0640 ARABIC TATWEEL

function vary(text: string, random: () => number): string {
  let out = text;
  if (random() < 0.2) out = out.replace(/[0-9]/g, (d) => INDIC[Number(d)]!);
  if (random() < 0.15) {
    // Tanwin on accusative -ا endings (أيضاً), as careful newswire writes it.
    out = out.replace(/(\S{3,}ا)(?=[\s،.])/g, (w) => (random() < 0.3 ? `${w.slice(0, -1)}${FATHATAN}ا` : w));
  }
  if (random() < 0.1) out = out.replace(/(\S)(\S)(\S+)/g, (w, a: string, b: string, c: string) => (random() < 0.03 ? `${a}${b}${SHADDA}${c}` : w));
  if (random() < 0.05) out = out.replace(/ال(\S{3,})/, `ال${TATWEEL}$1`);
  return out;
}

/** Reads the sentences of ANERcorp's training split, de-tokenised. */
export function anercorpSentences(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => detokenise((JSON.parse(l) as { text: string }).text));
}

/**
 * Builds documents until their UTF-8 size reaches `targetBytes`.
 */
export function buildBenchCorpus(options: { anercorp: string; sample: string; targetBytes: number; seed?: number }): BenchDocument[] {
  const random = seededRandom(options.seed ?? 2026);
  const sentences = anercorpSentences(options.anercorp);
  const sampleParagraphs = readFileSync(options.sample, 'utf8')
    .split('\n')
    .filter((p) => p.trim().length > 40);
  const docs: BenchDocument[] = [];
  let bytes = 0;
  let at = 0;
  while (bytes < options.targetBytes) {
    const length = 8 + Math.floor(random() * 40);
    if (at + length >= sentences.length) at = Math.floor(random() * 50);
    const chosen = sentences.slice(at, at + length);
    at += length;
    const headline = chosen[0]!.replace(/[.،؛]+$/, '').split(' ').slice(0, 9).join(' ');
    const paragraphs: string[] = [headline];
    for (let i = 0; i < chosen.length; ) {
      const size = 1 + Math.floor(random() * 5);
      paragraphs.push(chosen.slice(i, i + size).join(' '));
      i += size;
    }
    if (random() < 0.1 && sampleParagraphs.length > 0) {
      paragraphs.splice(1 + Math.floor(random() * (paragraphs.length - 1)), 0, sampleParagraphs[Math.floor(random() * sampleParagraphs.length)]!);
    }
    const text = vary(paragraphs.join('\n'), random);
    docs.push({ id: `bench-${String(docs.length + 1).padStart(5, '0')}`, text });
    bytes += Buffer.byteLength(text, 'utf8');
  }
  return docs;
}
