/**
 * The browser counts text in UTF-16 code units (DOM offsets, `String.length`); standoff
 * files count Unicode code points (SPEC.md). The review page converts between the two
 * here, explicitly, at its API boundary: every offset received from the server is a code
 * point, every offset used with the DOM is a UTF-16 unit. Same algorithm as
 * `src/core/offsets.ts` (which is Node-side); a property test keeps the two equal.
 *
 * ```
 * text        ب  😀      ة        UTF-16   0 1 2 3
 *                                  point    0 1 1 2   (the emoji's low half has no point)
 * ```
 *
 * This module runs in the browser and in Node: no DOM, no Node API.
 */
export interface CodeUnitMap {
  /** True when the text has no astral character, so both counts agree. */
  readonly identity: boolean;
  /** Code point offset of a UTF-16 offset. */
  toCodePoint(utf16: number): number;
  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number;
}

const IDENTITY: CodeUnitMap = { identity: true, toCodePoint: (u) => u, toUtf16: (c) => c };
const SURROGATE = /[\uD800-\uDFFF]/;

/** Number of entries of sorted `a` below `x` (lower-bound binary search). */
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

/** A converter for one text; it stores only where the astral characters are. */
export function codeUnitMap(text: string): CodeUnitMap {
  if (!SURROGATE.test(text)) return IDENTITY;
  const lows: number[] = [];
  const astral: number[] = [];
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
    toCodePoint: (u) => u - countBelow(lowIndex, u),
    toUtf16: (c) => c + countBelow(astralIndex, c),
  };
}
