// Builds gazetteers/places/demonyms.jsonl from the hand-compiled sources/demonyms.tsv: nisba
// adjectives for every country (by ISO code), the main regions and peoples, with the feminine
// and sound plurals derived by the regular rule where the source leaves them empty.
// Run after build-countries.mjs: node scripts/gazetteers/build-demonyms.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, clean, list, readTsv, writeJsonl } from './lib.mjs';

const SOURCES = join(ROOT, 'scripts', 'gazetteers', 'sources');
const PLACES = join(ROOT, 'gazetteers', 'places');

/** Applies a suffix to every word of a (possibly multi-word) nisba that ends in yeh. */
function inflect(masculine, suffix) {
  return masculine
    .split(' ')
    .map((w) => (w.endsWith('\u064A') ? w + suffix : w))
    .join(' ');
}

const countryIds = new Map();
for (const line of readFileSync(join(PLACES, 'countries.jsonl'), 'utf8').trim().split('\n')) {
  const e = JSON.parse(line);
  if (e.country && /^gpe\.(country|territory)\.[A-Z]{2}$/.test(e.id)) countryIds.set(e.country, e.id);
}

const lines = [];
const seen = new Set();
for (const r of readTsv(join(SOURCES, 'demonyms.tsv'))) {
  const where = `demonyms.tsv:${r._line}`;
  const masculine = clean(r.masculine);
  if (!masculine.endsWith('\u064A')) throw new Error(`${where}: a nisba ends in yeh: ${masculine}`);
  if (seen.has(masculine + '|' + r.key)) throw new Error(`${where}: ${masculine} twice`);
  seen.add(masculine + '|' + r.key);
  const o = {};
  if (r.kind === 'country') {
    const place = countryIds.get(r.key);
    if (!place) throw new Error(`${where}: no country entry for ${r.key}`);
    o.country = r.key;
    o.place = place;
  } else if (r.kind === 'region') {
    if (r.key !== 'world') o.place = r.key;
  } else if (r.kind === 'people' || r.kind === 'religion') {
    o.group = r.key;
  } else throw new Error(`${where}: unknown kind ${r.kind}`);
  o.kind = r.kind;
  o.masculine = masculine;
  o.feminine = clean(r.feminine) || inflect(masculine, '\u0629'); // + teh marbuta
  o.plural = list(r.plural).length ? list(r.plural) : [inflect(masculine, '\u0648\u0646'), inflect(masculine, '\u064A\u0646')]; // +ون, +ين
  o.feminine_plural = list(r.feminine_plural).length ? list(r.feminine_plural) : [inflect(masculine, '\u0627\u062A')]; // +ات
  o.broken_plural = list(r.broken_plural);
  if (r.en) o.en = r.en;
  o.source = 'tawsim';
  if (r.note) o.note = r.note;
  lines.push(JSON.stringify(o));
}
const covered = new Set(lines.map((l) => JSON.parse(l).country).filter(Boolean));
const missing = [...countryIds].filter(([code, id]) => id.startsWith('gpe.country.') && !covered.has(code)).map(([c]) => c);
if (missing.length) throw new Error(`countries without a demonym: ${missing.join(' ')}`);
writeJsonl(join(PLACES, 'demonyms.jsonl'), lines);
