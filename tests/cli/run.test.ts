import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tawsim, tempDir } from './cli-helpers.js';

interface Manifest {
  totals: { documents: number; ok: number; failed: number; skipped: number };
  documents: { id: string; status: string; reason?: string; language?: string; tagged?: boolean; encoding?: string; warnings?: string[]; sentences?: number }[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const SAMPLE = 'corpus/000_2af77db84c8b7592.txt';

/** Every file below `dir`, relative names, hidden ones included. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1));
}

/** Code-point slice, as Python and brat count. */
const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('tawsim run on the sample corpus', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof tawsim>>;
  beforeAll(async () => {
    out = tempDir();
    result = await tawsim(['run', 'corpus', '--out', out]);
  });

  it('exits 0 and writes one standoff file and a manifest', () => {
    expect(result.code).toBe(0);
    expect(allFiles(out).sort()).toEqual(['000_2af77db84c8b7592.json', 'manifest.json']);
    expect(result.stderr).toMatch(/1 of 1 document\(s\) written/);
  });

  it('the standoff file follows SPEC.md', () => {
    const doc = readJson<{ schema: string; doc: { id: string; source: string; sha256: string; length: number; language: { code: string } }; pipeline: { stages: string[] }; sentences: { start: number; end: number }[] }>(
      join(out, '000_2af77db84c8b7592.json'),
    );
    const text = readFileSync(SAMPLE, 'utf8');
    expect(doc.schema).toBe('tawsim.standoff/1');
    expect(doc.doc).toMatchObject({ id: '000_2af77db84c8b7592', source: SAMPLE, length: [...text].length, language: { code: 'arb' } });
    expect(doc.pipeline.stages.slice(0, 4)).toEqual(['normalise', 'language', 'tokenise', 'sentences']);
    expect(doc.sentences.length).toBe(73);
    expect(cpSlice(text, doc.sentences[1]!.start, doc.sentences[1]!.end)).toMatch(/^اجتمع وزراء خارجية/);
  });

  it('the manifest records status, counts and totals', () => {
    const m = readJson<Manifest & { tool: { version: string }; run: { seconds: number } }>(join(out, 'manifest.json'));
    expect(m.tool.version).toBe('0.1.0');
    expect(m.totals).toMatchObject({ documents: 1, ok: 1, failed: 0 });
    expect(m.documents[0]).toMatchObject({ id: '000_2af77db84c8b7592', status: 'ok', language: 'arb', tagged: true, sentences: 73 });
  });
});

describe('tawsim run on bad input', () => {
  let dir: string;
  let out: string;
  let result: Awaited<ReturnType<typeof tawsim>>;
  let manifest: Manifest;
  const status = (id: string) => manifest.documents.find((d) => d.id === id);

  beforeAll(async () => {
    dir = tempDir();
    out = tempDir();
    writeFileSync(join(dir, 'a-good.txt'), 'اجتمع الوزراء في الرياض اليوم.');
    writeFileSync(join(dir, 'b-empty.txt'), '');
    writeFileSync(join(dir, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'd-latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x74, 0x72, 0xe8, 0x73, 0x20, 0x62, 0x6f, 0x6e]));
    // "العراق وسوريا في الشرق الأوسط" in Windows-1256.
    writeFileSync(join(dir, 'e-cp1256.txt'), Buffer.from([0xc7, 0xe1, 0xda, 0xd1, 0xc7, 0xde, 0x20, 0xe6, 0xd3, 0xe6, 0xd1, 0xed, 0xc7, 0x20, 0xdd, 0xed, 0x20, 0xc7, 0xe1, 0xd4, 0xd1, 0xde, 0x20, 0xc7, 0xe1, 0xc3, 0xe6, 0xd3, 0xd8]));
    writeFileSync(join(dir, 'f-bom-crlf.txt'), '\uFEFFعنوان\r\n😀 نص أول. نص ثان.\r\n');
    writeFileSync(join(dir, 'g-english.txt'), 'The ministers of the Global Coalition met in Riyadh today. They pledged more support.');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'h-nested.txt'), 'نص في مجلد فرعي.');
    writeFileSync(join(dir, 'notes.md'), 'ignored: not .txt');
    result = await tawsim(['run', dir, '--out', out, '--concurrency', '2']);
    manifest = readJson<Manifest>(join(out, 'manifest.json'));
  });

  it('exits 3 because some documents failed, and writes the rest', () => {
    expect(result.code).toBe(3);
    expect(manifest.totals).toMatchObject({ documents: 8, ok: 5, failed: 2, skipped: 1 });
    expect(allFiles(out).sort()).toEqual(['a-good.json', 'e-cp1256.json', 'f-bom-crlf.json', 'g-english.json', 'manifest.json', 'sub/h-nested.json']);
  });

  it('gives each bad document a clear reason', () => {
    expect(status('b-empty')).toMatchObject({ status: 'skipped', reason: 'empty document (0 bytes)' });
    expect(status('c-binary')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/binary/) });
    expect(status('d-latin1')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/not valid UTF-8 \(invalid byte 0xe9 at offset 3\)/) });
    expect(status('e-cp1256')).toMatchObject({ status: 'ok', encoding: 'windows-1256', warnings: [expect.stringMatching(/Windows-1256/)] });
    expect(status('g-english')).toMatchObject({ status: 'ok', language: 'eng', tagged: false });
  });

  it('a BOM is removed, CRLF stays two characters, emoji count as one code point', () => {
    const doc = readJson<{ doc: { length: number }; sentences: { start: number; end: number }[] }>(join(out, 'f-bom-crlf.json'));
    const text = 'عنوان\r\n😀 نص أول. نص ثان.\r\n';
    expect(doc.doc.length).toBe([...text].length);
    expect(doc.sentences.map((s) => cpSlice(text, s.start, s.end))).toEqual(['عنوان', '😀 نص أول.', 'نص ثان.']);
  });

  it('the decoded Windows-1256 text is what the offsets count', () => {
    const doc = readJson<{ doc: { encoding: string }; sentences: { start: number; end: number }[] }>(join(out, 'e-cp1256.json'));
    expect(doc.doc.encoding).toBe('windows-1256');
    expect(doc.sentences).toEqual([{ start: 0, end: 29 }]);
  });

  it('leaves no temporary file behind', () => {
    expect(allFiles(out).filter((f) => f.includes('tawsim-tmp'))).toEqual([]);
  });
});

