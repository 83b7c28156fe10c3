/**
 * One document under review. The text is ONE text node (put in with `textContent`-like
 * `createTextNode`, never parsed as HTML, so CR LF stays two characters and `<script>`
 * stays text); annotations are painted on it with CSS Custom Highlights, and chips,
 * focus boxes and edge markers float in an overlay outside the text flow.
 *
 * Offsets: the server speaks code points; everything here is UTF-16 (DOM offsets into
 * that one text node), converted once on the way in (`toAnn`) and once on the way out
 * (`spanDecision`). Selections become spans through the logical DOM offsets of the
 * selection's range, snapped to grapheme clusters: never through screen positions.
 */
import { codeUnitMap } from '../shared/code-units.js';
import { formatConfidence, formatValue } from '../shared/format.js';
import { graphemeBoundaries } from '../shared/graphemes.js';
import { REVIEW_STATUSES, type AnnotationRecord, type Decision, type DecisionResult, type DocumentPayload, type ReviewStatus } from '../shared/protocol.js';
import { resizeSpan, snapSelection, tokenBefore, tokenFrom, type Span, type SpanContext, type SpanEdge } from '../shared/spans.js';
import { ApiFailure, postDecision } from './api.js';
import { clear, h, isolated } from './dom.js';
import { clearHighlights, installLabelStyles, paintAnnotations, paintUi } from './highlights.js';
import { labelKey, type KeyPress } from './keymap.js';

/** An annotation on the page: the server's record and its UTF-16 span. */
interface Ann {
  rec: AnnotationRecord;
  start: number;
  end: number;
}

interface UndoEntry {
  id: string;
  /** The record as the server had it before the decision; null if it did not exist. */
  before: AnnotationRecord | null;
}

interface Filters {
  labels: Set<string>;
  statuses: Set<ReviewStatus>;
  source: string;
  minConfidence: number;
  maxConfidence: number;
}

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

const STATUS_MARK: Record<ReviewStatus, string> = {
  auto: '',
  accepted: ' \u2713', // U+2713 CHECK MARK
  rejected: ' \u2717', // U+2717 BALLOT X
  edited: ' \u270E', // U+270E LOWER RIGHT PENCIL
  added: ' +',
};

