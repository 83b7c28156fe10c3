import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exact } from '../../src/stages/numbers/exact.js';
import { SEED } from '../helpers.js';

const d = (s: string) => Exact.parseDecimal(s)!;

/** The exact decimal a JSON number text denotes (`1.5e+21`, `0.25`). */
function fromJson(text: string): Exact {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(text)!;
  const digits = BigInt(m[1]! + (m[2] ?? ''));
  const exponent = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
  return exponent >= 0 ? Exact.int(digits * 10n ** BigInt(exponent)) : Exact.of(digits, 10n ** BigInt(-exponent));
}

describe('Exact', () => {
  it('decimal times scale is exact where floating point is not (4.1 million)', () => {
    expect(4.1 * 1e6).toBe(4099999.9999999995); // the trap this class avoids
    expect(1.005 * 1e9).toBe(1004999999.9999999);
    expect(d('4.1').mul(Exact.int(1_000_000)).toJsonValue()).toBe(4100000);
    expect(d('1.005').mul(Exact.int(1_000_000_000)).toJsonValue()).toBe(1005000000);
    expect(d('148.7').mul(Exact.int(1_000_000)).toJsonValue()).toBe(148700000);
  });

  it.each([
    ['1.4', 1_000_000_000n, 1400000000],
    ['2.5', 1_000_000_000n, 2500000000],
    ['0.1', 3n, 0.3],
    ['12.24', 1_000_000_000n, 12240000000],
    ['9.81', 1_000_000_000n, 9810000000],
    ['112.5', 1_000_000n, 112500000],
  ])('%s × %s = %s exactly', (a, b, expected) => {
    expect(d(a).mul(Exact.int(b)).toJsonValue()).toBe(expected);
  });

  it.each<[Exact, number | string]>([
    [Exact.int(3n * 10n ** 12n), 3e12],
    [Exact.int(10n ** 30n), 1e30],
    [Exact.int(2n ** 53n + 1n), '9007199254740993'],
    [d('12345678901234567.5'), '12345678901234567.5'],
    [Exact.of(1_000_000n, 3n), '1000000/3'],
    [Exact.of(2n, 3n), '2/3'],
    [Exact.of(3n, 4n), 0.75],
    [Exact.of(1n, 10n), 0.1],
    [Exact.ZERO, 0],
  ])('writes %s as %j', (value, expected) => {
    expect(value.toJsonValue()).toEqual(expected);
  });

  it('keeps fractions in lowest terms and compares exactly', () => {
    const third = Exact.of(2n, 6n);
    expect([third.num, third.den]).toEqual([1n, 3n]);
    expect(third.mul(Exact.int(3)).eq(Exact.ONE)).toBe(true);
    expect(d('0.1').add(d('0.2')).eq(d('0.3'))).toBe(true);
    expect(Exact.int(5).lt(Exact.int(7))).toBe(true);
    expect(Exact.of(1n, 3n).toDecimalString()).toBeNull();
  });

  it('rejects what is not a plain decimal', () => {
    for (const s of ['', '1e5', '-1', '1.', '.5', '1,5', '١']) expect(Exact.parseDecimal(s)).toBeNull();
  });

  it('property: a JSON number value reads back as the same exact decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 15 }), (mantissa, places, scale) => {
        const value = Exact.of(mantissa, 10n ** BigInt(places)).mul(Exact.int(10n ** BigInt(scale)));
        const written = value.toJsonValue();
        // A number's JSON text denotes the exact decimal; a string is the exact decimal.
        if (typeof written === 'number') expect(fromJson(JSON.stringify(written)).eq(value)).toBe(true);
        else expect(Exact.parseDecimal(written)!.eq(value)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
