// Builds the hand-compiled gazetteers: every sources/places/NAME.tsv becomes
// gazetteers/places/NAME.jsonl and every sources/organisations/NAME.tsv becomes
// gazetteers/organisations/NAME.jsonl (source `tawsim`, MIT).
// TSV columns: type, name, variants (| separated; `name{reason;confidence;note}` gives a variant
// its own ambiguity, `name{-}` makes it sure), en, country, ambiguous, confidence, note, id.
// Ambiguity belongs to a name: the entry's columns speak for its name and its unmarked variants;
// automatic marks (below) go on the one name that collides, not on the whole entry.
// The label follows from the type; an empty id is made from the type, country and English name.
// Run: node scripts/gazetteers/build-hand.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnercorpStats } from './anercorp-stats.mjs';
import { ISO_ALPHA2, ROOT, clean, dedupeVariants, entryLine, entryNames, fold, markedList, readTsv, slug, writeJsonl } from './lib.mjs';

const GPE_TYPES = ['country', 'territory', 'city', 'province'];
const LOC_TYPES = ['region', 'continent', 'sea', 'ocean', 'gulf', 'river', 'lake', 'mountain', 'desert', 'island', 'camp', 'other-place'];
/** Organisation types and the short id segment each uses. */
const ORG_TYPES = {
  'international-body': 'intl', ministry: 'ministry', 'central-bank': 'cb', company: 'company', party: 'party',
  'armed-group': 'armed', agency: 'agency', university: 'univ', media: 'media', court: 'court', council: 'council',
  union: 'union', sports: 'sports', religious: 'religious', ngo: 'ngo', 'other-org': 'org',
};

function labelOf(type) {
  if (GPE_TYPES.includes(type)) return 'GPE';
  if (LOC_TYPES.includes(type)) return 'LOC';
  if (type in ORG_TYPES) return 'ORG';
  return null;
}

function makeId(type, country, en) {
  const s = slug(en);
  const label = labelOf(type);
  if (label === 'ORG') return `org.${ORG_TYPES[type]}.${country ? country.toLowerCase() + '.' : ''}${s}`;
  if (label === 'GPE') return `gpe.${type}.${country ? country + '.' : ''}${s}`;
  return `loc.${type}.${s}`;
}

// Default readings already given by the built place files: a hand place of the same label and
// country that shares one of their names is marked (a province named like its capital city).
const builtNames = new Map();
for (const file of ['countries.jsonl', 'cities.jsonl']) {
  for (const line of readFileSync(join(ROOT, 'gazetteers', 'places', file), 'utf8').trim().split('\n')) {
    const e = JSON.parse(line);
    if (e.ambiguous) continue;
    for (const n of entryNames(e)) builtNames.set(`${e.label}|${fold(n)}`, e);
  }
}

// Places by folded name (for organisations named like a place: clubs named after their city)
// and nisba adjectives with the article (a club called المصري is also 'the Egyptian').
const placeNames = new Map();
for (const file of ['countries.jsonl', 'cities.jsonl']) {
  for (const line of readFileSync(join(ROOT, 'gazetteers', 'places', file), 'utf8').trim().split('\n')) {
    const e = JSON.parse(line);
    for (const n of entryNames(e)) if (!placeNames.has(fold(n))) placeNames.set(fold(n), e.id);
  }
}
const nisbas = new Set();
for (const line of readFileSync(join(ROOT, 'gazetteers', 'places', 'demonyms.jsonl'), 'utf8').trim().split('\n')) {
  const d = JSON.parse(line);
  for (const f of [d.masculine, d.feminine, ...d.plural, ...d.feminine_plural, ...d.broken_plural]) nisbas.add(fold('\u0627\u0644' + f)); // ال + form
}
const count = loadAnercorpStats();
const REASON = { none: 'common-word', PERS: 'person-name', ORG: 'organisation-name', LOC: 'place-name', MISC: 'other-entity' };

/**
 * Marks the names of a hand entry the sources left unmarked when they are also something else:
 * a place (for an organisation), a nisba adjective, or a word ANERcorp shows mostly outside
 * spans of the entry's kind (ANERcorp's LOC stands for GPE and LOC).
 */
