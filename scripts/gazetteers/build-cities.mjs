// Builds gazetteers/places/cities.jsonl from data/sources/world-cities-ar.csv (CC BY 4.0,
// jamsshhayd/world-cities-translations, from Wikidata) with the hand decisions in
// sources/cities-overrides.tsv and ANERcorp as a frequency list for ambiguity.
// Run after build-countries.mjs: node scripts/gazetteers/build-cities.mjs [--review FILE]
// --review writes every decision (dropped rows, stripped type words, collisions, ANERcorp
// counts) to FILE for a human to read.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAnercorpStats } from './anercorp-stats.mjs';
import { arabicSkeleton, latinSkeleton, skeletonSimilarity } from './translit.mjs';
import { ISO_ALPHA2, ROOT, clean, dedupeVariants, entryLine, entryNames, fold, list, markedList, readTsv, slug, writeJsonl } from './lib.mjs';

const SOURCES = join(ROOT, 'scripts', 'gazetteers', 'sources');
const PLACES = join(ROOT, 'gazetteers', 'places');
const reviewPath = process.argv.includes('--review') ? process.argv[process.argv.indexOf('--review') + 1] : null;
const review = [];
const log = (kind, msg) => review.push(`${kind}\t${msg}`);

// The CSV's English country names that are not CLDR's English names.
const COUNTRY_ALIASES = {
  'Antigua and Barbuda': 'AG',
  'Bosnia and Herzevina': 'BA',
  'Fiji Islands': 'FJ',
  'Hong Kong S.A.R.': 'HK',
  'Man (Isle of)': 'IM',
  'Palestinian Territory Occupied': 'PS',
  'Saint Lucia': 'LC',
  'Saint Vincent and the Grenadines': 'VC',
  'Sao Tome and Principe': 'ST',
  'Trinidad and Tobago': 'TT',
  Turkey: 'TR',
};
const enNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const codeByEnglish = new Map(ISO_ALPHA2.map((c) => [enNames.of(c), c]));

/**
 * Administrative type words that Wikidata labels put before a city's name (the row is the city:
 * its population and English name say so). The bare name is what news writes after its own
 * trigger word, and both gold files leave the trigger outside the span.
 */
const TYPE_WORDS = ['محافظة', 'مقاطعة', 'ولاية', 'إقليم', 'اقليم', 'بلدية', 'منطقة', 'قضاء', 'ناحية', 'مديرية', 'مركز', 'إدارة', 'ضاحية', 'نادي', 'نهر', 'بلدة', 'قرية', 'كانتون', 'شعبية', 'عزلة', 'ريف', 'مجلس', 'لواء', 'قسم',
  // Labels of a landmark in the place (stadium, airport, port, castle, battle, prison, realm).
  'ملعب', 'مطار', 'ميناء', 'قلعة', 'معركة', 'معتقل', 'مملكة', 'خلافة', 'قصر'];
/** Type words that are part of the name when the English name starts with them (Ksar Hellal). */
const PART_OF_NAME = { قصر: /^(ksar|qasr|el ksar)/i, مركز: /^markaz/i, قرية: /^qaryat/i, قلعة: /^qal/i, مدينة: /^madinat/i };
/** Trailing words of a football club's or region's name that Wikidata attached to a town. */
const TRAILING_WORDS = ['يونايتد', 'روفرز', 'واندررز', 'أتلتيك', 'هوتسبير', 'أوبلاست', 'كراي', 'الدولي', 'العسكري'];
/** Labels that name a different thing (a university, an archive): Wikidata mismatches, dropped. */
const WRONG_THING = ['جامعة'];

// City-states: the country entry is the same place.
const CITY_STATES = new Set(['SG', 'MC', 'VA', 'HK', 'MO', 'GI', 'SM']);

const countryNames = new Map(); // folded name -> country id
for (const line of readFileSync(join(PLACES, 'countries.jsonl'), 'utf8').trim().split('\n')) {
  const e = JSON.parse(line);
  for (const n of entryNames(e)) countryNames.set(fold(n), e.id);
}

