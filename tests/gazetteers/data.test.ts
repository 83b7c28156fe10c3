// Data check of the place and organisation gazetteers (gazetteers/places, gazetteers/organisations):
// every line parses, fields and ids follow the shared contract, names are clean, and the
// coverage targets of issue 4 hold. Reads the files once; runs in well under a second.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNormaliser, normaliseOptions, normaliseText } from '../../src/stages/normalise.js';

const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['gazetteers/places', 'gazetteers/organisations'];

const GPE_TYPES = ['country', 'territory', 'city', 'province'];
const LOC_TYPES = ['region', 'continent', 'sea', 'ocean', 'gulf', 'river', 'lake', 'mountain', 'desert', 'island', 'camp', 'other-place'];
const ORG_TYPES = ['international-body', 'ministry', 'central-bank', 'company', 'party', 'armed-group', 'agency', 'university', 'media', 'court', 'council', 'union', 'sports', 'religious', 'ngo', 'other-org'];
const TYPES: Record<string, string[]> = { GPE: GPE_TYPES, LOC: LOC_TYPES, ORG: ORG_TYPES };
const SOURCES = ['cldr', 'world-cities', 'tawsim'];
const FIELDS = ['id', 'label', 'type', 'name', 'variants', 'en', 'country', 'source', 'ambiguous', 'confidence', 'note'];

// ISO 3166-1 alpha-2: the codes CLDR names in English that are not deprecated or reserved
// aliases, checked against the 249 officially assigned; XK (Kosovo) is user-assigned.
const ISO = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);
const VALID_COUNTRY = new Set([...ISO, 'XK']);

interface Entry {
  id: string;
  label: string;
  type: string;
  name: string;
  variants: string[];
  en?: string;
  country?: string;
  source: string;
  ambiguous?: string;
  confidence?: number;
  note?: string;
}
interface Line {
  file: string;
  line: number;
  entry: Entry;
  /** The variants as written: a string, or an object with the variant's own mark. */
  raw: unknown[];
}

/** An object variant: a name with its own ambiguity (gazetteers/README.md). */
interface MarkedVariant {
  name: string;
  ambiguous?: string;
  confidence?: number;
  note?: string;
}
const VARIANT_FIELDS = ['name', 'ambiguous', 'confidence', 'note'];

/** The entry with its variants as names (an object variant's `name`), and the variants as written. */
function readEntry(text: string): { entry: Entry; raw: unknown[] } {
  const o = JSON.parse(text) as Entry & { variants: unknown };
  const raw = Array.isArray(o.variants) ? (o.variants as unknown[]) : [];
  const names = raw.map((v) => (v !== null && typeof v === 'object' ? (v as MarkedVariant).name : v));
  return { entry: { ...o, variants: Array.isArray(o.variants) ? (names as string[]) : (o.variants as string[]) }, raw };
}

/** Whether a name of an entry is marked ambiguous: its own mark if it has one, else the entry's. */
function isMarked(l: Line, k: number): boolean {
  if (k === 0) return l.entry.ambiguous !== undefined;
  const v = l.raw[k - 1];
  return v !== null && typeof v === 'object' ? (v as MarkedVariant).ambiguous !== undefined : l.entry.ambiguous !== undefined;
}

const normaliser = compileNormaliser(normaliseOptions.parse({}));
const norm = (s: string) => normaliseText(s, normaliser).text;

function readLines(rel: string): { line: number; text: string }[] {
  const raw = readFileSync(join(ROOT, rel), 'utf8');
  expect(raw.charCodeAt(0), `${rel} starts with a BOM`).not.toBe(0xfeff);
  expect(raw.endsWith('\n'), `${rel} ends with a newline`).toBe(true);
  return raw
    .slice(0, -1)
    .split('\n')
    .map((text, i) => ({ line: i + 1, text }));
}

const files = DIRS.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => f.endsWith('.jsonl') && f !== 'demonyms.jsonl' && !f.startsWith('extra-'))
    .map((f) => `${d}/${f}`),
);
const lines: Line[] = files.flatMap((file) => readLines(file).map(({ line, text }) => ({ file, line, ...readEntry(text) })));
const byFile = (name: string) => lines.filter((l) => l.file.endsWith(`/${name}`)).map((l) => l.entry);

/** Problems found by a check, as `file:line: message`, so a failure names every bad line. */
function problems(check: (e: Entry) => string | null): string[] {
  const out: string[] = [];
  for (const { file, line, entry } of lines) {
    const p = check(entry);
    if (p) out.push(`${file}:${line}: ${p}`);
  }
  return out;
}

// Marks that must never be in a gazetteer name: harakat, tatweel, bidi and zero-width controls.
const FORBIDDEN = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const ARABIC_LETTER = /[\u0621-\u064A]/;

