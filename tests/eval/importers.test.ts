import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseConllLines } from '../../src/io/importers/conll.js';
import { detectFormat, pairInputs, readEvalInput } from '../../src/io/importers/index.js';
import type { ImportResult, TextDocument } from '../../src/io/importers/types.js';

const dir = () => mkdtempSync(join(tmpdir(), 'tawsim-import-'));

/** Entities as [label, surface] read from the document text (UTF-16 offsets). */
const surfaces = (d: TextDocument) => d.entities.map((e) => [e.label, d.text.slice(e.start, e.end)]);

const TEXT = 'وقال 😀 وزير خارجية العراق في بغداد';
// Code points: العراق [19, 25), بغداد [29, 34) (the emoji is one code point, two UTF-16 units).

describe('JSON and JSONL records', () => {
  it('reads the seed gold shape, with code-point offsets and values', async () => {
    const r = await readEvalInput('eval/seed.gold.json');
    expect(r.format).toBe('json');
    const d = r.documents[0] as TextDocument;
    expect(d.id).toBe('000_2af77db84c8b7592');
    expect(d.entities.length).toBe(174);
    expect(surfaces(d).slice(0, 2)).toEqual([['NORP', 'السعودي'], ['PERS', 'فيصل بن فرحان آل سعود']]);
    expect(d.entities.find((e) => e.label === 'MONEY')!.value).toEqual({ amount: 601000000, currency: 'USD' });
  });

  it('reads every shape: objects, spaCy arrays, standoff, Label Studio, Hugging Face lines', async () => {
    const path = join(dir(), 'mixed.jsonl');
    const lines = [
      { id: 'a', text: TEXT, entities: [{ start: 19, end: 25, label: 'GPE', surface: 'العراق' }], meta: { ignored: true } },
      { id: 'b', text: TEXT, entities: [[29, 34, 'GPE']] },
      {
        schema: 'tawsim.standoff/1',
        doc: { id: 'c', sha256: 'x', length: 34, language: null },
        pipeline: { version: '0', config_sha256: 'x', stages: [] },
        text: TEXT,
        sentences: [],
        annotations: [
          { id: 'T1', label: 'GPE', start: 19, end: 25, text: 'العراق', source: 's', confidence: 1, status: 'auto' },
          { id: 'T2', label: 'GPE', start: 29, end: 34, text: 'بغداد', source: 's', confidence: 1, status: 'rejected' },
        ],
      },
      { data: { text: TEXT, doc_id: 'd' }, predictions: [{ result: [{ value: { start: 29, end: 34, text: 'بغداد', labels: ['GPE'] } }] }] },
      { id: 'e#0', tokens: ['في', 'بغداد'], ner_tags: ['O', 'B-GPE'] },
      { id: 'e#1', tokens: ['اليوم'], ner_tags: ['O'] },
    ];
    writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const r = await readEvalInput(path);
    expect(r.documents.map((d) => [d.id, d.kind])).toEqual([['a', 'text'], ['b', 'text'], ['c', 'text'], ['d', 'text'], ['e', 'tokens']]);
    expect(r.documents.slice(0, 4).map((d) => surfaces(d as TextDocument))).toEqual([[['GPE', 'العراق']], [['GPE', 'بغداد']], [['GPE', 'العراق']], [['GPE', 'بغداد']]]);
    expect(r.warnings).toEqual(['1 rejected annotations left out']);
  });

  it('refuses a surface that does not read back, naming the line', async () => {
    const path = join(dir(), 'bad.jsonl');
    writeFileSync(path, `${JSON.stringify({ id: 'a', text: TEXT, entities: [{ start: 20, end: 26, label: 'GPE', text: 'العراق' }] })}\n{oops\n`);
    await expect(readEvalInput(path)).rejects.toThrow(InputError);
    await expect(readEvalInput(path)).rejects.toThrow(/bad\.jsonl:1 \(document "a"\): GPE \[20, 26\) reads "لعراق ", not "العراق"/);
    await expect(readEvalInput(path)).rejects.toThrow(/bad\.jsonl:2: not valid JSON/);
  });

  it('refuses an id used twice', async () => {
    const path = join(dir(), 'twice.jsonl');
    writeFileSync(path, `${JSON.stringify({ id: 'a', text: 'x' })}\n${JSON.stringify({ id: 'a', text: 'y' })}\n`);
    await expect(readEvalInput(path)).rejects.toThrow(/used twice: a/);
  });
});

describe('brat folders', () => {
  it('reads text-bound annotations in code points, notes as values, discontinuous spans joined', async () => {
    const d = dir();
    mkdirSync(join(d, 'sub'));
    const text = 'شمال\nسوريا 😀 في بغداد 5 ملايين';
    writeFileSync(join(d, 'sub', 'x.txt'), text);
    writeFileSync(
      join(d, 'sub', 'x.ann'),
      ['T1\tLOC 0 4;5 10\tشمال سوريا', 'T2\tGPE 16 21\tبغداد', '#1\tAnnotatorNotes T2\t{"id":"gpe.city.IQ.baghdad"}', 'T3\tCARDINAL 22 30\t5 ملايين', '#2\tAnnotatorNotes T3\tfree text', 'R1\tRel Arg1:T1 Arg2:T2', ''].join('\n'),
    );
    writeFileSync(join(d, 'annotation.conf'), '[entities]\nLOC\n');
    expect(await detectFormat(d)).toBe('brat');
    const r = await readEvalInput(d);
    const doc = r.documents[0] as TextDocument;
    expect(doc.id).toBe('sub/x');
    expect(surfaces(doc)).toEqual([['LOC', 'شمال\nسوريا'], ['GPE', 'بغداد'], ['CARDINAL', '5 ملايين']]);
    expect(doc.entities[1]!.value).toEqual({ id: 'gpe.city.IQ.baghdad' });
    expect(doc.entities[2]!.value).toBeUndefined();
    expect(r.warnings).toEqual(['1 relations ignored']);
  });

  it('refuses a surface that does not match its offsets', async () => {
    const d = dir();
    writeFileSync(join(d, 'x.txt'), 'في بغداد');
    writeFileSync(join(d, 'x.ann'), 'T1\tGPE 2 8\tبغداد\n');
    await expect(readEvalInput(d)).rejects.toThrow(/x\.ann:1: GPE \[2 8\] reads " بغداد", not "بغداد"/);
  });
});

