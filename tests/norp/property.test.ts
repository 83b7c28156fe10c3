import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/core/document.js';
import { checkDocument } from '../../src/core/invariants.js';
import { SEED } from '../helpers.js';
import { MARK_OR_TATWEEL, defaultPipeline } from '../persons/helpers.js';

const pipeline = defaultPipeline();

const NOUNS = ['العراقيون', 'السوريين', 'الأكراد', 'الشيعة', 'المسلمون', 'الأفارقة'];
const CLITICS = ['', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'ول'];
const AROUND = ['', ' ', '\r\n', '😀', ' 👍🏽 ', '\u200F', '«', '»', '،'];
const MARKS = ['', '\u064E', '\u0651', '\u0650', '\u0640', '\u064B']; // none, fatha, shadda, kasra, tatweel, fathatan

describe('NORP: offsets of plural nisbas with proclitics, marks and noise around', () => {
  it('the span is the nisba after its proclitics (after the first lam of لل), a slice of the text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AROUND),
        fc.constantFrom(...CLITICS),
        fc.constantFrom(...NOUNS),
        fc.constantFrom(...MARKS),
        fc.nat(5),
        fc.constantFrom(...AROUND),
        (before, c, noun, mark, at, after) => {
          // ل before ال is written لل; a mark goes after one letter of the nisba (never the first).
          const glued = c.endsWith('ل') ? noun.slice(1) : noun;
          const k = 1 + (at % (glued.length - 1));
          const word = glued.slice(0, k) + mark + glued.slice(k);
          const prefix = `قال ${before}`;
          const t = `${prefix}${c}${word}${after} أمس`;
          const doc = new Doc('n', t);
          expect(pipeline.process(doc).ok).toBe(true);
          doc.annotations = doc.annotations.map((a) => ({ ...a, text: t.slice(a.start, a.end) }));
          checkDocument(doc);
          const norp = doc.annotations.filter((a) => a.label === 'NORP');
          expect(norp.length).toBe(1);
          const a = norp[0]!;
          expect(MARK_OR_TATWEEL.test(a.text as string)).toBe(false);
          expect(a.start).toBe(prefix.length + c.length);
          expect(a.text).toBe(word);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
