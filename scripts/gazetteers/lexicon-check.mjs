// Review aid: world-cities towns whose one-word name is also an Arabic word. Small places named
// like a word (حرمة, مساكن, سار, فيروس) fire on the word far more often than news names the town,
// so they are marked in sources/cities-overrides.tsv. ANERcorp counts (build-cities step 7) catch
// only the words it happens to contain twice; a general lexicon catches the rest.
// Needs Debian's hunspell and hunspell-ar (Ayaspell) at review time only: the decisions are
// committed as override rows, so the build itself does not need them.
// Hunspell's affix rules accept many transliterations as words, so the list is long; with
// --anercorp it keeps the names that eval/anercorp-train.gold.jsonl shows only outside place
// spans (at least once), the short list the 2024 review of cities-overrides.tsv was made from.
// Run: node scripts/gazetteers/lexicon-check.mjs [--max-population N] [--anercorp] > review.tsv
// Prints: country, CSV English name, Arabic name, population (and ANERcorp counts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnercorpStats } from './anercorp-stats.mjs';
import { ROOT, entryNames, fold } from './lib.mjs';

const maxPop = process.argv.includes('--max-population') ? Number(process.argv[process.argv.indexOf('--max-population') + 1]) : 200000;
const population = new Map();
for (const line of readFileSync(join(ROOT, 'data', 'sources', 'world-cities-ar.csv'), 'utf8').replace(/^\uFEFF/, '').split('\n').slice(1)) {
  const cells = line.match(/("([^"]*)"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
  // By English city name; a name in several countries keeps the largest (an upper bound).
  if (cells.length >= 5) population.set(cells[3], Math.max(population.get(cells[3]) ?? 0, Number(cells[4] || 0)));
}
const entries = readFileSync(join(ROOT, 'gazetteers', 'places', 'cities.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const candidates = [];
for (const e of entries) {
  if (e.source !== 'world-cities' || e.ambiguous !== undefined) continue;
  const pop = population.get(e.en) ?? 0;
  if (pop > maxPop) continue;
  for (const n of entryNames(e)) if (!n.includes(' ')) candidates.push({ e, n, pop });
}
// hunspell -G prints the words it accepts, one a line, in input order.
const words = [...new Set(candidates.map((c) => c.n))];
const known = new Set(execFileSync('hunspell', ['-d', 'ar', '-G'], { input: words.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n').map((w) => fold(w.trim())));
const count = process.argv.includes('--anercorp') ? loadAnercorpStats() : null;
for (const c of candidates) {
  if (!known.has(fold(c.n))) continue;
  const s = count?.(c.n);
  if (s && !(s.total >= 1 && s.LOC === 0)) continue;
  console.log([c.e.country, c.e.en, c.n, c.pop, s ? JSON.stringify(s) : ''].join('\t'));
}
