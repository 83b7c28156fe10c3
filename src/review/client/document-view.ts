/**
 * One document under review. The text is ONE text node (created from the string, never
 * parsed as HTML, so CR LF stays two characters and `<script>` stays text); annotations
 * are painted on it with CSS Custom Highlights, and chips, focus boxes and edge markers
 * float in an overlay outside the text flow (overlay.ts).
 *
 * Offsets: the server speaks code points; everything here is UTF-16 (DOM offsets into
 * that one text node), converted once on the way in (`toAnn`) and once on the way out
 * (`wire`). Selections become spans through the logical DOM offsets of the selection's
 * range, snapped to grapheme clusters: never through screen positions.
 */
import { codeUnitMap } from '../shared/code-units.js';
import { graphemeBoundaries } from '../shared/graphemes.js';
import type { AnnotationRecord, Decision, DocumentPayload } from '../shared/protocol.js';
import { resizeSpan, snapSelection, tokenBefore, tokenFrom, type Span, type SpanContext, type SpanEdge } from '../shared/spans.js';
import { annotationCard, clone, compareAnns, type Ann } from './annotations.js';
import { DecisionQueue } from './decision-queue.js';
import { clear, h, isolated } from './dom.js';
import { FilterPanel, noFilters, passes } from './filter-panel.js';
import { clearHighlights, installLabelStyles, paintAnnotations, paintUi } from './highlights.js';
import { labelKey, type KeyPress } from './keymap.js';
import { layoutOverlay, offsetAt, readingOffset } from './overlay.js';

export interface DocumentHooks {
  saveState(text: string, kind: 'saving' | 'saved' | 'error'): void;
  conflict(message: string): void;
  goToList(): void;
  announce(text: string): void;
}

export interface DocumentView {
  element: HTMLElement;
  keys(press: KeyPress, event: KeyboardEvent): boolean;
  destroy(): void;
}

