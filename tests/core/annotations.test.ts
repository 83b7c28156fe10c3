import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAnnotations, resolveAnnotations, sortAnnotations } from '../../src/core/annotations.js';
import type { Annotation } from '../../src/core/document.js';

const a = (label: string, start: number, end: number, confidence = 1): Annotation => ({ label, start, end, source: 't', confidence, status: 'auto' });
const spans = (list: Annotation[]) => list.map((x) => `${x.label}:${x.start}-${x.end}`);

describe('resolving annotations', () => {
  const money = [a('CARDINAL', 0, 9), a('MONEY', 0, 15), a('CURR', 10, 15), a('GPE', 20, 25)];

  it('keeps the outermost spans by default', () => {
    expect(spans(resolveAnnotations(money, { nested: false, labels: {} }))).toEqual(['MONEY:0-15', 'GPE:20-25']);
  });

  it('keeps inner spans too when nested', () => {
    expect(spans(resolveAnnotations(money, { nested: true, labels: {} }))).toEqual(['MONEY:0-15', 'CARDINAL:0-9', 'CURR:10-15', 'GPE:20-25']);
  });

  it('of two crossing spans keeps the longer, then the more confident', () => {
    expect(spans(resolveAnnotations([a('ORG', 0, 10), a('GPE', 5, 20)], { nested: false, labels: {} }))).toEqual(['GPE:5-20']);
    expect(spans(resolveAnnotations([a('ORG', 0, 10, 0.6), a('GPE', 5, 15, 0.9)], { nested: false, labels: {} }))).toEqual(['GPE:5-15']);
  });

  it('deduplicates identical spans, keeping the more confident', () => {
    const out = resolveAnnotations([a('GPE', 0, 5, 0.5), a('GPE', 0, 5, 0.9)], { nested: false, labels: {} });
    expect(out).toHaveLength(1);
    expect(out[0]!.confidence).toBe(0.9);
  });

  it('maps labels and drops a label mapped to ""', () => {
    expect(spans(resolveAnnotations([a('GPE', 0, 5), a('CARDINAL', 6, 8)], { nested: false, labels: { GPE: 'LOC', CARDINAL: '' } }))).toEqual(['LOC:0-5']);
  });

  it('touching spans do not overlap', () => {
    expect(spans(resolveAnnotations([a('GPE', 0, 5), a('GPE', 5, 9)], { nested: false, labels: {} }))).toEqual(['GPE:0-5', 'GPE:5-9']);
  });
});

describe('sorting annotations', () => {
  // Small offsets and few labels, so ties (kept in input order) are common.
  const annotation = fc.record({ label: fc.constantFrom('GPE', 'ORG', 'PERS'), start: fc.nat(12), length: fc.integer({ min: 1, max: 4 }), confidence: fc.nat(3) });
  const lists = fc.array(annotation, { maxLength: 60 }).map((xs) => xs.map((x) => a(x.label, x.start, x.start + x.length, x.confidence)));

  it('orders as the built-in stable sort does, ties in input order', () => {
    fc.assert(
      fc.property(lists, (list) => {
        const expected = [...list].sort(compareAnnotations);
        const sorted = [...list];
        sortAnnotations(sorted);
        // Same objects in the same order (ties are told apart by identity).
        expect(sorted.every((x, i) => x === expected[i])).toBe(true);
      }),
    );
  });

  it('sorts a list made of sorted runs, as stages append them', () => {
    fc.assert(
      fc.property(fc.array(lists, { maxLength: 6 }), (runs) => {
        const list = runs.flatMap((run) => [...run].sort(compareAnnotations));
        const expected = [...list].sort(compareAnnotations);
        sortAnnotations(list);
        expect(list.every((x, i) => x === expected[i])).toBe(true);
      }),
    );
  });
});
