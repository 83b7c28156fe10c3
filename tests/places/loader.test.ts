import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { procliticReadings } from '../../src/arabic/clitics.js';
import { TextView } from '../../src/core/text-view.js';
import { TokenVocabulary } from '../../src/core/token-trie.js';
import { loadGazetteerEntries } from '../../src/stages/gazetteer/entries.js';
import { READINGS, READING_ALEF, READING_CUTS, lookupTokens, nameTokeniser } from '../../src/stages/gazetteer/phrase-index.js';
import { readTsv } from '../../src/stages/gazetteer/rules-data.js';
import { tokeniseView } from '../../src/stages/tokenise.js';
import fc from 'fast-check';
import { SEED, pipelineOf } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'tawsim-gaz-'));
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
};
const tokenise = nameTokeniser((s) => s);
const ok = (id: string, name: string, extra = '') => `{"id":"${id}","label":"GPE","type":"city","name":"${name}","variants":[],"source":"tawsim"${extra}}`;

describe('gazetteer loader: every problem, as file:line, at once', () => {
  it('reports bad JSON, missing and wrong fields, misspelt keys, duplicate ids and names', () => {
    const a = file('a.jsonl', [
      ok('gpe.city.a', 'ألف'),
      '{"id": broken',
      '{"id":"gpe.city.b","label":"PLACE","type":"city","name":"باء","source":"tawsim"}',
      '{"id":"gpe.city.c","label":"GPE","type":"village","name":"","source":"tawsim"}',
      '{"id":"gpe.city.d","label":"GPE","type":"city","name":"دال","varients":["دالي"],"source":"tawsim"}',
      '{"id":"Bad Id!","label":"GPE","type":"city","name":"هاء","source":"tawsim","country":"iraq","confidence":2}',
      '',
    ]);
    const b = file('b.jsonl', [ok('gpe.city.a', 'جيم'), ok('gpe.city.e', 'ألف'), ok('gpe.city.f', 'ألف', ',"ambiguous":"homonym"')]);
    let error: unknown;
    try {
      loadGazetteerEntries([a, b], tokenise);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const message = (error as Error).message;
    const expected = [
      `${a}:2: not valid JSON`,
      `${a}:3: label "PLACE" must be one of GPE, LOC, ORG`,
      `${a}:4: unknown type "village"`,
      `${a}:4: "name" must be a non-empty string`,
      `${a}:5: unknown key "varients" (did you mean "variants"?)`,
      `${a}:6: id "Bad Id!" must be ASCII letters and digits with dots and hyphens`,
      `${a}:6: country "iraq" must be an ISO 3166-1 alpha-2 code`,
      `${a}:6: "confidence" must be a number from 0 to 1`,
      `${a}:7: empty line`,
      `${b}:1: duplicate id "gpe.city.a" (first at ${a}:1)`,
      `${b}:2: "ألف" (gpe.city.e) normalises like a name of gpe.city.a (${a}:1), same label GPE`,
    ];
    for (const line of expected) expect(message).toContain(line);
    // An entry marked ambiguous may share a name.
    expect(message).not.toContain(`${b}:3:`);
    expect(message).toMatch(/^gazetteer: 11 problem\(s\):/);
  });

  it('normalises names with the pipeline normaliser before comparing them', () => {
    const p = pipelineOf(['normalise', 'tokenise']);
    const f = file('c.jsonl', [ok('gpe.city.x', 'أفريقيا'), ok('gpe.city.y', 'إفريقيا')]);
    expect(() => loadGazetteerEntries([f], nameTokeniser(p.normalise))).toThrow(/normalises like a name of gpe\.city\.x/);
  });

  it('fails the stage at creation with the data error', () => {
    const f = file('d.jsonl', ['{"id":"x"}']);
    expect(() => pipelineOf(['normalise', 'language', 'tokenise', { stage: 'places', options: { gazetteers: [f] } }])).toThrow(DataError);
    expect(() => pipelineOf(['normalise', 'language', 'tokenise', { stage: 'places', options: { gazetteers: [join(dir, 'missing.jsonl')] } }])).toThrow(/missing\.jsonl: cannot read/);
  });

  it('checks rule files: header, columns, allowed values', () => {
    const f = file('r.tsv', ['# comment', 'word\tkind', 'شمال\tnoun', 'جنوب', 'غرب\tsideways']);
    expect(() => readTsv(f, ['word', 'kind'], { kind: ['noun', 'adjective'] })).toThrow(
      new RegExp(`${f}:4: 1 column\\(s\\), the header has 2[\\s\\S]*${f}:5: "kind" is "sideways"`),
    );
  });
});

describe('proclitic readings on the view agree with src/arabic/clitics.ts', () => {
  it('for every token (property)', () => {
    const letters = fc.constantFrom('و', 'ف', 'ب', 'ك', 'ل', 'ا', 'ع', 'ر', 'ق', 'م');
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 7 }), (chars) => {
        const word = chars.join('');
        const view = TextView.identity(word);
        const tokens = tokeniseView(view, { urls: false, emails: false, hashtags: false, mentions: false });
        // Every reading the reference gives is in the vocabulary; the look-up must find it
        // in the slot with the same cut (and alef restoring).
        const vocabulary = new TokenVocabulary();
        const reference = procliticReadings(word);
        for (const r of reference) vocabulary.intern(r.stem);
        const lookup = lookupTokens(tokens, vocabulary);
        const found = new Set<string>();
        for (let r = 0; r < READINGS; r++) {
          const id = lookup.readings[r]!;
          if (id >= 0) found.add(`${READING_CUTS[r]}:${READING_ALEF[r] ? 'ا' : ''}${vocabulary.string(id).slice(READING_ALEF[r] ? 1 : 0)}`);
        }
        const expected = new Set(reference.map((r) => `${r.cut}:${r.stem.length > word.length - r.cut ? 'ا' : ''}${r.stem.length > word.length - r.cut ? r.stem.slice(1) : r.stem}`));
        expect(found).toEqual(expected);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
