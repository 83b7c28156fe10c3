/**
 * Offsets of dates under random decoration: diacritics and tatweel inside the words, a
 * proclitic on the first word, emoji, bidi controls, no-break spaces, CRLF and marks
 * around. Every DATE must be an exact slice of the original text that starts on a letter
 * or a digit (never on a proclitic or a mark), and the expression must still be found,
 * whole, with the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/core/document.js';
import { checkDocument } from '../../src/core/invariants.js';
import { SEED, decoratedWord } from '../helpers.js';
import { datesPipeline } from './tag.js';

const pipeline = datesPipeline({}, true);

/** Expressions as words, their value, and whether a proclitic may be glued to the first word. */
const EXPRESSIONS: [string[], unknown, boolean][] = [
  [['8', 'يونيو', '2023'], '2023-06-08', true],
  [['٨', 'حزيران/يونيو', '٢٠٢٣'], '2023-06-08', true],
  [['الثامن', 'من', 'يونيو'], 'XXXX-06-08', false],
  [['التاسع', 'عشر', 'من', 'شهر', 'مايو'], 'XXXX-05-19', false],
  [['مارس/', '2023'], '2023-03', false],
  [['آذار', '2023'], '2023-03', true],
  [['كانون', 'الثاني', '1946'], '1946-01', true],
  [['عام', '2018'], '2018', true],
  [['العام', '2014'], '2014', false],
  [['سنة', '1990'], '1990', true],
  [['عام', '2023م'], '2023', true],
  [['1445هـ'], { calendar: 'islamic', year: 1445 }, true],
  [['21', 'من', 'رمضان', '1445', 'هـ'], { calendar: 'islamic', year: 1445, month: 9, day: 21 }, true],
  [['8-06-', '2023'], '2023-06-08', true],
  [['8/6/2023'], '2023-06-08', true],
  [['2023-06-08'], '2023-06-08', false],
  [['الخميس', '8', 'يونيو'], 'XXXX-06-08', false],
  [['يوم', 'الخميس', '8', 'يونيو', '2023'], '2023-06-08', true],
  [['القرن', 'العشرين'], '19', false],
  [['الثمانينيات'], '198', false],
  [['عامي', '2000', 'و2001'], '{2000,2001}', true],
  [['عام2006'], '2006', true],
  [['العامين1987', 'و1988'], '{1987,1988}', false],
  [['500', 'ق.م'], '-0499', true],
  [['شهر', 'مارس', 'الماضي'], 'XXXX-03', true],
];

const BEFORE = ['قال', 'الوزير', 'إن', 'هناك', 'اجتمعوا', '😀', '👨‍👩‍👧', '🇸🇦', '\u064E', '\u0640', '\u200F', '\u00A0', '\r\n', '،', '«', '(', 'x', ':'];
const AFTER = ['فقط', 'قال', '.', '،', '😀', '\u064E', '\u0640', '»', ')', '\r\n', 'x', '\u200F'];
const ARABIC_DIGIT_OR_SIGN = /[\u0660-\u0669\u060C]/u;

/** A word with random marks after its Arabic letters (never before the first, never after digits or ،). */
const decorated = (word: string) => decoratedWord(word, (c) => !ARABIC_DIGIT_OR_SIGN.test(c));

const sample = fc
  .record({
    expression: fc.constantFrom(...EXPRESSIONS),
    before: fc.array(fc.constantFrom(...BEFORE), { maxLength: 5 }),
    after: fc.array(fc.constantFrom(...AFTER), { maxLength: 4 }),
    proclitic: fc.constantFrom('', '', 'و', 'ف', 'ب', 'ل', 'وب'),
  })
  .chain(({ expression, before, after, proclitic }) =>
    fc.tuple(...expression[0].map(decorated)).map((words) => {
      const surface = words.join(' ');
      const clitic = expression[2] ? proclitic : '';
      const head = before.join(' ');
      const text = `${head}${head === '' ? '' : ' '}${clitic}${surface} ${after.join(' ')}`;
      const start = head.length + (head === '' ? 0 : 1) + clitic.length;
      return { text, start, surface, value: expression[1] };
    }),
  );

describe('dates: offsets', () => {
  it('property: decorated dates keep their span and value; every span is a clean slice', () => {
    fc.assert(
      fc.property(sample, ({ text, start, surface, value }) => {
        const doc = new Doc('p', text);
        expect(pipeline.process(doc).ok).toBe(true);
        checkDocument(doc);
        const ours = doc.annotations.filter((a) => a.label === 'DATE');
        for (const a of ours) {
          const slice = text.slice(a.start, a.end);
          expect(slice.length).toBe(a.end - a.start);
          expect(slice).toMatch(/^[\p{L}\p{N}]/u);
          expect(slice).not.toMatch(/^[\u064B-\u065F\u0640\u200F\s]/u);
          expect(slice).not.toMatch(/\s$/u);
        }
        const found = ours.find((a) => a.start === start);
        expect(found, `DATE at ${start} in ${JSON.stringify(text)}: ${JSON.stringify(ours.map((a) => text.slice(a.start, a.end)))}`).toBeDefined();
        const got = text.slice(found!.start, found!.end);
        expect(got.startsWith(surface)).toBe(true);
        expect(got.slice(surface.length)).toMatch(/^[\u064B-\u065F\u0640]*$/u);
        expect(found!.value).toEqual(value);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('property: any text (random Unicode, lone surrogates, CRLF) gives clean DATE spans', () => {
    const pieces = ['8', '٢٠٢٣', '2023', 'يونيو', 'حزيران', '/', '-', 'عام', 'العام', 'وفي', 'من', 'الثامن', 'هـ', 'م', 'ق.م', 'القرن', 'العشرين', '\u0651', '\u0640', '\r\n', ' ', '😀', '\uD800', '(', ')', '«', '»', '.', '،'];
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const doc = new Doc('p', t);
        expect(pipeline.process(doc).ok).toBe(true);
        checkDocument(doc);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