describe('gazetteer files', () => {
  it('finds the expected files', () => {
    for (const f of ['countries.jsonl', 'cities.jsonl', 'provinces.jsonl', 'regions.jsonl']) expect(files).toContain(`gazetteers/places/${f}`);
    expect(files.filter((f) => f.startsWith('gazetteers/organisations/')).length).toBeGreaterThan(3);
  });

  it('has only known fields, with the required ones present and typed', () => {
    expect(
      problems((e) => {
        const unknown = Object.keys(e).filter((k) => !FIELDS.includes(k));
        if (unknown.length) return `unknown fields ${unknown.join(', ')}`;
        for (const k of ['id', 'label', 'type', 'name', 'source'] as const) if (typeof e[k] !== 'string' || e[k] === '') return `missing ${k}`;
        if (!Array.isArray(e.variants) || e.variants.some((v) => typeof v !== 'string')) return 'variants is not an array of names (strings or {"name": ...} objects)';
        for (const k of ['en', 'country', 'ambiguous', 'note'] as const) if (e[k] !== undefined && (typeof e[k] !== 'string' || e[k] === '')) return `empty or non-string ${k}`;
        if (e.confidence !== undefined && !(typeof e.confidence === 'number' && e.confidence > 0 && e.confidence <= 1)) return 'confidence outside (0, 1]';
        return null;
      }),
    ).toEqual([]);
  });

  it('uses valid labels, types, sources, country codes and id shapes', () => {
    expect(
      problems((e) => {
        if (!(e.label in TYPES)) return `label ${e.label}`;
        if (!TYPES[e.label]!.includes(e.type)) return `type ${e.type} with label ${e.label}`;
        if (!SOURCES.includes(e.source)) return `source ${e.source}`;
        if (e.country !== undefined && !VALID_COUNTRY.has(e.country)) return `country ${e.country}`;
        if (!/^(gpe|loc|org)(\.([a-z0-9]+(-[a-z0-9]+)*|[A-Z]{2}))+$/.test(e.id)) return `id ${e.id}`;
        if (e.id.split('.')[0] !== e.label.toLowerCase()) return `id ${e.id} with label ${e.label}`;
        return null;
      }),
    ).toEqual([]);
  });

  it('has clean, non-empty Arabic names and variants that normalisation does not merge', () => {
    expect(
      problems((e) => {
        for (const n of [e.name, ...e.variants]) {
          if (n.trim() !== n || n === '' || /\s{2}/.test(n)) return `badly spaced name "${n}"`;
          if (FORBIDDEN.test(n)) return `diacritic, tatweel or control character in "${n}"`;
          if (!ARABIC_LETTER.test(n)) return `no Arabic letter in "${n}"`;
        }
        const seen = new Set<string>();
        for (const n of [e.name, ...e.variants]) {
          const k = norm(n);
          if (seen.has(k)) return `"${n}" normalises like an earlier name of the entry`;
          seen.add(k);
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('gives object variants a name and only the mark fields, typed', () => {
    const bad: string[] = [];
    for (const { file, line, raw } of lines) {
      raw.forEach((v, k) => {
        if (typeof v === 'string') return;
        const at = `${file}:${line}: variant ${k + 1}`;
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return bad.push(`${at} is neither a string nor an object`);
        const o = v as MarkedVariant;
        const unknown = Object.keys(o).filter((key) => !VARIANT_FIELDS.includes(key));
        if (unknown.length > 0) bad.push(`${at}: unknown fields ${unknown.join(', ')}`);
        if (typeof o.name !== 'string' || o.name === '') bad.push(`${at}: no name`);
        for (const key of ['ambiguous', 'note'] as const) if (o[key] !== undefined && (typeof o[key] !== 'string' || o[key] === '')) bad.push(`${at}: empty or non-string ${key}`);
        if (o.confidence !== undefined && !(typeof o.confidence === 'number' && o.confidence > 0 && o.confidence <= 1)) bad.push(`${at}: confidence outside (0, 1]`);
        return undefined;
      });
    }
    expect(bad).toEqual([]);
  });

  it('has no short-form duplicate entries (a short name is a marked variant of its entry)', () => {
    expect(lines.filter((l) => l.entry.id.endsWith('-short')).map((l) => l.entry.id)).toEqual([]);
  });

  it('has ids unique across all files', () => {
    const seen = new Map<string, string>();
    const dup: string[] = [];
    for (const { file, line, entry } of lines) {
      const at = `${file}:${line}`;
      if (seen.has(entry.id)) dup.push(`${at}: id ${entry.id} also at ${seen.get(entry.id)}`);
      else seen.set(entry.id, at);
    }
    expect(dup).toEqual([]);
  });

  it('marks shared names: one normalised name and label has at most one unmarked entry', () => {
    const unmarked = new Map<string, string>();
    const clashes: string[] = [];
    for (const l of lines) {
      const { file, line, entry } = l;
      for (const [k, n] of [entry.name, ...entry.variants].entries()) {
        if (isMarked(l, k)) continue;
        const key = `${entry.label} ${norm(n)}`;
        const prev = unmarked.get(key);
        if (prev && !prev.endsWith(` ${entry.id}`)) clashes.push(`${file}:${line}: "${n}" (${entry.id}) also unmarked in ${prev}`);
        else unmarked.set(key, `${file}:${line} ${entry.id}`);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('coverage targets', () => {
  it('names every ISO 3166-1 alpha-2 code in countries.jsonl', () => {
    const codes = new Set(byFile('countries.jsonl').map((e) => e.country));
    expect([...ISO].filter((c) => !codes.has(c))).toEqual([]);
  });

  it('has at least 6,000 cities from world-cities', () => {
    const cities = byFile('cities.jsonl');
    expect(cities.every((e) => e.type === 'city' && e.label === 'GPE')).toBe(true);
    expect(cities.filter((e) => e.source === 'world-cities').length).toBeGreaterThanOrEqual(6000);
  });

  it('has at least 1,000 organisations', () => {
    expect(lines.filter((l) => l.file.startsWith('gazetteers/organisations/')).length).toBeGreaterThanOrEqual(1000);
  });

  it('has the names the sample and the issue name', () => {
    const names = new Set(lines.flatMap((l) => [l.entry.name, ...l.entry.variants].map(norm)));
    const wanted = ['العراق', 'سوريا', 'الرياض', 'أفغانستان', 'طاجيكستان', 'أوزبكستان', 'الكويت', 'النيجر', 'نيامي', 'توغو', 'جمهورية توغو', 'الولايات المتحدة', 'المملكة العربية السعودية',
      'المملكة المتحدة', 'كيفو الشمالية', 'أفريقيا', 'إفريقيا', 'آسيا الوسطى', 'الساحل', 'الهول', 'الروج', 'داعش', 'الإنتربول', 'مجلس الأمن', 'البشمركة',
      'جمهورية مصر العربية', 'أمريكا', 'أميركا', 'بريطانيا', 'الإمارات', 'الناتو', 'أوبك', 'اليونيسف', 'حزب الله', 'أنصار الله', 'قسد', 'أرامكو', 'واس'];
    expect(wanted.filter((w) => !names.has(norm(w)))).toEqual([]);
  });
});

describe('demonyms.jsonl', () => {
  const demonyms = readLines('gazetteers/places/demonyms.jsonl').map(({ line, text }) => ({ line, d: JSON.parse(text) as Record<string, unknown> }));
  const ids = new Set(lines.map((l) => l.entry.id));

  it('has the forms of every nisba, each an Arabic string', () => {
    const bad: string[] = [];
    for (const { line, d } of demonyms) {
      const forms = [d.masculine, d.feminine, ...(['plural', 'feminine_plural', 'broken_plural'] as const).flatMap((k) => (Array.isArray(d[k]) ? (d[k] as unknown[]) : [null]))];
      if (forms.some((f) => typeof f !== 'string' || !ARABIC_LETTER.test(f) || FORBIDDEN.test(f))) bad.push(`demonyms.jsonl:${line}: bad form`);
      if (!(d.masculine as string).endsWith('\u064A')) bad.push(`demonyms.jsonl:${line}: masculine nisba does not end in yeh`);
      if (d.source !== 'tawsim') bad.push(`demonyms.jsonl:${line}: source`);
      if (d.country !== undefined && !VALID_COUNTRY.has(d.country as string)) bad.push(`demonyms.jsonl:${line}: country ${String(d.country)}`);
      if (d.place !== undefined && !ids.has(d.place as string)) bad.push(`demonyms.jsonl:${line}: place ${String(d.place)} is no gazetteer id`);
    }
    expect(bad).toEqual([]);
  });

  it('covers every country', () => {
    const covered = new Set(demonyms.map(({ d }) => d.country));
    const countries = byFile('countries.jsonl').filter((e) => e.type === 'country' && e.id === `gpe.country.${e.country}`);
    expect(countries.length).toBeGreaterThan(190);
    expect(countries.filter((e) => !covered.has(e.country)).map((e) => e.country)).toEqual([]);
  });

  it('has the examples of the contract', () => {
    const iq = demonyms.find(({ d }) => d.country === 'IQ')?.d;
    expect(iq).toMatchObject({ place: 'gpe.country.IQ', masculine: 'عراقي', feminine: 'عراقية', plural: ['عراقيون', 'عراقيين'], feminine_plural: ['عراقيات'] });
  });
});
