/**
 * Review, then the corpus changes, then the pipeline runs again: every decision is kept at
 * its new exact offsets, or listed under `unanchored` when its text is gone, and comes
 * back when the text does. Runs the real batch runner and the review store.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { runExport } from '../../src/io/exporters/export-run.js';
import type { StandoffDocument } from '../../src/io/standoff.js';
import { ReviewStore } from '../../src/review/store.js';
import { runBatch } from '../../src/runner/run.js';
import { STAGES } from '../../src/stages/index.js';
import { tempDir } from '../cli/cli-helpers.js';
import { EMOJI_TEXT, SAMPLE_ID } from './fixtures.js';

let root: string;
let corpus: string;
let out: string;
const sample = readFileSync(`corpus/${SAMPLE_ID}.txt`, 'utf8');
const TOGO = 'ورحب الوزراء بانضمام جمهورية توغو كأحدث عضو في التحالف، ما رفع العدد الإجمالي للأعضاء إلى 86.\n';
const INSERTED = 'تحديث 😀: أعيد نشر البيان بعد تصحيح الأسماء.\n';

async function run(): Promise<Awaited<ReturnType<typeof runBatch>>> {
  return runBatch({ inputs: [corpus], out, config: loadConfig(STAGES, DEFAULT_CONFIG), concurrency: 1, progress: false, stderr: new PassThrough() });
}

function fileOf(id: string): StandoffDocument {
  return JSON.parse(readFileSync(join(out, `${id}.json`), 'utf8')) as StandoffDocument;
}

/** Code point span of the `n`th occurrence (0-based) of `surface` in `text`. */
function nth(text: string, surface: string, n: number): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(surface, at + 1);
  if (at === -1) throw new Error(`"${surface}" #${n} not found`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(surface).length };
}

const decided = (doc: StandoffDocument) => doc.annotations.filter((a) => a.status !== 'auto').map((a) => ({ label: a.label, start: a.start, end: a.end, text: a.text, status: a.status }));