describe('tawsim run: JSONL, stdin and streaming', () => {
  it('reads JSONL, reports bad lines, duplicate and unsafe ids, and goes on', async () => {
    const dir = tempDir();
    const out = tempDir();
    const jsonl = join(dir, 'docs.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ id: 'n1', text: 'نص أول.' }),
        '{ not json',
        JSON.stringify({ id: 'n1', text: 'نص مكرر.' }),
        JSON.stringify({ id: '../escape', text: 'نص.' }),
        JSON.stringify({ id: 'n2' }),
        JSON.stringify({ text: 'بلا معرف.', entities: [], meta: {} }),
        '',
      ].join('\n'),
    );
    const r = await tawsim(['run', jsonl, '--out', out, '--concurrency', '1']);
    expect(r.code).toBe(3);
    const m = readJson<Manifest>(join(out, 'manifest.json'));
    expect(m.documents.map((d) => [d.id, d.status])).toEqual([
      ['n1', 'ok'],
      ['docs-2', 'failed'],
      ['n1', 'failed'],
      ['docs-4', 'failed'],
      ['n2', 'failed'],
      ['docs-6', 'ok'],
    ]);
    expect(m.documents[1]!.reason).toMatch(/line 2 is not valid JSON/);
    expect(m.documents[2]!.reason).toMatch(/duplicate document id "n1"/);
    expect(m.documents[3]!.reason).toMatch(/cannot be used as a file name/);
    expect(m.documents[4]!.reason).toMatch(/no string "text"/);
    expect(existsSync(join(dir, 'escape.json'))).toBe(false);
  });

  it('filters JSONL from stdin to JSONL on stdout, in input order, manifest on stderr', async () => {
    const input = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `d${i}`, text: `${'نص '.repeat(i * 50)}رقم ${i}.` })).join('\n');
    const r = await tawsim(['run', '-', '--out', '-', '--concurrency', '2'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc: { id: string }; text: string });
    expect(lines.map((l) => l.doc.id)).toEqual(Array.from({ length: 12 }, (_, i) => `d${i}`));
    expect(lines[3]!.text).toMatch(/رقم 3\.$/);
    const manifest = JSON.parse(r.stderr) as Manifest;
    expect(manifest.totals).toMatchObject({ documents: 12, ok: 12 });
  });

  it('worker threads and a single thread write the same files', async () => {
    const a = tempDir();
    const b = tempDir();
    const dir = tempDir();
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `doc${i}.txt`), `${readFileSync(SAMPLE, 'utf8').slice(i * 500, i * 500 + 3000)}`);
    expect((await tawsim(['run', dir, '--out', a, '--concurrency', '1'])).code).toBe(0);
    expect((await tawsim(['run', dir, '--out', b, '--concurrency', '2'])).code).toBe(0);
    for (let i = 0; i < 6; i++) expect(readFileSync(join(a, `doc${i}.json`), 'utf8')).toBe(readFileSync(join(b, `doc${i}.json`), 'utf8'));
  });
});

