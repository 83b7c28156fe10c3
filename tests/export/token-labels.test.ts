import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/core/document.js';
import { ExportReport, type ExportEntity } from '../../src/io/exporters/common.js';
import { conllChunks, jsonlChunks } from '../../src/io/exporters/formats.js';
import { isProcliticPrefix, procliticPieces } from '../../src/io/exporters/proclitic-prefix.js';
import { labelTokens, tagSet, type CliticPolicy, type TagScheme } from '../../src/io/exporters/token-labels.js';
import { getDefaultTokeniser } from '../../src/io/exporters/tokeniser.js';
import { parseConllLines } from '../../src/io/importers/conll.js';
import { pairInputs } from '../../src/io/importers/index.js';
import { parseRecord, ImportErrors } from '../../src/io/importers/records.js';
import type { ImportResult, TokenDocument } from '../../src/io/importers/types.js';
import { SEED, pipelineOf, run } from '../helpers.js';

const tokenise = getDefaultTokeniser();

/** An entity over the first occurrence of `surface` (after `from`) in `text`. */
function entity(text: string, surface: string, label: string, from = 0): ExportEntity {
  const start = text.indexOf(surface, from);
  if (start < 0) throw new Error(`"${surface}" not in "${text}"`);
  return { id: `T-${start}`, label, start, end: start + surface.length, text: surface, confidence: 1, status: 'auto', source: 'test' };
}

function label(text: string, entities: ExportEntity[], scheme: TagScheme = 'IOB2', clitics: CliticPolicy = 'keep', sentences: Span[] = [{ start: 0, end: text.length }]) {
  const report = new ExportReport(100);
  const out = [...labelTokens('d', text, tokenise(text), sentences, entities, { scheme, clitics }, report)].map((s) => s.tokens.map((t, i) => `${t}/${s.tags[i]}`).join(' '));
  return { out, report };
}

describe('proclitic prefixes', () => {
  const TABLE: [string, boolean, string[]][] = [
    ['و', true, ['و']],
    ['ف', true, ['ف']],
    ['ب', true, ['ب']],
    ['وب', true, ['و', 'ب']],
    ['فل', true, ['ف', 'ل']],
    ['ل', true, ['ل']],
    ['لل', true, ['لل']],
    ['ولل', true, ['و', 'لل']],
    ['وَ', true, ['وَ']], // fatha after the conjunction
    ['وـب', true, ['وـ', 'ب']], // tatweel
    ['', false, []],
    ['وو', false, ['و', 'و']],
    ['بو', false, ['ب', 'و']],
    ['ال', false, ['ال']], // not a proclitic, but one piece when it is the article on digits
    ['م', false, ['م']],
    ['w', false, ['w']],
  ];
  for (const [s, ok, pieces] of TABLE) {
    it(`"${s}"`, () => {
      expect(isProcliticPrefix(s)).toBe(ok);
      expect(procliticPieces(s).map(([a, b]) => s.slice(a, b))).toEqual(pieces);
    });
  }
});

