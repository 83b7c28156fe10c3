import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetConverter } from '../../src/core/offsets.js';
import { codeUnitMap } from '../../src/review/shared/code-units.js';
import { formatConfidence, formatValue } from '../../src/review/shared/format.js';
import { edgeAtOrAfter, edgeAtOrBefore, graphemeBoundaries, isGraphemeBoundary } from '../../src/review/shared/graphemes.js';
import { resizeSpan, snapSelection, tokenBefore, tokenFrom, type SpanContext } from '../../src/review/shared/spans.js';
import { anyText, arabicishText, SEED } from '../helpers.js';

/** A span context whose tokens are the runs of non-space characters. */
function contextOf(text: string): SpanContext {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { text, graphemes: graphemeBoundaries(text), tokenStarts: Int32Array.from(starts), tokenEnds: Int32Array.from(ends) };
}

describe('code units <-> code points on the page', () => {
  it('agrees with the server-side converter on every offset (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const page = codeUnitMap(text);
        const server = offsetConverter(text);
        expect(page.identity).toBe(server.identity);
        for (let u = 0; u <= text.length; u++) expect(page.toCodePoint(u)).toBe(server.toCodePoint(u));
        const points = server.toCodePoint(text.length);
        for (let c = 0; c <= points; c++) expect(page.toUtf16(c)).toBe(server.toUtf16(c));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each([
    ['بغداد', 3, 3],
    ['😀 في', 2, 1],
    ['😀 في', 3, 2],
    ['a👨‍👩‍👧b', 9, 6],
  ])('%j: UTF-16 %i is code point %i', (text, u16, cp) => {
    expect(codeUnitMap(text).toCodePoint(u16)).toBe(cp);
    expect(codeUnitMap(text).toUtf16(cp)).toBe(u16);
  });
});

describe('grapheme clusters', () => {
  it.each([
    // text, the cluster edges
    ['رِّ', [0, 3]],
    ['الرِّياض', [0, 1, 2, 5, 6, 7, 8]],
    ['a\r\nb', [0, 1, 3, 4]],
    ['😀x', [0, 2, 3]],
    ['👍🏽', [0, 4]],
    ['🇸🇦🇸🇦', [0, 4, 8]],
    ['ب\u0640\u064Eت', [0, 1, 3, 4]], // tatweel with a fatha on it stays one cluster here
  ])('%j has edges %j', (text, edges) => {
    const table = graphemeBoundaries(text);
    const found: number[] = [];
    for (let i = 0; i <= text.length; i++) if (table[i] === 1) found.push(i);
    expect(found).toEqual(edges);
    for (let i = 0; i <= text.length; i++) expect(isGraphemeBoundary(text, i)).toBe(edges.includes(i));
  });

  it('decides an edge from a window exactly as from the whole text (property)', () => {
    fc.assert(
      fc.property(anyText, arabicishText, (a, b) => {
        const text = a + b;
        const table = graphemeBoundaries(text);
        for (let i = 0; i <= text.length; i++) expect(isGraphemeBoundary(text, i)).toBe(table[i] === 1);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('refuses offsets outside the text or not whole', () => {
    expect(isGraphemeBoundary('abc', -1)).toBe(false);
    expect(isGraphemeBoundary('abc', 4)).toBe(false);
    expect(isGraphemeBoundary('abc', 1.5)).toBe(false);
  });

  it('finds the nearest edges on either side', () => {
    const table = graphemeBoundaries('الرِّياض');
    expect(edgeAtOrBefore(table, 3)).toBe(2);
    expect(edgeAtOrAfter(table, 3)).toBe(5);
    expect(edgeAtOrBefore(table, 5)).toBe(5);
  });
});

describe('selections become spans', () => {
  const text = 'زار 😀 الرِّياض  أمس';
  const at = text.indexOf('الرِّياض');
  it.each([
    ['a whole word', at, at + 8, 'الرِّياض'],
    ['an end between a letter and its marks (snaps outwards)', at, at + 3, 'الرِّ'],
    ['a start on a mark (snaps back to its letter)', at + 3, at + 8, 'رِّياض'],
    ['spaces around the word', at - 1, at + 10, 'الرِّياض'],
    ['half an emoji', text.indexOf('😀') + 1, text.indexOf('😀') + 2, '😀'],
    ['backwards (focus before anchor)', at + 8, at, 'الرِّياض'],
  ])('%s', (_what, start, end, surface) => {
    const span = snapSelection(contextOf(text), start, end);
    expect(span === null ? null : text.slice(span.start, span.end)).toBe(surface);
  });

  it.each([
    ['only spaces', at + 8, at + 10],
    ['nothing', at, at],
  ])('gives nothing for %s', (_what, start, end) => {
    expect(snapSelection(contextOf(text), start, end)).toBeNull();
  });

  it('always ends on cluster edges without outer whitespace, covering the selection (property)', () => {
    fc.assert(
      fc.property(arabicishText, fc.nat(), fc.nat(), (t, x, y) => {
        const ctx = contextOf(t);
        const s = x % (t.length + 1);
        const e = y % (t.length + 1);
        const span = snapSelection(ctx, s, e);
        if (span === null) {
          expect(t.slice(Math.min(s, e), Math.max(s, e)).trim() === '' || s === e || /^\s*$/.test(t.slice(edgeAtOrBefore(ctx.graphemes, Math.min(s, e)), edgeAtOrAfter(ctx.graphemes, Math.max(s, e))))).toBe(true);
          return;
        }
        expect(ctx.graphemes[span.start]).toBe(1);
        expect(ctx.graphemes[span.end]).toBe(1);
        expect(/^\s|\s$/.test(t.slice(span.start, span.end))).toBe(false);
        const lo = Math.min(s, e);
        const hi = Math.max(s, e);
        // Everything selected that is not whitespace is inside the span.
        for (let i = lo; i < hi; i++) if (!/\s/.test(t[i]!)) expect(i >= span.start && i < span.end).toBe(true);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('moving an edge', () => {
  const text = 'زار وفد مدينة الموصل في شمال العراق';
  const ctx = contextOf(text);
  const mosul = { start: text.indexOf('الموصل'), end: text.indexOf('الموصل') + 'الموصل'.length };
  const read = (span: { start: number; end: number } | null) => (span === null ? null : text.slice(span.start, span.end));
  it.each([
    ['end', true, 'char', 'الموصل ف'],
    ['end', false, 'char', 'الموص'],
    ['start', true, 'char', 'ة الموصل'],
    ['start', false, 'char', 'لموصل'],
    ['end', true, 'token', 'الموصل في'],
    ['end', false, 'token', null],
    ['start', true, 'token', 'مدينة الموصل'],
    ['start', false, 'token', null],
  ] as const)('%s edge, grow=%s, by %s', (edge, grow, unit, expected) => {
    expect(read(resizeSpan(ctx, mosul, edge, grow, unit))).toBe(expected);
  });

  it('keeps marks with their letter', () => {
    const t = 'في الرِّياض اليوم';
    const c = contextOf(t);
    const span = { start: t.indexOf('ال'), end: t.indexOf('ال') + 2 };
    expect(t.slice(...Object.values(resizeSpan(c, span, 'end', true, 'char')!) as [number, number])).toBe('الرِّ');
    const whole = { start: t.indexOf('الرِّياض'), end: t.indexOf('الرِّياض') + 8 };
    const shrunk = resizeSpan(c, { ...whole, end: whole.start + 5 }, 'end', false, 'char')!;
    expect(t.slice(shrunk.start, shrunk.end)).toBe('ال');
  });

  it('stops at the ends of the text', () => {
    expect(resizeSpan(ctx, { start: 0, end: 3 }, 'start', true, 'char')).toBeNull();
    expect(resizeSpan(ctx, { start: 0, end: 3 }, 'start', true, 'token')).toBeNull();
    const last = { start: text.indexOf('العراق'), end: text.length };
    expect(resizeSpan(ctx, last, 'end', true, 'char')).toBeNull();
    expect(resizeSpan(ctx, { start: 0, end: 1 }, 'end', false, 'char')).toBeNull();
  });

  it('moves a new span token by token', () => {
    expect(read(tokenFrom(ctx, 0))).toBe('زار');
    expect(read(tokenFrom(ctx, mosul.end))).toBe('في');
    expect(read(tokenBefore(ctx, mosul.start))).toBe('مدينة');
    expect(tokenBefore(ctx, 0)).toBeNull();
    expect(tokenFrom(ctx, text.length)).toBeNull();
  });

  it('keeps every resized span on cluster edges without outer whitespace (property)', () => {
    fc.assert(
      fc.property(arabicishText, fc.nat(), fc.nat(), fc.constantFrom('start', 'end'), fc.boolean(), fc.constantFrom('char', 'token'), (t, x, y, edge, grow, unit) => {
        const c = contextOf(t);
        const first = snapSelection(c, x % (t.length + 1), y % (t.length + 1));
        if (first === null) return;
        const next = resizeSpan(c, first, edge as 'start' | 'end', grow, unit as 'char' | 'token');
        if (next === null) return;
        expect(next.start).toBeLessThan(next.end);
        expect(c.graphemes[next.start]).toBe(1);
        expect(c.graphemes[next.end]).toBe(1);
        expect(/^\s|\s$/.test(t.slice(next.start, next.end))).toBe(false);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('values as the page shows them', () => {
  it.each([
    [{ amount: 601000000, currency: 'USD' }, '601000000 USD'],
    [{ amount: 5000000, currency: null }, '5000000 ?'],
    [{ currency: 'EUR' }, 'EUR'],
    [{ id: 'geonames:98182', name: 'Baghdad' }, 'Baghdad (geonames:98182)'],
    [86, '86'],
    [null, 'null'],
    [undefined, ''],
    [[1, 2], '[1,2]'],
  ])('%j reads %j', (value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });

  it.each([
    [0.95, '0.95'],
    [1, '1.00'],
    [undefined, '\u2014'],
  ])('confidence %j reads %j', (c, shown) => {
    expect(formatConfidence(c)).toBe(shown);
  });
});
