/**
 * Exact rational numbers for number values: `148,7 مليون` is 1487/10 × 10^6 = 148700000,
 * computed on BigInts, never on floating point (where 148.7 × 1e6 = 148699999.99999997).
 *
 * Values are rationals `num / den` (den > 0, lowest terms) because Arabic fractions are
 * not all decimal: `ثلث مليون` is 1000000/3.
 *
 * How a value is written ({@link toJsonValue}), the rule tawsim documents:
 * - a JSON number when the shortest decimal JavaScript prints for it denotes exactly the
 *   same decimal (148700000, 2.5, 0.75, 3e12, 1e30): any JSON reader gets the same value;
 * - otherwise a string with the exact decimal (`"9007199254740993"`, `"12345678901234567.5"`),
 *   readable by Python's `decimal.Decimal` or any big-decimal library;
 * - a fraction that has no finite decimal as the string `"p/q"` (`"1000000/3"`), readable
 *   by Python's `fractions.Fraction`.
 */
export class Exact {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Exact(0n, 1n);
  static readonly ONE = new Exact(1n, 1n);

  /** `num / den` in lowest terms. */
  static of(num: bigint, den = 1n): Exact {
    if (den === 0n) throw new RangeError('Exact: zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    if (den === 1n) return new Exact(num, 1n);
    const g = gcd(num < 0n ? -num : num, den);
    return g === 1n ? new Exact(num, den) : new Exact(num / g, den / g);
  }

  static int(n: number | bigint): Exact {
    return new Exact(BigInt(n), 1n);
  }

  /**
   * Parses ASCII digits with at most one `.` as decimal point (`"148.7"`, `"0.25"`,
   * `"2254"`). Returns null for anything else.
   */
  static parseDecimal(s: string): Exact | null {
    if (!/^\d+(?:\.\d+)?$/.test(s)) return null;
    const dot = s.indexOf('.');
    if (dot < 0) return new Exact(BigInt(s), 1n);
    const digits = s.slice(0, dot) + s.slice(dot + 1);
    return Exact.of(BigInt(digits), 10n ** BigInt(s.length - dot - 1));
  }

  add(o: Exact): Exact {
    if (this.den === 1n && o.den === 1n) return new Exact(this.num + o.num, 1n);
    return Exact.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  mul(o: Exact): Exact {
    if (this.den === 1n && o.den === 1n) return new Exact(this.num * o.num, 1n);
    return Exact.of(this.num * o.num, this.den * o.den);
  }

  div(o: Exact): Exact {
    return Exact.of(this.num * o.den, this.den * o.num);
  }

  cmp(o: Exact): number {
    const a = this.num * o.den;
    const b = o.num * this.den;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  lt(o: Exact): boolean {
    return this.cmp(o) < 0;
  }

  eq(o: Exact): boolean {
    return this.num === o.num && this.den === o.den;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /**
   * The exact decimal string (`"148700000"`, `"0.75"`), or null when the fraction has no
   * finite decimal expansion (its denominator has a prime factor other than 2 and 5).
   */
  toDecimalString(): string | null {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    if (d !== 1n) return null;
    const places = Math.max(twos, fives);
    if (places === 0) return this.num.toString();
    const scaled = (this.num * 10n ** BigInt(places)) / this.den;
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places).replace(/0+$/, '');
    return `${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`;
  }

  /** The value as written in annotations: see the class comment for the rule. */
  toJsonValue(): number | string {
    const decimal = this.toDecimalString();
    if (decimal === null) return `${this.num}/${this.den}`;
    const n = Number(decimal);
    if (Number.isFinite(n) && sameDecimal(String(n), decimal)) return n;
    return decimal;
  }

  /** A float approximation, for comparisons in heuristics only (never for values). */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  toString(): string {
    return this.toDecimalString() ?? `${this.num}/${this.den}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a === 0n ? 1n : a;
}

/**
 * True when JavaScript's shortest form of a double (`"1.487e+21"`, `"0.1"`) and a plain
 * decimal string denote the same decimal number.
 */
function sameDecimal(js: string, decimal: string): boolean {
  if (js === decimal) return true;
  const a = expandExponent(js);
  return a === decimal;
}

/** `"1.5e+21"` -> `"1500000000000000000000"`, `"1e-7"` -> `"0.0000001"`. */
function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const point = m[2]!.length + Number(m[4]);
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '');
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`.replace(/\.?0+$/, '');
}