describe('tawsim run: size limits and a large document', () => {
  it('processes a 50 MB single document', async () => {
    const dir = tempDir();
    const out = tempDir();
    const paragraph = `${readFileSync(SAMPLE, 'utf8')}\n`;
    const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(paragraph));
    writeFileSync(join(dir, 'big.txt'), paragraph.repeat(copies));
    const r = await tawsim(['run', dir, '--out', out]);
    expect(r.code).toBe(0);
    const m = readJson<Manifest>(join(out, 'manifest.json'));
    expect(m.documents[0]).toMatchObject({ id: 'big', status: 'ok', sentences: 73 * copies });
  }, 120_000);

  it('refuses a document over run.maxDocumentBytes with the reason', async () => {
    const dir = tempDir();
    const out = tempDir();
    writeFileSync(join(dir, 'small.txt'), 'نص قصير.');
    writeFileSync(join(dir, 'large.txt'), 'نص طويل. '.repeat(1000));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ stages: ['normalise', 'tokenise', 'sentences'], run: { maxDocumentBytes: 1000 } }));
    const r = await tawsim(['run', dir, '--out', out, '--config', config]);
    expect(r.code).toBe(3);
    const m = readJson<Manifest>(join(out, 'manifest.json'));
    expect(m.documents.find((d) => d.id === 'large')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/too large.*run\.maxDocumentBytes/) });
    expect(m.documents.find((d) => d.id === 'small')).toMatchObject({ status: 'ok' });
  });
});

