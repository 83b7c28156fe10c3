/**
 * A run folder for the review tests, written the way `tawsim run` writes one (the
 * foundation pipeline's standoff output, text not included) with annotations added:
 * - the sample press release with the 174 hand annotations of eval/seed.gold.json, as
 *   if a tagger had suggested them (status `auto`, a rule name and a confidence);
 * - a short text with an emoji, diacritics, CR LF line ends, a `<script>` element and an
 *   English line, with nested annotations (MONEY over CARDINAL and CURR);
 * - a document in a sub-folder (`news/brief`), whose id holds a `/`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../../src/core/document.js';
import { serialiseStandoff, toStandoff, type StandoffAnnotation, type StandoffDocument } from '../../src/io/standoff.js';
import { pipelineOf } from '../helpers.js';

export const SAMPLE_ID = '000_2af77db84c8b7592';
export const EMOJI_ID = 'emoji-diacritics';
export const BRIEF_ID = 'news/brief';

/** The short fixture: emoji before the place to add, a shadda and a kasra inside it. */
export const EMOJI_TEXT =
  'أعلنت وزارة المالية 😀 في الرِّياض عن منحة بقيمة 601 مليون دولار لمدينة بغداد.\r\n' +
  'وقال البيان <script>window.__pwned = 1</script> إن التحالف يضم 86 عضوا 👨‍👩‍👧 من العالم.\r\n' +
  'English line: the coalition met in Riyadh.\r\n';

export const BRIEF_TEXT = 'زار وفد من منظمة الصحة العالمية مدينة الموصل في شمال العراق.\n';

/** Code point offsets of the first occurrence of `surface` (after `from` code points). */
export function cpSpan(text: string, surface: string, from = 0): { start: number; end: number } {
  const points = Array.from(text);
  const want = Array.from(surface);
  for (let i = from; i + want.length <= points.length; i++) {
    if (want.every((c, k) => points[i + k] === c)) return { start: i, end: i + want.length };
  }
  throw new Error(`fixture: "${surface}" not in the text`);
}

interface Seed {
  label: string;
  surface: string;
  value?: unknown;
  source: string;
  confidence: number;
  from?: number;
}

function annotate(text: string, seeds: Seed[]): StandoffAnnotation[] {
  const out = seeds.map((s) => {
    const span = cpSpan(text, s.surface, s.from ?? 0);
    const a: StandoffAnnotation = { id: '', label: s.label, ...span, text: s.surface, source: s.source, confidence: s.confidence, status: 'auto' };
    if (s.value !== undefined) a.value = s.value;
    return a;
  });
  out.sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : 1));
  return out.map((a, i) => ({ ...a, id: `T${i + 1}` }));
}

const SOURCES: Record<string, string> = {
  GPE: 'gazetteer:places',
  LOC: 'gazetteer:places',
  ORG: 'gazetteer:organisations',
  CARDINAL: 'numbers:cardinal',
  ORDINAL: 'numbers:ordinal',
  MONEY: 'money:amount+currency',
  PERS: 'names:person',
  NORP: 'gazetteer:demonyms',
  DATE: 'dates:numeric',
};

function standoffOf(id: string, text: string, source: string, annotations: StandoffAnnotation[]): StandoffDocument {
  const doc = new Doc(id, text, source);
  const result = pipelineOf().process(doc);
  if (!result.ok) throw new Error(result.error);
  const standoff = toStandoff(doc, { version: '0.1.0', configSha256: 'fixture', stages: ['normalise', 'language', 'tokenise', 'sentences'] }, { includeText: false });
  return { ...standoff, annotations };
}

export interface ReviewFixture {
  root: string;
  run: string;
  corpus: string;
  texts: Record<string, string>;
  /** Number of annotations per document as written. */
  counts: Record<string, number>;
}

