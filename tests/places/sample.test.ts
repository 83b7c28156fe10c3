import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { Doc } from '../../src/core/document.js';
import { checkDocument } from '../../src/core/invariants.js';
import { offsetConverter } from '../../src/core/offsets.js';
import { Pipeline } from '../../src/core/pipeline.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { STAGES } from '../../src/stages/index.js';
import { SEED_GOLD, type GoldEntity } from '../helpers.js';

const gold = SEED_GOLD;

/** Strict F1 (same span, same label) of `pred` against `gold` for the labels given. */
function f1(goldSpans: GoldEntity[], pred: GoldEntity[], labels: string[]): { p: number; r: number; f: number } {
  const key = (e: GoldEntity) => `${e.start}:${e.end}`;
  const g = new Set(goldSpans.filter((e) => labels.includes(e.label)).map(key));
  const p = new Set(pred.filter((e) => labels.includes(e.label)).map(key));
  let tp = 0;
  for (const k of p) if (g.has(k)) tp++;
  const precision = p.size === 0 ? 0 : tp / p.size;
  const recall = g.size === 0 ? 0 : tp / g.size;
  return { p: precision, r: recall, f: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

describe('the sample press release against its gold (eval/seed.gold.json)', () => {
  const pipeline = new Pipeline(loadConfig(STAGES, DEFAULT_CONFIG, 'pipeline.config.json'), STAGES);
  const doc = new Doc(gold.id, gold.text);
  const result = pipeline.process(doc);
  const conv = offsetConverter(gold.text);
  const pred = doc.annotations.map((a) => ({ start: conv.toCodePoint(a.start), end: conv.toCodePoint(a.end), label: a.label, text: gold.text.slice(a.start, a.end) }));
  const merge = (e: GoldEntity) => ({ ...e, label: e.label === 'GPE' || e.label === 'LOC' ? 'GPE+LOC' : e.label });

  it('runs clean, with every offset invariant', () => {
    expect(result.ok).toBe(true);
    doc.annotations = doc.annotations.map((a) => ({ ...a, text: gold.text.slice(a.start, a.end) }));
    checkDocument(doc);
  });
  it.each(['GPE', 'LOC', 'ORG'])('%s strict F1 >= 0.90', (label) => {
    const score = f1(gold.entities, pred, [label]);
    expect(score.f).toBeGreaterThanOrEqual(0.9);
  });
  it('GPE+LOC merged strict F1 >= 0.90', () => {
    expect(f1(gold.entities.map(merge), pred.map(merge), ['GPE+LOC']).f).toBeGreaterThanOrEqual(0.9);
  });
});