const RTL_LANGUAGES: Record<string, string> = { arb: 'ar', ara: 'ar', fas: 'fa', pes: 'fa', urd: 'ur', und: 'ar' };
/** First strong character of a string is Latin-like: the span reads left to right. */
const STARTS_LTR = /^[^\p{L}]*[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

function compareAnns(a: Ann, b: Ann): number {
  return a.start - b.start || b.end - a.end || (a.rec.label < b.rec.label ? -1 : a.rec.label > b.rec.label ? 1 : 0);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

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

  let anns: Ann[] = payload.annotations.map(toAnn).sort(compareAnns);
  const serverRecs = new Map<string, AnnotationRecord>(payload.annotations.map((r) => [r.id, clone(r)]));
  const pendingFor = new Map<string, number>();
  const undoStack: UndoEntry[] = [];
  let revision = payload.revision;
  let queue: Promise<void> = Promise.resolve();
  let queued = 0;
  let conflicted = false;
  let focusId: string | null = null;
  let edge: SpanEdge = 'end';
  let draft: Span | null = null;
  let showChips = true;
  const filters: Filters = { labels: new Set(), statuses: new Set(), source: '', minConfidence: 0, maxConfidence: 1 };

  installLabelStyles([...new Set([...labels, ...anns.map((a) => a.rec.label)])]);

  // ---- the text -------------------------------------------------------------------------
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

  const rangeOf = (start: number, end: number): Range => {
    const r = new Range();
    r.setStart(node, start);
    r.setEnd(node, end);
    return r;
  };

  // ---- header, label bar, side panel ---------------------------------------------------
  const progress = h('span', { class: 'doc-progress' });
  const labelBar = h('div', { class: 'label-bar', attrs: { 'aria-label': 'Labels and their keys' } });
  labels.forEach((label, i) => {
    const key = labelKey(i);
    labelBar.append(h('span', { class: 'swatch', attrs: { 'data-label': label } }, key === '' ? '' : h('kbd', {}, key), ` ${label}`));
  });
  const details = h('section', { id: 'details', class: 'details', attrs: { 'aria-live': 'polite', 'aria-label': 'Focused annotation' } });
  const filterPanel = h('section', { class: 'filters', attrs: { 'aria-labelledby': 'filters-title' } });
  const matchCount = h('p', { class: 'match-count', attrs: { role: 'status' } });
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
    h('aside', { class: 'doc-side' }, details, filterPanel, unanchoredPanel),
    tooltip,
    addBar,
  );
  element.dataset.pending = '0';

  // ---- filters ----------------------------------------------------------------------------
  const matchesFilter = (a: Ann): boolean =>
    (filters.labels.size === 0 || filters.labels.has(a.rec.label)) &&
    (filters.statuses.size === 0 || filters.statuses.has(a.rec.status)) &&
    (filters.source === '' || a.rec.source === filters.source) &&
    a.rec.confidence >= filters.minConfidence - 1e-9 &&
    a.rec.confidence <= filters.maxConfidence + 1e-9;

  /** Count badges of the filter panel, updated in place as decisions change them. */
  const countEls = new Map<string, HTMLElement>();
  const countsOf = () => {
    const labelCounts = new Map<string, number>();
    const statusCounts = new Map<string, number>();
    const sources = new Map<string, number>();
    for (const a of anns) {
      labelCounts.set(a.rec.label, (labelCounts.get(a.rec.label) ?? 0) + 1);
      statusCounts.set(a.rec.status, (statusCounts.get(a.rec.status) ?? 0) + 1);
      sources.set(a.rec.source, (sources.get(a.rec.source) ?? 0) + 1);
    }
    return { labelCounts, statusCounts, sources };
  };
  const countEl = (key: string, n: number) => {
    const el = h('span', { class: 'count' }, String(n));
    countEls.set(key, el);
    return el;
  };

  const buildFilters = () => {
    clear(filterPanel);
    countEls.clear();
    const { labelCounts, statusCounts, sources } = countsOf();
    const checkbox = (set: Set<string>, value: string, caption: (Node | string)[], name: string) => {
      const box = h('input', { attrs: { type: 'checkbox', name, value } });
      box.checked = set.has(value);
      box.addEventListener('change', () => {
        if (box.checked) set.add(value);
        else set.delete(value);
        refilter();
      });
      return h('label', { class: 'check' }, box, ...caption);
    };
    const labelSet = h('fieldset', {}, h('legend', {}, 'Labels'));
    for (const label of [...new Set([...labels, ...labelCounts.keys()])]) {
      const n = labelCounts.get(label) ?? 0;
      if (n === 0 && !filters.labels.has(label)) continue;
      labelSet.append(checkbox(filters.labels as Set<string>, label, [h('span', { class: 'swatch', attrs: { 'data-label': label } }, label), ' ', countEl(`label:${label}`, n)], 'label'));
    }
    const statusSet = h('fieldset', {}, h('legend', {}, 'Status'));
    for (const status of REVIEW_STATUSES) {
      statusSet.append(checkbox(filters.statuses as Set<string>, status, [`${status} `, countEl(`status:${status}`, statusCounts.get(status) ?? 0)], 'status'));
    }
    const sourceSelect = h('select', { id: 'filter-source' }, h('option', { attrs: { value: '' } }, 'any source'));
    for (const [source, n] of [...sources].sort()) sourceSelect.append(h('option', { attrs: { value: source } }, `${source} (${n})`));
    sourceSelect.value = filters.source;
    sourceSelect.addEventListener('change', () => {
      filters.source = sourceSelect.value;
      refilter();
    });
    const number = (id: string, value: number, set: (v: number) => void) => {
      const input = h('input', { id, attrs: { type: 'number', min: '0', max: '1', step: '0.05' } });
      input.value = String(value);
      input.addEventListener('input', () => {
        const v = Number(input.value);
        if (Number.isFinite(v)) {
          set(v);
          refilter();
        }
      });
      return input;
    };
    const reset = h('button', { attrs: { type: 'button' } }, 'Clear filters');
    reset.addEventListener('click', () => {
      filters.labels.clear();
      filters.statuses.clear();
      filters.source = '';
      filters.minConfidence = 0;
      filters.maxConfidence = 1;
      buildFilters();
      refilter();
    });
    filterPanel.append(
      h('h2', { id: 'filters-title' }, 'Filter'),
      labelSet,
      statusSet,
      h('label', { class: 'field' }, 'Source ', sourceSelect),
      h(
        'fieldset',
        { class: 'confidence' },
        h('legend', {}, 'Confidence'),
        h('label', {}, 'from ', number('filter-min', filters.minConfidence, (v) => (filters.minConfidence = v))),
        h('label', {}, ' to ', number('filter-max', filters.maxConfidence, (v) => (filters.maxConfidence = v))),
      ),
      matchCount,
      reset,
    );
  };

  const refilter = () => {
    const current = anns.find((a) => a.rec.id === focusId);
    if (current !== undefined && !matchesFilter(current)) focusId = null;
    repaint(true);
  };

  // ---- painting -------------------------------------------------------------------------
  const isRtlSpan = (a: { start: number; end: number }) => textEl.dir !== 'ltr' && !STARTS_LTR.test(text.slice(a.start, a.end));

  /**
   * Which annotations start inside or across an earlier one (drawn as underlines, chips
   * below the line): one pass over the sorted list, redone when the annotations change.
   */
  let inner = new Uint8Array(0);
  /** Longest annotation in UTF-16 units, to find those overlapping a window of the text. */
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
      if (!matchesFilter(a)) add('ann-muted', r);
      else if (a.rec.status === 'rejected') add('ann-rejected', r);
      else add(inner[i] === 1 ? `ann-in-${a.rec.label}` : `ann-${a.rec.label}`, r);
    });
    paintAnnotations(groups);
  };

  const paintFocus = () => {
    const focused = anns.find((a) => a.rec.id === focusId);
    paintUi('ui-focus', focused === undefined ? null : rangeOf(focused.start, focused.end));
    paintUi('ui-draft', draft === null ? null : rangeOf(draft.start, draft.end));
  };

  /**
   * The part of the text on screen, as UTF-16 offsets with a margin: chips are laid out
   * for it only (measuring thousands of ranges on every key would take seconds), and again
   * when the page scrolls.
   */
  const visibleWindow = (): { lo: number; hi: number } => {
    const r = textEl.getBoundingClientRect();
    const top = Math.max(r.top + 1, 0);
    const bottom = Math.min(r.bottom - 1, window.innerHeight - 1);
    if (bottom <= top) return { lo: 0, hi: -1 };
    const x = (r.left + r.right) / 2;
    const at = (y: number) => {
      const p = document.caretPositionFromPoint(x, y);
      return p !== null && p.offsetNode === node ? p.offset : null;
    };
    const a = at(top) ?? 0;
    const b = at(bottom) ?? text.length;
    const margin = 3000;
    return { lo: Math.max(0, Math.min(a, b) - margin), hi: Math.min(text.length, Math.max(a, b) + margin) };
  };

  /** Index of the first annotation that may reach offset `at`. */
  const firstFrom = (at: number) => {
    let lo = 0;
    let hi = anns.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (anns[mid]!.start < at - longest) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const layoutOverlay = () => {
    const origin = wrap.getBoundingClientRect();
    const parts: HTMLElement[] = [];
    const box = (rect: DOMRect, cls: string) => {
      const el = h('div', { class: cls });
      el.style.left = `${rect.left - origin.left}px`;
      el.style.top = `${rect.top - origin.top}px`;
      el.style.width = `${rect.width}px`;
      el.style.height = `${rect.height}px`;
      parts.push(el);
    };
    const marker = (span: { start: number; end: number }, rects: DOMRect[], which: SpanEdge) => {
      // Where the caret of the logical edge is drawn: in mixed-direction text (digits in
      // Arabic) that is not necessarily an outer corner of the span's boxes.
      const at = which === 'start' ? span.start : span.end;
      const caret = rangeOf(at, at).getClientRects()[0];
      const rtl = isRtlSpan(span);
      const rect = caret ?? (which === 'start' ? rects[0]! : rects[rects.length - 1]!);
      const x = caret !== undefined ? caret.left : which === 'start' ? (rtl ? rect.right : rect.left) : rtl ? rect.left : rect.right;
      const el = h('div', { class: `edge-marker ${which}` });
      el.style.left = `${x - origin.left - 1}px`;
      el.style.top = `${rect.top - origin.top - 4}px`;
      el.style.height = `${rect.height + 8}px`;
      parts.push(el);
    };
    // All measuring first, then one change to the DOM: no layout between the two.
    if (showChips) {
      const { lo, hi } = visibleWindow();
      for (let i = firstFrom(lo); i < anns.length && anns[i]!.start <= hi; i++) {
        const a = anns[i]!;
        if (a.end < lo) continue;
        const first = rangeOf(a.start, a.end).getClientRects()[0];
        if (first === undefined) continue;
        const nested = inner[i] === 1;
        const chip = h('span', { class: `chip${nested ? ' inner' : ''}${matchesFilter(a) ? '' : ' muted'} ${a.rec.status}`, attrs: { 'data-label': a.rec.label, 'data-id': a.rec.id } }, `${a.rec.label}${STATUS_MARK[a.rec.status]}`);
        if (isRtlSpan(a)) chip.style.right = `${origin.right - first.right}px`;
        else chip.style.left = `${first.left - origin.left}px`;
        chip.style.top = nested ? `${first.bottom - origin.top + 4}px` : `${first.top - origin.top - 13}px`;
        parts.push(chip);
      }
    }
    const focused = anns.find((a) => a.rec.id === focusId);
    if (focused !== undefined) {
      const rects = [...rangeOf(focused.start, focused.end).getClientRects()];
      for (const r of rects) box(r, 'focus-box');
      if (rects.length > 0 && draft === null) marker(focused, rects, edge);
    }
    if (draft !== null) {
      const rects = [...rangeOf(draft.start, draft.end).getClientRects()];
      for (const r of rects) box(r, 'draft-box');
      if (rects.length > 0) marker(draft, rects, edge);
    }
    overlay.replaceChildren(...parts);
  };

  const describe = (a: Ann): HTMLElement[] => {
    const rows: HTMLElement[] = [
      h('div', { class: 'card-head' }, h('span', { class: 'chip static', attrs: { 'data-label': a.rec.label } }, a.rec.label), ' ', h('span', { class: `status ${a.rec.status}` }, a.rec.status)),
      h('div', { class: 'surface', dir: 'rtl', lang: 'ar' }, text.slice(a.start, a.end)),
    ];
    const dl = h('dl', {});
    const row = (name: string, value: Node | string) => dl.append(h('dt', {}, name), h('dd', {}, value));
    if (a.rec.value !== undefined) row('value', h('span', { class: 'value', dir: 'ltr' }, formatValue(a.rec.value)));
    row('source', h('code', {}, a.rec.source));
    row('confidence', formatConfidence(a.rec.confidence));
    row('offsets', h('span', { dir: 'ltr' }, `[${a.rec.start}, ${a.rec.end})`));
    if (a.rec.reviewed_by !== undefined) row('decided', h('span', { dir: 'ltr' }, `${a.rec.reviewed_by}, ${a.rec.reviewed_at ?? ''}`));
    if (a.rec.original !== undefined) row('was', h('span', {}, `${a.rec.original.label} `, isolated(a.rec.original.text, 'rtl')));
    if (a.rec.note !== undefined) row('note', a.rec.note);
    rows.push(dl);
    return rows;
  };

  /** The hover card of an annotation, under the mouse pointer. */
  const showTooltip = (a: Ann | null, at: { x: number; y: number } | null) => {
    if (a === null || at === null) {
      tooltip.hidden = true;
      return;
    }
    tooltip.replaceChildren(...describe(a));
    tooltip.hidden = false;
    const origin = element.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    tooltip.style.left = `${Math.max(4, Math.min(at.x - origin.left, element.clientWidth - width - 4))}px`;
    tooltip.style.top = `${at.y + 18 - origin.top}px`;
  };

  const updateDetails = () => {
    clear(details);
    const focused = anns.find((a) => a.rec.id === focusId);
    const matching = anns.filter(matchesFilter);
    if (focused === undefined) {
      details.append(h('h2', {}, 'Annotation'), h('p', { class: 'muted' }, 'Press j for the first annotation, v to make a new one, ? for every key.'));
      return;
    }
    const position = matching.indexOf(focused);
    details.append(h('h2', {}, `Annotation ${focused.rec.id}`, position >= 0 ? h('span', { class: 'muted' }, ` \u00B7 ${position + 1} of ${matching.length}`) : ''), ...describe(focused));
    details.append(h('p', { class: 'edge-hint muted' }, `=/- move the ${edge} edge (b switches)`));
  };

  const updateCounts = () => {
    const reviewed = anns.filter((a) => a.rec.status !== 'auto').length;
    progress.textContent = ` ${reviewed} of ${anns.length} reviewed`;
    const matching = anns.filter(matchesFilter).length;
    matchCount.textContent = `${matching} of ${anns.length} annotations match`;
    const { labelCounts, statusCounts } = countsOf();
    if ([...labelCounts.keys()].some((l) => !countEls.has(`label:${l}`)) && !filterPanel.contains(document.activeElement)) buildFilters();
    for (const [key, el] of countEls) {
      const [kind, name] = key.split(':') as [string, string];
      el.textContent = String((kind === 'label' ? labelCounts.get(name) : statusCounts.get(name)) ?? 0);
    }
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
    paintFocus();
    layoutOverlay();
    updateDetails();
    updateCounts();
    updateAddBar();
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
    const focused = anns.find((a) => a.rec.id === id);
    if (focused === undefined) return;
    if (scroll) {
      const rect = rangeOf(focused.start, focused.end).getBoundingClientRect();
      if (rect.top < 80 || rect.bottom > window.innerHeight - 40) window.scrollBy({ top: rect.top - window.innerHeight / 3 });
    }
    const matching = anns.filter(matchesFilter);
    hooks.announce(`${focused.rec.label}: ${text.slice(focused.start, focused.end)}, ${focused.rec.status}, ${matching.indexOf(focused) + 1} of ${matching.length}`);
  };

  const move = (delta: 1 | -1) => {
    const matching = anns.filter(matchesFilter);
    if (matching.length === 0) return;
    const at = matching.findIndex((a) => a.rec.id === focusId);
    let next: Ann | undefined;
    if (at === -1) {
      // From the reading position: the first match after the focused place, or the first.
      next = delta > 0 ? matching[0] : matching[matching.length - 1];
    } else next = matching[(at + delta + matching.length) % matching.length];
    if (next !== undefined) setFocus(next.rec.id);
  };

  // ---- saving -----------------------------------------------------------------------------
  const syncFromServer = (id: string) => {
    const rec = serverRecs.get(id);
    const at = anns.findIndex((a) => a.rec.id === id);
    if (rec === undefined) {
      if (at !== -1) anns.splice(at, 1);
    } else if (at === -1) anns.push(toAnn(clone(rec)));
    else anns[at] = toAnn(clone(rec));
    anns.sort(compareAnns);
    if (focusId !== null && !anns.some((a) => a.rec.id === focusId)) focusId = null;
  };

  const post = async (decision: Decision): Promise<DecisionResult | null> => {
    if (conflicted) return null;
    hooks.saveState('saving\u2026', 'saving');
    try {
      const result = await postDecision(payload.id, revision, decision);
      revision = result.revision;
      if (result.removed || result.annotation === undefined) serverRecs.delete(result.id);
      else serverRecs.set(result.id, clone(result.annotation));
      hooks.saveState('all changes saved', 'saved');
      return result;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) {
        conflicted = true;
        hooks.conflict(error.message);
        hooks.saveState('not saved: conflict', 'error');
      } else hooks.saveState(`not saved: ${(error as Error).message}`, 'error');
      return null;
    }
  };

  /** Runs a save after every earlier one, so each is made on the revision the last returned. */
  const enqueue = (job: () => Promise<void>) => {
    queued++;
    element.dataset.pending = String(queued);
    queue = queue
      .then(job)
      .catch((error: unknown) => hooks.saveState(`not saved: ${(error as Error).message}`, 'error'))
      .finally(() => {
        queued--;
        element.dataset.pending = String(queued);
        repaint(true);
      });
  };

  /** Applies a decision on the page at once, then saves it; the server's record wins. */
  const commit = (a: Ann, decision: Decision, local: (a: Ann) => Ann | null) => {
    if (conflicted) {
      hooks.conflict('this page is out of date: reload it before deciding again');
      return;
    }
    const id = a.rec.id;
    const at = anns.indexOf(a);
    const next = local({ rec: clone(a.rec), start: a.start, end: a.end });
    if (next === null) anns.splice(at, 1);
    else anns[at] = next;
    anns.sort(compareAnns);
    if (next === null && focusId === id) focusId = null;
    repaint(true);
    pendingFor.set(id, (pendingFor.get(id) ?? 0) + 1);
    enqueue(async () => {
      const before = serverRecs.has(id) ? clone(serverRecs.get(id)!) : null;
      const result = await post(decision);
      if (result !== null) undoStack.push({ id, before });
      const left = (pendingFor.get(id) ?? 1) - 1;
      pendingFor.set(id, left);
      if (left === 0 && !conflicted) syncFromServer(id);
    });
  };

  const spanDecision = (span: Span) => ({ start: map.toCodePoint(span.start), end: map.toCodePoint(span.end), text: text.slice(span.start, span.end) });

  const focusedAnn = () => anns.find((a) => a.rec.id === focusId);

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
    const wire = spanDecision(span);
    commit(a, { op: 'edit', id: a.rec.id, label, ...wire }, (n) => {
      const o = n.rec.original ?? { label: n.rec.label, start: n.rec.start, end: n.rec.end, text: n.rec.text };
      const rec: AnnotationRecord = { ...n.rec, label, ...wire };
      if (rec.status !== 'added') {
        const back = o.label === label && o.start === wire.start && o.end === wire.end;
        rec.status = back ? 'accepted' : 'edited';
        if (back) delete rec.original;
        else rec.original = o;
      }
      return { rec, start: span.start, end: span.end };
    });
  };

  const addSpan = (span: Span, label: string) => {
    if (conflicted) {
      hooks.conflict('this page is out of date: reload it before deciding again');
      return;
    }
    draft = null;
    document.getSelection()?.removeAllRanges();
    repaint();
    const decision: Decision = { op: 'add', label, ...spanDecision(span) };
    enqueue(async () => {
      const result = await post(decision);
      if (result === null) return;
      undoStack.push({ id: result.id, before: null });
      syncFromServer(result.id);
      focusId = result.id;
      edge = 'end';
    });
  };

  const undo = () => {
    enqueue(async () => {
      const entry = undoStack.pop();
      if (entry === undefined) {
        hooks.saveState('nothing to undo', 'saved');
        return;
      }
      const decision: Decision = entry.before === null ? { op: 'remove', id: entry.id } : { op: 'restore', annotation: entry.before };
      const result = await post(decision);
      if (result === null) {
        undoStack.push(entry);
        return;
      }
      syncFromServer(entry.id);
      focusId = anns.some((a) => a.rec.id === entry.id) ? entry.id : null;
      hooks.announce(`undone: ${entry.before === null ? 'the new span is removed' : `${entry.before.label} is ${entry.before.status} again`}`);
    });
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
    const rect = rangeOf(draft.start, draft.end).getBoundingClientRect();
    if (rect.top < 80 || rect.bottom > window.innerHeight - 40) window.scrollBy({ top: rect.top - window.innerHeight / 3 });
  };

  // ---- mouse ------------------------------------------------------------------------------
  let hoverFrame = 0;
  textEl.addEventListener('mousemove', (event) => {
    if (hoverFrame !== 0) return;
    hoverFrame = requestAnimationFrame(() => {
      hoverFrame = 0;
      const pos = document.caretPositionFromPoint(event.clientX, event.clientY);
      if (pos === null || pos.offsetNode !== node) return;
      const at = pos.offset;
      let best: Ann | null = null;
      for (const a of anns) {
        if (a.start > at) break;
        if (a.end <= at && !(a.end === at && a.start < at)) continue;
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
  const observer = new ResizeObserver(() => layoutOverlay());
  observer.observe(textEl);
  let scrollFrame = 0;
  const onScroll = () => {
    if (scrollFrame === 0) {
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        layoutOverlay();
      });
    }
  };
  window.addEventListener('scroll', onScroll, { passive: true });

  buildFilters();
  updateUnanchored();
  repaint(true);
  void document.fonts.ready.then(() => layoutOverlay());

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
          if (draft !== null) return true;
          accept();
          return true;
        case 'reject':
          if (draft !== null) return true;
          reject();
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
          (filterPanel.querySelector('input, select') as HTMLElement | null)?.focus();
          return true;
        case 'chips':
          showChips = !showChips;
          layoutOverlay();
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