/** Writes the fixture run under `root` (`root/run`, `root/corpus`). */
export function writeReviewFixture(root: string): ReviewFixture {
  const run = join(root, 'run');
  const corpus = join(root, 'corpus');
  mkdirSync(join(run, 'news'), { recursive: true });
  mkdirSync(join(corpus, 'news'), { recursive: true });

  const gold = JSON.parse(readFileSync('eval/seed.gold.json', 'utf8')) as { id: string; text: string; entities: { start: number; end: number; label: string; text: string; value?: unknown }[] };
  copyFileSync(`corpus/${SAMPLE_ID}.txt`, join(corpus, `${SAMPLE_ID}.txt`));
  const sampleText = readFileSync(join(corpus, `${SAMPLE_ID}.txt`), 'utf8');
  if (sampleText !== gold.text) throw new Error('fixture: the gold text is not the corpus text');
  const sampleAnnotations = gold.entities
    .map((e, i) => {
      const a: StandoffAnnotation = {
        id: '',
        label: e.label,
        start: e.start,
        end: e.end,
        text: e.text,
        source: SOURCES[e.label] ?? 'rules',
        // Deterministic spread of confidences, so the confidence filter has work to do.
        confidence: Math.round((0.55 + ((i * 37) % 45) / 100) * 100) / 100,
        status: 'auto',
      };
      if (e.value !== undefined) a.value = e.value;
      return a;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((a, i) => ({ ...a, id: `T${i + 1}` }));

  const emoji = annotate(EMOJI_TEXT, [
    { label: 'ORG', surface: 'وزارة المالية', source: 'gazetteer:organisations', confidence: 0.9 },
    { label: 'MONEY', surface: '601 مليون دولار', value: { amount: 601000000, currency: 'USD' }, source: 'money:amount+currency', confidence: 0.95 },
    { label: 'CARDINAL', surface: '601 مليون', value: 601000000, source: 'numbers:cardinal', confidence: 0.9 },
    { label: 'CURR', surface: 'دولار', value: { currency: 'USD' }, source: 'money:currency', confidence: 0.7 },
    { label: 'GPE', surface: 'بغداد', value: { id: 'geonames:98182', name: 'Baghdad' }, source: 'gazetteer:places', confidence: 0.85 },
    { label: 'ORG', surface: 'التحالف', source: 'gazetteer:organisations', confidence: 0.6 },
    { label: 'CARDINAL', surface: '86', value: 86, source: 'numbers:cardinal', confidence: 0.99 },
    { label: 'GPE', surface: 'Riyadh', value: { id: 'geonames:108410', name: 'Riyadh' }, source: 'gazetteer:places', confidence: 0.8 },
  ]);
  const brief = annotate(BRIEF_TEXT, [
    { label: 'ORG', surface: 'منظمة الصحة العالمية', source: 'gazetteer:organisations', confidence: 0.9 },
    { label: 'GPE', surface: 'الموصل', source: 'gazetteer:places', confidence: 0.9 },
    { label: 'LOC', surface: 'شمال العراق', source: 'gazetteer:places', confidence: 0.7 },
    { label: 'GPE', surface: 'العراق', source: 'gazetteer:places', confidence: 0.9 },
  ]);

  writeFileSync(join(corpus, `${EMOJI_ID}.txt`), EMOJI_TEXT);
  writeFileSync(join(corpus, `${BRIEF_ID}.txt`), BRIEF_TEXT);
  const docs: [string, string, StandoffAnnotation[]][] = [
    [SAMPLE_ID, sampleText, sampleAnnotations],
    [EMOJI_ID, EMOJI_TEXT, emoji],
    [BRIEF_ID, BRIEF_TEXT, brief],
  ];
  const counts: Record<string, number> = {};
  const texts: Record<string, string> = {};
  for (const [id, text, annotations] of docs) {
    writeFileSync(join(run, `${id}.json`), serialiseStandoff(standoffOf(id, text, join(corpus, `${id}.txt`), annotations), true));
    counts[id] = annotations.length;
    texts[id] = text;
  }
  return { root, run, corpus, texts, counts };
}
