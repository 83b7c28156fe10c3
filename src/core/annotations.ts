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
  const mapped: Annotation[] = [];
  for (const a of annotations) {
    const to = options.labels[a.label];
    if (to === '') continue;
    mapped.push(to === undefined ? a : { ...a, label: to });
  }
  mapped.sort(compareAnnotations);
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
  if (options.nested) kept.sort(compareAnnotations);
  return kept;
}
