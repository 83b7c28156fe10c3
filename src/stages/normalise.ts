import { z } from 'zod';
import {
  ALEF_FORMS,
  ALEF_MAKSURA,
  DIACRITICS,
  DIGIT_ZEROS,
  HAMZA_CARRIERS,
  INVISIBLE_CONTROLS,
  LINE_SEPARATORS,
  PERSIAN_LETTERS,
  PRESENTATION_FORMS,
  PRESENTATION_KEEP,
  QURANIC_MARKS,
  TATWEEL,
  TEH_MARBUTA,
  UNUSUAL_SPACES,
  ZWJ,
  forEachInRanges,
} from '../arabic/characters.js';
import { defineStage } from '../core/stage.js';
import { TextView } from '../core/text-view.js';

/** Every rule can be switched off in the config. */
export const normaliseOptions = z.strictObject({
  /** Remove harakat, tanwin, shadda, sukun (U+064B–U+065F) and superscript alef U+0670. */
  diacritics: z.boolean().default(true),
  /** Remove Quranic annotation marks (U+06D6–U+06ED and relatives). */
  quranicMarks: z.boolean().default(true),
  /** Remove tatweel U+0640. */
  tatweel: z.boolean().default(true),
  /** Fold أ إ آ ٱ to ا. */
  alef: z.boolean().default(true),
  /** Fold ى to ي. */
  alefMaksura: z.boolean().default(true),
  /** Fold ة to ه. */
  tehMarbuta: z.boolean().default(true),
  /** Fold ؤ to و and ئ to ي. */
  hamzaCarriers: z.boolean().default(false),
  /** Fold Persian and Urdu letters (ک ی ہ ۀ ھ ے ە) to their Arabic counterparts. */
  persianLetters: z.boolean().default(true),
  /** Decompose presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) per character. */
  presentationForms: z.boolean().default(true),
  /** Fold Arabic-Indic and Persian digits to ASCII. */
  digits: z.boolean().default(true),
  /** Remove zero-width and bidi controls (they belong to no token). */
  invisibleControls: z.boolean().default(true),
  /** Fold no-break and other unusual spaces to U+0020, line separators to U+000A. */
  spaces: z.boolean().default(true),
});
export type NormaliseOptions = z.output<typeof normaliseOptions>;

// Table entries: 0 keeps the unit; otherwise (argument << 3) | action.
const REPLACE = 1; // one for one: argument is the new code unit
const GLUE = 2; // removed; its original range joins the unit before it
const DROP = 3; // removed; owned by no unit
const EXPAND = 4; // one into several: argument indexes `expansions`
const JOINER = 5; // U+200D: kept inside emoji sequences, dropped elsewhere

/** The compiled normaliser: a 64K-entry action table and the expansions it refers to. */
export interface Normaliser {
  table: Int32Array;
  expansions: Uint16Array[];
}

