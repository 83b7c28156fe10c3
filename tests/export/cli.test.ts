import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tawsim, tempDir } from '../cli/cli-helpers.js';

/** Code-point slice, as Python, brat and spaCy count. */
const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

const TEXTS: Record<string, string> = {
  a: 'أعلنت وزارة الخارجية في بغداد أن الأمم المتحدة سترسل وفدا إلى سوريا.\nوقال مسؤول في الرياض 😀 إن العراق وبغداد يرحبان بالقرار.\n',
  b: 'اجتمع وزراء خارجية التحالف الدولي في الرياض اليوم.\r\nورحب الوزراء بانضمام جمهورية توغو.\r\n',
  c: 'وصل الوفد إلى القاهرة قادما من باريس 👍🏽 وأكد أن مصر شريك أساسي.\n',
};

describe('tawsim export', () => {
  let root: string;
  const run = (args: string[]) => tawsim(args, { cwd: root });
  const json = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

  beforeAll(async () => {
    root = tempDir('tawsim-export-');
    mkdirSync(join(root, 'corpus'));
    for (const [id, text] of Object.entries(TEXTS)) writeFileSync(join(root, 'corpus', `${id}.txt`), text);
    const r = await run(['run', 'corpus', '--out', 'run', '--quiet', '--concurrency', '1']);
    expect(r.code).toBe(0);
    // A reviewer's decisions: an addition that ends inside a token (وفد of وفدا), a rejection, an acceptance.
    const a = json<{ annotations: Record<string, unknown>[] }>('run/a.json');
    const text = TEXTS.a!;
    const cp = (s: string) => [...text.slice(0, text.indexOf(s))].length;
    const add = (id: string, label: string, surface: string, length: number, status: string) =>
      a.annotations.push({ id, label, start: cp(surface), end: cp(surface) + length, text: [...surface].slice(0, length).join(''), source: 'review', confidence: 1, status });
    add('T90', 'ORG', 'وفدا', 3, 'added');
    add('T91', 'LOC', 'مسؤول', 5, 'rejected');
    add('T92', 'ORG', 'القرار', 6, 'accepted');
    writeFileSync(join(root, 'run/a.json'), JSON.stringify(a));
  });

  it('conll: IOB2 over the pipeline tokens, a document id line, problems listed, never shifted', async () => {
    const r = await run(['export', 'run', '--to', 'conll', '--out', 'out/ner.conll']);
    expect(r.code).toBe(0);
    const conll = readFileSync(join(root, 'out/ner.conll'), 'utf8');
    expect(conll.split('\n').filter((l) => l.startsWith('# id = '))).toEqual(['# id = a', '# id = b', '# id = c']);
    expect(conll).toMatch(/^بغداد\tB-GPE$/m);
    expect(conll).toMatch(/^الأمم\tB-ORG\nالمتحدة\tI-ORG$/m);
    expect(conll).toMatch(/^وبغداد\tB-GPE$/m); // --clitics keep labels the whole token
    for (const line of conll.split('\n')) expect(line === '' || line.startsWith('# id = ') || /^[^\t\s]+\t(O|[BI]-[A-Z]+)$/.test(line)).toBe(true);
    expect(r.stderr).toMatch(/not represented: 1 \(listed below, never shifted\)/);
    expect(r.stderr).toMatch(/span ends inside a token[\s\S]*a T90 ORG/);
    expect(r.stderr).toMatch(/left out by policy: .*1 status not selected/);
    const summary = json<{ not_represented: { total: number; examples: { id: string; reason: string }[] }; documents: number; options: { clitics: string } }>('out/ner.summary.json');
    expect(summary).toMatchObject({ documents: 3, options: { clitics: 'keep' }, not_represented: { total: 1, examples: [{ id: 'T90', reason: 'ends-inside-token' }] } });
    expect((await run(['export', 'run', '--to', 'conll', '--out', 'out/strict.conll', '--strict'])).code).toBe(3);
  });

  it('conll --clitics split puts proclitics in their own O tokens', async () => {
    const r = await run(['export', 'run', '--to', 'conll', '--out', 'out/split.conll', '--clitics', 'split', '--scheme', 'BIOES']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'out/split.conll'), 'utf8')).toMatch(/^و\tO\nبغداد\tS-GPE$/m);
    expect(r.stderr).toMatch(/tokens split after a proclitic/);
  });

  it('jsonl: Hugging Face token classification lines and the label sidecar', async () => {
    const r = await run(['export', 'run', '--to', 'jsonl', '--out', 'out/hf.jsonl']);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(root, 'out/hf.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; tokens: string[]; ner_tags: string[] });
    expect(lines[0]!.id).toBe('a#0');
    for (const l of lines) expect(l.tokens.length).toBe(l.ner_tags.length);
    const sidecar = json<{ scheme: string; labels: string[]; label2id: Record<string, number> }>('out/hf.labels.json');
    expect(sidecar.labels[0]).toBe('O');
    for (const l of lines) for (const t of l.ner_tags) expect(sidecar.labels).toContain(t);
    const doc = await run(['export', 'run', '--to', 'jsonl', '--out', 'out/doc.jsonl', '--unit', 'document']);
    expect(doc.code).toBe(0);
    expect(readFileSync(join(root, 'out/doc.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['a', 'b', 'c']);
  });

  it('spacy: code-point offsets that slice the text', async () => {
    expect((await run(['export', 'run', '--to', 'spacy', '--out', 'out/spacy.jsonl', '--map', 'GPE=LOC'])).code).toBe(0);
    const lines = readFileSync(join(root, 'out/spacy.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; entities: [number, number, string][] });
    const c = lines.find((l) => l.id === 'c')!;
    expect(c.text).toBe(TEXTS.c);
    expect(c.entities.map(([s, e, l]) => [l, cpSlice(c.text, s, e)])).toContainEqual(['LOC', 'مصر']);
    expect(lines.flatMap((l) => l.entities.map((e) => e[2]))).not.toContain('GPE');
  });

  it('brat: .txt/.ann per document and annotation.conf; eval against the run gives 1.0', async () => {
    const r = await run(['export', 'run', '--to', 'brat', '--out', 'out/brat']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(root, 'out/brat')).sort()).toEqual(['a.ann', 'a.txt', 'annotation.conf', 'b.ann', 'b.txt', 'c.ann', 'c.txt']);
    expect(readFileSync(join(root, 'out/brat/b.txt'), 'utf8')).toBe(TEXTS.b); // CRLF kept
    const e = await run(['eval', '--gold', 'run', '--pred', 'out/brat', '--json']);
    expect(e.code).toBe(0);
    const report = JSON.parse(e.stdout) as { modes: Record<string, { micro: { f1: number; gold: number } }> };
    for (const mode of ['strict', 'exact', 'partial', 'type']) expect(report.modes[mode]!.micro.f1).toBe(1);
    expect(report.modes.strict!.micro.gold).toBeGreaterThan(5);
  });

  it('labelstudio: a task list with predictions and a labelling config', async () => {
    expect((await run(['export', 'run', '--to', 'labelstudio', '--out', 'out/ls.json', '--status', 'accepted,edited,added'])).code).toBe(0);
    const tasks = json<{ data: { text: string; doc_id: string }; predictions: { result: { value: { start: number; end: number; text: string } }[] }[] }[]>('out/ls.json');
    expect(tasks.map((t) => t.data.doc_id)).toEqual(['a', 'b', 'c']);
    // Only reviewed annotations: the added one and the accepted one of a.
    expect(tasks[0]!.predictions[0]!.result.map((x) => x.value.text).sort()).toEqual(['القرار', 'وفد']);
    expect(tasks[1]!.predictions[0]!.result).toEqual([]);
    for (const t of tasks) for (const x of t.predictions[0]!.result) expect(cpSlice(t.data.text, x.value.start, x.value.end)).toBe(x.value.text);
    expect(readFileSync(join(root, 'out/ls.label-config.xml'), 'utf8')).toMatch(/<Labels name="label" toName="text">/);
  });

  it('--split writes one file per part, by a hash of the document id', async () => {
    const r = await run(['export', 'run', '--to', 'conll', '--out', 'out/parts.conll', '--split', '50/50']);
    expect(r.code).toBe(0);
    const ids = (part: string) => readFileSync(join(root, `out/parts.${part}.conll`), 'utf8').split('\n').filter((l) => l.startsWith('# id = '));
    expect([...ids('train'), ...ids('test')].sort()).toEqual(['# id = a', '# id = b', '# id = c']);
    const again = await run(['export', 'run', '--to', 'conll', '--out', 'out/again.conll', '--split', '50/50']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(root, 'out/again.train.conll'), 'utf8')).toBe(readFileSync(join(root, 'out/parts.train.conll'), 'utf8'));
    expect((await run(['export', 'run', '--to', 'brat', '--out', 'out/bsplit', '--split', '80/10/10'])).code).toBe(0);
    expect(existsSync(join(root, 'out/bsplit/annotation.conf'))).toBe(true);
  });

  it('finds moved texts with --corpus, and says which documents it could not read', async () => {
    renameSync(join(root, 'corpus'), join(root, 'moved'));
    try {
      const lost = await run(['export', 'run', '--to', 'spacy', '--out', 'out/lost.jsonl']);
      expect(lost.code).toBe(3);
      expect(lost.stderr).toMatch(/documents that could not be read: 3/);
      expect(lost.stderr).toMatch(/give the corpus folder/);
      expect((await run(['export', 'run', '--to', 'spacy', '--out', 'out/found.jsonl', '--corpus', 'moved'])).code).toBe(0);
    } finally {
      renameSync(join(root, 'moved'), join(root, 'corpus'));
    }
  });

  it('refuses what cannot work, with one sentence and the right exit status', async () => {
    const nested = await run(['export', 'run', '--to', 'conll', '--out', 'out/x.conll', '--nested', 'keep']);
    expect(nested.code).toBe(1);
    expect(nested.stderr).toMatch(/--nested keep: conll cannot hold nested spans/);
    expect((await run(['export', 'nowhere', '--to', 'conll', '--out', 'out/x.conll'])).code).toBe(2);
    expect((await run(['export', 'run', '--to', 'xml', '--out', 'out/x'])).code).toBe(1);
    expect((await run(['export', 'run', '--to', 'conll', '--out', 'out/x', '--split', '80/30'])).code).toBe(1);
    expect((await run(['export', 'run', '--to', 'conll', '--out', 'out/x', '--map', 'gpe=loc'])).code).toBe(1);
  });
});
