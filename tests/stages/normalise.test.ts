import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNormaliser, normaliseOptions, normaliseText } from '../../src/stages/normalise.js';
import { SEED, anyText, arabicishText } from '../helpers.js';

const defaults = compileNormaliser(normaliseOptions.parse({}));
const view = (s: string, options = {}) => normaliseText(s, compileNormaliser(normaliseOptions.parse(options)));

describe('normalise: what each rule does', () => {
  it.each([
    ['diacritics removed', 'مُحَمَّدٌ', 'محمد'],
    ['superscript alef removed', 'هٰذا', 'هذا'],
    ['Quranic marks removed', 'الرَّحِيمِ\u06D6', 'الرحيم'],
    ['tatweel removed', 'الـــعراق', 'العراق'],
    ['alef forms folded', 'أإآٱ', 'اااا'],
    ['alef maksura folded', 'على مستوى', 'علي مستوي'],
    ['teh marbuta folded', 'مدينة', 'مدينه'],
    ['hamza carriers kept by default', 'مؤتمر رئيس', 'مؤتمر رئيس'],
    ['Persian and Urdu letters folded', 'کیہۀ', 'كيهه'],
    ['lam-alef ligature decomposed', '\uFEFB', 'لا'],
    ['presentation-form alef with hamza folds like the ordinary one', '\uFE83', 'ا'],
    ['Allah ligature decomposed', '\uFDF2', 'الله'],
    ['isolated fathatan form removed as a mark', 'كتاب\uFE70', 'كتاب'],
    ['rial sign kept as a currency symbol', '100\uFDFC', '100\uFDFC'],
    ['Arabic-Indic digits to ASCII', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Persian digits to ASCII', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['decimal and thousands separators kept', '٣٫٥ ١٬٢٥٠', '3٫5 1٬250'],
    ['zero-width and bidi controls removed', 'ب\u200Cت\u200F\u202Bس\u202C\u2067ع\u2069\uFEFF', 'بتسع'],
    ['ZWJ inside an emoji kept', '👨‍👩‍👧', '👨‍👩‍👧'],
    ['unusual spaces to U+0020', 'أ\u00A0ب\u2003ج\u202Fد', 'ا ب ج د'],
    ['line separators to LF', 'أ\u2028ب\u2029ج', 'ا\nب\nج'],
    ['CRLF untouched', 'أ\r\nب', 'ا\r\nب'],
    ['Latin untouched', 'ISIS Riyadh', 'ISIS Riyadh'],
    ['a lone surrogate in a normalised view is U+FFFD, pairs are kept', 'أ\uDC00😀\uD800', 'ا\uFFFD😀\uFFFD'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseText(input, defaults).text).toBe(expected);
  });

  it.each([
    ['diacritics', { diacritics: false }, 'مُحَمَّد', 'مُحَمَّد'],
    ['tatweel', { tatweel: false }, 'الـعراق', 'الـعراق'],
    ['alef', { alef: false }, 'أحمد', 'أحمد'],
    ['alefMaksura', { alefMaksura: false }, 'على', 'على'],
    ['tehMarbuta', { tehMarbuta: false }, 'مدينة', 'مدينة'],
    ['hamzaCarriers on', { hamzaCarriers: true }, 'مؤتمر رئيس', 'موتمر رييس'],
    ['persianLetters', { persianLetters: false }, 'کی', 'کی'],
    ['presentationForms', { presentationForms: false }, '\uFEFB', '\uFEFB'],
    ['digits', { digits: false }, '١٢', '١٢'],
    ['invisibleControls', { invisibleControls: false }, 'ب\u200Fت', 'ب\u200Fت'],
    ['spaces', { spaces: false }, 'ب\u00A0ت', 'ب\u00A0ت'],
  ])('switch %s off', (_name, options, input, expected) => {
    expect(view(input, options).text).toBe(expected);
  });
});

describe('normalise: the map back to the original', () => {
  it('is the identity (no arrays) when only one-for-one folding happened', () => {
    const v = normaliseText('أحمد في مدينة ٣', defaults);
    expect(v.isIdentity).toBe(true);
    expect(v.text).toBe('احمد في مدينه 3');
  });

  it('glues removed diacritics and tatweel to the letter before them', () => {
    const original = 'بِـنت';
    const v = normaliseText(original, defaults);
    expect(v.text).toBe('بنت');
    // ب covers ب + kasra + tatweel
    expect(v.toOriginal(0, 1)).toEqual({ start: 0, end: 3 });
    expect(v.toOriginal(1, 3)).toEqual({ start: 3, end: 5 });
  });

  it('gives removed controls to no unit', () => {
    const original = 'ب\u200Fت';
    const v = normaliseText(original, defaults);
    expect(v.text).toBe('بت');
    expect(v.toOriginal(0, 1)).toEqual({ start: 0, end: 1 });
    expect(v.toOriginal(1, 2)).toEqual({ start: 2, end: 3 });
  });

  it('maps both halves of an expanded ligature to the whole ligature', () => {
    const original = 'x\uFEFBy';
    const v = normaliseText(original, defaults);
    expect(v.text).toBe('xلاy');
    expect(v.toOriginal(1, 2)).toEqual({ start: 1, end: 2 });
    expect(v.toOriginal(2, 3)).toEqual({ start: 1, end: 2 });
    expect(v.toOriginal(1, 3)).toEqual({ start: 1, end: 2 });
  });

  it('fromOriginal inverts originalStart', () => {
    const v = normaliseText('\u200Fبَ\uFEFBت', defaults);
    for (let u = 0; u < v.text.length; u++) expect(v.fromOriginal(v.originalStart(u))).toBeLessThanOrEqual(u);
  });

  it('property: monotonic, inside the original, each unit folds from its own source', () => {
    fc.assert(
      fc.property(fc.oneof(arabicishText, anyText), (original) => {
        const v = normaliseText(original, defaults);
        let prevStart = 0;
        for (let u = 0; u < v.text.length; u++) {
          const { start, end } = v.toOriginal(u, u + 1);
          expect(start).toBeGreaterThanOrEqual(prevStart);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(original.length);
          prevStart = start;
          // The source range, normalised on its own, contains this view unit.
          const alone = normaliseText(original.slice(start, end), defaults).text;
          const unit = v.text.charCodeAt(u);
          const surrogate = (unit >= 0xd800 && unit <= 0xdfff) || unit === 0x200d; // context-dependent units
          if (!v.isIdentity && !surrogate) expect(alone.includes(v.text[u]!) || v.text[u] === '\uFFFD').toBe(true);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('property: normalising is idempotent', () => {
    fc.assert(
      fc.property(arabicishText, (original) => {
        const once = normaliseText(original, defaults).text;
        expect(normaliseText(once, defaults).text).toBe(once);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('property: the view\'s code units are its text\'s, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(arabicishText, anyText, fc.constant('بِـنت \uD800 ت'), fc.constant('\uDC00ب')), (original) => {
        const v = normaliseText(original, defaults);
        expect(Array.from(v.units)).toEqual(Array.from({ length: v.text.length }, (_, k) => v.text.charCodeAt(k)));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
