import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, offsetConverter } from '../../src/core/offsets.js';
import { SEED, anyText, arabicishText } from '../helpers.js';

describe('code point offsets', () => {
  it('identity without astral characters', () => {
    const cv = offsetConverter('بغداد 2023');
    expect(cv.identity).toBe(true);
    expect(cv.toCodePoint(5)).toBe(5);
  });

  it('counts an emoji as one code point', () => {
    const text = 'a😀b👍🏽c';
    const cv = offsetConverter(text);
    expect(cv.identity).toBe(false);
    expect([0, 1, 3, 4, 8].map(cv.toCodePoint)).toEqual([0, 1, 2, 3, 5]);
    expect([0, 1, 2, 3, 5].map(cv.toUtf16)).toEqual([0, 1, 3, 4, 8]);
    expect(codePointLength(text)).toBe([...text].length);
  });

  it('property: agrees with Array.from over code points, both ways', () => {
    fc.assert(
      fc.property(fc.oneof(arabicishText, anyText), (text) => {
        const cv = offsetConverter(text);
        const points = [...text];
        let u = 0;
        for (let c = 0; c <= points.length; c++) {
          expect(cv.toUtf16(c)).toBe(u);
          expect(cv.toCodePoint(u)).toBe(c);
          u += points[c]?.length ?? 0;
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
