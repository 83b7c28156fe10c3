import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenTrie, TokenVocabulary, hashRange, hashStep, EMPTY_HASH, matchTokens } from '../../src/core/token-trie.js';
import { TextView } from '../../src/core/text-view.js';
import { tokeniseView } from '../../src/stages/tokenise.js';
import { SEED } from '../helpers.js';

describe('TokenVocabulary', () => {
  it('interns strings to dense ids and finds them by string or by range', () => {
    const v = new TokenVocabulary();
    const a = v.intern('بغداد');
    const b = v.intern('العراق');
    expect([a, b]).toEqual([0, 1]);
    expect(v.intern('بغداد')).toBe(a);
    expect(v.idOf('العراق')).toBe(b);
    expect(v.idOf('سوريا')).toBe(-1);
    const text = 'في بغداد والعراق';
    expect(v.idOfRange(text, 3, 8)).toBe(a);
    expect(v.idOfRange(text, 10, 16)).toBe(b); // a suffix of والعراق
    expect(v.idOfRange(text, 9, 16)).toBe(-1);
    expect(v.string(b)).toBe('العراق');
    expect(() => v.string(7)).toThrow(RangeError);
  });
  it('looks up a prefix unit plus a range (the لل contraction restores an alef)', () => {
    const v = new TokenVocabulary();
    const id = v.intern('العراق');
    const text = 'للعراق';
    // Backwards hash of the suffix "لعراق", then one more step with alef.
    const h = hashStep(hashRange(text, 1, text.length), 0x0627);
    expect(h).toBe(hashRange('العراق', 0, 6));
    expect(v.find(h, text, 1, text.length, 0x0627)).toBe(id);
    expect(v.find(hashRange(text, 1, 6), text, 1, 6, -1)).toBe(-1);
  });
  it('finds a range of code units as it finds a range of a string (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 80 }), fc.string({ maxLength: 30 }), (words, text) => {
        const v = new TokenVocabulary();
        for (const w of words) v.intern(w);
        const units = Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
        for (let s = 0; s < text.length; s++) {
          for (let e = s + 1; e <= Math.min(text.length, s + 6); e++) {
            const h = hashRange(text, s, e);
            expect(v.findUnits(h, units, s, e, -1)).toBe(v.find(h, text, s, e, -1));
            expect(v.findUnits(hashStep(h, 0x0627), units, s, e, 0x0627)).toBe(v.find(hashStep(h, 0x0627), text, s, e, 0x0627));
          }
        }
        words.forEach((w, i) => expect(v.findUnits(hashRange(w, 0, w.length), Uint16Array.from(w, (c) => c.charCodeAt(0)), 0, w.length, -1)).toBe(i));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
  it('hashes suffixes on the way to the whole string', () => {
    const s = 'وبالعراق';
    let h = EMPTY_HASH;
    for (let k = s.length - 1; k >= 0; k--) {
      h = hashStep(h, s.charCodeAt(k));
      expect(h).toBe(hashRange(s, k, s.length));
    }
  });
  it('grows past its initial capacity and keeps every id (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 300 }), (words) => {
        const v = new TokenVocabulary();
        const ids = words.map((w) => v.intern(w));
        expect(ids).toEqual(words.map((_, i) => i));
        words.forEach((w, i) => expect(v.idOf(w)).toBe(i));
        expect(v.size).toBe(words.length);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});

describe('TokenTrie', () => {
  const build = (entries: string[][]) => {
    const t = new TokenTrie<string>();
    for (const e of entries) t.add(e, e.join(' '));
    return t;
  };
  const ids = (t: TokenTrie<string>, words: string[]) => words.map((w) => t.vocabulary.idOf(w));

  it('finds leftmost-longest, non-overlapping matches', () => {
    const t = build([['a', 'b'], ['a', 'b', 'c'], ['d'], ['b', 'c', 'x']]);
    const m = t.findAll(ids(t, ['a', 'b', 'c', 'x', 'd', 'a', 'q']));
    expect(m.map((x) => [x.first, x.last, x.values])).toEqual([
      [0, 2, ['a b c']],
      [4, 4, ['d']],
    ]);
  });
  it('keeps every value of a shared name', () => {
    const t = new TokenTrie<number>();
    t.add(['عمان'], 1);
    t.add(['عمان'], 2);
    expect(t.findAll([t.vocabulary.idOf('عمان')])[0]!.values).toEqual([1, 2]);
    expect(t.size).toBe(2);
  });
  it('refuses an empty entry', () => {
    expect(() => new TokenTrie<number>().add([], 1)).toThrow(RangeError);
  });
  it('tells which ids start an entry, and walks the longest', () => {
    const t = build([['x', 'y', 'z'], ['x']]);
    const [x, y, z] = ids(t, ['x', 'y', 'z']);
    expect(t.startsEntry(x!)).toBe(true);
    expect(t.startsEntry(y!)).toBe(false);
    expect(t.startsEntry(-1)).toBe(false);
    const start = t.child(TokenTrie.ROOT, x!);
    expect(t.walkLongest([x!, y!, z!], 1, start, 3).last).toBe(2);
    expect(t.walkLongest([x!, y!, -1], 1, start, 3).last).toBe(0);
  });
  it('matches whole tokens of a document, never inside a word', () => {
    const t = build([['مصر'], ['جمهورية', 'مصر', 'العربية']]);
    const view = TextView.identity('مصرف مصر وجمهورية مصر العربية');
    const tokens = tokeniseView(view, { urls: true, emails: true, hashtags: true, mentions: true });
    const found = matchTokens(t, tokens).map((m) => m.values[0]);
    // مصرف is skipped; وجمهورية carries a proclitic (the Arabic layer handles that), so
    // only مصر matches after it.
    expect(found).toEqual(['مصر', 'مصر']);
  });
  it('agrees with a naive leftmost-longest matcher (property)', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { maxLength: 30 }), fc.array(word, { maxLength: 40 }), (entries, text) => {
        const t = build(entries);
        const keys = new Set(entries.map((e) => e.join(' ')));
        const expected: [number, number][] = [];
        for (let i = 0; i < text.length; ) {
          let best = -1;
          for (let j = i; j < text.length; j++) if (keys.has(text.slice(i, j + 1).join(' '))) best = j;
          if (best >= 0) {
            expected.push([i, best]);
            i = best + 1;
          } else i++;
        }
        expect(t.findAll(ids(t, text)).map((m) => [m.first, m.last])).toEqual(expected);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
