#!/usr/bin/env node
/**
 * Development scorer for the place and organisation stages (not a shipped feature; the
 * product's scorer is `tawsim eval`). Runs the built pipeline (dist/) over a gold file and
 * prints precision, recall and F1 per label.
 *
 *   node scripts/score-entities.mjs --gold eval/seed.gold.json
 *   node scripts/score-entities.mjs --gold eval/anercorp-train.gold.jsonl --anercorp
 *   options: --config <file>   pipeline config (default ./pipeline.config.json)
 *            --set stage.key=json   override one stage option (repeatable)
 *            --anercorp         gold LOC = our GPE+LOC, a leading و ف ب ك ل difference forgiven
 *            --lenient-clitics  forgive a leading proclitic difference only
 *            --errors N         print N false positives and negatives per label
 *            --pred <file>      also write predictions as JSONL (id, text, entities)
 *            --json             machine-readable figures on stdout
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../dist/core/config.js';
import { Doc } from '../dist/core/document.js';
import { offsetConverter } from '../dist/core/offsets.js';
import { Pipeline } from '../dist/core/pipeline.js';
import { DEFAULT_CONFIG } from '../dist/default-config.js';
import { STAGES } from '../dist/stages/index.js';

const { values } = parseArgs({
  options: {
    gold: { type: 'string' },
    config: { type: 'string' },
    set: { type: 'string', multiple: true, default: [] },
    anercorp: { type: 'boolean', default: false },
    'lenient-clitics': { type: 'boolean', default: false },
    errors: { type: 'string', default: '0' },
    pred: { type: 'string' },
    json: { type: 'boolean', default: false },
    labels: { type: 'string', default: 'GPE,LOC,ORG' },
  },
});
if (values.gold === undefined) {
  console.error('usage: node scripts/score-entities.mjs --gold <file> [--anercorp] [--errors N]');
  process.exit(1);
}

function readGold(path) {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl')) return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const v = JSON.parse(text);
  return Array.isArray(v) ? v : [v];
}

const config = loadConfig(STAGES, DEFAULT_CONFIG, values.config);
for (const s of values.set) {
  const m = /^([\w-]+)\.([\w.]+)=(.*)$/.exec(s);
  if (m === null) throw new Error(`--set ${s}: expected stage.key=json`);
  const stage = config.stages.find((x) => x.name === m[1]);
  if (stage === undefined) throw new Error(`--set ${s}: no stage ${m[1]}`);
  const path = m[2].split('.');
  let o = stage.options;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path.at(-1)] = JSON.parse(m[3]);
}
const t0 = performance.now();
const pipeline = new Pipeline(config, STAGES);
const loadMs = performance.now() - t0;

const anercorp = values.anercorp;
const lenient = anercorp || values['lenient-clitics'];
const labels = anercorp ? ['LOC', 'ORG'] : values.labels.split(',');
const mapLabel = (l) => (anercorp && (l === 'GPE' || l === 'LOC') ? 'LOC' : l);
const CLITICS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);

/** Same entity: same label and span, or (lenient) a gold span longer by leading proclitics. */
function same(g, p, text) {
  if (g.label !== p.label || g.end !== p.end) return false;
  if (g.start === p.start) return true;
  if (!lenient || p.start < g.start || p.start - g.start > 2) return false;
  const chars = [...text].slice(g.start, p.start);
  return chars.every((c) => CLITICS.has(c));
}

const docs = readGold(values.gold);
const counts = {};
const errors = {};
for (const l of [...labels, 'GPE+LOC']) {
  counts[l] = { tp: 0, fp: 0, fn: 0 };
  errors[l] = { fp: [], fn: [] };
}
const predOut = [];
let chars = 0;
let ms = 0;
for (const d of docs) {
  const doc = new Doc(d.id, d.text);
  const t = performance.now();
  pipeline.process(doc);
  ms += performance.now() - t;
  chars += Buffer.byteLength(d.text);
  const conv = offsetConverter(d.text);
  const pred = doc.annotations
    .filter((a) => ['GPE', 'LOC', 'ORG'].includes(a.label))
    .map((a) => ({ start: conv.toCodePoint(a.start), end: conv.toCodePoint(a.end), label: a.label, text: d.text.slice(a.start, a.end), source: a.source, note: a.note }));
  if (values.pred !== undefined) predOut.push(JSON.stringify({ id: d.id, text: d.text, entities: pred }));
  const gold = d.entities.map((e) => ({ start: e.start, end: e.end, label: e.label, text: e.text ?? e.surface }));
  const score = (label, g, p) => {
    const used = new Set();
    for (const x of g) {
      const k = p.findIndex((y, i) => !used.has(i) && same(x, y, d.text));
      if (k >= 0) {
        used.add(k);
        counts[label].tp++;
      } else {
        counts[label].fn++;
        errors[label].fn.push(`${d.id} ${x.start} ${x.text} | ${context(d.text, x)}`);
      }
    }
    p.forEach((y, i) => {
      if (!used.has(i)) {
        counts[label].fp++;
        errors[label].fp.push(`${d.id} ${y.start} ${y.text} [${y.source}] | ${context(d.text, y)}`);
      }
    });
  };
  for (const label of labels) {
    score(label, gold.filter((e) => mapLabel(e.label) === label), pred.filter((e) => mapLabel(e.label) === label).map((e) => ({ ...e, label: mapLabel(e.label) })));
  }
  if (!anercorp) {
    const merge = (e) => ({ ...e, label: 'GPE+LOC' });
    score('GPE+LOC', gold.filter((e) => e.label === 'GPE' || e.label === 'LOC').map(merge), pred.filter((e) => e.label === 'GPE' || e.label === 'LOC').map(merge));
  }
}

function context(text, e) {
  const cps = [...text];
  return `${cps.slice(Math.max(0, e.start - 25), e.start).join('')}[${cps.slice(e.start, e.end).join('')}]${cps.slice(e.end, e.end + 25).join('')}`.replace(/\n/g, ' ');
}

const rows = [];
for (const [label, c] of Object.entries(counts)) {
  if (anercorp && label === 'GPE+LOC') continue;
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  rows.push({ label, ...c, precision: p, recall: r, f1: f });
}
if (values.pred !== undefined) writeFileSync(values.pred, predOut.join('\n') + '\n');
if (values.json) console.log(JSON.stringify({ rows, loadMs, mbPerSecond: chars / 1e6 / (ms / 1000) }));
else {
  console.log(`${values.gold}: ${docs.length} document(s), ${anercorp ? 'ANERcorp mode (LOC = GPE+LOC, clitic-lenient)' : lenient ? 'clitic-lenient' : 'strict'}; pipeline load ${loadMs.toFixed(0)} ms`);
  console.log('label      tp    fp    fn   prec   rec    F1');
  for (const r of rows) {
    console.log(`${r.label.padEnd(8)} ${String(r.tp).padStart(5)} ${String(r.fp).padStart(5)} ${String(r.fn).padStart(5)}  ${(r.precision * 100).toFixed(1).padStart(5)} ${(r.recall * 100).toFixed(1).padStart(5)} ${(r.f1 * 100).toFixed(1).padStart(5)}`);
  }
  const n = Number(values.errors);
  if (n > 0) {
    for (const [label, e] of Object.entries(errors)) {
      if (e.fp.length + e.fn.length === 0) continue;
      console.log(`\n== ${label} false positives (${e.fp.length})`);
      for (const x of e.fp.slice(0, n)) console.log('  ' + x);
      console.log(`== ${label} false negatives (${e.fn.length})`);
      for (const x of e.fn.slice(0, n)) console.log('  ' + x);
    }
  }
}
