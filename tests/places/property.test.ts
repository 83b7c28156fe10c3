import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/core/document.js';
import { checkDocument } from '../../src/core/invariants.js';
import { PROCLITIC_STACKS, SEED, decorate } from '../helpers.js';
import { fixturePipeline } from './helpers.js';

const pipeline = fixturePipeline({ fuzzy: { annotate: true } }, {}, true);

/** Names from the fixture gazetteers, and what may be glued before them. */
const NAMES = ['العراق', 'سوريا', 'بغداد', 'أفريقيا', 'المملكة العربية السعودية', 'داعش', 'الأمم المتحدة', 'جنوب أفريقيا', 'شمال شرق سوريا', 'الحكومة العراقية'];
const NOISE = ['', ' ', '\r\n', '\n', '، ', ' 😀 ', '👨‍👩‍👧', '\u200F', ' (', ') ', '«', '»', ' Riyadh ', '#', '.', '\u00A0'];
const WORDS = ['في', 'قال', 'مصرف', 'العراقية', 'الساحل', 'منطقة', 'مدينة', 'كبيرة', 'شمال', 'وزارة', 'الخارجية', 'طاجكستان', 'عمان', '2023', 'ISIS'];

interface Piece {
  text: string;
  /** Where a planted name starts inside the piece (after its proclitics), or -1. */
  nameAt: number;
}

/** A name with proclitics glued on; ل before ال is written لل, as Arabic does. */
const planted = fc.tuple(fc.constantFrom(...PROCLITIC_STACKS), fc.constantFrom(...NAMES), fc.array(fc.nat(20), { minLength: 1, maxLength: 6 })).map(([c, n, picks]): Piece => {
  const name = c.endsWith('ل') && n.startsWith('ال') ? n.slice(1) : n;
  return { text: c + decorate(name, picks), nameAt: c.length };
});
const piece = fc.oneof(planted, fc.constantFrom(...WORDS, ...NOISE).map((t): Piece => ({ text: t, nameAt: -1 })));
const text = fc.array(piece, { maxLength: 25 }).map((parts) => {
  let t = '';
  const names: { start: number; end: number; clitics: number }[] = [];
  for (const p of parts) {
    if (t !== '') t += ' ';
    if (p.nameAt >= 0) names.push({ start: t.length + p.nameAt, end: t.length + p.text.length, clitics: t.length });
    t += p.text;
  }
  return { t, names };
});

const MARK_OR_TATWEEL = /^[\p{M}\u0640]/u;

describe('places and organisations: the offset contract holds on random text', () => {
  it('every annotation is a slice of the text, never opening on a mark or a proclitic', () => {
    fc.assert(
      fc.property(text, ({ t, names }) => {
        const doc = new Doc('p', t);
        const r = pipeline.process(doc);
        expect(r.ok).toBe(true);
        doc.annotations = doc.annotations.map((a) => ({ ...a, text: t.slice(a.start, a.end) }));
        checkDocument(doc); // slices equal surfaces, no mark opens a span, no split pair
        for (const a of doc.annotations) {
          expect(t.slice(a.start, a.end)).toBe(a.text);
          expect(MARK_OR_TATWEEL.test(a.text as string)).toBe(false);
          // A span never takes in the proclitics glued to a planted name.
          for (const n of names) {
            if (n.start > n.clitics && a.start < n.start && a.end > n.clitics && a.start >= n.clitics) {
              throw new Error(`"${String(a.text)}" starts inside the proclitics of "${t.slice(n.clitics, n.end)}"`);
            }
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
