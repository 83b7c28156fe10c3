import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StageContext } from '../../src/core/stage.js';
import { PersonRole, loadPeopleLexicon, type PeopleFiles } from '../../src/stages/people/lexicon.js';

const SHIPPED: PeopleFiles = {
  cues: 'builtin:people/cues.tsv',
  givenNames: 'builtin:people/given-names.tsv',
  knownPeople: ['builtin:people/known-people.jsonl'],
  nonNames: 'builtin:people/non-names.tsv',
  demonyms: ['builtin:places/demonyms.jsonl', 'builtin:people/demonyms-extra.jsonl'],
};
/** A fresh context (and so a fresh vocabulary) with the identity normaliser. */
const context = (): StageContext => ({ baseDir: process.cwd(), dataDir: resolve('gazetteers'), normalise: (s) => s });

describe('people data', () => {
  it('the shipped files load, with every class of word', () => {
    const lexicon = loadPeopleLexicon(SHIPPED, context());
    const bits = new Set<number>();
    for (const b of lexicon.roles) for (const role of Object.values(PersonRole)) if ((b & role) !== 0) bits.add(role);
    for (const role of [PersonRole.Given, PersonRole.GivenWord, PersonRole.Surname, PersonRole.Title, PersonRole.Office, PersonRole.Verb, PersonRole.Say, PersonRole.Nisba, PersonRole.Group, PersonRole.NonName]) {
      expect(bits.has(role)).toBe(true);
    }
    expect(lexicon.people.length).toBeGreaterThan(500);
    expect(lexicon.nisba.size).toBeGreaterThan(1000);
  });

  it('known people have unique ids, a name, and well-formed short forms', () => {
    const lines = readFileSync('gazetteers/people/known-people.jsonl', 'utf8').trim().split('\n');
    const ids = new Set<string>();
    for (const line of lines) {
      const o = JSON.parse(line) as { id: string; name: string; short: (string | { name: string; ambiguous: string })[]; source: string };
      expect(ids.has(o.id)).toBe(false);
      ids.add(o.id);
      expect(o.id).toMatch(/^pers\.[a-z]+\.[a-z0-9-]+$/);
      expect(o.name.trim()).not.toBe('');
      expect(o.source).toBe('tawsim');
      for (const s of o.short) expect(typeof s === 'string' ? s : s.name).toMatch(/^\S.*\S$|^\S$/);
    }
  });

  it('no raw diacritics, tatweel or bidi controls in the lists', () => {
    for (const f of ['cues.tsv', 'given-names.tsv', 'non-names.tsv', 'known-people.jsonl', 'demonyms-extra.jsonl']) {
      expect(readFileSync(`gazetteers/people/${f}`, 'utf8')).not.toMatch(/[\u064B-\u065F\u0670\u0640\u200E\u200F\u202A-\u202E\u2066-\u2069]/u);
    }
  });

  it('a bad row stops the load with its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'people-'));
    const cues = join(dir, 'cues.tsv');
    writeFileSync(cues, 'word\tclass\tgender\nالرئيس\ttitle\tm\nالشيخ\tsheikh\tm\n');
    expect(() => loadPeopleLexicon({ ...SHIPPED, cues }, context())).toThrow(`${cues}:3`);
    const known = join(dir, 'known.jsonl');
    writeFileSync(known, '{"id":"pers.x.a","name":"أ ب"}\n{"id":"pers.x.b"}\n');
    expect(() => loadPeopleLexicon({ ...SHIPPED, knownPeople: [known] }, context())).toThrow(`${known}:2`);
  });
});
