/**
 * Grapheme clusters (UAX #29, through `Intl.Segmenter`): what a reader sees as one
 * character. An Arabic letter and its diacritics (`U+0651 ARABIC SHADDA`, `U+064E ARABIC
 * FATHA`, ...) are one cluster, as are an emoji and its modifiers or ZWJ sequence and a
 * CR LF pair. A span that starts or ends inside a cluster would split a diacritic from
 * its letter, so the page snaps selections outwards to cluster edges and the server
 * refuses spans that do not sit on them.
 *
 * Runs in the browser and in Node (no DOM, no Node API).
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Every cluster edge of `text` as a table: `table[i] === 1` when UTF-16 offset `i` is an
 * edge (0 and `text.length` always are). One pass; the page builds it once per document.
 */
export function graphemeBoundaries(text: string): Uint8Array {
  const table = new Uint8Array(text.length + 1);
  for (const s of segmenter.segment(text)) table[s.index] = 1;
  table[text.length] = 1;
  return table;
}

/** How far `isGraphemeBoundary` looks back for a safe restart, and ahead of `at`. */
const LOOK_BACK = 4096;
const LOOK_AHEAD = 64;

/**
 * Prepended concatenation marks (UAX #29 Prepend, GB9b) of the BMP: the only characters a
 * following space would stay glued to. U+0600..U+0605 and U+06DD are Arabic number signs.
 */
function isPrepend(c: number): boolean {
  return (c >= 0x0600 && c <= 0x0605) || c === 0x06dd || c === 0x070f || c === 0x0890 || c === 0x0891 || c === 0x08e2 || c === 0x0d4e;
}

/**
 * True when UTF-16 offset `at` is a cluster edge of `text`, without segmenting the whole
 * text: segmentation restarts just before the nearest earlier space, tab or line feed.
 * A cluster never runs into one of those (UAX #29: GB9, GB9a and GB11-GB13 only glue
 * Extend, ZWJ, spacing marks, pictographs and regional indicators to what precedes them),
 * except after a Prepend mark, and a LF stays glued to a CR (GB3); both are stepped over.
 * Past `LOOK_BACK` units without whitespace the answer is from a window (a cluster of
 * thousands of units is not text anyone reviews).
 */
export function isGraphemeBoundary(text: string, at: number): boolean {
  if (!Number.isInteger(at) || at < 0 || at > text.length) return false;
  if (at === 0 || at === text.length) return true;
  const limit = Math.max(0, at - LOOK_BACK);
  let from = limit;
  for (let k = at - 1; k > limit; k--) {
    const c = text.charCodeAt(k);
    if ((c === 0x20 || c === 0x09 || c === 0x0a) && text.charCodeAt(k - 1) !== 0x0d && !isPrepend(text.charCodeAt(k - 1))) {
      from = k;
      break;
    }
  }
  const to = Math.min(text.length, at + LOOK_AHEAD);
  for (const s of segmenter.segment(text.slice(from, to))) {
    const edge = from + s.index;
    if (edge === at) return true;
    if (edge > at) return false;
  }
  return false;
}

/** The nearest edge at or before `at` in a table from `graphemeBoundaries`. */
export function edgeAtOrBefore(table: Uint8Array, at: number): number {
  let i = Math.max(0, Math.min(at, table.length - 1));
  while (i > 0 && table[i] !== 1) i--;
  return i;
}

/** The nearest edge at or after `at` in a table from `graphemeBoundaries`. */
export function edgeAtOrAfter(table: Uint8Array, at: number): number {
  const last = table.length - 1;
  let i = Math.max(0, Math.min(at, last));
  while (i < last && table[i] !== 1) i++;
  return i;
}
