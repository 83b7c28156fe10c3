import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeHumanDecisions, reanchor } from '../../src/io/merge.js';
import type { StandoffAnnotation, StandoffDocument } from '../../src/io/standoff.js';
import { sha256Text } from '../../src/io/standoff.js';
import { SEED } from '../helpers.js';

const cp = (text: string) => Array.from(text);

/** Code point span of the `nth` (0-based) occurrence of `surface`. */
function nth(text: string, surface: string, n = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(surface, at + 1);
    if (at === -1) throw new Error(`"${surface}" occurs fewer than ${n + 1} times`);
  }
  const start = cp(text.slice(0, at)).length;
  return { start, end: start + cp(surface).length };
}

function decision(text: string, surface: string, n: number, status: StandoffAnnotation['status'], label = 'GPE', extra: Partial<StandoffAnnotation> = {}): StandoffAnnotation {
  return { id: 'T0', label, ...nth(text, surface, n), text: surface, source: 'review', confidence: 1, status, ...extra };
}

function standoff(text: string, annotations: StandoffAnnotation[], unanchored?: StandoffAnnotation[]): StandoffDocument {
  return {
    schema: 'tawsim.standoff/1',
    doc: { id: 'd', sha256: sha256Text(text), length: cp(text).length, language: null },
    pipeline: { version: '0', config_sha256: 'x', stages: [] },
    sentences: [],
    annotations,
    ...(unanchored === undefined ? {} : { unanchored }),
  };
}

const reads = (text: string, a: { start: number; end: number }) => cp(text).slice(a.start, a.end).join('');

const OLD = 'زار الوفد بغداد ثم البصرة. وفي بغداد التقى الوزير. ثم عاد إلى بغداد.';

describe('reanchor', () => {
  it('keeps the offsets when the text is the same', () => {
    const d = decision(OLD, 'بغداد', 1, 'accepted');
    expect(reanchor(d, OLD, true)).toEqual({ start: d.start, end: d.end });
  });

  it('refuses offsets that do not read the surface in the same text', () => {
    expect(reanchor({ ...decision(OLD, 'بغداد', 1, 'accepted'), text: 'البصرة' }, OLD, true)).toBeNull();
  });

  it.each([
    ['an edit after the span', OLD + ' وانتهت الزيارة.', 1, 1],
    ['a sentence inserted before it', 'عاجل: وصل وفد جديد إلى بغداد اليوم. ' + OLD, 1, 2],
    ['an emoji inserted before it (two UTF-16 units, one code point)', '😀👍🏽 ' + OLD, 1, 1],
  ])('follows %s', (_what, text, n, newN) => {
    const d = decision(OLD, 'بغداد', n, 'accepted');
    const delta = cp(text).length - cp(OLD).length;
    expect(reanchor(d, text, false, { delta })).toEqual(nth(text, 'بغداد', newN));
  });

  it('follows an insertion that brings another occurrence nearer to the old offsets', () => {
    const first = nth(OLD, 'بغداد', 0).start;
    const second = nth(OLD, 'بغداد', 1).start;
    // Long enough that the first occurrence lands nearer to the second's old place than the
    // second does: "nearest to the old offsets" alone would take the wrong one.
    const prefix = 'ا'.repeat(Math.ceil(((second - first) * 3) / 4)) + ' ';
    const text = prefix + OLD;
    const moved = nth(text, 'بغداد', 0).start;
    expect(Math.abs(moved - second)).toBeLessThan(prefix.length);
    expect(reanchor(decision(OLD, 'بغداد', 1, 'accepted'), text, false, { delta: prefix.length })).toEqual(nth(text, 'بغداد', 1));
  });

  it('takes the nearest occurrence when neither guess reads the surface', () => {
    const d = decision(OLD, 'البصرة', 0, 'accepted');
    const text = OLD.replace('زار الوفد', 'زار');
    expect(reanchor(d, text, false, { delta: 0 })).toEqual(nth(text, 'البصرة'));
  });

  it('never cuts a letter from the marks after it', () => {
    const d = decision(OLD, 'بغداد', 0, 'accepted');
    const text = OLD.replace('بغداد', 'بغدادُ');
    // The first occurrence now has a damma: the next plain one is taken instead.
    expect(reanchor(d, text, false, { delta: 1 })).toEqual(nth(text, 'بغداد', 1));
  });

  it('skips places other decisions hold', () => {
    const d = decision(OLD, 'بغداد', 0, 'accepted');
    const text = 'x' + OLD;
    const first = nth(text, 'بغداد', 0);
    expect(reanchor(d, text, false, { delta: 1, taken: (s) => s === first.start })).toEqual(nth(text, 'بغداد', 1));
  });

  it('gives up when the surface is gone', () => {
    expect(reanchor(decision(OLD, 'البصرة', 0, 'accepted'), OLD.replace('البصرة', 'الكوفة'), false, { delta: 0 })).toBeNull();
  });
});

