// Shared helpers for the gazetteer build scripts (run with plain `node`, no build step).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two folders above this file). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Folds a name the way the pipeline's default normaliser does (src/stages/normalise.ts):
 * removes harakat, tanwin, shadda, sukun, superscript alef (U+064B..U+065F, U+0670) and
 * tatweel (U+0640); folds alef with hamza or madda and alef wasla to bare alef, alef
 * maksura to yeh, teh marbuta to heh, Persian keheh/yeh to Arabic kaf/yeh. Used only to
 * find duplicates and collisions at build time: the matcher normalises with the real code.
 */
export function fold(s) {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u06A9/g, '\u0643')
    .replace(/[\u06CC\u06D2]/g, '\u064A')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cleans a name for output: single spaces, no diacritics or tatweel (they carry no identity). */
export function clean(s) {
  return s
    .replace(/[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a TSV source: the first non-comment line names the columns; lines starting with `#`
 * and blank lines are skipped (TSV sources may carry comments; the JSONL output may not).
 * Returns one object per row with the line number under `_line`.
 */
export function readTsv(path) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let header = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t').map((c) => c.trim());
    if (!header) {
      header = cells;
      return;
    }
    if (cells.length > header.length) throw new Error(`${path}:${i + 1}: ${cells.length} cells, header has ${header.length}`);
    const row = { _line: i + 1 };
    header.forEach((h, k) => (row[h] = cells[k] ?? ''));
    rows.push(row);
  });
  return rows;
}

/** Every name of a JSONL entry: the canonical one and its variants (an object variant's `name`). */
export function entryNames(e) {
  return [e.name, ...e.variants.map((v) => (typeof v === 'string' ? v : v.name))];
}

/** Splits a `|`-separated list cell into clean, non-empty names (marks `{...}` left off). */
export function list(cell) {
  return markedList(cell).map((v) => v.name);
}

/**
 * Splits a `|`-separated variants cell into `{name, mark}`: a variant may carry its own
 * ambiguity as `name{reason}`, `name{reason;confidence}` or `name{reason;confidence;note}`
 * (`{-}`: sure, whatever the entry says), written to the JSONL as an object variant.
 */
export function markedList(cell) {
  const out = [];
  for (const raw of (cell ?? '').split('|')) {
    const m = /^(.*?)\{([^}]*)\}\s*$/.exec(raw);
    const name = clean(m ? m[1] : raw);
    if (name === '') continue;
    let mark;
    if (m) {
      const [reason, confidence, ...note] = m[2].split(';').map((x) => x.trim());
      mark = reason === '-' ? {} : { ambiguous: reason };
      if (confidence) mark.confidence = Number(confidence);
      if (note.length > 0 && note.join(';') !== '') mark.note = note.join(';');
      if (mark.confidence !== undefined && !(mark.confidence >= 0 && mark.confidence <= 1)) throw new Error(`bad confidence in variant ${raw}`);
    }
    out.push({ name, mark });
  }
  return out;
}

/**
 * Removes variants that fold to the same string as the name or an earlier variant
 * (normalisation already makes them one), keeping the first spelling.
 */
export function dedupeVariants(name, variants) {
  const seen = new Set([fold(name)]);
  const out = [];
  for (const v of variants) {
    const f = fold(v);
    if (f === '' || seen.has(f)) continue;
    seen.add(f);
    out.push(v);
  }
  return out;
}

/** Field order of an entry line, so files diff cleanly. */
const ORDER = ['id', 'label', 'type', 'name', 'variants', 'en', 'country', 'source', 'ambiguous', 'confidence', 'note'];

/**
 * Serialises one entry with fields in a fixed order, dropping empty optional fields. A
 * variant with its own mark (`e._marks`: name -> {ambiguous?, confidence?, note?}) is
 * written as an object `{"name", ...mark}`.
 */
export function entryLine(e) {
  const o = {};
  for (const k of ORDER) {
    let v = e[k];
    if (v === undefined || v === null || v === '') continue;
    if (k === 'variants' && e._marks) v = v.map((n) => (e._marks.has(n) ? { name: n, ...e._marks.get(n) } : n));
    o[k] = v;
  }
  for (const k of Object.keys(e)) if (!ORDER.includes(k) && !k.startsWith('_')) o[k] = e[k];
  return JSON.stringify(o);
}

/** Writes lines as UTF-8 JSONL without a BOM, with a final newline. */
export function writeJsonl(path, lines) {
  writeFileSync(path, lines.join('\n') + '\n', 'utf8');
  console.log(`${path.slice(ROOT.length + 1)}: ${lines.length} lines`);
}

/** Makes an ASCII slug for ids from an English name. */
export function slug(s) {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** ISO 3166-1 alpha-2 officially assigned codes (249), from the ISO 3166 Maintenance Agency list. */
export const ISO_ALPHA2 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/**
 * Turns rows of a hand-compiled TSV source (columns id, label, type, name, variants, en,
 * country, ambiguous, confidence, note) into entries with source `tawsim`.
 */
export function handEntries(path) {
  return readTsv(path).map((r) => {
    const where = `${path.slice(ROOT.length + 1)}:${r._line}`;
    if (!r.id || !r.label || !r.type || !r.name) throw new Error(`${where}: id, label, type and name are required`);
    const name = clean(r.name);
    const e = {
      id: r.id,
      label: r.label,
      type: r.type,
      name,
      variants: dedupeVariants(name, list(r.variants)),
      en: r.en,
      country: r.country,
      source: r.source || 'tawsim',
      ambiguous: r.ambiguous,
      note: r.note,
      _where: where,
    };
    if (r.confidence) e.confidence = Number(r.confidence);
    return e;
  });
}

/** Throws if two entries share an id. */
export function checkIds(entries) {
  const seen = new Map();
  for (const e of entries) {
    if (seen.has(e.id)) throw new Error(`duplicate id ${e.id} (${seen.get(e.id)} and ${e._where ?? '?'})`);
    seen.set(e.id, e._where ?? '?');
  }
}
