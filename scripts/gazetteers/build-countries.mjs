// Builds gazetteers/places/countries.jsonl: every ISO 3166-1 alpha-2 code (plus Kosovo, XK)
// with CLDR's Arabic name from Node's Intl.DisplayNames, overlaid with the hand-compiled
// formal names, short forms and news variants in sources/countries.tsv, and the historic
// states and UK constituent countries in sources/countries-extra.tsv.
// Run: node scripts/gazetteers/build-countries.mjs
import { join } from 'node:path';
import { ISO_ALPHA2, ROOT, checkIds, clean, dedupeVariants, entryLine, fold, handEntries, markedList, readTsv, writeJsonl } from './lib.mjs';

const SOURCES = join(ROOT, 'scripts', 'gazetteers', 'sources');
const arLong = new Intl.DisplayNames(['ar'], { type: 'region', fallback: 'none' });
const arShort = new Intl.DisplayNames(['ar'], { type: 'region', style: 'short', fallback: 'none' });
const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** CLDR writes some names with a parenthesis or a spaced hyphen: yield the forms news uses. */
function cldrForms(name) {
  const out = [];
  const noParen = clean(name.replace(/\([^)]*\)/g, ' '));
  // Parenthesised parts are glosses (`(منطقة إدارية خاصة)`); real alternates are in the overlay.
  for (const n of [noParen]) {
    if (n === '') continue;
    out.push(n);
    if (n.includes(' - ')) out.push(n.replace(/ - /g, ' '));
  }
  return out;
}

/**
 * News writes the state noun before the short name as well as in the formal name:
 * جمهورية تونس beside الجمهورية التونسية, مملكة البحرين, دولة الكويت. A country whose
 * formal names show it to be a republic or a kingdom gets that noun + its name; every
 * sovereign country gets دولة + its name (دولة فلسطين, دولة قطر).
 */
function stateForms(type, name, others) {
  if (type !== 'country') return [];
  const out = [`دولة ${name}`];
  const all = [name, ...others];
  if (all.some((v) => /^(ال)?جمهورية /.test(v))) out.push(`جمهورية ${name}`);
  if (all.some((v) => /^(ال)?مملكة /.test(v))) out.push(`مملكة ${name}`);
  if (all.some((v) => /^(ال)?سلطنة /.test(v))) out.push(`سلطنة ${name}`);
  return out.filter((v) => !others.includes(v));
}

const overlay = new Map();
for (const r of readTsv(join(SOURCES, 'countries.tsv'))) {
  if (overlay.has(r.code)) throw new Error(`countries.tsv:${r._line}: ${r.code} twice`);
  overlay.set(r.code, r);
}
const codes = [...ISO_ALPHA2, 'XK'];
for (const code of overlay.keys()) if (!codes.includes(code)) throw new Error(`countries.tsv: unknown code ${code}`);

const entries = [];
for (const code of codes) {
  const o = overlay.get(code) ?? {};
  const long = arLong.of(code);
  if (!long || long === code) throw new Error(`no CLDR Arabic name for ${code}`);
  const cldr = [...cldrForms(long), ...cldrForms(arShort.of(code) ?? long)];
  const type = o.type || 'country';
  const name = clean(o.name || cldr[0]);
  const label = type === 'continent' ? 'LOC' : 'GPE';
  const id = type === 'continent' ? 'loc.continent.antarctica' : `gpe.${type}.${code}`;
  // The Hebrew-era and pseudo names CLDR lists for some codes are not used in news; the
  // overlay's name leads, then CLDR's forms, then the hand variants.
  const marked = markedList(o.variants);
  const variants = dedupeVariants(name, [...cldr, ...marked.map((v) => v.name)]);
  // A marked country's other names (formal: سلطنة عمان, جمهورية مالي) are sure, unless the
  // overlay gives a variant its own mark (`name{reason;confidence}`).
  const marks = new Map();
  if (o.ambiguous) for (const v of variants) marks.set(v, marked.find((m) => m.name === v)?.mark ?? {});
  else for (const m of marked) if (m.mark && variants.includes(m.name)) marks.set(m.name, m.mark);
  entries.push({
    id,
    label,
    type,
    name,
    variants,
    en: en.of(code),
    country: code,
    source: 'cldr',
    ambiguous: o.ambiguous,
    note: o.note || (code === 'XK' ? 'XK is a user-assigned code, used by the EU and CLDR for Kosovo' : ''),
    _where: `countries.tsv ${code}`,
    _marks: marks,
    ...(o.confidence ? { confidence: Number(o.confidence) } : {}),
  });
}
entries.push(...handEntries(join(SOURCES, 'countries-extra.tsv')));
// State-noun forms come last and never take a name another entry has (جمهورية الصين is
// Taiwan's formal name, not a second name of China).
const taken = new Set(entries.flatMap((e) => [e.name, ...e.variants]).map(fold));
for (const e of entries) {
  const extra = stateForms(e.type, e.name, e.variants).filter((v) => !taken.has(fold(v)));
  e.variants = dedupeVariants(e.name, [...e.variants, ...extra]);
}
checkIds(entries);
writeJsonl(join(ROOT, 'gazetteers', 'places', 'countries.jsonl'), entries.map(entryLine));