describe('tawsim: exit codes and errors', () => {
  it('exit 2 when an input does not exist', async () => {
    const r = await tawsim(['run', 'no/such/folder', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tawsim: Cannot read input no/such/folder (no such file or folder).\n');
  });

  it('exit 1 with every JSON path for a bad config, no stack trace', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ stages: ['normalise', { stage: 'tokenise', options: { urls: 3 } }, 'nope'], nestd: 1 }));
    const r = await tawsim(['run', 'corpus', '--out', tempDir(), '--config', join(dir, 'c.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Invalid configuration in .*c\.json:\n {2}- nestd: unknown key/);
    r.code === 1 && expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exit 1 for an unknown option or a bad value', async () => {
    expect((await tawsim(['run', 'corpus', '--out', tempDir(), '--fast'])).code).toBe(1);
    const r = await tawsim(['run', 'corpus', '--out', tempDir(), '--concurrency', 'many']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--concurrency/);
  });

  it('exit 1 when --out is missing', async () => {
    const r = await tawsim(['run', 'corpus']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out/);
  });
});

describe('tawsim annotate', () => {
  it('annotates --text and prints the standoff document with the text', async () => {
    const r = await tawsim(['annotate', '--text', '😀 وصل الوزير إلى الرياض. ثم غادر.']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { text: string; sentences: { start: number; end: number }[]; doc: { id: string } };
    expect(doc.doc.id).toBe('stdin');
    expect(doc.sentences.map((s) => cpSlice(doc.text, s.start, s.end))).toEqual(['😀 وصل الوزير إلى الرياض.', 'ثم غادر.']);
  });

  it('reads stdin, and --compact prints one line', async () => {
    const r = await tawsim(['annotate', '--compact', '--id', 'x1'], { input: 'نص من الدخل القياسي.' });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect((JSON.parse(r.stdout) as { doc: { id: string } }).doc.id).toBe('x1');
  });
});

describe('tawsim run: a killed run', () => {
  it('leaves only complete files, and the next run cleans its temporary files', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI } = await import('./cli-helpers.js');
    const dir = tempDir();
    const out = tempDir();
    const text = readFileSync(SAMPLE, 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `d${String(i).padStart(3, '0')}.txt`), text);
    const child = spawn(process.execPath, [CLI, 'run', dir, '--out', out, '--concurrency', '1', '--quiet']);
    // Kill it once some files are out.
    await new Promise<void>((resolveWait) => {
      const timer = setInterval(() => {
        if (readdirSync(out).filter((f) => f.endsWith('.json')).length >= 20) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolveWait();
        }
      }, 5);
    });
    await new Promise((r) => child.on('close', r));
    const written = readdirSync(out).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    expect(written.length).toBeGreaterThan(0);
    for (const f of written) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8'))).not.toThrow();
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const again = await tawsim(['run', dir, '--out', out, '--quiet']);
    expect(again.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.includes('tawsim-tmp'))).toEqual([]);
    expect(readdirSync(out).filter((f) => f.endsWith('.json'))).toHaveLength(401);
  }, 60_000);
});

describe('tawsim run --format', () => {
  it('writes brat, spaCy and CoNLL files beside each standoff file, all readable back', async () => {
    const out = tempDir();
    const r = await tawsim(['run', 'corpus', '--out', out, '--format', 'json,brat,spacy,conll']);
    expect(r.code).toBe(0);
    const id = '000_2af77db84c8b7592';
    expect(allFiles(out).sort()).toEqual([`${id}.ann`, `${id}.conll`, `${id}.json`, `${id}.spacy.jsonl`, `${id}.txt`, 'manifest.json']);
    const standoff = readJson<{ annotations: { start: number; end: number; label: string; text: string }[] }>(join(out, `${id}.json`));
    const text = readFileSync(join(out, `${id}.txt`), 'utf8');
    expect(text).toBe(readFileSync(SAMPLE, 'utf8'));
    const ann = readFileSync(join(out, `${id}.ann`), 'utf8').split('\n').filter((l) => l.startsWith('T'));
    expect(ann).toHaveLength(standoff.annotations.length);
    for (const line of ann) {
      const [, type, surface] = line.split('\t');
      const [, s, e] = type!.split(' ');
      expect(cpSlice(text, Number(s), Number(e))).toBe(surface);
    }
    const spacy = JSON.parse(readFileSync(join(out, `${id}.spacy.jsonl`), 'utf8')) as { entities: [number, number, string][] };
    expect(spacy.entities).toEqual(standoff.annotations.map((a) => [a.start, a.end, a.label]));
    const conll = readFileSync(join(out, `${id}.conll`), 'utf8');
    expect(conll.startsWith(`# id = ${id}\n`)).toBe(true);
    expect(conll.match(/\tB-/g)?.length).toBe(standoff.annotations.length);
    const manifest = readJson<Manifest>(join(out, 'manifest.json'));
    expect(manifest.documents[0]!.warnings).toBeUndefined();
  });

  it('refuses an unknown format', async () => {
    const r = await tawsim(['run', 'corpus', '--out', tempDir(), '--format', 'json,xml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--format/);
  });
});