function autoMark(e) {
  if (e._sure) return;
  for (const n of [e.name, ...e.variants]) {
    if (markOf(e, n)) continue;
    if (e.label === 'ORG') {
      const place = placeNames.get(fold(n)) ?? handPlaceNames.get(fold(n));
      if (place) {
        mark(e, n, 'place-name', 0.5, `also the place ${place}`);
        continue;
      }
    }
    if (nisbas.has(fold(n))) {
      mark(e, n, 'common-word', 0.5, 'also a nisba adjective');
      continue;
    }
    // Only one-word names: ANERcorp leaves some kinds of multi-word names unannotated (armies,
    // leagues, the White House), which says nothing about ambiguity.
    if (n.includes(' ')) continue;
    const want = e.label === 'ORG' ? 'ORG' : 'LOC';
    const c = count(n);
    const other = c.total - c[want];
    if (c.total >= 3 && other >= 3 && c[want] / c.total < 0.5) {
      const top = ['none', 'PERS', 'ORG', 'LOC', 'MISC'].filter((k) => k !== want).sort((a, b) => c[b] - c[a])[0];
      mark(e, n, REASON[top], c[want] === 0 ? 0.3 : 0.5, `ANERcorp: "${n}" ${c[want]}/${c.total} as ${want}`);
    }
  }
}
/** The ambiguity of name `n` of entry `e`: its own mark, else the entry's for the name and plain variants. */
function markOf(e, n) {
  if (e._marks.has(n)) return e._marks.get(n).ambiguous;
  return e.ambiguous;
}
/** Marks one name: the entry itself when it is the canonical name, else that variant only. */
function mark(e, n, reason, confidence, why) {
  if (n === e.name) {
    // The entry's mark would pass to its plain variants: those that stay sure say so.
    for (const v of e.variants) if (!e._marks.has(v)) e._marks.set(v, {});
    e.ambiguous = reason;
    e.confidence = Math.min(e.confidence ?? 1, confidence);
    e.note = [e.note, why].filter(Boolean).join('; ');
  } else {
    e._marks.set(n, { ambiguous: reason, confidence, note: why });
  }
  console.log(`auto-marked ${e._where} ${n} (${e.id}): ${reason}, ${why}`);
}
const handPlaceNames = new Map();

const all = [];
for (const folder of ['places', 'organisations']) {
  const dir = join(ROOT, 'scripts', 'gazetteers', 'sources', folder);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) {
    const entries = [];
    for (const r of readTsv(join(dir, file))) {
      const where = `sources/${folder}/${file}:${r._line}`;
      const label = labelOf(r.type);
      if (!label) throw new Error(`${where}: unknown type ${r.type}`);
      if ((label === 'ORG') !== (folder === 'organisations')) throw new Error(`${where}: ${r.type} does not belong in ${folder}`);
      if (r.country && !ISO_ALPHA2.includes(r.country) && r.country !== 'XK') throw new Error(`${where}: unknown country ${r.country}`);
      if (!r.name || !r.en) throw new Error(`${where}: name and en are required`);
      const name = clean(r.name);
      const marked = markedList(r.variants);
      const variants = dedupeVariants(name, marked.map((v) => v.name));
      const e = {
        id: r.id || makeId(r.type, r.country, r.en),
        label,
        type: r.type,
        name,
        variants,
        _marks: new Map(marked.filter((v) => v.mark && variants.includes(v.name)).map((v) => [v.name, v.mark])),
        en: r.en,
        country: r.country,
        source: 'tawsim',
        // `-` records a decision that the entry is not ambiguous (no automatic mark).
        ambiguous: r.ambiguous === '-' ? undefined : r.ambiguous,
        _sure: r.ambiguous === '-',
        note: r.note,
        _where: where,
      };
      if (r.confidence) e.confidence = Number(r.confidence);
      for (const n of [e.name, ...e.variants]) {
        const clash = builtNames.get(`${label}|${fold(n)}`);
        if (!clash || markOf(e, n)) continue;
        const reason = clash.type === 'city' && clash.country === e.country ? 'city-province' : 'homonym';
        const why = `also ${clash.id}, the default reading`;
        if (n === e.name) {
          for (const v of e.variants) if (!e._marks.has(v)) e._marks.set(v, {});
          e.ambiguous = reason;
          e.note = [e.note, why].filter(Boolean).join('; ');
        } else e._marks.set(n, { ambiguous: reason, note: why });
      }
      if (label !== 'ORG') for (const n of [e.name, ...e.variants]) if (!handPlaceNames.has(fold(n))) handPlaceNames.set(fold(n), e.id);
      autoMark(e);
      entries.push(e);
    }
    all.push(...entries);
    writeJsonl(join(ROOT, 'gazetteers', folder, file.replace(/\.tsv$/, '.jsonl')), entries.map(entryLine));
  }
}

// Ids unique across the hand files; a folded name twice with one label must be marked.
const errors = [];
const ids = new Map();
const names = new Map();
for (const e of all) {
  if (ids.has(e.id)) errors.push(`${e._where}: id ${e.id} already used at ${ids.get(e.id)}`);
  ids.set(e.id, e._where);
  for (const n of [e.name, ...e.variants]) {
    if (markOf(e, n)) continue;
    const key = `${e.label}|${fold(n)}`;
    const prev = names.get(key);
    if (prev) console.warn(`warning: ${e._where}: ${n} also in ${prev._where} (${prev.id})`);
    names.set(key, e);
  }
}
if (errors.length) throw new Error(errors.join('\n'));