/** Compiles the options into a per-code-unit action table (done once per pipeline). */
export function compileNormaliser(options: NormaliseOptions): Normaliser {
  const table = new Int32Array(0x10000);
  const expansions: Uint16Array[] = [];
  const replace = (pairs: readonly (readonly [number, number])[]) => {
    for (const [from, to] of pairs) table[from] = (to << 3) | REPLACE;
  };
  if (options.diacritics) forEachInRanges(DIACRITICS, (c) => (table[c] = GLUE));
  if (options.quranicMarks) forEachInRanges(QURANIC_MARKS, (c) => (table[c] = GLUE));
  if (options.tatweel) table[TATWEEL] = GLUE;
  if (options.alef) replace(ALEF_FORMS);
  if (options.alefMaksura) replace(ALEF_MAKSURA);
  if (options.tehMarbuta) replace(TEH_MARBUTA);
  if (options.hamzaCarriers) replace(HAMZA_CARRIERS);
  if (options.persianLetters) replace(PERSIAN_LETTERS);
  if (options.digits) {
    for (const zero of DIGIT_ZEROS) for (let d = 0; d < 10; d++) table[zero + d] = ((0x30 + d) << 3) | REPLACE;
  }
  if (options.spaces) {
    forEachInRanges(UNUSUAL_SPACES, (c) => (table[c] = (0x20 << 3) | REPLACE));
    for (const c of LINE_SEPARATORS) table[c] = (0x0a << 3) | REPLACE;
  }
  if (options.invisibleControls) {
    forEachInRanges(INVISIBLE_CONTROLS, (c) => (table[c] = DROP));
    table[ZWJ] = JOINER;
  }
  if (options.presentationForms) {
    // Per character NFKC (never on a document), then this table's own rules on the result,
    // so a presentation-form alef with hamza folds like the ordinary one.
    const keep = new Set(PRESENTATION_KEEP);
    forEachInRanges(PRESENTATION_FORMS, (c) => {
      if (keep.has(c) || table[c] !== 0) return;
      const decomposed = String.fromCharCode(c).normalize('NFKC');
      if (decomposed.length === 1 && decomposed.charCodeAt(0) === c) return;
      const units: number[] = [];
      let onlyMarks = true;
      for (let k = 0; k < decomposed.length; k++) {
        const u = decomposed.charCodeAt(k);
        const t = table[u]!;
        const action = t & 7;
        if (action === GLUE || action === DROP) continue;
        if (u !== 0x20) onlyMarks = false;
        units.push(action === REPLACE ? t >>> 3 : u);
      }
      // Isolated forms of harakat (U+FE70..) decompose to space + mark: they are marks.
      if (onlyMarks) {
        if (options.diacritics) table[c] = GLUE;
        return;
      }
      // Phrase ligatures (U+FDFA, U+FDFB, U+FDFD) decompose to several words: one original
      // character cannot be several tokens, so they stay whole.
      if (units.includes(0x20)) return;
      if (units.length === 1) table[c] = (units[0]! << 3) | REPLACE;
      else {
        table[c] = (expansions.length << 3) | EXPAND;
        expansions.push(Uint16Array.from(units));
      }
    });
  }
  return { table, expansions };
}

const utf16 = new TextDecoder('utf-16le');

let inputBytes = Buffer.allocUnsafeSlow(0);
let inputUnits = new Uint16Array(0);

/**
 * The text's UTF-16 code units in a typed array (native copy). Reading a typed array keeps
 * the hot loop monomorphic: `charCodeAt` slows down for every later document once it has
 * seen strings of other representations (one-byte, concatenated), as gazetteer data is.
 */
function codeUnits(text: string): Uint16Array {
  const bytes = text.length * 2;
  if (bytes > SCRATCH_LIMIT * 2) {
    const own = Buffer.from(text, 'utf16le');
    return new Uint16Array(own.buffer, own.byteOffset, text.length);
  }
  if (inputBytes.length < bytes) {
    inputBytes = Buffer.allocUnsafeSlow(Math.min(SCRATCH_LIMIT * 2, Math.max(bytes, inputBytes.length * 2)));
    inputUnits = new Uint16Array(inputBytes.buffer, inputBytes.byteOffset, inputBytes.length / 2);
  }
  inputBytes.write(text, 0, 'utf16le');
  return inputUnits;
}
/**
 * The string of `units[0, length)`. Buffer's UTF-16 decoding is several times faster
 * than TextDecoder's, but keeps a lone surrogate where TextDecoder writes U+FFFD, as
 * normalised views always have: malformed text (rare) still goes through TextDecoder.
 * `wellFormed` tells whether the string's units are `units` (no U+FFFD written).
 */
function decodeUnits(units: Uint16Array, length: number): { text: string; wellFormed: boolean } {
  const s = Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
  return (s as WellFormedString).isWellFormed() ? { text: s, wellFormed: true } : { text: utf16.decode(units.subarray(0, length)), wellFormed: false };
}
/** `String.prototype.isWellFormed` (ES2024, in Node 20; the project's lib is ES2023). */
type WellFormedString = string & { isWellFormed(): boolean };

let scratch = new Uint16Array(0);
/** Documents longer than this (in UTF-16 units) get their own buffer, not a kept one. */
const SCRATCH_LIMIT = 1 << 20;

/** A copy of `units[0, used)` in a buffer of `capacity` units. */
function grownUnits(units: Uint16Array, used: number, capacity: number): Uint16Array {
  const grown = new Uint16Array(capacity);
  grown.set(units.subarray(0, used));
  return grown;
}

