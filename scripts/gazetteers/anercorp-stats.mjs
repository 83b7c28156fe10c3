// ANERcorp (eval/anercorp-train.gold.jsonl) as a frequency list for ambiguity checks: how often
// a name occurs as whole tokens (a proclitic allowed on the first token, as the matcher allows)
// and what the gold says about those occurrences (inside a LOC, ORG, PERS, MISC span, or none).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, fold } from './lib.mjs';

// Proclitic stacks a name may carry in ANERcorp tokens (its spans include them): conjunctions
// و ف, prepositions ب ك ل and their stacks (clitic list as in src/arabic/clitics.ts).
const PROCLITICS = ['و', 'ف', 'ب', 'ك', 'ل', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];

/**
 * Loads ANERcorp and returns `count(name)`: occurrences of the folded name by gold category.
 * A name starting with the article also matches the `لل` contraction (ل + ال).
 */
export function loadAnercorpStats() {
  const docs = readFileSync(join(ROOT, 'eval', 'anercorp-train.gold.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  /** base form -> list of [doc, token index] */
  const index = new Map();
  const sentences = [];
  docs.forEach((d, di) => {
    const toks = [];
    const re = /\S+/g;
    let m;
    while ((m = re.exec(d.text))) toks.push({ start: m.index, end: m.index + m[0].length, f: fold(m[0]) });
    sentences.push({ toks, entities: d.entities });
    toks.forEach((t, ti) => {
      const bases = new Set([t.f]);
      for (const p of PROCLITICS) if (t.f.startsWith(p) && t.f.length > p.length + 1) bases.add(t.f.slice(p.length));
      if (t.f.startsWith('لل') && t.f.length > 3) bases.add('ال' + t.f.slice(2));
      if (/^[وف]لل/.test(t.f) && t.f.length > 4) bases.add('ال' + t.f.slice(3));
      for (const b of bases) {
        let list = index.get(b);
        if (!list) index.set(b, (list = []));
        list.push(di, ti);
      }
    });
  });
  const cache = new Map();
  return function count(name) {
    const words = fold(name).split(' ');
    const key = words.join(' ');
    const hit = cache.get(key);
    if (hit) return hit;
    const c = { total: 0, LOC: 0, ORG: 0, PERS: 0, MISC: 0, none: 0 };
    const list = index.get(words[0]) ?? [];
    for (let k = 0; k < list.length; k += 2) {
      const s = sentences[list[k]];
      const ti = list[k + 1];
      let ok = ti + words.length <= s.toks.length;
      for (let w = 1; ok && w < words.length; w++) ok = s.toks[ti + w].f === words[w];
      if (!ok) continue;
      const start = s.toks[ti].start;
      const end = s.toks[ti + words.length - 1].end;
      const ent = s.entities.find((e) => e.start <= start && e.end >= end) ?? s.entities.find((e) => e.start < end && e.end > start);
      c.total++;
      c[ent ? ent.label : 'none']++;
    }
    cache.set(key, c);
    return c;
  };
}
