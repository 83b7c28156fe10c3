import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/core/document.js';
import { DATA_DIR } from '../../src/core/pipeline.js';
import { DocWords } from '../../src/stages/gazetteer/doc-words.js';
import { lookupTokens } from '../../src/stages/gazetteer/phrase-index.js';
import { ruleFilesOption, setUpGazetteer } from '../../src/stages/gazetteer/setup.js';
import { compileNormaliser, normaliseOptions, normaliseText } from '../../src/stages/normalise.js';
import { documentLookup } from '../../src/stages/token-lookup.js';
import { tokeniseView, tokeniseOptions } from '../../src/stages/tokenise.js';
import { SEED } from '../helpers.js';
import { FIXTURES } from './helpers.js';

const normaliser = compileNormaliser(normaliseOptions.parse({}));
const context = { baseDir: process.cwd(), dataDir: DATA_DIR, normalise: (s: string) => normaliseText(s, normaliser).text };
const rules = ruleFilesOption.parse(undefined);
const places = setUpGazetteer([`${FIXTURES}/places.jsonl`], [`${FIXTURES}/demonyms.jsonl`], rules, context);
const organisations = setUpGazetteer([`${FIXTURES}/organisations.jsonl`], [`${FIXTURES}/demonyms.jsonl`], rules, context);

const names = [places, organisations].flatMap((s) => s.index.forms.map((f) => f.tokens.join(' ')));
const sample = readFileSync('corpus/000_2af77db84c8b7592.txt', 'utf8');
const word = fc.oneof(fc.constantFrom(...names), fc.constantFrom(...sample.split(/\s+/).slice(0, 400)));
const prefix = fc.constantFrom('', '\u0648', '\u0628', '\u0644', '\u0648\u0628', '\u0641\u0644', '\u0643');
const text = fc.array(fc.tuple(prefix, word).map(([p, w]) => p + w), { minLength: 1, maxLength: 30 }).map((ws) => ws.join(' '));

function docOf(s: string): Doc {
  const doc = new Doc('t', s);
  doc.view = normaliseText(s, normaliser);
  doc.tokens = tokeniseView(doc.view, tokeniseOptions.parse({}));
  return doc;
}

/** The role bits of every token (the look-up's own array carries other bits above them). */
const roleBits = (w: DocWords) => Array.from(w.anyRole, (a) => a & DocWords.ROLE_MASK);
const starts = (w: DocWords) => Array.from({ length: w.count }, (_, i) => w.startsEntry(i));

describe('DocWords from the look-up\'s attributes', () => {
  it('stages with the same rule files share their rule words', () => {
    expect(organisations.roles).toBe(places.roles);
  });
  it('gives the role and entry-start bits a pass over the readings gives (property)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const doc = docOf(s);
        const shared = documentLookup(doc, places.vocabulary);
        expect(shared.attributes).not.toBeNull();
        const plain = lookupTokens(doc.tokens!, places.vocabulary);
        expect(plain.attributes).toBeNull();
        for (const setup of [places, organisations]) {
          const fast = new DocWords(shared, setup.roles, setup.index.trie);
          const slow = new DocWords(plain, setup.roles, setup.index.trie);
          expect(roleBits(fast)).toEqual(roleBits(slow));
          expect(starts(fast)).toEqual(starts(slow));
        }
        const noTrie = new DocWords(shared, places.roles);
        expect(roleBits(noTrie)).toEqual(roleBits(new DocWords(plain, places.roles)));
        expect(starts(noTrie).every((v) => !v)).toBe(true);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
