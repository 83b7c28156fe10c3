import type { Annotation } from './document.js';

export interface ResolveOptions {
  /** Keep inner spans too. */
  nested: boolean;
  /** Label mapping; a label mapped to "" is dropped. */
  labels: Readonly<Record<string, string>>;
}

/** Sort order of annotations everywhere: by start, longer first, then label. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * Sorts `list` in place by {@link compareAnnotations}, stably (as `Array.prototype.sort`).
 * Each stage appends its annotations in text order, so a document's list is a few sorted
 * runs, one per stage: merging the runs pairwise takes far fewer comparisons than the
 * built-in sort, which insertion-sorts short runs and calls the comparator from native
 * code. Unsorted input still sorts (its runs are short), in O(n log n).
 */
export function sortAnnotations(list: Annotation[]): void {
  const n = list.length;
  // Run boundaries: starts of the runs, then n.
  const bounds = [0];
  for (let i = 1; i < n; i++) if (compareAnnotations(list[i - 1]!, list[i]!) > 0) bounds.push(i);
  if (bounds.length === 1) return;
  bounds.push(n);
  let from = list;
  let to = new Array<Annotation>(n);
  while (bounds.length > 2) {
    const merged = [0];
    for (let r = 0; r + 1 < bounds.length; r += 2) {
      const lo = bounds[r]!;
      const mid = bounds[r + 1]!;
      const hi = r + 2 < bounds.length ? bounds[r + 2]! : mid;
      let i = lo;
      let j = mid;
      let k = lo;
      // Ties take the left run's element first: stable.
      while (i < mid && j < hi) to[k++] = compareAnnotations(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
      while (i < mid) to[k++] = from[i++]!;
      while (j < hi) to[k++] = from[j++]!;
      merged.push(hi);
    }
    bounds.length = 0;
    for (const b of merged) bounds.push(b);
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== list) for (let i = 0; i < n; i++) list[i] = from[i]!;
}

/** True when `a` should win a crossing overlap against `b`. */
function beats(a: Annotation, b: Annotation): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.start < b.start;
}

/**
 * Maps labels, then keeps the outermost annotations (or all of them when `nested`),
 * sorted. Of two crossing spans the longer (then the more confident) wins. Linear after
 * the sort: a later start can only conflict with the last kept span.
 *
 * ```
 * 601 مليون دولار   MONEY    kept
 * 601 مليون         CARDINAL dropped: inside MONEY
 *           دولار   CURR     dropped: inside MONEY
 * ```
 */
export function resolveAnnotations(annotations: Annotation[], options: ResolveOptions): Annotation[] {
  let mapped: Annotation[];
  // Most configurations map no label: then the list is copied whole, without a look-up
  // per annotation.
  if (Object.keys(options.labels).length === 0) mapped = annotations.slice();
  else {
    mapped = [];
    for (const a of annotations) {
      const to = options.labels[a.label];
      if (to === '') continue;
      mapped.push(to === undefined ? a : { ...a, label: to });
    }
  }
  sortAnnotations(mapped);
  const kept: Annotation[] = [];
  for (const a of mapped) {
    // (No read at index -1: it would make this load slow for every annotation.)
    const last = kept.length > 0 ? kept[kept.length - 1] : undefined;
    if (last === undefined || a.start >= last.end) {
      kept.push(a);
      continue;
    }
    if (a.start === last.start && a.end === last.end && a.label === last.label) {
      if (a.confidence > last.confidence) kept[kept.length - 1] = a;
      continue;
    }
    if (options.nested) {
      kept.push(a);
      continue;
    }
    if (a.end <= last.end) continue; // inside the last kept span
    if (beats(a, last)) kept[kept.length - 1] = a;
  }
  if (options.nested) sortAnnotations(kept);
  return kept;
}
