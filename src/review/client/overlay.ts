/**
 * What floats over the text without touching it: label chips (out of the text flow, so
 * they never reorder the words around them), focus boxes and the marker of the edge the
 * keys move. Laid out for the part of the text on screen only, measuring first and
 * changing the DOM once, so a long document stays quick.
 */
import type { Span, SpanEdge } from '../shared/spans.js';
import { STATUS_MARK, type Ann } from './annotations.js';
import { h } from './dom.js';

export interface OverlayState {
  wrap: HTMLElement;
  overlay: HTMLElement;
  textEl: HTMLElement;
  node: Text;
  anns: readonly Ann[];
  /** `inner[i] === 1` when annotation i starts inside or across an earlier one. */
  inner: Uint8Array;
  /** Longest annotation (UTF-16 units), to find those reaching into a window. */
  longest: number;
  showChips: boolean;
  focused: Ann | undefined;
  draft: Span | null;
  edge: SpanEdge;
  matches(a: Ann): boolean;
  rangeOf(start: number, end: number): Range;
  /** True when a span reads right to left (its chip hangs from its right end). */
  isRtl(span: Span): boolean;
}

/** The UTF-16 offset under a point of the viewport, or null (only over the text node). */
export function offsetAt(node: Text, x: number, y: number): number | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y);
    return p !== null && p.offsetNode === node ? p.offset : null;
  }
  // Older WebKit has only the non-standard caretRangeFromPoint.
  const legacy = (document as unknown as { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return legacy !== undefined && legacy !== null && legacy.startContainer === node ? legacy.startOffset : null;
}

/** The text on screen as UTF-16 offsets, widened by a margin for small scrolls. */
export function visibleWindow(textEl: HTMLElement, node: Text): { lo: number; hi: number } {
  const r = textEl.getBoundingClientRect();
  const top = Math.max(r.top + 1, 0);
  const bottom = Math.min(r.bottom - 1, window.innerHeight - 1);
  if (bottom <= top) return { lo: 0, hi: -1 };
  const x = (r.left + r.right) / 2;
  const a = offsetAt(node, x, top) ?? 0;
  const b = offsetAt(node, x, bottom) ?? node.length;
  const margin = 3000;
  return { lo: Math.max(0, Math.min(a, b) - margin), hi: Math.min(node.length, Math.max(a, b) + margin) };
}

/**
 * Where reading on screen begins: 0 while the start of the text is visible, else the offset
 * just under the page's sticky bar.
 */
export function readingOffset(textEl: HTMLElement, node: Text): number {
  const r = textEl.getBoundingClientRect();
  if (r.top >= 0) return 0;
  return offsetAt(node, (r.left + r.right) / 2, Math.min(r.bottom - 1, 64)) ?? 0;
}

/** Index of the first annotation (sorted by start) that may reach offset `at`. */
function firstFrom(anns: readonly Ann[], at: number, longest: number): number {
  let lo = 0;
  let hi = anns.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (anns[mid]!.start < at - longest) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function layoutOverlay(s: OverlayState): void {
  const origin = s.wrap.getBoundingClientRect();
  const parts: HTMLElement[] = [];
  const box = (rect: DOMRect, cls: string) => {
    const el = h('div', { class: cls });
    el.style.left = `${rect.left - origin.left}px`;
    el.style.top = `${rect.top - origin.top}px`;
    el.style.width = `${rect.width}px`;
    el.style.height = `${rect.height}px`;
    parts.push(el);
  };
  const marker = (span: Span, rects: DOMRect[], which: SpanEdge) => {
    // The caret of the logical edge: in mixed-direction text (digits inside Arabic) that is
    // not necessarily an outer corner of the span's boxes.
    const at = which === 'start' ? span.start : span.end;
    const caret = s.rangeOf(at, at).getClientRects()[0];
    const rtl = s.isRtl(span);
    const rect = caret ?? (which === 'start' ? rects[0]! : rects[rects.length - 1]!);
    const x = caret !== undefined ? caret.left : which === 'start' ? (rtl ? rect.right : rect.left) : rtl ? rect.left : rect.right;
    const el = h('div', { class: `edge-marker ${which}` });
    el.style.left = `${x - origin.left - 1}px`;
    el.style.top = `${rect.top - origin.top - 4}px`;
    el.style.height = `${rect.height + 8}px`;
    parts.push(el);
  };
  if (s.showChips) {
    const { lo, hi } = visibleWindow(s.textEl, s.node);
    for (let i = firstFrom(s.anns, lo, s.longest); i < s.anns.length && s.anns[i]!.start <= hi; i++) {
      const a = s.anns[i]!;
      if (a.end < lo) continue;
      const first = s.rangeOf(a.start, a.end).getClientRects()[0];
      if (first === undefined) continue;
      const nested = s.inner[i] === 1;
      const chip = h(
        'span',
        { class: `chip${nested ? ' inner' : ''}${s.matches(a) ? '' : ' muted'} ${a.rec.status}`, attrs: { 'data-label': a.rec.label, 'data-id': a.rec.id } },
        `${a.rec.label}${STATUS_MARK[a.rec.status]}`,
      );
      if (s.isRtl(a)) chip.style.right = `${origin.right - first.right}px`;
      else chip.style.left = `${first.left - origin.left}px`;
      // Outermost spans carry their chip above the line, inner ones below it.
      chip.style.top = nested ? `${first.bottom - origin.top + 4}px` : `${first.top - origin.top - 13}px`;
      parts.push(chip);
    }
  }
  if (s.focused !== undefined) {
    const rects = [...s.rangeOf(s.focused.start, s.focused.end).getClientRects()];
    for (const r of rects) box(r, 'focus-box');
    if (rects.length > 0 && s.draft === null) marker(s.focused, rects, s.edge);
  }
  if (s.draft !== null) {
    const rects = [...s.rangeOf(s.draft.start, s.draft.end).getClientRects()];
    for (const r of rects) box(r, 'draft-box');
    if (rects.length > 0) marker(s.draft, rects, s.edge);
  }
  s.overlay.replaceChildren(...parts);
}
