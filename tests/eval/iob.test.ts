import { describe, expect, it } from 'vitest';
import { decodeTags, detectScheme, type TagScheme } from '../../src/io/importers/iob.js';

const chunks = (tags: string[], scheme: TagScheme, repair = false) => {
  const problems: number[] = [];
  const out = decodeTags(tags, scheme, { repair, onProblem: (p) => problems.push(p.index) }).map((c) => `${c.label}:${c.first}-${c.last}`);
  return { out, problems };
};

describe('tag decoding', () => {
  // tags, scheme, strict chunks, problems reported (token index), chunks with repair
  const TABLE: [string[], TagScheme, string[], number[], string[]][] = [
    [['B-LOC', 'I-LOC', 'O', 'B-ORG'], 'IOB2', ['LOC:0-1', 'ORG:3-3'], [], ['LOC:0-1', 'ORG:3-3']],
    [['B-LOC', 'B-LOC'], 'IOB2', ['LOC:0-0', 'LOC:1-1'], [], ['LOC:0-0', 'LOC:1-1']],
    // seqeval's default chunker reads I-LOC after O as an entity; strict IOB2 does not.
    [['O', 'I-LOC', 'I-LOC', 'O', 'B-ORG', 'I-ORG', 'I-LOC'], 'IOB2', ['ORG:4-5'], [1, 6], ['LOC:1-2', 'ORG:4-5', 'LOC:6-6']],
    [['B-LOC', 'I-ORG', 'I-ORG'], 'IOB2', ['LOC:0-0'], [1], ['LOC:0-0', 'ORG:1-2']],
    [['I-LOC'], 'IOB2', [], [0], ['LOC:0-0']],
    [['B-LOC', 'E-LOC', 'S-ORG', 'O'], 'BIOES', ['LOC:0-1', 'ORG:2-2'], [], ['LOC:0-1', 'ORG:2-2']],
    [['B-LOC', 'I-LOC', 'E-LOC'], 'BIOES', ['LOC:0-2'], [], ['LOC:0-2']],
    [['B-LOC', 'I-LOC', 'O'], 'BIOES', [], [0], ['LOC:0-1']],
    [['E-LOC', 'S-ORG'], 'BIOES', ['ORG:1-1'], [0], ['LOC:0-0', 'ORG:1-1']],
    [['B-LOC', 'S-ORG'], 'BIOES', ['ORG:1-1'], [0], ['LOC:0-0', 'ORG:1-1']],
    [['B-LOC', 'L-LOC', 'U-ORG'], 'BILOU', ['LOC:0-1', 'ORG:2-2'], [], ['LOC:0-1', 'ORG:2-2']],
    // IOB1 (CoNLL-2003 files): I- begins, B- separates two adjacent entities of one type.
    [['I-LOC', 'I-LOC', 'B-LOC', 'O', 'I-ORG'], 'IOB1', ['LOC:0-1', 'LOC:2-2', 'ORG:4-4'], [], ['LOC:0-1', 'LOC:2-2', 'ORG:4-4']],
    [['LOC', 'LOC', 'ORG', 'O', 'LOC'], 'IO', ['LOC:0-1', 'ORG:2-2', 'LOC:4-4'], [], ['LOC:0-1', 'ORG:2-2', 'LOC:4-4']],
    [['B-GPE+LOC', 'I-GPE+LOC'], 'IOB2', ['GPE+LOC:0-1'], [], ['GPE+LOC:0-1']],
  ];
  for (const [tags, scheme, strict, problems, repaired] of TABLE) {
    it(`${scheme} ${tags.join(' ')}`, () => {
      expect(chunks(tags, scheme)).toEqual({ out: strict, problems });
      expect(chunks(tags, scheme, true).out).toEqual(repaired);
    });
  }

  it('detects the scheme', () => {
    const T: [string[], TagScheme][] = [
      [['O', 'B-LOC', 'I-LOC'], 'IOB2'],
      [['O', 'I-LOC'], 'IOB2'],
      [['S-LOC', 'O'], 'BIOES'],
      [['B-LOC', 'E-LOC'], 'BIOES'],
      [['U-LOC'], 'BILOU'],
      [['LOC', 'O', 'ORG'], 'IO'],
      [['O', 'O'], 'IOB2'],
    ];
    for (const [tags, scheme] of T) expect(detectScheme(tags)).toBe(scheme);
  });
});