describe('spans to token tags', () => {
  it('labels the whole token with --clitics keep, splits the proclitic off with split', () => {
    const text = 'أعلن وبغداد اليوم';
    const e = [entity(text, 'بغداد', 'GPE')];
    const keep = label(text, e);
    expect(keep.out).toEqual(['أعلن/O وبغداد/B-GPE اليوم/O']);
    expect(keep.report.widenedToToken).toBe(1);
    const split = label(text, e, 'IOB2', 'split');
    expect(split.out).toEqual(['أعلن/O و/O بغداد/B-GPE اليوم/O']);
    expect(split.report.tokensSplit).toBe(1);
    expect(label(text, e, 'BIOES').out).toEqual(['أعلن/O وبغداد/S-GPE اليوم/O']);
  });

  const TABLE: [string, string, string, TagScheme, CliticPolicy, string][] = [
    ['في الأمم المتحدة اليوم', 'الأمم المتحدة', 'ORG', 'IOB2', 'keep', 'في/O الأمم/B-ORG المتحدة/I-ORG اليوم/O'],
    ['مجلس الأمن الدولي', 'مجلس الأمن الدولي', 'ORG', 'BIOES', 'keep', 'مجلس/B-ORG الأمن/I-ORG الدولي/E-ORG'],
    ['مجلس الأمن الدولي', 'مجلس الأمن الدولي', 'ORG', 'IOB2', 'keep', 'مجلس/B-ORG الأمن/I-ORG الدولي/I-ORG'],
    ['ذهب للعراق', 'لعراق', 'GPE', 'IOB2', 'keep', 'ذهب/O للعراق/B-GPE'],
    ['ذهب للعراق', 'لعراق', 'GPE', 'IOB2', 'split', 'ذهب/O ل/O لعراق/B-GPE'],
    ['وللعراق', 'لعراق', 'GPE', 'IOB2', 'split', 'و/O ل/O لعراق/B-GPE'],
    ['وَبغداد', 'بغداد', 'GPE', 'IOB2', 'split', 'وَ/O بغداد/B-GPE'],
    ['بالعراق 😀 غدا', 'العراق', 'GPE', 'BIOES', 'split', 'ب/O العراق/S-GPE 😀/O غدا/O'],
    ['#داعش# اليوم', '#داعش', 'ORG', 'IOB2', 'keep', '#داعش/B-ORG #/O اليوم/O'],
  ];
  for (const [text, surface, lab, scheme, clitics, expected] of TABLE) {
    it(`${scheme} ${clitics}: ${text}`, () => {
      const r = label(text, [entity(text, surface, lab)], scheme, clitics);
      expect(r.out).toEqual([expected]);
      expect(r.report.problemCount).toBe(0);
      expect(r.report.written).toBe(1);
    });
  }

  const PROBLEMS: [string, string, string][] = [
    ['العراقيين هنا', 'العراق', 'ends-inside-token'],
    ['مصرف هنا', 'صرف', 'starts-inside-token'],
    ['في  بغداد', ' بغداد', 'starts-outside-token'],
    ['في بغداد ', 'بغداد ', 'ends-outside-token'],
    ['في \u200F بغداد', '\u200F', 'covers-no-token'],
  ];
  for (const [text, surface, reason] of PROBLEMS) {
    it(`reports, never shifts: ${reason}`, () => {
      const r = label(text, [entity(text, surface, 'GPE')]);
      expect(r.out.join(' ')).not.toMatch(/GPE/);
      expect([...r.report.problems]).toEqual([[reason, 1]]);
      expect(r.report.examples[0]).toMatchObject({ doc: 'd', label: 'GPE', text: surface, reason });
      expect(r.report.written).toBe(0);
    });
  }

  it('reports problem offsets in code points', () => {
    const text = '😀 العراقيين';
    const r = label(text, [entity(text, 'العراق', 'GPE')]);
    expect(r.report.examples[0]).toMatchObject({ start: 2, end: 8, token: 'العراقيين' });
  });

  it('reports a span sharing a token with another (nested input)', () => {
    const text = 'بنك الكويت الوطني';
    const r = label(text, [entity(text, 'بنك الكويت الوطني', 'ORG'), entity(text, 'الكويت', 'GPE')]);
    expect(r.out).toEqual(['بنك/B-ORG الكويت/I-ORG الوطني/I-ORG']);
    expect([...r.report.problems]).toEqual([['shares-token', 1]]);
  });

  it('keeps a span that crosses a sentence break in one sentence', () => {
    const text = 'أ ب ج د';
    const r = label(text, [entity(text, 'ب ج', 'LOC')], 'IOB2', 'keep', [{ start: 0, end: 3 }, { start: 4, end: 7 }]);
    expect(r.out).toEqual(['أ/O ب/B-LOC ج/I-LOC د/O']);
    expect(r.report.sentencesJoined).toBe(1);
    expect(label(text, [], 'IOB2', 'keep', [{ start: 0, end: 3 }, { start: 4, end: 7 }]).out).toEqual(['أ/O ب/O', 'ج/O د/O']);
  });

  it('lists the tags of a label set', () => {
    expect(tagSet(['ORG', 'GPE', 'ORG'], 'IOB2')).toEqual(['O', 'B-GPE', 'I-GPE', 'B-ORG', 'I-ORG']);
    expect(tagSet(['LOC'], 'BIOES')).toEqual(['O', 'B-LOC', 'I-LOC', 'E-LOC', 'S-LOC']);
  });
});

// ---------------------------------------------------------------------------------------
// Round trip: spans on token boundaries -> CoNLL (and Hugging Face JSONL) -> read back.

const WORDS = ['بغداد', 'العراق', 'وزير', 'الخارجية', 'مصر', 'وبغداد', 'للعراق', 'بالرياض', 'فلسطين', '2023', '1,250', '٣٫٥', '%', '😀', '👍🏽', '𝐀', 'Dr', 'e-mail', '#داعش', '«', '»', '،', '.', '؟', 'الأمم', 'المتحدة', 'وَ', 'شمال\u0640\u064E'];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\r\n', '\n\n', '\u00A0', '\t', ' \u200F'];

const document = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

const sentencePipeline = pipelineOf(['normalise', 'tokenise', 'sentences']);

/**
 * Random non-overlapping entities on token boundaries: each picked token run, in split
 * mode sometimes starting after a proclitic prefix of its first token.
 */
function randomEntities(text: string, picks: number[], afterClitic: boolean): { entities: ExportEntity[]; tokens: ReturnType<typeof tokenise> } {
  const tokens = tokenise(text);
  const entities: ExportEntity[] = [];
  let i = 0;
  let p = 0;
  while (i < tokens.count && p < picks.length) {
    const pick = picks[p++]!;
    const skip = pick % 3;
    const length = 1 + (pick % 4);
    i += skip;
    if (i >= tokens.count) break;
    const last = Math.min(tokens.count - 1, i + length - 1);
    let start = tokens.start[i]!;
    const surface = text.slice(start, tokens.end[i]);
    if (afterClitic && pick % 2 === 0) {
      for (const cut of [2, 1]) if (cut < surface.length && isProcliticPrefix(surface.slice(0, cut))) {
        start += cut;
        break;
      }
    }
    const end = tokens.end[last]!;
    entities.push({ id: `T${entities.length + 1}`, label: ['GPE', 'ORG', 'LOC'][pick % 3]!, start, end, text: text.slice(start, end), confidence: 1, status: 'auto', source: 'test' });
    i = last + 1;
  }
  return { entities, tokens };
}

