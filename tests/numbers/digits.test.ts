import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED } from '../helpers.js';
import { readDigits, separatorEvidence, type DecimalConvention, type DocumentHint, type RaDecimal } from '../../src/stages/numbers/digits.js';

const read = (s: string, convention: DecimalConvention = 'auto', hint: DocumentHint = 'none', ra: RaDecimal = 'fraction-first') => {
  const r = readDigits(s, 0, s.length, convention, ra, () => hint);
  return r === null ? null : r.value.toJsonValue();
};

describe('digits and separators', () => {
  it.each<[string, number | string | null]>([
    ['86', 86],
    ['٨٦', 86],
    ['۸۶', 86],
    ['١2٣', 123],
    ['2254', 2254],
    ['007', 7],
    ['1,250,000', 1250000],
    ['١٬٢٥٠', 1250],
    ['١٬٢٥٠٬٠٠٠', 1250000],
    ['1.250.000', 1250000],
    ['148,7', 148.7],
    ['2,5', 2.5],
    ['0,250', 0.25],
    ['1,250', 1250],
    ['1.4', 1.4],
    ['٣٫٥', 3.5],
    ['1,250.5', 1250.5],
    ['1.250,5', 1250.5],
    ['8.000', 8000],
    ['0.000', 0],
    ['12345678901234567890', '12345678901234567890'],
    ['1,25,0', null],
    ['1,2345', 1.2345],
    ['12,34,567', null],
    ['1.2.3', null],
    ['1,250,5', null],
    ['3٫5٫1', null],
  ])('auto: %s -> %j', (s, expected) => {
    expect(read(s)).toEqual(expected);
  });

  it.each<[string, DecimalConvention, DocumentHint, number | null]>([
    ['1.250', 'auto', 'none', 1.25],
    ['1.250', 'auto', 'comma', 1250],
    ['1.250', 'dot', 'comma', 1.25],
    ['1.250', 'comma', 'none', 1250],
    ['148,7', 'dot', 'none', null],
    ['148,7', 'comma', 'none', 148.7],
    ['1,250', 'comma', 'none', 1.25],
    ['1.4', 'comma', 'none', null],
    ['1,250,000', 'comma', 'none', null],
    ['1.250.000', 'dot', 'none', null],
  ])('%s with %s (document %s) -> %j', (s, convention, hint, expected) => {
    expect(read(s, convention, hint)).toEqual(expected);
  });

  it.each<[string, RaDecimal, number | null]>([
    ['2717ر1', 'fraction-first', 1.2717],
    ['5ر1', 'fraction-first', 1.5],
    ['92ر3499', 'fraction-first', 3499.92],
    ['1ر8', 'integer-first', 1.8],
    ['1ر8', 'off', null],
    ['1ر8ر2', 'fraction-first', null],
  ])('ر decimal %s (%s) -> %j', (s, ra, expected) => {
    expect(read(s, 'auto', 'none', ra)).toEqual(expected);
  });

  it.each<[string, DocumentHint]>([
    ['148,7', 'comma'],
    ['1.250.000', 'comma'],
    ['1.250,5', 'comma'],
    ['1.4', 'dot'],
    ['1,250,000', 'dot'],
    ['1,250', 'none'],
    ['1.250', 'none'],
    ['86', 'none'],
  ])('evidence of %s: %s', (s, expected) => {
    expect(separatorEvidence(s, 0, s.length)).toBe(expected);
  });
});

describe('plain digit runs', () => {
  it('read exactly at every length, with leading zeros, in any digit script (property)', () => {
    const digit = fc.integer({ min: 0, max: 9 });
    const script = fc.constantFrom(0x30, 0x0660, 0x06f0); // ASCII, Arabic-Indic, Persian zeros
    fc.assert(
      fc.property(fc.array(fc.tuple(digit, script), { minLength: 1, maxLength: 22 }), (ds) => {
        const s = ds.map(([d, zero]) => String.fromCharCode(zero + d)).join('');
        const ascii = ds.map(([d]) => String(d)).join('');
        const r = readDigits(s, 0, s.length, 'auto', 'fraction-first', () => 'none');
        expect(r).not.toBeNull();
        expect(r!.plain).toBe(true);
        expect(r!.value.num).toBe(BigInt(ascii));
        expect(r!.value.den).toBe(1n);
        expect(r!.integerDigits).toBe(ds.length);
        expect(r!.leadingZero).toBe(ds.length > 1 && ds[0]![0] === 0);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
