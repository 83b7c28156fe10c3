/**
 * A hash table from normalised words to values, looked up by a range of the view's code
 * units without slicing it. The numbers and money stages load their word lists into it;
 * per document they read the same answers from the shared token look-up
 * (`ReadingValues`, ../token-lookup.ts, checked against this table by a property test),
 * so that each token is hashed once for every stage.
 *
 * The hash runs from the end of the word to its start, so one backward pass over a token
 * gives the hash of every suffix: the stems left after cutting proclitics (و ف ب ك ل)
 * cost nothing extra. A stem whose article's alef was swallowed (ل + الـ = لل) is looked
 * up with a virtual alef in front.
 *
 * ```
 * token   و ب ا ل م ل ي و ن      suffix hashes h[k] for k = 9 .. 0, one pass
 *         0 1 2 3 4 5 6 7 8      lookups: h[0] (whole), h[1] (after و), h[2] (after وب)
 * ```
 *
 * Before hashing, a 4096-entry filter on the word's last two letters refuses most tokens:
 * cutting proclitics never changes how a word ends.
 */

const MULTIPLIER = 31;

/** Filter slot of a word ending in `prev`, `last` (the low 6 bits of each: the Arabic block fits). */
function endSlot(prev: number, last: number): number {
  return ((last & 0x3f) << 6) | (prev & 0x3f);
}
const ALEF = 0x0627;

/** ب ك ل: the prepositions that attach to a word. (A module function: a closure made per look-up would be garbage per token.) */
function isPreposition(c: number): boolean {
  return c === 0x0628 || c === 0x0643 || c === 0x0644;
}

function finalise(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h;
}

/** Hash of `key` as the backward pass computes it. */
function hashString(key: string): number {
  let h = 0;
  for (let k = key.length - 1; k >= 0; k--) h = (Math.imul(h, MULTIPLIER) + key.charCodeAt(k)) | 0;
  return h;
}

/**
 * Look-ups read the view's code units (`TextView.units`), and keys are compared from a
 * typed pool of their code units: no `charCodeAt` on strings in the hot path, whose
 * representations (sliced, concatenated, one-byte) would make the comparison polymorphic.
 */