const overrides = new Map();
for (const r of readTsv(join(SOURCES, 'cities-overrides.tsv'))) {
  const key = `${r.country}|${r.en}`;
  if (overrides.has(key)) throw new Error(`cities-overrides.tsv:${r._line}: ${key} twice`);
  overrides.set(key, { ...r, used: false });
}

// 1. Read and clean the rows.
const text = readFileSync(join(ROOT, 'data', 'sources', 'world-cities-ar.csv'), 'utf8').replace(/^\uFEFF/, '');
const cities = [];
for (const [i, raw] of text.trim().split('\n').slice(1).entries()) {
  const m = /^"([^"]*)","([^"]*)","([^"]*)","([^"]*)",(\d*)$/.exec(raw.replace(/\r$/, ''));
  if (!m) throw new Error(`world-cities-ar.csv:${i + 2}: cannot parse`);
  const [, , countryEn, arRaw, en, pop] = m;
  const code = COUNTRY_ALIASES[countryEn] ?? codeByEnglish.get(countryEn);
  if (!code) throw new Error(`world-cities-ar.csv:${i + 2}: unknown country ${countryEn}`);
  const where = `csv:${i + 2} ${code} ${en}`;
  const population = Number(pop || 0);
  const ov = overrides.get(`${code}|${en}`);
  if (ov) ov.used = true;
  if (ov?.action === 'drop') {
    log('drop-hand', `${where} ${arRaw}: ${ov.note}`);
    continue;
  }
  // Wikidata labels carry disambiguators: `(أرمينيا)`, `، كولومبيا البريطانية` (after an Arabic
  // comma), underscores for spaces, and slashes between two official names (`بيال/بيان`).
  const [first, ...alternates] = arRaw
    .replace(/_/g, ' ')
    .replace(/[\u2013\u2014]/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .split('\u060C')[0]
    .split('/')
    .map((s) => clean(s));
  let ar = ov?.name ? clean(ov.name) : first;
  if (ar !== clean(arRaw)) log('cleaned', `${where} ${arRaw} -> ${ar}${alternates.length ? ' | ' + alternates.join(' | ') : ''}`);
  if (!/^[\u0621-\u064A\u0671-\u06D3 \-']+$/.test(ar)) {
    log('drop-script', `${where} ${arRaw}: not an Arabic-script name`);
    continue;
  }
  if (WRONG_THING.some((w) => ar.startsWith(w + ' '))) {
    log('drop-wrong-thing', `${where} ${ar}`);
    continue;
  }
  const variants = alternates.filter((a) => /^[\u0621-\u064A ]+$/.test(a));
  let name = ar;
  for (let again = true; again; ) {
    again = false;
    for (const w of TYPE_WORDS) {
      if (name.startsWith(w + ' ') && !PART_OF_NAME[w]?.test(en)) {
        name = name.slice(w.length + 1);
        again = true;
      }
    }
  }
  for (const w of TRAILING_WORDS) if (name.endsWith(' ' + w)) name = name.slice(0, -w.length - 1);
  if (name !== ar) log('strip', `${where} ${ar} -> ${name}`);
  if (name.startsWith('مدينة ')) {
    const rest = name.slice('مدينة '.length);
    if (/^Madinat/i.test(en)) log('keep-madinat', `${where} ${name}: مدينة is part of the name`);
    else if (countryNames.has(fold(rest))) log('keep-madinat', `${where} ${name}: the bare name is the country`);
    else {
      log('strip', `${where} ${name} -> ${rest}`);
      name = rest;
    }
  }
  if (ov?.name) name = clean(ov.name); // the hand name is final: no type word is stripped
  if (ov) variants.push(...list(ov.variants));
  cities.push({ code, en, name, variants, population, where, ov });
}
for (const [key, ov] of overrides) if (!ov.used) throw new Error(`cities-overrides.tsv:${ov._line}: no CSV row for ${key}`);

// 2. Dedupe inside a country by folded name (Wikidata lists some cities twice).
const byKey = new Map();
for (const c of cities) {
  const key = `${c.code}|${fold(c.name)}`;
  const prev = byKey.get(key);
  if (prev) {
    log('dedupe', `${c.where} ${c.name} = ${prev.where}`);
    prev.variants.push(...c.variants);
    prev.population = Math.max(prev.population, c.population);
    continue;
  }
  byKey.set(key, c);
}
let kept = [...byKey.values()];

// 3. Wikidata rows whose Arabic label is not a transliteration of the English name: mostly a
// translated word or another item's label (Mokolo -> يوم 'day', Mosul -> a drug's name).
// Rows below the threshold go unless sources/cities-overrides.tsv keeps or renames them.
const THRESHOLD = 0.5;
kept = kept.filter((c) => {
  const sim = skeletonSimilarity(arabicSkeleton(c.name), latinSkeleton(c.en));
  if (sim >= THRESHOLD || c.ov?.action === 'keep' || c.ov?.name) return true;
  log('drop-not-transliteration', `${c.where} ${c.name} (${sim.toFixed(2)})`);
  return false;
});

// 4. Short names: one- and two-letter names (without the article) fire on particles.
kept = kept.filter((c) => {
  const bare = fold(c.name).replace(/^ال/, '').replace(/ /g, '');
  if (bare.length <= 2 && c.ov?.action !== 'keep') {
    log('drop-short', `${c.where} ${c.name}`);
    return false;
  }
  return true;
});

// Hand-compiled cities (sources/cities-extra.tsv): merged into the world-cities entry of the
// same country and folded name, added as new entries (source tawsim) otherwise.
const fromCsv = kept.length;
for (const r of readTsv(join(SOURCES, 'cities-extra.tsv'))) {
  const where = `cities-extra.tsv:${r._line}`;
  if (!ISO_ALPHA2.includes(r.country)) throw new Error(`${where}: unknown country ${r.country}`);
  const name = clean(r.name);
  const hand = { action: 'keep', ambiguous: r.ambiguous, confidence: r.confidence, note: r.note, hand: true };
  // Variants marked in the source (`name{reason;confidence;note}`) keep their own ambiguity;
  // they do not decide which entry the row merges into.
  const marked = markedList(r.variants);
  const marks = new Map(marked.filter((v) => v.mark).map((v) => [v.name, v.mark]));
  const handNames = new Set([name, ...marked.filter((v) => !v.mark).map((v) => v.name)].map(fold));
  const match = kept.find((c) => c.code === r.country && [c.name, ...c.variants].some((n) => handNames.has(fold(n))));
  if (match) {
    match.variants.push(...list(r.variants));
    match._marks = new Map([...(match._marks ?? []), ...marks]);
    if (fold(match.name) !== fold(name)) match.variants.push(name);
    match.ov = { ...(match.ov ?? {}), ...Object.fromEntries(Object.entries(hand).filter(([, v]) => v)) };
    log('extra-merged', `${where} ${name} -> ${match.where}`);
  } else {
    kept.push({ code: r.country, en: r.en, name, variants: list(r.variants), _marks: marks, where, ov: hand, source: 'tawsim', population: Number.MAX_SAFE_INTEGER }); // hand rows are the well-known place of that name
    log('extra-added', `${where} ${name}`);
  }
}

// 5. Same name as a country: city-states go (the country entry is the place); capitals named
// like their country stay, marked.
kept = kept.filter((c) => {
  const cid = countryNames.get(fold(c.name));
  if (!cid) return true;
  if (CITY_STATES.has(c.code) && cid.endsWith(`.${c.code}`)) {
    log('drop-city-state', `${c.where} ${c.name} (${cid})`);
    return false;
  }
  if (!cid.endsWith(`.${c.code}`) && !c.ov) {
    // A town in another country labelled with a country's name (Colombia's Armenia is real,
    // Serbia's Indija labelled الهند is not): either way news means the country.
    log('drop-country-name', `${c.where} ${c.name} (${cid})`);
    return false;
  }
  c.ambiguous ??= 'same-as-country';
  c.note = `also the country ${cid}`;
  log('same-as-country', `${c.where} ${c.name} (${cid})`);
  return true;
});

// 6. One place twice in a country (a CSV row and a hand row, or two CSV rows, sharing a name or
// variant): merged into the first. Then the same name in several countries.
const allNames = (c) => [...new Set([c.name, ...c.variants].map(fold))];
for (let changed = true; changed; ) {
  changed = false;
  const owner = new Map();
  for (const c of kept) {
    if (c.merged) continue;
    for (const f of allNames(c)) {
      const o = owner.get(`${c.code}|${f}`);
      if (o && o !== c) {
        log('merge', `${c.where} ${c.name} into ${o.where} ${o.name}`);
        o.variants.push(c.name, ...c.variants);
        o.population = Math.max(o.population, c.population);
        c.merged = true;
        changed = true;
        break;
      }
      owner.set(`${c.code}|${f}`, c);
    }
  }
  kept = kept.filter((c) => !c.merged);
}
// Hand-compiled provinces and regions in another country that share a city's name: the city
// is marked (بابل is Iraq's Babil province more often than Iran's Babol).
const handPlaces = new Map();
for (const file of readdirSync(join(SOURCES, 'places')).filter((f) => f.endsWith('.tsv'))) {
  for (const r of readTsv(join(SOURCES, 'places', file))) {
    for (const n of [r.name, ...list(r.variants)]) handPlaces.set(fold(n), `${r.country || '-'} ${r.en}`);
  }
}
for (const c of kept) {
  const hit = allNames(c).map((f) => handPlaces.get(f)).find((h) => h && !h.startsWith(c.code + ' '));
  if (hit && !c.ov?.hand) {
    c.ambiguous ??= 'homonym';
    c.note = [c.note, `same name as ${hit}`].filter(Boolean).join('; ');
    c.confidence ??= 0.6;
    log('homonym-hand', `${c.where} ${c.name}: ${hit}`);
  }
}
const byName = new Map();
for (const c of kept) {
  for (const f of allNames(c)) (byName.get(f) ?? byName.set(f, []).get(f)).push(c);
}
const looseEn = (s) => slug(s).replace(/^(al|el|ad|ar|as|an|at|az|ash)-/, '').replace(/-(city|town)$/, '').replace(/[aeiouy-]/g, '').slice(0, 4);
const dropped = new Set();
for (const [f, group] of byName) {
  if (group.length < 2) continue;
  group.sort((a, b) => b.population - a.population);
  const top = group[0];
  for (const c of group.slice(1)) {
    if (looseEn(c.en) !== looseEn(top.en) && top.population >= 3 * c.population && !c.ov) {
      // Different English names for one Arabic label: Wikidata gave the smaller place the
      // bigger one's Arabic label (Serbia's Brus labelled بروكسل).
      log('drop-mislabel', `${c.where} ${c.name}: label of ${top.where}`);
      dropped.add(c);
    }
  }
  const rest = group.filter((c) => !dropped.has(c));
  if (rest.length < 2) continue;
  // The biggest place is the default reading, left unmarked (its name is no less sure a
  // place for a village elsewhere sharing it: لندن is London), when it is at least three
  // times the size of the next; otherwise no reading stands out and all are marked.
  const lead = rest[0].population >= 3 * rest[1].population;
  for (const c of rest) {
    if (!(lead && c === rest[0])) c.ambiguous ??= 'homonym';
    const others = rest.filter((o) => o !== c).map((o) => `${o.code} ${o.en}`);
    c.note = [c.note, `same name as ${others.join(', ')}`].filter(Boolean).join('; ');
    if (c !== rest[0]) c.confidence ??= 0.6;
  }
  log('homonym', `${f}: ${rest.map((c) => `${c.code} ${c.en} ${c.population}`).join(' | ')}`);
}
kept = kept.filter((c) => !dropped.has(c));

// 7. ANERcorp as a frequency list: a name seen mostly outside LOC spans is ambiguous.
const count = loadAnercorpStats();
for (const c of kept) {
  const s = count(c.name);
  c.stats = s;
  if (c.ov?.ambiguous !== undefined && c.ov.ambiguous !== '') continue;
  const other = s.total - s.LOC;
  if (s.total >= 2 && other >= 2 && s.LOC / s.total < 0.5) {
    const top = ['none', 'PERS', 'ORG', 'MISC'].sort((a, b) => s[b] - s[a])[0];
    const reason = { none: 'common-word', PERS: 'person-name', ORG: 'organisation-name', MISC: 'other-entity' }[top];
    c.ambiguous = reason;
    c.confidence = Math.min(c.confidence ?? 1, s.LOC === 0 ? 0.3 : 0.5);
    c.note = [c.note, `ANERcorp: ${s.LOC}/${s.total} as a place`].filter(Boolean).join('; ');
    log('anercorp', `${c.where} ${c.name} -> ${reason} ${JSON.stringify(s)}`);
  } else if (s.total > 0) log('anercorp-ok', `${c.where} ${c.name} ${JSON.stringify(s)}`);
}

// Variants (slash alternates, hand variants) that ANERcorp shows mostly as ordinary words are
// dropped from the entry (Biel/Bienne's بيان is 'statement'); the entry keeps its other names.
for (const c of kept) {
  c.variants = c.variants.filter((v) => {
    // A variant marked by hand keeps its mark instead (it needs context, see the matcher).
    if (fold(v) === fold(c.name) || c._marks?.has(v)) return true;
    const s = count(v);
    if (s.total - s.LOC >= 3 && s.LOC / s.total < 0.5) {
      log('drop-variant', `${c.where} ${v} ${JSON.stringify(s)}`);
      return false;
    }
    return true;
  });
}

// 8. Hand decisions win.
for (const c of kept) {
  const ov = c.ov;
  if (!ov) continue;
  if (ov.ambiguous === '-') delete c.ambiguous;
  else if (ov.ambiguous) c.ambiguous = ov.ambiguous;
  if (ov.confidence) c.confidence = Number(ov.confidence);
  if (ov.ambiguous === '-' && !ov.confidence) delete c.confidence;
  if (ov.note) c.note = [ov.note, c.note].filter(Boolean).join('; ');
}

// 9. Ids and output, sorted by country then population so the file diffs stably.
kept.sort((a, b) => a.code.localeCompare(b.code) || b.population - a.population || a.en.localeCompare(b.en));
const ids = new Set();
const lines = kept.map((c) => {
  let id = `gpe.city.${c.code}.${slug(c.en) || 'x'}`;
  for (let k = 2; ids.has(id); k++) id = `gpe.city.${c.code}.${slug(c.en)}-${k}`;
  ids.add(id);
  return entryLine({
    id,
    label: 'GPE',
    type: 'city',
    name: c.name,
    variants: dedupeVariants(c.name, c.variants),
    en: c.en,
    country: c.code,
    source: c.source ?? 'world-cities',
    ambiguous: c.ambiguous,
    confidence: c.confidence,
    note: c.note,
    _marks: c._marks,
  });
});
writeJsonl(join(PLACES, 'cities.jsonl'), lines);
const csvCount = kept.filter((c) => !c.source).length;
console.log(`from world-cities: ${csvCount} (${fromCsv} before same-name checks); hand-compiled: ${kept.length - csvCount}`);
if (reviewPath) {
  writeFileSync(reviewPath, review.join('\n') + '\n');
  console.log(`review: ${review.length} lines in ${reviewPath}`);
}