beforeAll(() => {
  root = tempDir('tawsim-review-rerun-');
  corpus = join(root, 'corpus');
  out = join(root, 'run');
  mkdirSync(corpus);
  writeFileSync(join(corpus, `${SAMPLE_ID}.txt`), sample);
  writeFileSync(join(corpus, 'emoji.txt'), EMOJI_TEXT);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('review, edit the corpus, run again', () => {
  it('keeps every decision, moves it with the text, and lists what is gone', async () => {
    expect((await run()).exitCode).toBe(0);

    // A person reviews: four spans in the sample (one in the paragraph that will be
    // deleted), one after the emoji of the other document. A span the taggers already
    // found is accepted, any other is added.
    const store = new ReviewStore({ dir: out, corpus, user: 'reviewer' });
    const status: Record<string, string> = {};
    const decide = async (id: string, text: string, label: string, surface: string, n: number) => {
      const doc = await store.get(id);
      const span = nth(text, surface, n);
      const found = doc.annotations.find((a) => a.start === span.start && a.end === span.end && a.label === label);
      const result = await store.decide(id, doc.revision, found === undefined ? { op: 'add', label, ...span, text: surface } : { op: 'status', id: found.id, status: 'accepted' });
      status[surface] = result.annotation!.status;
      expect(status[surface]).toBe(found === undefined ? 'added' : 'accepted');
    };
    await decide(SAMPLE_ID, sample, 'GPE', 'الرياض', 1);
    await decide(SAMPLE_ID, sample, 'ORG', 'داعش', 9);
    await decide(SAMPLE_ID, sample, 'GPE', 'جمهورية توغو', 0);
    await decide(SAMPLE_ID, sample, 'LOC', 'أفريقيا', 4);
    await decide('emoji', EMOJI_TEXT, 'GPE', 'الرِّياض', 0);
    const reviewed = decided(fileOf(SAMPLE_ID));
    expect(reviewed).toHaveLength(4);

    // The corpus changes: a line inserted at the top, the Togo paragraph deleted.
    expect(sample).toContain(TOGO);
    const edited = INSERTED + sample.replace(TOGO, '');
    writeFileSync(join(corpus, `${SAMPLE_ID}.txt`), edited);
    writeFileSync(join(corpus, 'emoji.txt'), `👍🏽 ${EMOJI_TEXT}`);

    const second = await run();
    expect(second.exitCode).toBe(0);
    // Three in the sample, one in the emoji document; the Togo span is gone.
    expect(second.totals.human_decisions_kept).toBe(4);
    expect(second.totals.unanchored).toBe(1);

    const after = fileOf(SAMPLE_ID);
    const expected = [
      { label: 'GPE', ...nth(edited, 'الرياض', 1), text: 'الرياض', status: status['الرياض'] },
      { label: 'ORG', ...nth(edited, 'داعش', 9), text: 'داعش', status: status['داعش'] },
      { label: 'LOC', ...nth(edited, 'أفريقيا', 4), text: 'أفريقيا', status: status['أفريقيا'] },
    ].sort((a, b) => a.start - b.start);
    expect(decided(after)).toEqual(expected);
    expect(after.unanchored).toHaveLength(1);
    expect(after.unanchored![0]).toMatchObject({ label: 'GPE', text: 'جمهورية توغو', status: status['جمهورية توغو'], reviewed_by: 'reviewer' });
    const points = Array.from(edited);
    for (const a of after.annotations) expect(points.slice(a.start, a.end).join('')).toBe(a.text);

    const emoji = fileOf('emoji');
    expect(decided(emoji)).toEqual([{ label: 'GPE', ...nth(`👍🏽 ${EMOJI_TEXT}`, 'الرِّياض', 0), text: 'الرِّياض', status: status['الرِّياض'] }]);

    // The review page reads the merged file and shows what was not re-anchored.
    const list = await store.list();
    expect(list.documents.find((d) => d.id === SAMPLE_ID)).toMatchObject({ unanchored: 1 });
    const payload = await store.get(SAMPLE_ID);
    expect(payload.unanchored.map((u) => u.text)).toEqual(['جمهورية توغو']);
    // And decisions can still be made on it.
    const daesh = nth(edited, 'داعش', 9);
    const accept = await store.decide(SAMPLE_ID, payload.revision, { op: 'status', id: payload.annotations.find((a) => a.start === daesh.start && a.label === 'ORG')!.id, status: 'accepted' });
    expect(accept.annotation?.status).toBe(status['داعش']);

    // The paragraph comes back: so does the decision.
    writeFileSync(join(corpus, `${SAMPLE_ID}.txt`), sample);
    const third = await run();
    expect(third.totals.human_decisions_kept).toBe(5);
    expect(third.totals.unanchored).toBe(0);
    const restored = fileOf(SAMPLE_ID);
    expect(restored.unanchored).toBeUndefined();
    expect(decided(restored)).toEqual(reviewed.map((r) => ({ ...r })).sort((a, b) => a.start - b.start));
  });

  it('exports the reviewed spans only, through the exporters (--status accepted,edited,added)', async () => {
    const outFile = join(root, 'reviewed.jsonl');
    await runExport({ dir: out, format: 'spacy', out: outFile, corpus, selection: { statuses: ['accepted', 'edited', 'added'] } });
    const lines = readFileSync(outFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; entities: [number, number, string][] });
    const sampleLine = lines.find((l) => l.id === SAMPLE_ID)!;
    const expected = decided(fileOf(SAMPLE_ID)).filter((a) => a.status !== 'rejected').map((a) => [a.start, a.end, a.label]);
    expect(sampleLine.entities).toEqual(expected);
    for (const [start, end] of sampleLine.entities) expect(Array.from(sampleLine.text).slice(start, end).join('')).not.toBe('');
  });
});