/** Languages written right to left (ISO 639-3 -> the `lang` attribute). */
const RTL_LANGUAGES: Record<string, string> = { arb: 'ar', ara: 'ar', fas: 'fa', pes: 'fa', urd: 'ur', und: 'ar' };
/** The first strong character of a span is Latin-like: the span reads left to right. */
const STARTS_LTR = /^[^\p{L}]*[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

export function renderDocument(payload: DocumentPayload, hooks: DocumentHooks): DocumentView {
  const text = payload.text;
  const map = codeUnitMap(text);
  const labels = payload.labels;
  const tokenStarts: number[] = [];
  const tokenEnds: number[] = [];
  for (let i = 0; i + 1 < payload.tokens.length; i += 2) {
    tokenStarts.push(map.toUtf16(payload.tokens[i]!));
    tokenEnds.push(map.toUtf16(payload.tokens[i + 1]!));
  }
  const ctx: SpanContext = {
    text,
    graphemes: graphemeBoundaries(text),
    tokenStarts: Int32Array.from(tokenStarts).sort(),
    tokenEnds: Int32Array.from(tokenEnds).sort(),
  };
  const toAnn = (rec: AnnotationRecord): Ann => ({ rec, start: map.toUtf16(rec.start), end: map.toUtf16(rec.end) });
  /** A span as the API takes it: code points, and the surface it must read. */
  const wire = (span: Span) => ({ start: map.toCodePoint(span.start), end: map.toCodePoint(span.end), text: text.slice(span.start, span.end) });

  const anns: Ann[] = payload.annotations.map(toAnn).sort(compareAnns);
  let focusId: string | null = null;
  let edge: SpanEdge = 'end';
  let draft: Span | null = null;
  let showChips = true;
  const filters = noFilters();
  const matches = (a: Ann) => passes(filters, a);

  installLabelStyles([...new Set([...labels, ...anns.map((a) => a.rec.label)])]);

  // ---- the page ---------------------------------------------------------------------------
  const lang = payload.language === null ? 'ar' : RTL_LANGUAGES[payload.language];
  const textEl = h('div', {
    id: 'doc-text',
    class: 'text',
    dir: lang === undefined ? 'auto' : 'rtl',
    ...(lang === undefined ? {} : { lang }),
    attrs: { tabindex: '0', role: 'region', 'aria-label': 'Document text', 'aria-describedby': 'details' },
  });
  const node = document.createTextNode(text);
  textEl.append(node);
  const overlay = h('div', { class: 'overlay', attrs: { 'aria-hidden': 'true' } });
  const wrap = h('div', { class: 'text-wrap' }, textEl, overlay);
  const tooltip = h('div', { class: 'tooltip', attrs: { role: 'tooltip', id: 'tooltip' }, hidden: true });
  const addBar = h('div', { class: 'add-bar', hidden: true, attrs: { role: 'toolbar', 'aria-label': 'Add the selected text as' } });
  const progress = h('span', { class: 'doc-progress' });
  const labelBar = h('div', { class: 'label-bar', attrs: { 'aria-label': 'Labels and their keys' } });
  labels.forEach((label, i) => {
    const key = labelKey(i);
    labelBar.append(h('span', { class: 'swatch', attrs: { 'data-label': label } }, key === '' ? '' : h('kbd', {}, key), ` ${label}`));
  });
  const details = h('section', { id: 'details', class: 'details', attrs: { 'aria-live': 'polite', 'aria-label': 'Focused annotation' } });
  const filterPanel = new FilterPanel(filters, labels, () => anns, () => refilter());
  const unanchoredPanel = h('section', { class: 'unanchored', attrs: { 'aria-labelledby': 'unanchored-title' } });
  const element = h(
    'div',
    { class: 'doc-view' },
    h(
      'section',
      { class: 'doc-main', attrs: { 'aria-label': 'Document' } },
      h('div', { class: 'doc-head' }, h('a', { class: 'back', attrs: { href: '#/' } }, 'Documents'), ' / ', h('h1', {}, isolated(payload.id, 'ltr')), progress),
      labelBar,
      wrap,
    ),
    h('aside', { class: 'doc-side' }, details, filterPanel.element, unanchoredPanel),
    tooltip,
    addBar,
  );
  element.dataset.pending = '0';

  const rangeOf = (start: number, end: number): Range => {
    const r = new Range();
    r.setStart(node, start);
    r.setEnd(node, end);
    return r;
  };
  const isRtl = (span: Span) => textEl.dir !== 'ltr' && !STARTS_LTR.test(text.slice(span.start, span.end));
  const focusedAnn = () => anns.find((a) => a.rec.id === focusId);
  const scrollTo = (span: Span) => {
    const rect = rangeOf(span.start, span.end).getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 40) window.scrollBy({ top: rect.top - window.innerHeight / 3 });
  };

  // ---- painting ---------------------------------------------------------------------------
  /** `inner[i] === 1` when annotation i starts inside or across an earlier one. */
  let inner = new Uint8Array(0);
  let longest = 0;

  /** Annotation highlights: redrawn only when the annotations or the filters change. */
  const paintData = () => {
    const groups = new Map<string, Range[]>();
    const add = (name: string, r: Range) => {
      const list = groups.get(name);
      if (list === undefined) groups.set(name, [r]);
      else list.push(r);
    };
    inner = new Uint8Array(anns.length);
    longest = 0;
    let reach = -1;
    anns.forEach((a, i) => {
      if (a.start < reach) inner[i] = 1;
      reach = Math.max(reach, a.end);
      longest = Math.max(longest, a.end - a.start);
      const r = rangeOf(a.start, a.end);
      if (!matches(a)) add('ann-muted', r);
      else if (a.rec.status === 'rejected') add('ann-rejected', r);
      else add(inner[i] === 1 ? `ann-in-${a.rec.label}` : `ann-${a.rec.label}`, r);
    });
    paintAnnotations(groups);
  };

  const overlayNow = () =>
    layoutOverlay({ wrap, overlay, textEl, node, anns, inner, longest, showChips, focused: focusedAnn(), draft, edge, matches, rangeOf, isRtl });

  /** The hover card of an annotation, under the mouse pointer. */
  const showTooltip = (a: Ann | null, at: { x: number; y: number } | null) => {
    if (a === null || at === null) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren(...annotationCard(a, text));
    tooltip.hidden = false;
    const origin = element.getBoundingClientRect();
    tooltip.style.left = `${Math.max(4, Math.min(at.x - origin.left, element.clientWidth - tooltip.offsetWidth - 4))}px`;
    tooltip.style.top = `${at.y + 18 - origin.top}px`;
  };

  const updateDetails = () => {
    clear(details);
    const focused = focusedAnn();
    if (focused === undefined) {
      details.append(h('h2', {}, 'Annotation'), h('p', { class: 'muted' }, 'Press j for the next annotation, v to make a new one, ? for every key.'));
      return;
    }
    const matching = anns.filter(matches);
    const position = matching.indexOf(focused);
    details.append(
      h('h2', {}, `Annotation ${focused.rec.id}`, position >= 0 ? h('span', { class: 'muted' }, ` \u00B7 ${position + 1} of ${matching.length}`) : ''),
      ...annotationCard(focused, text),
      h('p', { class: 'edge-hint muted' }, `=/- move the ${edge} edge (b switches)`),
    );
  };

  const updateUnanchored = () => {
    clear(unanchoredPanel);
    if (payload.unanchored.length === 0) return;
    unanchoredPanel.append(
      h('h2', { id: 'unanchored-title' }, `Unanchored decisions (${payload.unanchored.length})`),
      h('p', { class: 'muted' }, 'The text changed since these were decided and they could not be found again; they are kept in the file, not applied.'),
    );
    const list = h('ul', {});
    for (const u of payload.unanchored) list.append(h('li', {}, h('span', { class: 'chip static', attrs: { 'data-label': u.label } }, u.label), ' ', isolated(u.text, 'rtl'), ` ${u.status} [${u.start}, ${u.end})`));
    unanchoredPanel.append(list);
  };

  const updateAddBar = () => {
    const span = draft ?? selectionSpan();
    if (span === null) {
      addBar.hidden = true;
      return;
    }
    clear(addBar);
    addBar.append(h('span', { class: 'muted' }, 'Add ', isolated(text.slice(span.start, span.end), 'rtl'), ' as: '));
    labels.forEach((label, i) => {
      const button = h('button', { class: 'swatch', attrs: { type: 'button', 'data-label': label } }, labelKey(i) === '' ? '' : h('kbd', {}, labelKey(i)), ` ${label}`);
      button.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
      button.addEventListener('click', () => addSpan(span, label));
      addBar.append(button);
    });
    addBar.hidden = false;
    const rects = rangeOf(span.start, span.end).getClientRects();
    const last = rects[rects.length - 1];
    if (last !== undefined) {
      const origin = element.getBoundingClientRect();
      addBar.style.top = `${last.bottom - origin.top + 16}px`;
      addBar.style.left = `${Math.max(4, Math.min(last.left - origin.left, element.clientWidth - addBar.offsetWidth - 4))}px`;
    }
  };

  /** Redraws after a change; `data` when annotations or filters changed, not only focus. */
  const repaint = (data = false) => {
    if (data) paintData();
    const focused = focusedAnn();
    paintUi('ui-focus', focused === undefined ? null : rangeOf(focused.start, focused.end));
    paintUi('ui-draft', draft === null ? null : rangeOf(draft.start, draft.end));
    overlayNow();
    updateDetails();
    progress.textContent = ` ${anns.filter((a) => a.rec.status !== 'auto').length} of ${anns.length} reviewed`;
    filterPanel.update();
    updateAddBar();
  };

  const refilter = () => {
    const current = focusedAnn();
    if (current !== undefined && !matches(current)) focusId = null;
    repaint(true);
  };

  // ---- selection -> span ------------------------------------------------------------------
  /** Logical UTF-16 offset of a DOM boundary point, clamped to the text node. */
  const offsetOf = (container: Node, offset: number): number => {
    if (container === node) return offset;
    const probe = new Range();
    probe.setStart(container, offset);
    if (probe.comparePoint(node, 0) >= 0) return 0;
    if (probe.comparePoint(node, text.length) <= 0) return text.length;
    return 0;
  };

  /** The current mouse or keyboard selection over the text, snapped; null if none. */
  function selectionSpan(): Span | null {
    const selection = document.getSelection();
    if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const r = selection.getRangeAt(0);
    if (!r.intersectsNode(node)) return null;
    return snapSelection(ctx, offsetOf(r.startContainer, r.startOffset), offsetOf(r.endContainer, r.endOffset));
  }

  // ---- focus ------------------------------------------------------------------------------
  const setFocus = (id: string | null, scroll = true) => {
    focusId = id;
    edge = 'end';
    repaint();
    const focused = focusedAnn();
    if (focused === undefined) return;
    if (scroll) scrollTo(focused);
    const matching = anns.filter(matches);
    hooks.announce(`${focused.rec.label}: ${text.slice(focused.start, focused.end)}, ${focused.rec.status}, ${matching.indexOf(focused) + 1} of ${matching.length}`);
  };

  /** Next or previous match in reading order; with nothing focused, from the screen's top. */
  const move = (delta: 1 | -1) => {
    const matching = anns.filter(matches);
    if (matching.length === 0) return;
    const at = matching.findIndex((a) => a.rec.id === focusId);
    let next: Ann | undefined;
    if (at === -1) {
      const from = readingOffset(textEl, node);
      next = delta > 0 ? (matching.find((a) => a.start >= from) ?? matching[0]) : ([...matching].reverse().find((a) => a.start < from) ?? matching[matching.length - 1]);
    } else next = matching[(at + delta + matching.length) % matching.length];
    if (next !== undefined) setFocus(next.rec.id);
  };

  // ---- decisions --------------------------------------------------------------------------
  const queue = new DecisionQueue(payload.id, payload.revision, payload.annotations, {
    saveState: hooks.saveState,
    conflict: hooks.conflict,
    settled(id) {
      // The server's record wins once no other decision on it is on its way.
      const rec = queue.record(id);
      const at = anns.findIndex((a) => a.rec.id === id);
      if (rec === undefined) {
        if (at !== -1) anns.splice(at, 1);
      } else if (at === -1) anns.push(toAnn(rec));
      else anns[at] = toAnn(rec);
      anns.sort(compareAnns);
      if (focusId !== null && !anns.some((a) => a.rec.id === focusId)) focusId = null;
    },
    idle(waiting) {
      element.dataset.pending = String(waiting);
      repaint(true);
    },
  });

  const stale = () => {
    if (!queue.conflicted) return false;
    hooks.conflict('this page is out of date: reload it before deciding again');
    return true;
  };

  /** Shows a decision at once, then saves it; the server's answer replaces the guess. */
  const commit = (a: Ann, decision: Decision, local: (copy: Ann) => Ann | null) => {
    if (stale()) return;
    const id = a.rec.id;
    const at = anns.indexOf(a);
    const next = local({ rec: clone(a.rec), start: a.start, end: a.end });
    if (next === null) anns.splice(at, 1);
    else anns[at] = next;
    anns.sort(compareAnns);
    if (next === null && focusId === id) focusId = null;
    queue.decide(id, decision);
    element.dataset.pending = String(queue.waiting);
    repaint(true);
  };

  const accept = () => {
    const a = focusedAnn();
    if (a === undefined) return;
    commit(a, { op: 'status', id: a.rec.id, status: 'accepted' }, (n) => {
      if (n.rec.status !== 'edited' && n.rec.status !== 'added') n.rec.status = 'accepted';
      return n;
    });
    move(1);
  };

  const reject = () => {
    const a = focusedAnn();
    if (a === undefined) return;
    move(1);
    if (focusId === a.rec.id) focusId = null;
    commit(a, { op: 'status', id: a.rec.id, status: 'rejected' }, (n) => {
      if (n.rec.status === 'added') return null;
      n.rec.status = 'rejected';
      const o = n.rec.original;
      if (o !== undefined) return { rec: { ...n.rec, label: o.label, start: o.start, end: o.end, text: o.text }, start: map.toUtf16(o.start), end: map.toUtf16(o.end) };
      return n;
    });
  };

  const edit = (a: Ann, label: string, span: Span) => {
    const w = wire(span);
    commit(a, { op: 'edit', id: a.rec.id, label, ...w }, (n) => {
      const o = n.rec.original ?? { label: n.rec.label, start: n.rec.start, end: n.rec.end, text: n.rec.text };
      const rec: AnnotationRecord = { ...n.rec, label, ...w };
      if (rec.status !== 'added') {
        const back = o.label === label && o.start === w.start && o.end === w.end;
        rec.status = back ? 'accepted' : 'edited';
        if (back) delete rec.original;
        else rec.original = o;
      }
      return { rec, start: span.start, end: span.end };
    });
  };

  const addSpan = (span: Span, label: string) => {
    if (stale()) return;
    draft = null;
    document.getSelection()?.removeAllRanges();
    queue.add({ op: 'add', label, ...wire(span) }, (id) => {
      focusId = id;
      edge = 'end';
    });
    element.dataset.pending = String(queue.waiting);
    repaint();
  };

  const undo = () => {
    queue.undo((id, what) => {
      focusId = anns.some((a) => a.rec.id === id) ? id : null;
      hooks.announce(`undone: ${what}`);
    });
    element.dataset.pending = String(queue.waiting);
  };

  const resize = (grow: boolean, unit: 'char' | 'token') => {
    if (draft !== null) {
      draft = resizeSpan(ctx, draft, edge, grow, unit) ?? draft;
      repaint();
      return;
    }
    const a = focusedAnn();
    if (a === undefined) return;
    const span = resizeSpan(ctx, a, edge, grow, unit);
    if (span === null) {
      hooks.saveState(`the ${edge} edge cannot move further`, 'saved');
      return;
    }
    edit(a, a.rec.label, span);
  };

  const label = (index: number) => {
    const name = labels[index];
    if (name === undefined) return;
    const span = draft ?? selectionSpan();
    if (span !== null) {
      addSpan(span, name);
      return;
    }
    const a = focusedAnn();
    if (a === undefined || a.rec.label === name) return;
    edit(a, name, a);
  };

  const newSpan = () => {
    const selected = selectionSpan();
    if (selected !== null) draft = selected;
    else {
      const focused = focusedAnn();
      draft = tokenFrom(ctx, focused === undefined ? 0 : focused.end) ?? tokenBefore(ctx, text.length);
    }
    document.getSelection()?.removeAllRanges();
    edge = 'end';
    repaint();
    if (draft !== null) hooks.announce(`new span: ${text.slice(draft.start, draft.end)}; a number labels it, Esc cancels`);
  };

  const moveDraft = (delta: 1 | -1) => {
    if (draft === null) return;
    const next = delta > 0 ? tokenFrom(ctx, draft.end) : tokenBefore(ctx, draft.start);
    if (next !== null) draft = next;
    repaint();
    scrollTo(draft);
  };

  // ---- mouse, scrolling, resizing ---------------------------------------------------------
  let hoverFrame = 0;
  textEl.addEventListener('mousemove', (event) => {
    if (hoverFrame !== 0) return;
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      const at = offsetAt(node, event.clientX, event.clientY);
      if (at === null) return;
      let best: Ann | null = null;
      for (const a of anns) {
        if (a.start > at) break;
        if (a.end < at) continue;
        const inside = [...rangeOf(a.start, a.end).getClientRects()].some((r) => event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom);
        if (inside && (best === null || a.end - a.start < best.end - best.start)) best = a;
      }
      showTooltip(best, { x: event.clientX, y: event.clientY });
    });
  });
  textEl.addEventListener('mouseleave', () => showTooltip(null, null));
  const onSelection = () => {
    if (draft === null) updateAddBar();
  };
  document.addEventListener('selectionchange', onSelection);
  const observer = new ResizeObserver(() => overlayNow());
  observer.observe(textEl);
  let scrollFrame = 0;
  const onScroll = () => {
    if (scrollFrame !== 0) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      overlayNow();
    });
  };
  window.addEventListener('scroll', onScroll, { passive: true });

  updateUnanchored();
  repaint(true);
  void document.fonts.ready.then(() => overlayNow());

  return {
    element,
    keys(press, event) {
      const target = event.target as HTMLElement | null;
      const inField = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
      if (inField) {
        if (press.action === 'cancel') {
          target.blur();
          textEl.focus();
          return true;
        }
        return false;
      }
      if (event.key.startsWith('Arrow')) return false; // arrows scroll, as everywhere
      switch (press.action) {
        case 'next':
        case 'previous':
          if (draft !== null) moveDraft(press.action === 'next' ? 1 : -1);
          else move(press.action === 'next' ? 1 : -1);
          return true;
        case 'accept':
          if (draft === null) accept();
          return true;
        case 'reject':
          if (draft === null) reject();
          return true;
        case 'label':
          label(press.index ?? -1);
          return true;
        case 'switch-edge':
          edge = edge === 'start' ? 'end' : 'start';
          repaint();
          hooks.announce(`moving the ${edge} edge`);
          return true;
        case 'grow':
        case 'shrink':
        case 'grow-token':
        case 'shrink-token':
          resize(press.action.startsWith('grow'), press.action.endsWith('token') ? 'token' : 'char');
          return true;
        case 'new-span':
          newSpan();
          return true;
        case 'undo':
          undo();
          return true;
        case 'cancel':
          if (draft !== null || selectionSpan() !== null) {
            draft = null;
            document.getSelection()?.removeAllRanges();
            repaint();
          } else if (focusId !== null) setFocus(null, false);
          return true;
        case 'filters':
          filterPanel.focus();
          return true;
        case 'chips':
          showChips = !showChips;
          overlayNow();
          return true;
        case 'list':
          hooks.goToList();
          return true;
        default:
          return false;
      }
    },
    destroy() {
      observer.disconnect();
      document.removeEventListener('selectionchange', onSelection);
      window.removeEventListener('scroll', onScroll);
      clearHighlights();
    },
  };
}