export class WordTable<T> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  private slots: Int32Array = new Int32Array(0);
  private mask = 0;
  /** Code units of every key, back to back (`pool[offsets[i], offsets[i] + keys[i].length)`), built with `slots`. */
  private pool = new Uint16Array(0);
  private offsets = new Int32Array(0);
  private lengths = new Int32Array(0);
  private readonly ends = new Uint8Array(4096);
  /** Longest key, so longer tokens are refused before hashing. */
  maxLength = 0;

  /** Adds a key; a second value for the same key replaces the first. */
  set(key: string, value: T): void {
    const at = this.keys.indexOf(key);
    if (at >= 0) {
      this.values[at] = value;
      return;
    }
    this.keys.push(key);
    this.values.push(value);
    this.ends[endSlot(key.length > 1 ? key.charCodeAt(key.length - 2) : 0, key.charCodeAt(key.length - 1))] = 1;
    if (key.length > this.maxLength) this.maxLength = key.length;
    this.slots = new Int32Array(0); // rebuilt by the next lookup
  }

  get(key: string): T | undefined {
    const at = this.keys.indexOf(key);
    return at < 0 ? undefined : this.values[at];
  }

  get size(): number {
    return this.keys.length;
  }

  entries(): [string, T][] {
    return this.keys.map((k, i) => [k, this.values[i]!]);
  }

  private build(): void {
    let size = 16;
    while (size < this.keys.length * 4) size <<= 1;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    let units = 0;
    for (const key of this.keys) units += key.length;
    this.pool = new Uint16Array(units);
    this.offsets = new Int32Array(this.keys.length);
    this.lengths = new Int32Array(this.keys.length);
    let used = 0;
    this.keys.forEach((key, i) => {
      this.offsets[i] = used;
      this.lengths[i] = key.length;
      for (let k = 0; k < key.length; k++) this.pool[used++] = key.charCodeAt(k);
      let slot = finalise(hashString(key)) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    });
  }

  /**
   * Looks up `units[start, end)` (after a virtual alef when `alef` is true) given its
   * backward hash `h`. Returns the entry index or -1.
   */
  private probe(units: Uint16Array, start: number, end: number, h: number, alef: boolean): number {
    if (this.slots.length === 0) this.build();
    const length = end - start + (alef ? 1 : 0);
    const pool = this.pool;
    let slot = finalise(h) & this.mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.lengths[id] === length) {
        let k = this.offsets[id]!;
        const stop = k + length;
        let same = true;
        if (alef) same = pool[k++] === ALEF;
        for (let j = start; same && k < stop; k++, j++) same = pool[k] === units[j];
        if (same) return id;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The value for exactly `units[start, end)` (a range of `TextView.units`), or undefined. */
  lookup(units: Uint16Array, start: number, end: number): T | undefined {
    if (end - start > this.maxLength || end <= start) return undefined;
    if (this.ends[endSlot(end - start > 1 ? units[end - 2]! : 0, units[end - 1]!)] === 0) return undefined;
    let h = 0;
    for (let k = end - 1; k >= start; k--) h = (Math.imul(h, MULTIPLIER) + units[k]!) | 0;
    const i = this.probe(units, start, end, h, false);
    return i < 0 ? undefined : this.values[i];
  }

  /** Cut (code units) of the last successful {@link lookupWithProclitics}. */
  cut = 0;
  /** True when the last match restored the article's alef after ل (للمئة -> ل + المئة). */
  restoredAlef = false;

  /**
   * Looks the token up whole, then after one or two proclitic letters as
   * `src/arabic/clitics.ts` defines them (و/ف, then ب/ك/ل; or ب/ك/ل alone), keeping
   * only stems of at least `minStem` letters so that a lone proclitic letter never makes
   * a short word (لست is not ل + ست "six"). Sets {@link cut} and {@link restoredAlef}.
   * The caller confirms a proclitic reading with `procliticReadings` when it matters.
   */
  lookupWithProclitics(units: Uint16Array, start: number, end: number, minStem: number): T | undefined {
    this.cut = 0;
    this.restoredAlef = false;
    const length = end - start;
    if (length > this.maxLength + 2 || length <= 0) return undefined;
    if (this.ends[endSlot(length > 1 ? units[end - 2]! : 0, units[end - 1]!)] === 0) return undefined;
    let h = 0;
    let h1 = 0;
    let h2 = 0;
    for (let k = end - 1; k >= start; k--) {
      h = (Math.imul(h, MULTIPLIER) + units[k]!) | 0;
      if (k === start + 2) h2 = h;
      else if (k === start + 1) h1 = h;
    }
    if (length <= this.maxLength) {
      const whole = this.probe(units, start, end, h, false);
      if (whole >= 0) return this.values[whole];
    }
    const c0 = units[start]!;
    const conjunction = c0 === 0x0648 || c0 === 0x0641; // و ف
    if (!conjunction && !isPreposition(c0)) return undefined;
    // One proclitic.
    if (length - 1 >= minStem) {
      const i = this.probe(units, start + 1, end, h1, false);
      if (i >= 0) {
        this.cut = 1;
        return this.values[i];
      }
      if (c0 === 0x0644 && units[start + 1]! === 0x0644) {
        // ل + الـ: للمئة is ل + المئة.
        const j = this.probe(units, start + 1, end, (Math.imul(h1, MULTIPLIER) + ALEF) | 0, true);
        if (j >= 0) {
          this.cut = 1;
          this.restoredAlef = true;
          return this.values[j];
        }
      }
    }
    // Conjunction + preposition.
    const c1 = units[start + 1]!;
    if (conjunction && isPreposition(c1) && length - 2 >= minStem) {
      const i = this.probe(units, start + 2, end, h2, false);
      if (i >= 0) {
        this.cut = 2;
        return this.values[i];
      }
      if (c1 === 0x0644 && units[start + 2]! === 0x0644) {
        const j = this.probe(units, start + 2, end, (Math.imul(h2, MULTIPLIER) + ALEF) | 0, true);
        if (j >= 0) {
          this.cut = 2;
          this.restoredAlef = true;
          return this.values[j];
        }
      }
    }
    return undefined;
  }
}
