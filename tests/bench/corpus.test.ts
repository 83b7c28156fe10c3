import { describe, expect, it } from 'vitest';
import { buildBenchCorpus, detokenise, seededRandom } from '../../src/bench/corpus.js';

describe('bench corpus', () => {
  it.each([
    ['فرانكفورت ( د ب أ ) أعلن .', 'فرانكفورت (د ب أ) أعلن.'],
    ['بلغ 2 , 5 مليار دولار ، أي 12 . 5 %', 'بلغ 2,5 مليار دولار، أي 12.5%'],
    ['قال : « نعم » !', 'قال: «نعم»!'],
  ])('de-tokenises ANERcorp text: %s', (input, expected) => {
    expect(detokenise(input)).toBe(expected);
  });

  it('is deterministic and reaches the requested size', () => {
    const options = { anercorp: 'eval/anercorp-train.gold.jsonl', sample: 'corpus/000_2af77db84c8b7592.txt', targetBytes: 300_000 };
    const a = buildBenchCorpus(options);
    const b = buildBenchCorpus(options);
    expect(a).toEqual(b);
    expect(a.reduce((n, d) => n + Buffer.byteLength(d.text), 0)).toBeGreaterThanOrEqual(300_000);
    expect(new Set(a.map((d) => d.text)).size).toBe(a.length);
  });

  it('seeded random numbers repeat', () => {
    const r1 = seededRandom(7);
    const r2 = seededRandom(7);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
  });
});
