import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NumberClass } from '../../src/arabic/number-words.js';
import { DataError } from '../../src/core/errors.js';
import { CONTEXT_CLASSES, loadContexts, loadNumberWords } from '../../src/stages/numbers/lexicon.js';
import { pipelineOf } from '../helpers.js';

const normalise = pipelineOf(['normalise']).normalise;
const dir = mkdtempSync(join(tmpdir(), 'tawsim-numbers-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('number word data', () => {
  const words = loadNumberWords('gazetteers/number-words.tsv', normalise);

  it('loads every class, folded like the text', () => {
    const classes = new Set(words.entries().map(([, w]) => w.cls));
    for (const cls of Object.values(NumberClass)) expect(classes.has(cls)).toBe(true);
    expect(words.size).toBeGreaterThan(230);
    // أ/إ/آ fold to ا, ى to ي, ة to ه: the keys are what the view holds.
    expect(words.get('الف')?.value.toJsonValue()).toBe(1000);
    expect(words.get('احدي')?.cls).toBe(NumberClass.UnitTeen);
    expect(words.get('ثلاثه')?.value.toJsonValue()).toBe(3);
    expect(words.get('ملايير')?.value.toJsonValue()).toBe(1000000000);
    expect(words.get('ست')).toBeDefined();
    expect(words.get('لست')).toBeUndefined();
  });

  it('loads every context class', () => {
    const { contexts } = loadContexts('gazetteers/number-words.contexts.tsv', normalise);
    for (const cls of CONTEXT_CLASSES) expect(contexts.get(cls)!.list.length, cls).toBeGreaterThan(0);
    // Phrases are split like the tokeniser splits text.
    expect(contexts.get('year-after')!.list.some((p) => p.tokens.join(' ') === 'ق . م')).toBe(true);
  });

  it.each([
    ['no class', 'ثلاثة\n', /bad\.tsv:1: expected form, class, value/],
    ['unknown class', 'ثلاثة\tunits\t3\n', /bad\.tsv:1: unknown class "units"/],
    ['bad value', '# comment\nثلاثة\tunit\tthree\n', /bad\.tsv:2: value "three"/],
    ['unknown flag', 'ثلاثة\tunit\t3\tplural\n', /bad\.tsv:1: unknown flag "plural"/],
    ['two words', 'ثلاثة آلاف\tunit\t3\n', /bad\.tsv:1: a number word is one word/],
    ['folds onto a different word', 'ثلاثة\tunit\t3\nثلاثه\tunit\t4\n', /bad\.tsv:2: "ثلاثه" folds to "ثلاثه" like line 1/],
  ])('a broken word list fails at load with file:line (%s)', (_name, text, message) => {
    const path = file('bad.tsv', text);
    expect(() => loadNumberWords(path, normalise)).toThrow(DataError);
    expect(() => loadNumberWords(path, normalise)).toThrow(message);
  });

  it('a broken context list fails at load with file:line', () => {
    expect(() => loadContexts(file('ctx.tsv', 'نحو\tqualifier\tabout\n'), normalise)).toThrow(/ctx\.tsv:1: unknown class "qualifier"/);
    expect(() => loadContexts(file('ctx2.tsv', 'نحو\tqualifier-before\n'), normalise)).toThrow(/ctx2\.tsv:1: expected phrase, class and value/);
    expect(() => loadNumberWords(join(dir, 'missing.tsv'), normalise)).toThrow(/missing\.tsv: cannot be read/);
  });

  it('a missing data file stops the pipeline at load, naming the path', () => {
    expect(() => pipelineOf(['normalise', 'tokenise', { stage: 'numbers', options: { words: join(dir, 'none.tsv') } }])).toThrow(/none\.tsv: cannot be read/);
  });
});
