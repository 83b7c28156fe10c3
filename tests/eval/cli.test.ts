import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tawsim, tempDir } from '../cli/cli-helpers.js';

interface Report {
  schema: string;
  gold: { entities: number; documents: number; format: string };
  pred: { entities: number; format: string };
  semantics: Record<string, string>;
  labels: string[];
  modes: Record<string, { micro: { precision: number | null; recall: number | null; f1: number | null; cor: number; gold: number; pred: number }; macro: { f1: number | null }; labels: { label: string; f1: number | null }[] }>;
  values: { label: string; compared: number; equal: number }[];
  confusion: Record<string, Record<string, number>>;
  errors?: { kind: string; doc: string }[];
}

describe('tawsim eval', () => {
  let root: string;
  let seedRun: string;
  beforeAll(async () => {
    root = tempDir('tawsim-eval-');
    seedRun = join(root, 'seed-run');
    const r = await tawsim(['run', 'corpus', '--out', seedRun, '--quiet', '--concurrency', '1']);
    expect(r.code).toBe(0);
  });

  it('scores a run against the seed gold and prints a clear table with its semantics', async () => {
    const r = await tawsim(['eval', '--gold', 'eval/seed.gold.json', '--pred', seedRun]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gold: eval\/seed\.gold\.json \(json, 1 document\(s\), 174 entities compared\)/);
    expect(r.stdout).toMatch(/How entities are compared\n {2}Spans are half-open/);
    expect(r.stdout).toMatch(/partial: same span = 1, overlapping span = 0\.5/);
    expect(r.stdout).toMatch(/^ {2}label +gold +pred +correct +P +R +F1 +exact F1 +partial F1 +type F1$/m);
    expect(r.stdout).toMatch(/^ {2}MONEY +8 /m);
    expect(r.stdout).toMatch(/^ {2}micro +174 /m);
    expect(r.stdout).toMatch(/^ {2}mode +COR +INC +PAR +MIS +SPU/m);
    expect(r.stdout).toMatch(/Confusion: gold label \(rows\) by predicted label/);
  });

  it('--json: the same figures for machines', async () => {
    const [text, json] = await Promise.all([tawsim(['eval', '--gold', 'eval/seed.gold.json', '--pred', seedRun]), tawsim(['eval', '--gold', 'eval/seed.gold.json', '--pred', seedRun, '--json'])]);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.schema).toBe('tawsim.eval/1');
    expect(report.gold).toMatchObject({ entities: 174, documents: 1, format: 'json' });
    expect(report.pred.format).toBe('standoff');
    expect(Object.keys(report.semantics)).toEqual(['spans', 'strict', 'exact', 'partial', 'type', 'pairing', 'totals', 'counts']);
    const strict = report.modes.strict!.micro;
    const f1 = strict.f1 === null ? '-' : strict.f1.toFixed(3);
    expect(text.stdout).toMatch(new RegExp(`^ {2}strict +${strict.cor} .* ${f1}  `, 'm'));
    for (const mode of ['strict', 'exact', 'partial', 'type']) {
      const m = report.modes[mode]!.micro;
      expect(m.gold).toBe(174);
      for (const x of [m.precision, m.recall, m.f1]) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
    }
    // Type is the most lenient mode, strict the least.
    expect(report.modes.type!.micro.cor).toBeGreaterThanOrEqual(report.modes.strict!.micro.cor);
  });

  it('--errors lists disagreements with context', async () => {
    // A copy of the run without its first MONEY annotation: exactly one known miss, whatever the taggers get right.
    const pruned = join(root, 'pruned-run');
    mkdirSync(pruned);
    const file = '000_2af77db84c8b7592.json';
    const doc = JSON.parse(readFileSync(join(seedRun, file), 'utf8')) as { annotations: { label: string; start: number; end: number }[] };
    const dropped = doc.annotations.find((a) => a.label === 'MONEY')!;
    doc.annotations = doc.annotations.filter((a) => a !== dropped);
    writeFileSync(join(pruned, file), JSON.stringify(doc));
    const r = await tawsim(['eval', '--gold', 'eval/seed.gold.json', '--pred', pruned, '--errors', '--labels', 'MONEY']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Errors \(1; offsets in code points/);
    expect(r.stdout).toContain(`000_2af77db84c8b7592  missed        gold MONEY [${dropped.start}, ${dropped.end}) "`);
  });

  it('ANERcorp: whole-token gold against tawsim spans, LOC = GPE + LOC, lenient about proclitics', async () => {
    const lines = readFileSync('eval/anercorp-train.gold.jsonl', 'utf8').split('\n').slice(0, 60).join('\n');
    const gold = join(root, 'aner.jsonl');
    writeFileSync(gold, `${lines}\n`);
    const out = join(root, 'aner-run');
    // The run reads the gold JSONL as input: its extra entities and meta fields are ignored.
    expect((await tawsim(['run', gold, '--out', out, '--quiet', '--concurrency', '1'])).code).toBe(0);
    const expected = { LOC: 0, ORG: 0 };
    for (const l of lines.split('\n')) for (const e of (JSON.parse(l) as { entities: { label: string }[] }).entities) if (e.label === 'LOC' || e.label === 'ORG') expected[e.label]++;
    const args = ['eval', '--gold', gold, '--pred', out, '--merge', 'GPE+LOC', '--map', 'LOC=GPE', '--labels', 'GPE+LOC,ORG', '--json'];
    // --map LOC=GPE first, then the merge: the gold's LOC joins GPE+LOC either way.
    const strict = JSON.parse((await tawsim(args)).stdout) as Report;
    const lenient = JSON.parse((await tawsim([...args, '--lenient-clitics'])).stdout) as Report;
    expect(strict.gold.entities).toBe(expected.LOC + expected.ORG);
    expect(strict.labels).toEqual(['GPE+LOC', 'ORG']);
    expect(lenient.modes.strict!.micro.cor).toBeGreaterThan(strict.modes.strict!.micro.cor);
    expect(lenient.modes.type!.micro.cor).toBe(strict.modes.type!.micro.cor);
  });

  it('reads a CoNLL export back: strict only where no proclitic was kept, all but the unrepresented with --lenient-clitics', async () => {
    const conll = join(root, 'seed.conll');
    const ex = await tawsim(['export', seedRun, '--to', 'conll', '--out', conll]);
    expect(ex.code).toBe(0);
    const widened = Number(/whole token, --clitics keep\): (\d+)/.exec(ex.stderr)?.[1] ?? 0);
    const unrepresented = Number(/not represented: (\d+)/.exec(ex.stderr)![1]);
    const strict = JSON.parse((await tawsim(['eval', '--gold', seedRun, '--pred', conll, '--json'])).stdout) as Report;
    const lenient = JSON.parse((await tawsim(['eval', '--gold', seedRun, '--pred', conll, '--json', '--lenient-clitics'])).stdout) as Report;
    expect(strict.pred.format).toBe('conll');
    const s = strict.modes.strict!.micro;
    expect(s.gold - s.cor).toBe(widened + unrepresented);
    const l = lenient.modes.strict!.micro;
    expect([l.cor, l.pred]).toEqual([l.gold - unrepresented, l.gold - unrepresented]);
  });

  it('refuses unreadable inputs with one clear sentence', async () => {
    const missing = await tawsim(['eval', '--gold', 'nowhere.json', '--pred', seedRun]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^tawsim: Cannot read nowhere\.json: no such file or folder\.\n$/);
    const odd = join(root, 'gold.xyz');
    writeFileSync(odd, 'x');
    const unknown = await tawsim(['eval', '--gold', odd, '--pred', seedRun]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--gold-format/);
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: '000_2af77db84c8b7592', text: 'في بغداد', entities: [{ start: 0, end: 5, label: 'GPE', text: 'بغداد' }] }));
    const surf = await tawsim(['eval', '--gold', bad, '--pred', seedRun]);
    expect(surf.code).toBe(2);
    expect(surf.stderr).toMatch(/\[0, 5\) reads "في بغ", not "بغداد"/);
    const other = join(root, 'other.json');
    writeFileSync(other, JSON.stringify({ id: '000_2af77db84c8b7592', text: 'نص آخر', entities: [] }));
    const diff = await tawsim(['eval', '--gold', other, '--pred', seedRun]);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toMatch(/different texts in gold/);
    expect((await tawsim(['eval', '--gold', resolve('eval/seed.gold.json'), '--pred', seedRun, '--merge', 'GPE'])).code).toBe(1);
  });
});