describe('mergeHumanDecisions', () => {
  const auto = (text: string, surface: string, n: number, label = 'GPE'): StandoffAnnotation => ({ ...decision(text, surface, n, 'auto', label), source: 'gazetteer:places', confidence: 0.9 });

  it('keeps decisions over the suggestions they overlap; a rejection only hides its own suggestion', () => {
    const previous = standoff(OLD, [decision(OLD, 'بغداد', 0, 'accepted'), decision(OLD, 'البصرة', 0, 'rejected'), decision(OLD, 'الوزير', 0, 'edited', 'PERS')]);
    const next = standoff(OLD, [auto(OLD, 'بغداد', 0), auto(OLD, 'البصرة', 0), auto(OLD, 'البصرة', 0, 'LOC'), auto(OLD, 'بغداد', 1), { ...auto(OLD, 'التقى الوزير', 0), label: 'ORG' }]);
    const { merged, kept, unanchored } = mergeHumanDecisions(previous, next, OLD);
    expect([kept, unanchored]).toEqual([3, 0]);
    expect(merged.annotations.map((a) => [a.text, a.label, a.status])).toEqual([
      ['بغداد', 'GPE', 'accepted'],
      ['البصرة', 'GPE', 'rejected'],
      ['البصرة', 'LOC', 'auto'],
      ['بغداد', 'GPE', 'auto'],
      ['الوزير', 'PERS', 'edited'],
    ]);
    expect(merged.annotations.map((a) => a.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    expect(merged.unanchored).toBeUndefined();
  });

  it('lists what cannot be re-anchored, and anchors it again when the text comes back', () => {
    const previous = standoff(OLD, [decision(OLD, 'البصرة', 0, 'accepted'), decision(OLD, 'بغداد', 2, 'added')]);
    const edited = OLD.replace('ثم البصرة', 'ثم');
    const first = mergeHumanDecisions(previous, standoff(edited, []), edited);
    expect([first.kept, first.unanchored]).toEqual([1, 1]);
    expect(first.merged.unanchored).toEqual([{ ...previous.annotations[0], id: 'U1' }]);
    expect(reads(edited, first.merged.annotations[0]!)).toBe('بغداد');
    expect(first.merged.annotations[0]!.start).toBe(nth(edited, 'بغداد', 2).start);
    const back = mergeHumanDecisions(first.merged, standoff(OLD, []), OLD);
    expect([back.kept, back.unanchored]).toEqual([2, 0]);
    expect(back.merged.annotations.map((a) => [a.text, a.start])).toEqual([
      ['البصرة', nth(OLD, 'البصرة').start],
      ['بغداد', nth(OLD, 'بغداد', 2).start],
    ]);
  });

  it('does not put two decisions on one place', () => {
    const previous = standoff(OLD, [decision(OLD, 'بغداد', 0, 'accepted'), decision(OLD, 'بغداد', 1, 'accepted')]);
    const text = OLD.replace('وفي بغداد', 'وفي العاصمة');
    const { merged, kept, unanchored } = mergeHumanDecisions(previous, standoff(text, []), text);
    expect(kept + unanchored).toBe(2);
    const places = merged.annotations.map((a) => a.start);
    expect(new Set(places).size).toBe(places.length);
  });

  it('moves the suggestion an edit came from along with it', () => {
    const original = { label: 'GPE', ...nth(OLD, 'الوفد بغداد'), text: 'الوفد بغداد' };
    const previous = standoff(OLD, [decision(OLD, 'بغداد', 0, 'edited', 'GPE', { original })]);
    const text = 'مقدمة. ' + OLD;
    const { merged } = mergeHumanDecisions(previous, standoff(text, []), text);
    expect(merged.annotations[0]!.original).toEqual({ ...original, start: original.start + 7, end: original.end + 7 });
    expect(reads(text, merged.annotations[0]!.original as { start: number; end: number })).toBe('الوفد بغداد');
  });

  it('anchors every decision on its surface or lists it, whatever the edit (property)', () => {
    const words = ['بغداد', 'البصرة', 'الوزير', 'زار', '😀', 'بغدادُ', ' ', '. ', 'وفي'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.array(fc.constantFrom(...words), { maxLength: 12 }), fc.nat(), (before, after, cut) => {
        const candidates = [0, 1, 2].map((n) => decision(OLD, 'بغداد', n, 'accepted')).concat([decision(OLD, 'البصرة', 0, 'rejected'), decision(OLD, 'الوزير', 0, 'added', 'PERS')]);
        const middle = OLD.slice(0, cut % OLD.length) + OLD.slice((cut * 7) % OLD.length);
        const text = before.join('') + middle + after.join('');
        const { merged, kept, unanchored } = mergeHumanDecisions(standoff(OLD, candidates), standoff(text, []), text);
        expect(kept + unanchored).toBe(candidates.length);
        for (const a of merged.annotations) expect(reads(text, a)).toBe(a.text);
        for (const a of merged.annotations) expect(/^[\p{M}]/u.test(cp(text).slice(a.end, a.end + 1).join(''))).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
