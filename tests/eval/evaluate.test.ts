import { describe, expect, it } from 'vitest';
import { evaluate, labelTransform, valuesEqual, type EvalOptions, type EvalResult } from '../../src/eval/evaluate.js';
import { MODES, alignMode, overlappingPairs, type Mention, type Mode } from '../../src/eval/match.js';
import type { EvalEntity, TextDocument } from '../../src/io/importers/types.js';

const TEXT = 'x'.repeat(100);

function doc(id: string, entities: EvalEntity[], text = TEXT): TextDocument {
  return { kind: 'text', id, text, entities, origin: 'test' };
}

const e = (start: number, end: number, label: string, value?: unknown): EvalEntity => (value === undefined ? { start, end, label } : { start, end, label, value });

/** One document of gold and predictions. */
function score(gold: EvalEntity[], pred: EvalEntity[], options: EvalOptions = {}, text = TEXT): EvalResult {
  return evaluate(new Map([['d', doc('d', gold, text)]]), new Map([['d', doc('d', pred, text)]]), options);
}

type Expected = { cor: number; inc: number; par: number; mis: number; spu: number; p: number | null; r: number | null; f1: number | null };
const x = (cor: number, inc: number, par: number, mis: number, spu: number, p: number | null, r: number | null, f1: number | null): Expected => ({ cor, inc, par, mis, spu, p, r, f1 });

/**
 * Hand-computed: gold, predictions, then per mode COR INC PAR MIS SPU and micro P R F1.
 * partial credit: P = (COR + 0.5 PAR) / predicted, R = (COR + 0.5 PAR) / gold.
 */
const CASES: [string, EvalEntity[], EvalEntity[], Record<Mode, Expected>][] = [
  ['identical', [e(0, 5, 'LOC')], [e(0, 5, 'LOC')], { strict: x(1, 0, 0, 0, 0, 1, 1, 1), exact: x(1, 0, 0, 0, 0, 1, 1, 1), partial: x(1, 0, 0, 0, 0, 1, 1, 1), type: x(1, 0, 0, 0, 0, 1, 1, 1) }],
  ['same span, wrong label', [e(0, 5, 'LOC')], [e(0, 5, 'ORG')], { strict: x(0, 1, 0, 0, 0, 0, 0, 0), exact: x(1, 0, 0, 0, 0, 1, 1, 1), partial: x(1, 0, 0, 0, 0, 1, 1, 1), type: x(0, 1, 0, 0, 0, 0, 0, 0) }],
  ['overlap, same label', [e(0, 5, 'LOC')], [e(0, 3, 'LOC')], { strict: x(0, 1, 0, 0, 0, 0, 0, 0), exact: x(0, 1, 0, 0, 0, 0, 0, 0), partial: x(0, 0, 1, 0, 0, 0.5, 0.5, 0.5), type: x(1, 0, 0, 0, 0, 1, 1, 1) }],
  ['overlap, wrong label', [e(0, 5, 'LOC')], [e(2, 8, 'ORG')], { strict: x(0, 1, 0, 0, 0, 0, 0, 0), exact: x(0, 1, 0, 0, 0, 0, 0, 0), partial: x(0, 0, 1, 0, 0, 0.5, 0.5, 0.5), type: x(0, 1, 0, 0, 0, 0, 0, 0) }],
  // nervaluate 1.1.0 reads ends as inclusive and would pair these; they share no character.
  ['adjacent spans do not overlap', [e(0, 5, 'LOC')], [e(5, 9, 'LOC')], { strict: x(0, 0, 0, 1, 1, 0, 0, 0), exact: x(0, 0, 0, 1, 1, 0, 0, 0), partial: x(0, 0, 0, 1, 1, 0, 0, 0), type: x(0, 0, 0, 1, 1, 0, 0, 0) }],
  ['one hit, one miss, one spurious', [e(0, 5, 'LOC'), e(10, 15, 'ORG')], [e(0, 5, 'LOC'), e(20, 25, 'PERS')], { strict: x(1, 0, 0, 1, 1, 0.5, 0.5, 0.5), exact: x(1, 0, 0, 1, 1, 0.5, 0.5, 0.5), partial: x(1, 0, 0, 1, 1, 0.5, 0.5, 0.5), type: x(1, 0, 0, 1, 1, 0.5, 0.5, 0.5) }],
  // One gold split in two predictions: the larger overlap is paired, the other is spurious.
  ['one gold, two predictions inside', [e(0, 10, 'LOC')], [e(0, 4, 'LOC'), e(5, 10, 'LOC')], { strict: x(0, 1, 0, 0, 1, 0, 0, 0), exact: x(0, 1, 0, 0, 1, 0, 0, 0), partial: x(0, 0, 1, 0, 1, 0.25, 0.5, 1 / 3), type: x(1, 0, 0, 0, 1, 0.5, 1, 2 / 3) }],
  ['two gold, one prediction over both', [e(0, 4, 'LOC'), e(5, 10, 'LOC')], [e(0, 10, 'LOC')], { strict: x(0, 1, 0, 1, 0, 0, 0, 0), exact: x(0, 1, 0, 1, 0, 0, 0, 0), partial: x(0, 0, 1, 1, 0, 0.5, 0.25, 1 / 3), type: x(1, 0, 0, 1, 0, 1, 0.5, 2 / 3) }],
  ['nothing predicted', [e(0, 5, 'LOC')], [], { strict: x(0, 0, 0, 1, 0, null, 0, 0), exact: x(0, 0, 0, 1, 0, null, 0, 0), partial: x(0, 0, 0, 1, 0, null, 0, 0), type: x(0, 0, 0, 1, 0, null, 0, 0) }],
  ['no gold', [], [e(0, 5, 'LOC')], { strict: x(0, 0, 0, 0, 1, 0, null, 0), exact: x(0, 0, 0, 0, 1, 0, null, 0), partial: x(0, 0, 0, 0, 1, 0, null, 0), type: x(0, 0, 0, 0, 1, 0, null, 0) }],
  ['both empty', [], [], { strict: x(0, 0, 0, 0, 0, null, null, null), exact: x(0, 0, 0, 0, 0, null, null, null), partial: x(0, 0, 0, 0, 0, null, null, null), type: x(0, 0, 0, 0, 0, null, null, null) }],
  // Same span twice with two labels on each side: strict pairs the equal labels.
  ['duplicate spans, two labels', [e(0, 5, 'LOC'), e(0, 5, 'ORG')], [e(0, 5, 'ORG'), e(0, 5, 'LOC')], { strict: x(2, 0, 0, 0, 0, 1, 1, 1), exact: x(2, 0, 0, 0, 0, 1, 1, 1), partial: x(2, 0, 0, 0, 0, 1, 1, 1), type: x(2, 0, 0, 0, 0, 1, 1, 1) }],
];

