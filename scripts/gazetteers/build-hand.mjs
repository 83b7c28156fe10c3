// Builds the hand-compiled gazetteers: every sources/places/NAME.tsv becomes
// gazetteers/places/NAME.jsonl and every sources/organisations/NAME.tsv becomes
// gazetteers/organisations/NAME.jsonl (source `tawsim`, MIT).
// TSV columns: type, name, variants (| separated), en, country, ambiguous, confidence, note, id.
// The label follows from the type; an empty id is made from the type, country and English name.
// Run: node scripts/gazetteers/build-hand.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ISO_ALPHA2, ROOT, clean, dedupeVariants, entryLine, fold, list, readTsv, slug, writeJsonl } from './lib.mjs';

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
    for (const n of [e.name, ...e.variants]) builtNames.set(`${e.label}|${fold(n)}`, e);
  }
}

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
      const e = {
        id: r.id || makeId(r.type, r.country, r.en),
        label,
        type: r.type,
        name,
        variants: dedupeVariants(name, list(r.variants)),
        en: r.en,
        country: r.country,
        source: 'tawsim',
        ambiguous: r.ambiguous,
        note: r.note,
        _where: where,
      };
      if (r.confidence) e.confidence = Number(r.confidence);
      const clash = [e.name, ...e.variants].map((n) => builtNames.get(`${label}|${fold(n)}`)).find(Boolean);
      if (clash && !e.ambiguous) {
        e.ambiguous = clash.type === 'city' && clash.country === e.country ? 'city-province' : 'homonym';
        e.note = [e.note, `also ${clash.id}, the default reading`].filter(Boolean).join('; ');
      }
      entries.push(e);
    }
    all.push(...entries);
    writeJsonl(join(ROOT, 'gazetteers', folder, file.replace(/\.tsv$/, '.jsonl')), entries.map(entryLine));
  }
}

// Ids unique across the hand files; a folded name twice with one label must be marked.
const ids = new Map();
const names = new Map();
for (const e of all) {
  if (ids.has(e.id)) throw new Error(`${e._where}: id ${e.id} already used at ${ids.get(e.id)}`);
  ids.set(e.id, e._where);
  for (const n of [e.name, ...e.variants]) {
    const key = `${e.label}|${fold(n)}`;
    const prev = names.get(key);
    if (prev && !prev.ambiguous && !e.ambiguous) console.warn(`warning: ${e._where}: ${n} also in ${prev._where} (${prev.id})`);
    names.set(key, e);
  }
}
