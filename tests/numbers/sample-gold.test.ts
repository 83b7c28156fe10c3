/**
 * Issue 3, "done when": on the sample press release every CARDINAL, ORDINAL and MONEY of
 * the seed gold is found with its exact span and value, and nothing else is tagged as a
 * number, percent, amount or currency (no false positives from the dates).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { Doc } from '../../src/core/document.js';
import { offsetConverter } from '../../src/core/offsets.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { STAGES } from '../../src/stages/index.js';
import { SAMPLE_TEXT, SEED_GOLD } from '../helpers.js';
import { LABELS, numbersPipeline } from './tag.js';

const text = SAMPLE_TEXT;
const gold = SEED_GOLD;
const wanted = gold.entities.filter((e) => LABELS.has(e.label));

/** `label start end surface value` lines in code points, sorted, for readable diffs. */
function lines(doc: Doc): string[] {
  const cv = offsetConverter(doc.text);
  return doc.annotations
    .filter((a) => LABELS.has(a.label))
    .map((a) => `${a.label} ${cv.toCodePoint(a.start)} ${cv.toCodePoint(a.end)} ${doc.text.slice(a.start, a.end)} ${JSON.stringify(a.value)}`);
}

const expected = wanted.map((e) => `${e.label} ${e.start} ${e.end} ${e.text} ${JSON.stringify(e.value)}`);

describe('the sample against the seed gold', () => {
  it('the gold is for this text and has the labels this test checks', () => {
    expect(gold.text).toBe(text);
    expect(wanted.length).toBe(25);
    expect(new Set(wanted.map((e) => e.label))).toEqual(new Set(['CARDINAL', 'ORDINAL', 'MONEY']));
  });

  it('numbers and money alone: exactly the gold, span and value', () => {
    const doc = new Doc('sample', text);
    const result = numbersPipeline().process(doc);
    expect(result.ok).toBe(true);
    expect(lines(doc)).toEqual(expected);
  });

  it('the default pipeline (with places and organisations): exactly the gold too', () => {
    const config = loadConfig(STAGES, DEFAULT_CONFIG, 'pipeline.config.json');
    const pipeline = new Pipeline(config, STAGES);
    const doc = new Doc('sample', text);
    expect(pipeline.process(doc).ok).toBe(true);
    expect(lines(doc)).toEqual(expected);
  });

  it('the dates of the sample are not numbers', () => {
    const doc = new Doc('sample', text);
    numbersPipeline({}, {}, true).process(doc);
    const surfaces = doc.annotations.filter((a) => LABELS.has(a.label)).map((a) => text.slice(a.start, a.end));
    for (const date of ['8', '06', '2023', '2014', '2018', '2021']) expect(surfaces).not.toContain(date);
  });
});
