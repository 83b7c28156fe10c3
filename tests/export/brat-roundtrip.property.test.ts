/**
 * Done-when of issue 5: run -> export brat -> eval against the standoff gives 1.0, for
 * random documents (Arabic words, clitics, emoji, CRLF, diacritics) run through the
 * configured pipeline, plus random hand-added annotations anywhere in the text (across
 * line breaks, inside tokens, on astral characters), as a reviewer would add them.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAnnotations } from '../../src/core/annotations.js';
import { Doc } from '../../src/core/document.js';
import { DEFAULT_CONFIG } from '../../src/default-config.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { MODES } from '../../src/eval/match.js';
import { runExport } from '../../src/io/exporters/index.js';
import { pairInputs, readEvalInput } from '../../src/io/importers/index.js';
import { serialiseStandoff, toStandoff } from '../../src/io/standoff.js';
import { SEED, pipelineOf } from '../helpers.js';

const pipeline = pipelineOf(DEFAULT_CONFIG.stages);
const root = mkdtempSync(join(tmpdir(), 'tawsim-brat-rt-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const WORDS = ['بغداد', 'العراق', 'وبغداد', 'للعراق', 'الأمم المتحدة', 'مجلس الأمن', 'وزارة الخارجية', 'سوريا', 'شمال', '601 مليون دولار', '25%', '2023', '😀', '👨‍👩‍👧', '𝐀𝐁', 'مُحَمَّد', 'شمالـــي', 'Paris', '«', '»', '.', '،'];
const SEPARATORS = [' ', ' ', ' ', '\n', '\r\n', '\n\n', '  '];
const text = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 }).map((p) => p.map(([w, s]) => w + s).join(''));

/** UTF-16 offsets that are code-point boundaries and not whitespace-adjacent ends. */
function boundaries(t: string): number[] {
  const out: number[] = [];
  for (let i = 0; i <= t.length; i++) {
    const c = t.charCodeAt(i);
    if (i > 0 && i < t.length && (c & 0xfc00) === 0xdc00 && (t.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    out.push(i);
  }
  return out;
}

let n = 0;
async function roundTrip(t: string, picks: [number, number, number][]): Promise<void> {
  const id = `doc-${n++}`;
  const doc = new Doc(id, t, `${id}.txt`);
  const result = pipeline.process(doc);
  expect(result.ok).toBe(true);
  const cuts = boundaries(t);
  for (const [a, b, l] of picks) {
    let s = cuts[a % cuts.length]!;
    let e = cuts[b % cuts.length]!;
    if (s > e) [s, e] = [e, s];
    // A reviewer's span never starts or ends on whitespace.
    while (s < e && /\s/.test(t[s]!)) s++;
    while (e > s && /\s/.test(t[e - 1]!)) e--;
    if (s >= e || (t.charCodeAt(s) & 0xfc00) === 0xdc00) continue;
    doc.annotations.push({ label: ['GPE', 'LOC', 'ORG', 'CARDINAL'][l % 4]!, start: s, end: e, source: 'review', confidence: 1, status: 'added', ...(l % 4 === 3 ? { value: l } : {}) });
  }
  doc.annotations = resolveAnnotations(doc.annotations, { nested: false, labels: {} });
  const standoff = toStandoff(doc, { version: 'test', configSha256: 'x', stages: pipeline.stageNames }, { includeText: true });
  const dir = join(root, id, 'run');
  const bratDir = join(root, id, 'brat');
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  writeFileSync(join(dir, `${id}.json`), serialiseStandoff(standoff, true));
  const outcome = await runExport({ dir, format: 'brat', out: bratDir, selection: {} });
  expect(outcome.report.problemCount).toBe(0);
  expect(outcome.report.written).toBe(doc.annotations.length);
  const gold = await readEvalInput(dir);
  const pred = await readEvalInput(bratDir);
  expect(pred.format).toBe('brat');
  const paired = pairInputs(gold, pred);
  const scores = evaluate(paired.gold, paired.pred);
  for (const mode of MODES) {
    const m = scores.modes[mode].micro;
    if (doc.annotations.length === 0) expect(m.f1).toBeNull();
    else expect([mode, m.precision, m.recall, m.f1]).toEqual([mode, 1, 1, 1]);
  }
  for (const v of scores.values) expect(v.accuracy).toBe(1);
}

describe('run -> brat -> eval against the standoff (fast-check, seeded)', () => {
  it('scores 1.0 in every mode', async () => {
    await fc.assert(fc.asyncProperty(text, fc.array(fc.tuple(fc.nat(400), fc.nat(400), fc.nat(40)), { maxLength: 8 }), roundTrip), { seed: SEED, numRuns: 60 });
  });
});
