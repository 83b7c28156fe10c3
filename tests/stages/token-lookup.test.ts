import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextView } from '../../src/core/text-view.js';
import { TokenVocabulary } from '../../src/core/token-trie.js';
import { TokenKind } from '../../src/core/tokens.js';
import { lookupTokens } from '../../src/stages/gazetteer/phrase-index.js';
import { WordTable } from '../../src/stages/numbers/word-table.js';
import { CURRENCY_SCOPE, GAZETTEER_SCOPE, NUMBER_WORD_SCOPE, ReadingValues } from '../../src/stages/token-lookup.js';
import { tokeniseView } from '../../src/stages/tokenise.js';
import { SEED } from '../helpers.js';

// Letters that make proclitic readings likely: و ف ب ك ل, alef, and a few others.
const letter = fc.constantFrom('\u0648', '\u0641', '\u0628', '\u0643', '\u0644', '\u0627', '\u0645', '\u0646', '\u0631');
const stem = fc.array(letter, { minLength: 1, maxLength: 5 }).map((l) => l.join(''));
// Keys with and without the article; words with proclitics, and ل + ال written لل.
const key = fc.tuple(fc.constantFrom('', '\u0627\u0644'), stem).map(([a, s]) => a + s);
const prefix = fc.constantFrom('', '\u0648', '\u0628', '\u0644', '\u0648\u0628', '\u0641\u0644', '\u0644\u0644', '\u0648\u0644\u0644', '\u0648\u0627\u0644');
const word = fc.tuple(prefix, stem).map(([p, s]) => p + s);
const TOKENISE = { urls: true, emails: true, hashtags: true, mentions: true };

describe('ReadingValues', () => {
  it('answers as WordTable does, from the shared look-up (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 40 }), fc.array(word, { minLength: 1, maxLength: 40 }), fc.array(key, { maxLength: 20 }), (keys, words, gazetteer) => {
        const table = new WordTable<string>();
        for (const k of keys) table.set(k, `v:${k}`);
        const vocabulary = new TokenVocabulary();
        for (const g of gazetteer) vocabulary.intern(g); // other users' words share the vocabulary
        const values = new ReadingValues(vocabulary, table.entries(), NUMBER_WORD_SCOPE);
        const view = TextView.identity(words.join(' '));
        const tokens = tokeniseView(view, TOKENISE);
        const lookup = lookupTokens(tokens, vocabulary);
        for (let i = 0; i < tokens.count; i++) {
          if (tokens.kind[i] !== TokenKind.Word) continue;
          const vs = tokens.vStart[i]!;
          const ve = tokens.vEnd[i]!;
          expect(values.whole(lookup, i)).toBe(table.lookup(view.units, vs, ve));
          for (const minStem of [2, 3]) {
            const expected = table.lookupWithProclitics(view.units, vs, ve, minStem);
            expect(values.withProclitics(lookup, i, minStem)).toBe(expected);
            if (expected !== undefined) {
              expect(values.cut).toBe(table.cut);
              expect(values.restoredAlef).toBe(table.restoredAlef);
            }
          }
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
  it('refuses stems shorter than the look-up computes', () => {
    const vocabulary = new TokenVocabulary();
    const values = new ReadingValues(vocabulary, [['\u0645\u0646', 1]], CURRENCY_SCOPE);
    const tokens = tokeniseView(TextView.identity('\u0648\u0645\u0646'), TOKENISE);
    expect(() => values.withProclitics(lookupTokens(tokens, vocabulary), 0, 1)).toThrow(RangeError);
  });
  it('keeps each user\'s words apart in the shared vocabulary', () => {
    const vocabulary = new TokenVocabulary();
    const shared = vocabulary.intern('\u0645\u0635\u0631'); // a gazetteer name ...
    new ReadingValues(vocabulary, [['\u0645\u0635\u0631', 'x'], ['\u0645\u0626\u0629', 'y']], NUMBER_WORD_SCOPE); // ... also a table key
    const onlyTable = vocabulary.idOf('\u0645\u0626\u0629');
    expect(vocabulary.inScope(shared, GAZETTEER_SCOPE)).toBe(true);
    expect(vocabulary.inScope(shared, NUMBER_WORD_SCOPE)).toBe(true);
    expect(vocabulary.inScope(onlyTable, GAZETTEER_SCOPE)).toBe(false);
    expect(vocabulary.inScope(onlyTable, NUMBER_WORD_SCOPE)).toBe(true);
    expect(vocabulary.inScope(-1, GAZETTEER_SCOPE)).toBe(false);
    const tokens = tokeniseView(TextView.identity('\u0645\u0635\u0631 \u0645\u0626\u0629 \u0645\u0646'), TOKENISE);
    expect(Array.from(lookupTokens(tokens, vocabulary).scopes)).toEqual([GAZETTEER_SCOPE | NUMBER_WORD_SCOPE, NUMBER_WORD_SCOPE, 0]);
  });
});