describe('CoNLL', () => {
  const parse = (text: string) => parseConllLines(text.split('\n'), 'test.conll');

  it('reads documents from # id comments, a # token, and tags from the last column', async () => {
    const r = await parse('# id = doc-a\nفي\tO\nبغداد\tB-GPE\n\n#\tO\nالعراق\tX\tB-GPE\n\n# id = doc-b\n# text = ignored comment\n# O\n');
    expect(r.documents.map((d) => d.id)).toEqual(['doc-a', 'doc-b']);
    const a = r.documents[0]!;
    expect(a.kind === 'tokens' && a.sentences.map((s) => s.tokens)).toEqual([['في', 'بغداد'], ['#', 'العراق']]);
    expect(a.kind === 'tokens' && a.sentences[1]!.tags).toEqual(['O', 'B-GPE']);
    const b = r.documents[1]!;
    expect(b.kind === 'tokens' && b.sentences[0]!.tokens).toEqual(['#']);
  });

  it('numbers -DOCSTART- documents, and makes one document a sentence without markers', async () => {
    expect((await parse('-DOCSTART- -X- O O\n\nEU B-ORG\nrejects O\n\n-DOCSTART- -X- O O\n\nPeter B-PER\n')).documents.map((d) => d.id)).toEqual(['doc-1', 'doc-2']);
    expect((await parse('a O\n\nb B-X\n\n\nc O\n')).documents.map((d) => d.id)).toEqual(['sent-1', 'sent-2', 'sent-3']);
  });

  it('places tokens in the other side text, skipping spaces and stray marks', () => {
    const text = 'وقال\u200F  رئيس \u064Eالاتحاد';
    const gold: ImportResult = { path: 'g', format: 'json', documents: [{ kind: 'text', id: 'd', text, entities: [{ start: 13, end: 20, label: 'ORG' }], origin: 'g' }], warnings: [] };
    const pred: ImportResult = {
      path: 'p',
      format: 'conll',
      scheme: 'IOB2',
      documents: [{ kind: 'tokens', id: 'd', origin: 'p', sentences: [{ tokens: ['وقال', 'رئيس', 'الاتحاد'], tags: ['O', 'O', 'B-ORG'], origin: 'p:1' }] }],
      warnings: [],
    };
    const paired = pairInputs(gold, pred);
    expect(surfaces(paired.pred.get('d')!)).toEqual([['ORG', 'الاتحاد']]);
    expect(paired.pred.get('d')!.entities).toEqual(paired.gold.get('d')!.entities);
  });

  it('refuses tokens that are not the text, and texts that differ', () => {
    const gold: ImportResult = { path: 'g', format: 'json', documents: [{ kind: 'text', id: 'd', text: 'في بغداد', entities: [], origin: 'g' }], warnings: [] };
    const tokens: ImportResult = { path: 'p', format: 'conll', scheme: 'IOB2', documents: [{ kind: 'tokens', id: 'd', origin: 'p', sentences: [{ tokens: ['في', 'البصرة'], tags: ['O', 'O'], origin: 'p:1' }] }], warnings: [] };
    expect(() => pairInputs(gold, tokens)).toThrow(/token 2 "البصرة" of the sentence at p:1 is not the next token/);
    const other: ImportResult = { path: 'p', format: 'json', documents: [{ kind: 'text', id: 'd', text: 'في البصرة', entities: [], origin: 'p' }], warnings: [] };
    expect(() => pairInputs(gold, other)).toThrow(/document "d" has different texts/);
  });

  it('joins tokens with spaces when no side has a text, and reports ill-formed tags', () => {
    const conll = (tags: string[]): ImportResult => ({
      path: 'x',
      format: 'conll',
      scheme: 'IOB2',
      documents: [{ kind: 'tokens', id: 's', origin: 'x', sentences: [{ tokens: ['a', 'bb', 'c'], tags, origin: 'x:1' }, { tokens: ['dd'], tags: ['B-X'], origin: 'x:5' }] }],
      warnings: [],
    });
    const paired = pairInputs(conll(['B-X', 'I-X', 'O']), conll(['O', 'I-X', 'O']));
    const g = paired.gold.get('s')!;
    expect(g.text).toBe('a bb c\ndd');
    expect(surfaces(g)).toEqual([['X', 'a bb'], ['X', 'dd']]);
    expect(surfaces(paired.pred.get('s')!)).toEqual([['X', 'dd']]);
    expect(paired.warnings.join('\n')).toMatch(/pred: 1 ill-formed IOB2 tag sequence\(s\) opened no entity/);
    const repaired = pairInputs(conll(['B-X', 'I-X', 'O']), conll(['O', 'I-X', 'O']), { repairTags: true });
    expect(surfaces(repaired.pred.get('s')!)).toEqual([['X', 'bb'], ['X', 'dd']]);
  });
});