/** A copy of `map` in an array of `capacity` entries. */
function grownMap(map: Int32Array, capacity: number): Int32Array {
  const grown = new Int32Array(capacity);
  grown.set(map);
  return grown;
}

function isEmojiContext(code: number): boolean {
  // Low surrogate (end of an astral emoji), VS16, or a BMP pictograph.
  return (code >= 0xdc00 && code <= 0xdfff) || code === 0xfe0f || (code >= 0x2600 && code <= 0x27bf);
}

/**
 * Normalises `text` into a view with a map back to it. One pass over the text; arrays
 * for the map are only allocated once something changes the length.
 */
export function normaliseText(text: string, normaliser: Normaliser): TextView {
  const { table, expansions } = normaliser;
  const n = text.length;
  const units = codeUnits(text);
  let i = 0;
  while (i < n && table[units[i]!] === 0) i++;
  // The view keeps a copy of its code units, which every later stage reads: copying
  // them here is cheaper than encoding the string again (TextView.units).
  if (i === n) return TextView.identity(text, units.slice(0, n));

  let capacity = n + 16;
  // The output units go to a scratch buffer reused across documents (decoding copies
  // them out): a fresh buffer per document is external memory that triggers full GCs.
  let out: Uint16Array;
  if (capacity > SCRATCH_LIMIT) out = new Uint16Array(capacity);
  else {
    if (scratch.length < capacity) scratch = new Uint16Array(Math.min(SCRATCH_LIMIT, Math.max(capacity, scratch.length * 2)));
    out = scratch;
  }
  out.set(units.subarray(0, i));
  let starts: Int32Array | null = null;
  let ends: Int32Array | null = null;
  let o = i;

  // No closure may capture the loop's variables (out, o, starts, ends, capacity): V8 keeps
  // captured variables in a context object, and every unit would then read and write them
  // in memory rather than in registers.
  for (; i < n; i++) {
    const c = units[i]!;
    const t = table[c]!;
    let action = t & 7;
    if (action === JOINER) action = i > 0 && isEmojiContext(units[i - 1]!) ? 0 : DROP;
    if (action === 0 || action === REPLACE) {
      out[o] = action === 0 ? c : t >>> 3;
      if (starts !== null) {
        starts[o] = i;
        ends![o] = i + 1;
      }
      o++;
      continue;
    }
    if (starts === null) {
      // The first change of length: the map starts, the identity up to here.
      starts = new Int32Array(capacity);
      ends = new Int32Array(capacity);
      for (let k = 0; k < o; k++) {
        starts[k] = k;
        ends[k] = k + 1;
      }
    }
    if (action === GLUE) {
      // Glue to the unit before when it ends right here; after a dropped control or at
      // the start of the text, the mark belongs to nobody.
      if (o > 0 && ends![o - 1] === i) ends![o - 1] = i + 1;
    } else if (action === EXPAND) {
      const expansion = expansions[t >>> 3]!;
      if (o + expansion.length > capacity) {
        capacity = Math.max(capacity * 2, o + expansion.length + 16);
        out = grownUnits(out, o, capacity);
        starts = grownMap(starts, capacity);
        ends = grownMap(ends!, capacity);
      }
      for (let k = 0; k < expansion.length; k++) {
        out[o] = expansion[k]!;
        starts[o] = i;
        ends![o] = i + 1;
        o++;
      }
    }
    // DROP: nothing is written.
  }
  const { text: viewText, wellFormed } = decodeUnits(out, o);
  // The view keeps a copy of its units (see above); after a U+FFFD they come from the string.
  const viewUnits = wellFormed ? out.slice(0, o) : null;
  if (starts === null) return new TextView(text, viewText, null, null, viewUnits);
  return new TextView(text, viewText, starts.subarray(0, o), ends!.subarray(0, o), viewUnits);
}

export const normaliseStage = defineStage({
  name: 'normalise',
  summary: 'Normalised view of the text (diacritics, tatweel, letter forms, digits, controls) with a map back to the original.',
  requires: [],
  provides: ['view'],
  options: normaliseOptions,
  create(options) {
    const normaliser = compileNormaliser(options);
    return (doc) => {
      doc.view = normaliseText(doc.text, normaliser);
    };
  },
  createStringNormaliser(options) {
    const normaliser = compileNormaliser(options);
    return (s) => normaliseText(s, normaliser).text;
  },
});
