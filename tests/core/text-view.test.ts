import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextView } from '../../src/core/text-view.js';
import { Doc } from '../../src/core/document.js';
import { SEED, anyText, pipelineOf } from '../helpers.js';

const unitsOf = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('TextView.units', () => {
  it('holds the code units of the view text, built on first use (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const view = TextView.identity(text);
        expect(Array.from(view.units)).toEqual(unitsOf(text));
        expect(view.units).toBe(view.units); // built once
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
  it('holds the units of normalised views too, document after document (property)', () => {
    const pipeline = pipelineOf(['normalise']);
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 2, maxLength: 4 }), (texts) => {
        // Each view keeps its own copy (the stage reuses its buffers), with U+FFFD where
        // decoding replaced a lone surrogate.
        const docs = texts.map((t) => new Doc('t', t));
        for (const d of docs) pipeline.process(d);
        for (const d of docs) expect(Array.from(d.view.units)).toEqual(unitsOf(d.view.text));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
