import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/core/invariants.js';
import { SEED, anyText, arabicishText, pipelineOf, run } from '../helpers.js';

const pipeline = pipelineOf(['normalise', 'tokenise', 'sentences']);
const sentences = (text: string) => run(pipeline, text).sentences.map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it.each([
    ['full stop, question marks and exclamation', 'جاء. هل جاء؟ نعم! حسنا?', ['جاء.', 'هل جاء؟', 'نعم!', 'حسنا?']],
    ['a headline without a stop is a sentence', 'عنوان الخبر\nنص الخبر.', ['عنوان الخبر', 'نص الخبر.']],
    ['CRLF line breaks', 'سطر أول\r\nسطر ثان', ['سطر أول', 'سطر ثان']],
    ['blank lines and leading spaces', '\n\n  أول.  \n\n ثان.\n', ['أول.', 'ثان.']],
    ['no split inside numbers', 'بلغ 148,7 مليون و1.4 مليار و٣٫٥ نقطة.', ['بلغ 148,7 مليون و1.4 مليار و٣٫٥ نقطة.']],
    ['no split after an initial', 'قال أنتوني ج. بلينكن إن الوضع صعب.', ['قال أنتوني ج. بلينكن إن الوضع صعب.']],
    ['no split after د.', 'قال د. محمد إن الوضع صعب.', ['قال د. محمد إن الوضع صعب.']],
    ['no split inside أ.د.', 'حاضر أ.د. علي اليوم.', ['حاضر أ.د. علي اليوم.']],
    ['no split after a Latin abbreviation', 'met Dr. Smith today. Then left.', ['met Dr. Smith today.', 'Then left.']],
    ['closing quotes and brackets stay with the sentence', 'قال: «انتهى الأمر.» ثم غادر.', ['قال: «انتهى الأمر.»', 'ثم غادر.']],
    ['closing bracket after the stop', '(وهذا مهم.) ثم ماذا؟', ['(وهذا مهم.)', 'ثم ماذا؟']],
    ['a stop with no space still splits', 'يعمل فيه.نهاية النص.', ['يعمل فيه.', 'نهاية النص.']],
    ['ellipsis splits', 'شكرا… شكرا للمملكة.', ['شكرا…', 'شكرا للمملكة.']],
    ['an ellipsis after a space opens the next sentence', 'الأخيرة. … مزارعين في كمين.', ['الأخيرة.', '… مزارعين في كمين.']],
    ['repeated terminators stay together', 'حقا؟! نعم...', ['حقا؟!', 'نعم...']],
    ['footnote mark after the stop', 'أنحاء العالم.[1]', ['أنحاء العالم.[1]']],
    ['Urdu full stop', 'یہ ہے۔ وہ ہے۔', ['یہ ہے۔', 'وہ ہے۔']],
    ['a URL does not split', 'زوروا www.example.com اليوم.', ['زوروا www.example.com اليوم.']],
  ])('%s', (_name, input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });

  it('splits the sample as checked by eye (fixture)', () => {
    const text = readFileSync('corpus/000_2af77db84c8b7592.txt', 'utf8');
    const expected = readFileSync('tests/fixtures/sample-sentences.tsv', 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    const got = run(pipeline, text).sentences;
    expect(got.map((s) => [String(s.start), String(s.end), text.slice(s.start, s.end)])).toEqual(expected);
  });

  it('property: sentences are ordered spans made of whole tokens', () => {
    fc.assert(
      fc.property(fc.oneof(arabicishText, anyText), (text) => {
        const doc = run(pipeline, text);
        checkDocument(doc);
        const t = doc.tokens!;
        const starts = new Set(Array.from(t.start.subarray(0, t.count)));
        const ends = new Set(Array.from(t.end.subarray(0, t.count)));
        for (const s of doc.sentences) {
          expect(starts.has(s.start)).toBe(true);
          expect(ends.has(s.end)).toBe(true);
        }
        // Every token is in exactly one sentence.
        let k = 0;
        for (let i = 0; i < t.count; i++) {
          while (k < doc.sentences.length && doc.sentences[k]!.end <= t.start[i]!) k++;
          expect(k).toBeLessThan(doc.sentences.length);
          expect(doc.sentences[k]!.start).toBeLessThanOrEqual(t.start[i]!);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
