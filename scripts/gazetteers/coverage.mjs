// Gazetteer coverage of the gold files: for each gold GPE/LOC/ORG span (ANERcorp: LOC and ORG),
// is its surface, without a proclitic, a name or variant in the gazetteers (label-compatible)?
// It measures the lists, not the matcher (no rules, no context); the most frequent missed names
// are printed so a linguist can see what to add.
// Run: node scripts/gazetteers/coverage.mjs [--missed N]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, entryNames, fold } from './lib.mjs';

const missedN = process.argv.includes('--missed') ? Number(process.argv[process.argv.indexOf('--missed') + 1]) : 25;
const names = new Map(); // folded name -> Set of labels
for (const dir of ['places', 'organisations']) {
  for (const f of readdirSync(join(ROOT, 'gazetteers', dir)).filter((x) => x.endsWith('.jsonl') && x !== 'demonyms.jsonl')) {
    for (const line of readFileSync(join(ROOT, 'gazetteers', dir, f), 'utf8').trim().split('\n')) {
      const e = JSON.parse(line);
      for (const n of entryNames(e)) {
        const k = fold(n).replace(/\s*-\s*/g, ' ');
        (names.get(k) ?? names.set(k, new Set()).get(k)).add(e.label);
      }
    }
  }
}
// Proclitic stacks (و ف ب ك ل and stacks; لل for ل + ال), as src/arabic/clitics.ts reads them.
const PRO = ['', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
function readings(surface) {
  const f = fold(surface).replace(/\s*-\s*/g, ' ');
  const out = [];
  for (const p of PRO) if (f.startsWith(p) && f.length > p.length + 1) out.push(f.slice(p.length));
  for (const p of ['لل', 'ولل', 'فلل']) if (f.startsWith(p)) out.push('ال' + f.slice(p.length));
  return out;
}
function report(title, spans, accepts) {
  const byLabel = new Map();
  const missed = new Map();
  for (const { label, surface } of spans) {
    const s = byLabel.get(label) ?? byLabel.set(label, { total: 0, found: 0 }).get(label);
    s.total++;
    if (readings(surface).some((r) => [...(names.get(r) ?? [])].some((l) => accepts(label, l)))) s.found++;
    else missed.set(`${label} ${surface}`, (missed.get(`${label} ${surface}`) ?? 0) + 1);
  }
  console.log(`## ${title}`);
  for (const [label, s] of byLabel) console.log(`${label}: ${s.found}/${s.total} spans (${((100 * s.found) / s.total).toFixed(1)}%) are a gazetteer name`);
  console.log(`most frequent missed (${missedN}):`, [...missed].sort((a, b) => b[1] - a[1]).slice(0, missedN).map(([k, n]) => `${k} ×${n}`).join(' | '));
}

const seed = JSON.parse(readFileSync(join(ROOT, 'eval', 'seed.gold.json'), 'utf8'));
report('seed.gold.json', seed.entities.filter((e) => ['GPE', 'LOC', 'ORG'].includes(e.label)).map((e) => ({ label: e.label, surface: e.text })), (gold, l) => gold === l);
const aner = readFileSync(join(ROOT, 'eval', 'anercorp-train.gold.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
report(
  'anercorp-train.gold.jsonl (its LOC = GPE or LOC)',
  aner.flatMap((d) => d.entities.filter((e) => e.label === 'LOC' || e.label === 'ORG').map((e) => ({ label: e.label, surface: e.surface }))),
  (gold, l) => (gold === 'LOC' ? l === 'GPE' || l === 'LOC' : l === 'ORG'),
);

// The other side: unmarked one-word names that ANERcorp text has mostly outside gold spans of
// their label (a proxy for false positives; ANERcorp misses some names, so read, don't obey).
import { loadAnercorpStats } from './anercorp-stats.mjs';
const count = loadAnercorpStats();
const suspects = [];
for (const dir of ['places', 'organisations']) {
  for (const f of readdirSync(join(ROOT, 'gazetteers', dir)).filter((x) => x.endsWith('.jsonl') && x !== 'demonyms.jsonl')) {
    for (const line of readFileSync(join(ROOT, 'gazetteers', dir, f), 'utf8').trim().split('\n')) {
      const e = JSON.parse(line);
      if (e.ambiguous) continue;
      const want = e.label === 'ORG' ? 'ORG' : 'LOC';
      for (const n of entryNames(e)) {
        const c = count(n);
        const outside = c.total - c[want];
        if (outside >= 3 && c[want] / c.total < 0.5) suspects.push([outside, `${n} (${e.id}) ${c[want]}/${c.total}`]);
      }
    }
  }
}
suspects.sort((a, b) => b[0] - a[0]);
console.log(`## unmarked names mostly outside gold spans in ANERcorp: ${suspects.length}`);
console.log(suspects.slice(0, missedN).map(([, s]) => s).join(' | '));
