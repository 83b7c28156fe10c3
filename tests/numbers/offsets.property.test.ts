/**
 * Offsets of numbers and money under random decoration: diacritics and tatweel inside the
 * words, proclitics on them, emoji, controls, CRLF and marks in the text before and after.
 * Every annotation must be an exact slice of the original text that starts on a letter,
 * a digit or a sign (never on a mark), and the expression must still be found, whole,
 * with the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/core/document.js';
import { checkDocument } from '../../src/core/invariants.js';
import { SEED, decoratedWord } from '../helpers.js';
import { LABELS, numbersPipeline } from './tag.js';

const pipeline = numbersPipeline({}, {}, true);

/** Expressions as words, with the label and value they must keep. */
const EXPRESSIONS: [string[], string, unknown][] = [
  [['ثلاثة', 'آلاف', 'وخمسمائة'], 'CARDINAL', 3500],
  [['مائتان', 'وخمسون'], 'CARDINAL', 250],
  [['ثلاث', 'مائة'], 'CARDINAL', 300],
  [['نصف', 'مليون'], 'CARDINAL', 500000],
  [['مليون', 'ونصف'], 'CARDINAL', 1500000],
  [['ألفين'], 'CARDINAL', 2000],
  [['خمسة', 'وعشرون'], 'CARDINAL', 25],
  [['148,7', 'مليون'], 'CARDINAL', 148700000],
  [['١٠', 'آلاف'], 'CARDINAL', 10000],
  [['الثانية', 'عشرة'], 'ORDINAL', 12],
  [['الحادي', 'والعشرين'], 'ORDINAL', 21],
  [['ثانيا'], 'ORDINAL', 2],
  [['25%'], 'PERCENT', 25],
  [['١٢', 'في', 'المئة'], 'PERCENT', 12],
  [['601', 'مليون', 'دولار'], 'MONEY', { amount: 601000000, currency: 'USD' }],
  [['خمسة', 'ملايين', 'دينار', 'كويتي'], 'MONEY', { amount: 5000000, currency: 'KWD' }],
  [['$4,500'], 'MONEY', { amount: 4500, currency: 'USD' }],
  [['الدولار', 'الأمريكي'], 'CURR', { currency: 'USD' }],
];

const BEFORE = ['قال', 'الوزير', 'إن', 'هناك', 'جمع', 'نحو', '😀', '👨‍👩‍👧', '🇸🇦', '\u064E', '\u0640', '\u200F', '\u00A0', '\r\n', '،', '«', '(', 'x', '.'];
const AFTER = ['للمناطق', 'فقط', '.', '،', '😀', '\u064E', '\u0640', '»', ')', '\r\n', 'x'];
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** A word with random marks after its Arabic characters (never before the first, never after ،). */
const decorated = (word: string) => decoratedWord(word, (c) => c !== '،');

const sample = fc
  .record({
    expression: fc.constantFrom(...EXPRESSIONS),
    before: fc.array(fc.constantFrom(...BEFORE), { maxLength: 5 }),
    after: fc.array(fc.constantFrom(...AFTER), { maxLength: 4 }),
    proclitic: fc.constantFrom('', '', 'و', 'ب', 'وب', 'ف'),
  })
  .chain(({ expression, before, after, proclitic }) =>
    fc.tuple(...expression[0].map(decorated)).map((words) => {
      const surface = words.join(' ');
      // A proclitic only on an Arabic word (و$ is not a thing).
      const clitic = ARABIC_LETTER.test(surface.charAt(0)) && !surface.startsWith('ال') ? proclitic : '';
      const head = before.join(' ');
      const text = `${head}${head === '' ? '' : ' '}${clitic}${surface} ${after.join(' ')}`;
      const start = head.length + (head === '' ? 0 : 1) + clitic.length;
      return { text, start, surface, label: expression[1], value: expression[2] };
    }),
  );

describe('numbers and money: offsets', () => {
  it('property: decorated expressions keep their span and value; every span is a clean slice', () => {
    fc.assert(
      fc.property(sample, ({ text, start, surface, label, value }) => {
        const doc = new Doc('p', text);
        const result = pipeline.process(doc);
        expect(result.ok).toBe(true);
        checkDocument(doc);
        const ours = doc.annotations.filter((a) => LABELS.has(a.label));
        for (const a of ours) {
          expect(text.slice(a.start, a.end)).toBe(a.text ?? text.slice(a.start, a.end));
          expect(text.slice(a.start, a.start + 1)).toMatch(/^[\p{L}\p{N}\p{Sc}%٪]/u);
          expect(text.slice(a.end - 1, a.end)).not.toMatch(/^\s/u);
        }
        // The expression is found whole, with its value (trailing marks glue to it).
        const found = ours.find((a) => a.label === label && a.start === start);
        expect(found, `${label} at ${start} in ${JSON.stringify(text)}`).toBeDefined();
        const got = text.slice(found!.start, found!.end);
        expect(got.startsWith(surface)).toBe(true);
        expect(got.slice(surface.length)).toMatch(/^[\u064B-\u065F\u0640]*$/u);
        expect(found!.value).toEqual(value);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('property: random strings of digits, separators, number words and marks never break an offset', () => {
    const pieces = ['1', '٢', '۳', '0', ',', '.', '٫', '٬', 'ر', '%', '٪', '$', '€', '-', '/', ':', ' ', '\n', 'و', 'ب', 'ال', 'ـ', '\u064E', '\u0651', 'ثلاثة', 'آلاف', 'مليون', 'ونصف', 'دولار', 'الأول', 'عشر', 'في', 'المئة', 'عام', 'رقم', '😀', '\u200F', '[', ']', 'USD'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const doc = new Doc('r', text);
        expect(pipeline.process(doc).ok).toBe(true);
        checkDocument(doc);
        for (const a of doc.annotations) {
          if (!LABELS.has(a.label)) continue;
          expect(text.slice(a.start, a.start + 1)).toMatch(/^[\p{L}\p{N}\p{Sc}%٪]/u);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
