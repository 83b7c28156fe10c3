/**
 * A normalised view of a text with an exact map back to the original.
 *
 * Every UTF-16 unit `v` of the view comes from the original range
 * `[starts[v], ends[v])`. A view range `[vs, ve)` therefore covers the original range
 * `[starts[vs], ends[ve - 1])`:
 *
 * ```
 * original   ب  ِ  ـ  ن  ‌  ت      (U+0650 kasra, U+0640 tatweel, U+200C ZWNJ)
 *            0  1  2  3  4  5
 * view       ب        ن     ت
 *            0        1     2
 * starts     0        3     5
 * ends       3        4     6      kasra and tatweel glue to ب; ZWNJ belongs to nobody
 * ```
 *
 * One original character expanded into several (U+FEFB lam-alef ligature -> ل ا) maps
 * each view unit to the whole original character, so no span can split it.
 *
 * When normalisation only replaced characters one for one, the map is the identity and
 * no arrays are stored (`starts === null`): the common case for news text.
 */
export class TextView {
  /** The original text: never changed. */
  readonly original: string;
  /** The normalised text that stages search. */
  readonly text: string;
  private readonly starts: Int32Array | null;
  private readonly ends: Int32Array | null;
  private codeUnits: Uint16Array | null = null;

  /** `units`, when given, must hold the code units of `text` (see {@link units}). */
  constructor(original: string, text: string, starts: Int32Array | null, ends: Int32Array | null, units: Uint16Array | null = null) {
    if ((starts === null) !== (ends === null)) throw new Error('TextView: starts and ends go together');
    if (starts === null && text.length !== original.length) {
      throw new Error('TextView: an identity map needs texts of equal length');
    }
    if (starts !== null && (starts.length < text.length || ends!.length < text.length)) {
      throw new Error('TextView: the map is shorter than the view');
    }
    this.original = original;
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    if (units !== null && units.length !== text.length) throw new Error('TextView: the code units do not match the text');
    this.codeUnits = units;
  }

  /** A view that is the original itself (`units`: its code units, when at hand). */
  static identity(original: string, units: Uint16Array | null = null): TextView {
    return new TextView(original, original, null, null, units);
  }

  /**
   * The view's UTF-16 code units (`units[v] === text.charCodeAt(v)`), copied from `text`
   * on first use (a native copy: about as fast as slicing the text once).
   * Hot loops read these rather than `text.charCodeAt`: V8 compiles a `charCodeAt` call
   * site for the string representations it has seen, and once gazetteer data (sliced,
   * concatenated, one-byte strings) has passed through the same code, every later
   * document pays for the polymorphic site. A typed array read has one shape only.
   */
  get units(): Uint16Array {
    if (this.codeUnits === null) this.codeUnits = codeUnitsOf(this.text);
    return this.codeUnits;
  }

  /** True when view offsets equal original offsets. */
  get isIdentity(): boolean {
    return this.starts === null;
  }

  /** Original offset where view unit `v` starts; `text.length` maps to the original's end. */
  originalStart(v: number): number {
    if (this.starts === null) return v;
    if (v >= this.text.length) return this.original.length;
    return this.starts[v]!;
  }

  /** Original offset where a view range ending (exclusively) at `ve` ends. */
  originalEnd(ve: number): number {
    if (this.ends === null) return ve;
    if (ve <= 0) return 0;
    return this.ends[ve - 1]!;
  }

  /** The original range covered by the view range `[vs, ve)`. */
  toOriginal(vs: number, ve: number): { start: number; end: number } {
    if (ve <= vs) {
      const at = this.originalStart(vs);
      return { start: at, end: at };
    }
    return { start: this.originalStart(vs), end: this.originalEnd(ve) };
  }

  /**
   * The first view unit whose original start is at or after original offset `o`: the
   * inverse of `originalStart` for offsets that start a view unit.
   */
  fromOriginal(o: number): number {
    if (this.starts === null) return o;
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A copy of the code units of `s`, by a native UTF-16LE write (no per-unit `charCodeAt`). */
function codeUnitsOf(s: string): Uint16Array {
  const units = new Uint16Array(s.length);
  Buffer.from(units.buffer, units.byteOffset, units.byteLength).write(s, 'utf16le');
  return units;
}
