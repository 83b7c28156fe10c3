import type { Doc, Span } from './document.js';
import { InvariantError } from './errors.js';

/** Marks that must never open a span: combining marks (harakat, shadda, ...) and tatweel. */
const OPENING_MARK = /^[\p{M}\u0640]/u;

/** True when offset `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  const low = text.charCodeAt(i);
  const high = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

/** Problems with one span of `text`, or an empty list. */
export function spanProblems(text: string, span: Span, what: string): string[] {
  const problems: string[] = [];
  const { start, end } = span;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= text.length && start < end)) {
    return [`${what} [${start}, ${end}) is not a non-empty span inside the text (length ${text.length})`];
  }
  if (splitsPair(text, start)) problems.push(`${what} [${start}, ${end}) starts inside a surrogate pair`);
  if (splitsPair(text, end)) problems.push(`${what} [${start}, ${end}) ends inside a surrogate pair`);
  if (OPENING_MARK.test(text.slice(start, start + 1))) problems.push(`${what} [${start}, ${end}) starts with a combining mark or tatweel`);
  return problems;
}

/** Checks sorted, non-overlapping, well-formed spans. */
function checkSpans(text: string, spans: ArrayLike<Span> & Iterable<Span>, what: string, problems: string[]): void {
  let prevEnd = 0;
  let i = 0;
  for (const span of spans) {
    problems.push(...spanProblems(text, span, `${what} ${i}`));
    if (span.start < prevEnd) problems.push(`${what} ${i} [${span.start}, ${span.end}) overlaps the one before (ends ${prevEnd})`);
    prevEnd = span.end;
    i++;
  }
}

/**
 * Every offset invariant of a processed document: tokens, sentences and annotations are
 * well-formed spans of the original text, sorted, never splitting a surrogate pair,
 * never starting with a mark; annotation surfaces equal their slices. A failure is a bug.
 */
export function checkDocument(doc: Doc): void {
  const problems: string[] = [];
  const text = doc.text;
  const tokens = doc.tokens;
  if (tokens !== null) {
    const spans: Span[] = [];
    for (let i = 0; i < tokens.count; i++) spans.push({ start: tokens.start[i]!, end: tokens.end[i]! });
    checkSpans(text, spans, 'token', problems);
  }
  checkSpans(text, doc.sentences, 'sentence', problems);
  doc.annotations.forEach((a, i) => {
    problems.push(...spanProblems(text, a, `annotation ${i} (${a.label})`));
    if (typeof a.text === 'string' && text.slice(a.start, a.end) !== a.text) {
      problems.push(`annotation ${i} (${a.label}) text "${String(a.text)}" differs from the slice "${text.slice(a.start, a.end)}"`);
    }
  });
  if (problems.length > 0) {
    throw new InvariantError(`document ${doc.id}: ${problems.length} offset invariant(s) broken:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}