async function roundTrip(text: string, picks: number[], clitics: CliticPolicy, scheme: TagScheme, format: 'conll' | 'jsonl') {
  const doc = run(sentencePipeline, text, 'doc-1');
  const { entities, tokens } = randomEntities(text, picks, clitics === 'split');
  const report = new ExportReport();
  const prepared = { id: 'doc-1', text, sentences: doc.sentences, entities };
  let imported: ImportResult;
  if (format === 'conll') {
    const out = [...conllChunks(prepared, tokens, { scheme, clitics }, report)].join('');
    imported = await parseConllLines(out.split('\n'), 'rt.conll');
  } else {
    const lines = [...jsonlChunks(prepared, tokens, { scheme, clitics, unit: 'sentence' }, report, new Set())].join('').trim().split('\n');
    const errors = new ImportErrors('rt.jsonl');
    const sentences = lines.map((l, n) => parseRecord(JSON.parse(l), `rt.jsonl:${n + 1}`, 'x', errors, new Map())!);
    const docs: TokenDocument[] = [{ kind: 'tokens', id: 'doc-1', origin: 'rt.jsonl', sentences: sentences.map((s) => ({ tokens: (s as { tokens: string[] }).tokens, tags: (s as { tags: string[] }).tags, origin: 'rt' })) }];
    imported = { path: 'rt.jsonl', format: 'jsonl', documents: docs, warnings: [] };
  }
  imported.scheme = scheme;
  expect(report.problemCount).toBe(0);
  const gold: ImportResult = { path: 'gold', format: 'json', documents: [{ kind: 'text', id: 'doc-1', text, entities: entities.map((e) => ({ start: e.start, end: e.end, label: e.label })), origin: 'gold' }], warnings: [] };
  const paired = pairInputs(gold, imported);
  expect(paired.warnings).toEqual([]);
  expect(paired.pred.get('doc-1')!.entities).toEqual(paired.gold.get('doc-1')!.entities);
}

describe('round trip through token files (fast-check, seeded)', () => {
  const picks = fc.array(fc.nat(50), { maxLength: 12 });
  for (const [clitics, scheme, format] of [
    ['keep', 'IOB2', 'conll'],
    ['keep', 'BIOES', 'conll'],
    ['split', 'IOB2', 'conll'],
    ['keep', 'IOB2', 'jsonl'],
  ] as const) {
    it(`${format}, ${scheme}, --clitics ${clitics}: the same spans come back`, async () => {
      await fc.assert(fc.asyncProperty(document, picks, (text, p) => roundTrip(text, p, clitics, scheme, format)), { seed: SEED, numRuns: 150 });
    });
  }
});

describe('the article on digits (SPEC.md: `ال50 مليون دولار` -> span `50 مليون دولار`)', () => {
  it.each([
    ['ال', true],
    ['وال', true],
    ['بال', true],
    ['وبال', true],
    ['الـ', true], // tatweel after the article (الـ25)
    ['اب', false],
    ['ل', false],
  ])('isDigitArticlePrefix(%j) = %s', async (prefix, expected) => {
    const { isDigitArticlePrefix } = await import('../../src/io/exporters/proclitic-prefix.js');
    expect(isDigitArticlePrefix(prefix)).toBe(expected);
  });

  it('keep labels the whole token; split makes the article its own O token', () => {
    const text = 'إلى ال50 مليون دولار والـ25 مليونا';
    const money = entity(text, '50 مليون دولار', 'MONEY');
    const cardinal = entity(text, '25 مليونا', 'CARDINAL');
    expect(label(text, [money, cardinal]).out).toEqual(['إلى/O ال50/B-MONEY مليون/I-MONEY دولار/I-MONEY والـ25/B-CARDINAL مليونا/I-CARDINAL']);
    expect(label(text, [money, cardinal], 'IOB2', 'split').out).toEqual([
      'إلى/O ال/O 50/B-MONEY مليون/I-MONEY دولار/I-MONEY و/O الـ/O 25/B-CARDINAL مليونا/I-CARDINAL',
    ]);
  });

  it('the article is not dropped before a word: a span inside الكتاب is still reported', () => {
    const text = 'قرأ الكتاب';
    const { out, report } = label(text, [entity(text, 'كتاب', 'ORG')]);
    expect(out).toEqual(['قرأ/O الكتاب/O']);
    expect(report.examples[0]?.reason).toBe('starts-inside-token');
  });
});
