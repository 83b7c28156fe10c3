// Error analysis for the data engineer: runs the dev scorer's predictions (JSONL written by
// `node scripts/score-entities.mjs --gold G --anercorp --pred P`) against the gold and groups
// false positives and negatives by surface (ANERcorp mode: gold LOC = GPE+LOC, a leading
// proclitic forgiven), with counts, the matcher's source and one context each.
// Run: node scripts/gazetteers/errors.mjs --gold eval/anercorp-train.gold.jsonl --pred P [--top N] [--label LOC|ORG]
// (P: the scorer's JSONL or a standoff folder from `tawsim run ... --out P`)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { gold: { type: 'string' }, pred: { type: 'string' }, top: { type: 'string', default: '80' }, label: { type: 'string' } } });
const readL = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const gold = readL(values.gold);
// Predictions: the dev scorer's JSONL, or a standoff folder written by `tawsim run --out`.
const readPred = (p) => {
  if (!statSync(p).isDirectory()) return readL(p);
  return readdirSync(p)
    .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    .map((f) => JSON.parse(readFileSync(join(p, f), 'utf8')))
    .map((d) => ({ id: d.doc.id, entities: d.annotations }));
};
const pred = new Map(readPred(values.pred).map((d) => [d.id, d]));
const CL = new Set(['و', 'ف', 'ب', 'ك', 'ل']);
const map = (l) => (l === 'GPE' ? 'LOC' : l);
const groups = { fp: new Map(), fn: new Map(), wrongLabel: new Map(), boundary: new Map() };
const add = (g, key, ctx) => {
  const e = g.get(key) ?? g.set(key, { n: 0, ctx: [] }).get(key);
  e.n++;
  if (e.ctx.length < 2) e.ctx.push(ctx);
};
const ctx = (cps, s, e) => `${cps.slice(Math.max(0, s - 30), s).join('')}[${cps.slice(s, e).join('')}]${cps.slice(e, e + 30).join('')}`.replace(/\n/g, ' ');
for (const d of gold) {
  const cps = [...d.text];
  const g = d.entities.filter((e) => e.label === 'LOC' || e.label === 'ORG').map((e) => ({ ...e, label: map(e.label) }));
  const p = (pred.get(d.id)?.entities ?? []).map((e) => ({ ...e, label: map(e.label) }));
  const same = (a, b) => a.end === b.end && (a.start === b.start || (b.start > a.start && b.start - a.start <= 2 && cps.slice(a.start, b.start).every((c) => CL.has(c))));
  const usedP = new Set();
  const fnList = [];
  for (const x of g) {
    const k = p.findIndex((y, i) => !usedP.has(i) && y.label === x.label && same(x, y));
    if (k >= 0) usedP.add(k);
    else fnList.push(x);
  }
  const fpList = p.filter((_, i) => !usedP.has(i));
  for (const x of fnList) {
    const surf = cps.slice(x.start, x.end).join('');
    const ov = fpList.find((y) => y.start < x.end && y.end > x.start);
    if (ov && ov.label !== x.label && same(x, ov)) add(groups.wrongLabel, `${x.label}<-${ov.label} ${surf} [${ov.source}]`, ctx(cps, x.start, x.end));
    else if (ov) add(groups.boundary, `${x.label} gold=${surf} pred=${ov.label}:${cps.slice(ov.start, ov.end).join('')} [${ov.source}]`, ctx(cps, x.start, x.end));
    else add(groups.fn, `${x.label} ${surf}`, ctx(cps, x.start, x.end));
  }
  for (const y of fpList) {
    const ov = g.find((x) => y.start < x.end && y.end > x.start);
    if (ov) continue; // counted above as wrong label or boundary
    const goldAny = d.entities.find((x) => y.start < x.end && y.end > x.start);
    add(groups.fp, `${y.label} ${cps.slice(y.start, y.end).join('')} [${y.source}]${goldAny ? ' gold:' + goldAny.label : ''}`, ctx(cps, y.start, y.end));
  }
}
const top = Number(values.top);
for (const [k, g] of Object.entries(groups)) {
  let rows = [...g].sort((a, b) => b[1].n - a[1].n);
  if (values.label) rows = rows.filter(([key]) => key.startsWith(values.label));
  const total = rows.reduce((s, [, e]) => s + e.n, 0);
  console.log(`\n== ${k}: ${total} in ${rows.length} groups`);
  for (const [key, e] of rows.slice(0, top)) console.log(`${String(e.n).padStart(4)} ${key} | ${e.ctx[0]}`);
}
