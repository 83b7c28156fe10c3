/**
 * The sample press release against the seed gold: its six DATEs found with their exact
 * spans (code points) and nothing else tagged DATE (no relative expression: اليوم، العام
 * الماضي، العامين السابقين). With the default pipeline too, where places and organisations
 * run after the dates stage, and without disturbing the numbers the gold expects.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { Doc } from '../../src/core/document.js';
import { offsetConverter } from '../../src/core/offsets.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { STAGES } from '../../src/stages/index.js';
import { SAMPLE_TEXT, SEED_GOLD } from '../helpers.js';
import { datesPipeline } from './tag.js';

const text = SAMPLE_TEXT;
const gold = SEED_GOLD;
const NUMBER_LABELS = new Set(['CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY']);

/** `label start end surface` lines in code points, for readable diffs. */
function lines(doc: Doc, labels: ReadonlySet<string>): string[] {
  const cv = offsetConverter(doc.text);
  return doc.annotations.filter((a) => labels.has(a.label)).map((a) => `${a.label} ${cv.toCodePoint(a.start)} ${cv.toCodePoint(a.end)} ${doc.text.slice(a.start, a.end)}`);
}

const goldLines = (labels: ReadonlySet<string>) => gold.entities.filter((e) => labels.has(e.label)).map((e) => `${e.label} ${e.start} ${e.end} ${e.text}`);

describe('dates: the sample against the seed gold', () => {
  it('the gold is for this text and has six DATEs', () => {
    expect(gold.text).toBe(text);
    expect(goldLines(new Set(['DATE']))).toEqual([
      'DATE 163 173 8-06- 2023',
      'DATE 3371 3381 مارس/ 2023',
      'DATE 4824 4832 عام 2018',
      'DATE 5561 5571 العام 2014',
      'DATE 7961 7971 العام 2023',
      'DATE 8134 8144 العام 2021',
    ]);
  });

  it('the dates stage finds exactly the gold DATEs, with their values', () => {
    const doc = new Doc('sample', text);
    expect(datesPipeline().process(doc).ok).toBe(true);
    expect(lines(doc, new Set(['DATE']))).toEqual(goldLines(new Set(['DATE'])));
    expect(doc.annotations.filter((a) => a.label === 'DATE').map((a) => a.value)).toEqual(['2023-06-08', '2023-03', '2018', '2014', '2023', '2021']);
  });

  it('the default pipeline: the same DATEs, and the numbers of the gold unchanged', () => {
    const pipeline = new Pipeline(loadConfig(STAGES, DEFAULT_CONFIG, 'pipeline.config.json'), STAGES);
    expect(pipeline.stageNames).toContain('dates');
    const doc = new Doc('sample', text);
    expect(pipeline.process(doc).ok).toBe(true);
    expect(lines(doc, new Set(['DATE']))).toEqual(goldLines(new Set(['DATE'])));
    expect(lines(doc, NUMBER_LABELS)).toEqual(goldLines(NUMBER_LABELS));
  });
});