describe('evaluation modes (hand-computed)', () => {
  for (const [name, gold, pred, expected] of CASES) {
    it(name, () => {
      const result = score(gold, pred);
      for (const mode of MODES) {
        const m = result.modes[mode].micro;
        const want = expected[mode];
        expect({ mode, cor: m.cor, inc: m.inc, par: m.par, mis: m.mis, spu: m.spu }).toEqual({ mode, cor: want.cor, inc: want.inc, par: want.par, mis: want.mis, spu: want.spu });
        for (const [got, exp] of [[m.precision, want.p], [m.recall, want.r], [m.f1, want.f1]] as const) {
          if (exp === null) expect(got).toBeNull();
          else expect(got).toBeCloseTo(exp, 10);
        }
      }
    });
  }

  it('keeps partial credit across documents (nervaluate 1.1.0 loses it)', () => {
    const gold = new Map([
      ['a', doc('a', [e(0, 5, 'LOC')])],
      ['b', doc('b', [e(0, 5, 'LOC')])],
    ]);
    const pred = new Map([
      ['a', doc('a', [e(0, 3, 'LOC')])],
      ['b', doc('b', [e(0, 5, 'LOC')])],
    ]);
    const partial = evaluate(gold, pred).modes.partial.micro;
    expect(partial).toMatchObject({ cor: 1, par: 1, creditGold: 1.5, creditPred: 1.5 });
    expect(partial.precision).toBeCloseTo(0.75, 10);
    expect(partial.recall).toBeCloseTo(0.75, 10);
  });

  it('counts a wrong-label pair the same way per label and overall: label rows add up to micro', () => {
    // gold LOC predicted as ORG, and one correct ORG.
    const result = score([e(0, 5, 'LOC'), e(10, 15, 'ORG')], [e(0, 5, 'ORG'), e(10, 15, 'ORG')]);
    const strict = result.modes.strict;
    const loc = strict.labels.find((l) => l.label === 'LOC')!;
    const org = strict.labels.find((l) => l.label === 'ORG')!;
    expect(loc).toMatchObject({ gold: 1, pred: 0, precision: null, recall: 0, f1: 0, inc: 1 });
    expect(org).toMatchObject({ gold: 1, pred: 2, precision: 0.5, recall: 1 });
    expect(org.f1).toBeCloseTo(2 / 3, 10);
    expect(strict.micro).toMatchObject({ gold: 2, pred: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    for (const mode of MODES) {
      const r = result.modes[mode];
      const sum = (k: 'gold' | 'pred' | 'creditGold' | 'creditPred') => r.labels.reduce((s, l) => s + l[k], 0);
      expect([sum('gold'), sum('pred'), sum('creditGold'), sum('creditPred')]).toEqual([r.micro.gold, r.micro.pred, r.micro.creditGold, r.micro.creditPred]);
    }
    // Macro: unweighted mean over LOC and ORG, P of a never-predicted label counting 0.
    expect(strict.macro.precision).toBeCloseTo(0.25, 10);
    expect(strict.macro.recall).toBeCloseTo(0.5, 10);
    expect(strict.macro.f1).toBeCloseTo(1 / 3, 10);
  });

  it('does not depend on the order entities are listed in', () => {
    const gold = [e(0, 10, 'LOC'), e(12, 20, 'ORG'), e(30, 35, 'GPE')];
    const pred = [e(30, 34, 'GPE'), e(0, 4, 'LOC'), e(5, 10, 'LOC'), e(12, 20, 'LOC')];
    const a = score(gold, pred);
    const b = score([...gold].reverse(), [...pred].reverse());
    expect(b.modes).toEqual(a.modes);
  });
});

describe('lenient clitics', () => {
  const TABLE: [string, string, [number, number], [number, number], boolean][] = [
    // text, why, gold span, predicted span, same span under --lenient-clitics
    ['وبغداد تعلن', 'conjunction و', [0, 6], [1, 6], true],
    ['بالعراق', 'preposition ب before the article', [0, 7], [1, 7], true],
    ['وبالعراق', 'و + ب', [0, 8], [2, 8], true],
    ['للعراق', 'ل + ال contracted: the span starts after the first lam', [0, 6], [1, 6], true],
    ['للعراق', 'لل dropped whole', [0, 6], [2, 6], true],
    ['فلسطين', 'a leading ف is forgiven even where it belongs to the name: the rule reads letters only', [0, 6], [1, 6], true],
    ['مصرف', 'م is no proclitic', [0, 4], [1, 4], false],
    ['والعراق', 'وا is not a proclitic run (the alef is the article)', [0, 7], [2, 7], false],
    ['وبغداد', 'same start, different end', [0, 6], [0, 5], false],
  ];
  for (const [text, why, g, p, same] of TABLE) {
    it(`${text}: ${why}`, () => {
      const strict = score([e(g[0], g[1], 'LOC')], [e(p[0], p[1], 'LOC')], {}, text).modes.strict.micro;
      const lenient = score([e(g[0], g[1], 'LOC')], [e(p[0], p[1], 'LOC')], { lenientClitics: true }, text).modes.strict.micro;
      expect(strict.cor).toBe(0);
      expect(lenient.cor).toBe(same ? 1 : 0);
    });
  }
});

describe('labels: map, merge, restrict', () => {
  it('maps and merges on both sides, then restricts', () => {
    const t = labelTransform({ map: { PERSON: 'PERS', MISC: '' }, merge: [['GPE', 'LOC']], labels: ['GPE+LOC', 'ORG', 'PERS'] });
    expect(['GPE', 'LOC', 'ORG', 'PERSON', 'MISC', 'DATE'].map(t)).toEqual(['GPE+LOC', 'GPE+LOC', 'ORG', 'PERS', null, null]);
  });

  it('ANERcorp LOC against GPE and LOC predictions', () => {
    const gold = [e(0, 5, 'LOC'), e(10, 15, 'LOC'), e(20, 25, 'MISC')];
    const pred = [e(0, 5, 'GPE'), e(10, 15, 'LOC'), e(30, 35, 'CARDINAL')];
    const plain = score(gold, pred).modes.strict.micro;
    expect(plain.cor).toBe(1);
    const merged = score(gold, pred, { merge: [['GPE', 'LOC']], labels: ['GPE+LOC'] });
    expect(merged.modes.strict.micro).toMatchObject({ cor: 2, gold: 2, pred: 2, f1: 1 });
    expect(merged.entities.leftOut).toEqual({ gold: 1, pred: 1 });
    expect(score(gold, pred, { map: { GPE: 'LOC' }, labels: ['LOC'] }).modes.strict.micro.f1).toBe(1);
  });
});

describe('values of numeric labels', () => {
  it('compares values among strict matches only', () => {
    const gold = [e(0, 2, 'CARDINAL', 86), e(3, 5, 'CARDINAL', 7), e(6, 9, 'MONEY', { amount: 601e6, currency: 'USD' }), e(10, 12, 'PERCENT', 25), e(13, 15, 'GPE', { id: 'x' })];
    const pred = [e(0, 2, 'CARDINAL', 86), e(3, 5, 'CARDINAL', 8), e(6, 9, 'MONEY', { currency: 'USD', amount: 601000000 }), e(10, 11, 'PERCENT', 25), e(13, 15, 'GPE', { id: 'y' })];
    const r = score(gold, pred);
    expect(r.values).toEqual([
      { label: 'CARDINAL', compared: 2, equal: 1, accuracy: 0.5 },
      { label: 'MONEY', compared: 1, equal: 1, accuracy: 1 },
    ]);
  });

  it('value equality', () => {
    const T: [unknown, unknown, boolean][] = [
      [1.4e9, 1400000000, true],
      [0.1 + 0.2, 0.3, true],
      [1, 2, false],
      [{ amount: 5, currency: null }, { currency: null, amount: 5 }, true],
      [{ amount: 5, currency: 'USD' }, { amount: 5, currency: 'EUR' }, false],
      [{ amount: 5 }, { amount: 5, currency: 'USD' }, false],
      [5, undefined, false],
      [[1, 2], [1, 2], true],
    ];
    for (const [a, b, eq] of T) expect(valuesEqual(a, b)).toBe(eq);
  });
});

describe('errors and confusion', () => {
  it('lists every disagreement once, with code-point offsets and context', () => {
    const text = '😀 وزير خارجية العراق في بغداد اليوم';
    // In UTF-16 the emoji takes two units: العراق is [15, 21), بغداد [25, 30).
    expect(text.slice(15, 21)).toBe('العراق');
    const gold = [e(15, 21, 'GPE'), e(25, 30, 'GPE'), e(3, 7, 'PERS')];
    const pred = [e(15, 21, 'LOC'), e(24, 30, 'GPE'), e(31, 36, 'ORG')];
    const r = score(gold, pred, { errors: true, context: 5 }, text);
    expect(r.errors.map((x) => [x.kind, x.gold?.label, x.gold?.start, x.pred?.label, x.pred?.start])).toEqual([
      ['wrong-label', 'GPE', 14, 'LOC', 14],
      ['wrong-span', 'GPE', 24, 'GPE', 23],
      ['missed', 'PERS', 2, undefined, undefined],
      ['spurious', undefined, undefined, 'ORG', 30],
    ]);
    expect(r.errors[0]!.context).toBe('…رجية [العراق] في ب…');
    expect(r.confusion).toEqual({ GPE: { LOC: 1, GPE: 1 }, PERS: { '(none)': 1 }, '(none)': { ORG: 1 } });
  });
});

describe('pairing', () => {
  it('finds every overlapping pair, nested ones included', () => {
    const g: Mention[] = [e(0, 10, 'A'), e(2, 4, 'B'), e(20, 30, 'C')];
    const p: Mention[] = [e(3, 12, 'A'), e(10, 20, 'B'), e(29, 31, 'C')];
    const pairs = overlappingPairs(g, p).map((o) => [o.g, o.p, o.shared]).sort();
    expect(pairs).toEqual([[0, 0, 7], [1, 0, 1], [2, 2, 1]].sort());
  });

  it('pairs each entity once per mode', () => {
    const g: Mention[] = [e(0, 5, 'A'), e(0, 5, 'A')];
    const p: Mention[] = [e(0, 5, 'A')];
    const a = alignMode(g, p, overlappingPairs(g, p), 'strict');
    expect(a).toEqual({ pairs: [{ g: 0, p: 0, kind: 'cor' }], missed: [1], spurious: [] });
  });
});
