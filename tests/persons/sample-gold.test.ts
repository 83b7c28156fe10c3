/**
 * The sample press release against the seed gold (eval/seed.gold.json): every PERS and
 * NORP of the gold is found with its exact span, and nothing else is tagged PERS or NORP,
 * in the output the default pipeline writes (outermost spans).
 */
import { describe, expect, it } from 'vitest';
import { offsetConverter } from '../../src/core/offsets.js';
import { SAMPLE_TEXT, SEED_GOLD } from '../helpers.js';
import { defaultPipeline, outermost, runChecked } from './helpers.js';

const text = SAMPLE_TEXT;
const gold = SEED_GOLD;
const LABELS = new Set(['PERS', 'NORP']);
const expected = gold.entities.filter((e) => LABELS.has(e.label)).map((e) => `${e.label} ${e.start} ${e.end} ${e.text}`);

describe('the sample against the seed gold: PERS and NORP', () => {
  const doc = runChecked(defaultPipeline(), text);
  const cv = offsetConverter(text);
  const found = outermost(doc.annotations)
    .filter((a) => LABELS.has(a.label))
    .map((a) => `${a.label} ${cv.toCodePoint(a.start)} ${cv.toCodePoint(a.end)} ${text.slice(a.start, a.end)}`);

  it('the gold is for this text and holds 6 PERS and 9 NORP', () => {
    expect(gold.text).toBe(text);
    expect(expected.filter((e) => e.startsWith('PERS')).length).toBe(6);
    expect(expected.filter((e) => e.startsWith('NORP')).length).toBe(9);
  });

  it('exactly the gold: every span found, nothing else tagged', () => {
    expect(found).toEqual(expected);
  });

  it('known people carry their id; a given name alone after يا has none', () => {
    const pers = outermost(doc.annotations).filter((a) => a.label === 'PERS');
    expect(pers.map((a) => (a.value as { id: string } | undefined)?.id ?? null)).toEqual([
      'pers.sa.faisal-bin-farhan-al-saud',
      'pers.us.antony-blinken',
      'pers.sa.faisal-bin-farhan-al-saud',
      'pers.us.antony-blinken',
      'pers.us.antony-blinken',
      null,
    ]);
  });
});
