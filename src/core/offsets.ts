/**
 * UTF-16 offsets (JavaScript's) inside, Unicode code points (Python's, brat's, spaCy's)
 * in files. A text without astral characters has equal offsets in both: the fast path.
 *
 * ```
 * text      a  😀      b        UTF-16 index   0 1 2 3
 *                                 code point     0 1 1 2   (the emoji's low half has no index)
 * ```
 */
export interface OffsetConverter {
  /** True when both units agree (no astral character). */
  readonly identity: boolean;
  /** Code point offset of a UTF-16 offset. */
  toCodePoint(utf16: number): number;
  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number;
}

const IDENTITY: OffsetConverter = {
  identity: true,
  toCodePoint: (u) => u,
  toUtf16: (c) => c,
};

const SURROGATE = /[\uD800-\uDFFF]/;

/** Lower-bound binary search: number of entries of sorted `a` below `x`. */
function countBelow(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A converter for one text; stores only the positions of its astral characters. */
export function offsetConverter(text: string): OffsetConverter {
  if (!SURROGATE.test(text)) return IDENTITY;
  const lows: number[] = []; // UTF-16 index of each pair's low half
  const astral: number[] = []; // code point index of each astral character
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(cp);
        lows.push(i + 1);
        i++;
      }
    }
  }
  const lowIndex = Int32Array.from(lows);
  const astralIndex = Int32Array.from(astral);
  return {
    identity: false,
    // Each low half before `u` is one UTF-16 unit that is not a code point.
    toCodePoint: (u) => u - countBelow(lowIndex, u),
    toUtf16: (c) => c + countBelow(astralIndex, c),
  };
}

/** Length of `text` in code points. */
export function codePointLength(text: string): number {
  return offsetConverter(text).toCodePoint(text.length);
}
