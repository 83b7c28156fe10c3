/** The filters of a document (label, status, source, confidence) and their panel. */
import { REVIEW_STATUSES, type ReviewStatus } from '../shared/protocol.js';
import type { Ann } from './annotations.js';
import { clear, h } from './dom.js';

export interface Filters {
  labels: Set<string>;
  statuses: Set<ReviewStatus>;
  source: string;
  minConfidence: number;
  maxConfidence: number;
}

export function noFilters(): Filters {
  return { labels: new Set(), statuses: new Set(), source: '', minConfidence: 0, maxConfidence: 1 };
}

/** True when `a` passes every filter (an empty set lets everything through). */
export function passes(filters: Filters, a: Ann): boolean {
  return (
    (filters.labels.size === 0 || filters.labels.has(a.rec.label)) &&
    (filters.statuses.size === 0 || filters.statuses.has(a.rec.status)) &&
    (filters.source === '' || a.rec.source === filters.source) &&
    a.rec.confidence >= filters.minConfidence - 1e-9 &&
    a.rec.confidence <= filters.maxConfidence + 1e-9
  );
}

function countBy(anns: readonly Ann[], key: (a: Ann) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of anns) counts.set(key(a), (counts.get(key(a)) ?? 0) + 1);
  return counts;
}

/**
 * The filter panel. Its count badges follow the annotations in place (no rebuild, so a
 * focused checkbox keeps its focus); a label that appears later gets its checkbox when
 * the panel is not in use.
 */
export class FilterPanel {
  readonly element = h('section', { class: 'filters', attrs: { 'aria-labelledby': 'filters-title' } });
  private readonly matchCount = h('p', { class: 'match-count', attrs: { role: 'status' } });
  private readonly counts = new Map<string, HTMLElement>();

  constructor(
    private readonly filters: Filters,
    private readonly labels: readonly string[],
    private readonly annotations: () => readonly Ann[],
    private readonly changed: () => void,
  ) {
    this.build();
  }

  private badge(key: string, n: number): HTMLElement {
    const el = h('span', { class: 'count' }, String(n));
    this.counts.set(key, el);
    return el;
  }

  build(): void {
    const { filters } = this;
    clear(this.element);
    this.counts.clear();
    const anns = this.annotations();
    const labelCounts = countBy(anns, (a) => a.rec.label);
    const statusCounts = countBy(anns, (a) => a.rec.status);
    const sources = countBy(anns, (a) => a.rec.source);
    const checkbox = (set: Set<string>, value: string, caption: (Node | string)[], name: string) => {
      const box = h('input', { attrs: { type: 'checkbox', name, value } });
      box.checked = set.has(value);
      box.addEventListener('change', () => {
        if (box.checked) set.add(value);
        else set.delete(value);
        this.changed();
      });
      return h('label', { class: 'check' }, box, ...caption);
    };
    const labelSet = h('fieldset', {}, h('legend', {}, 'Labels'));
    for (const label of [...new Set([...this.labels, ...labelCounts.keys()])]) {
      const n = labelCounts.get(label) ?? 0;
      if (n === 0 && !filters.labels.has(label)) continue;
      labelSet.append(checkbox(filters.labels, label, [h('span', { class: 'swatch', attrs: { 'data-label': label } }, label), ' ', this.badge(`label:${label}`, n)], 'label'));
    }
    const statusSet = h('fieldset', {}, h('legend', {}, 'Status'));
    for (const status of REVIEW_STATUSES) {
      statusSet.append(checkbox(filters.statuses as Set<string>, status, [`${status} `, this.badge(`status:${status}`, statusCounts.get(status) ?? 0)], 'status'));
    }
    const sourceSelect = h('select', { id: 'filter-source' }, h('option', { attrs: { value: '' } }, 'any source'));
    for (const [source, n] of [...sources].sort()) sourceSelect.append(h('option', { attrs: { value: source } }, `${source} (${n})`));
    sourceSelect.value = filters.source;
    sourceSelect.addEventListener('change', () => {
      filters.source = sourceSelect.value;
      this.changed();
    });
    const number = (id: string, value: number, set: (v: number) => void) => {
      const input = h('input', { id, attrs: { type: 'number', min: '0', max: '1', step: '0.05' } });
      input.value = String(value);
      input.addEventListener('input', () => {
        const v = Number(input.value);
        if (input.value !== '' && Number.isFinite(v)) {
          set(v);
          this.changed();
        }
      });
      return input;
    };
    const reset = h('button', { attrs: { type: 'button' } }, 'Clear filters');
    reset.addEventListener('click', () => {
      Object.assign(filters, noFilters());
      this.build();
      this.changed();
    });
    this.element.append(
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
      this.matchCount,
      reset,
    );
  }

  /** Updates the counts and the number of matches. */
  update(): void {
    const anns = this.annotations();
    const labelCounts = countBy(anns, (a) => a.rec.label);
    const statusCounts = countBy(anns, (a) => a.rec.status);
    if ([...labelCounts.keys()].some((l) => !this.counts.has(`label:${l}`)) && !this.element.contains(document.activeElement)) this.build();
    for (const [key, el] of this.counts) {
      const [kind, name] = key.split(':') as [string, string];
      el.textContent = String((kind === 'label' ? labelCounts.get(name) : statusCounts.get(name)) ?? 0);
    }
    const matching = anns.filter((a) => passes(this.filters, a)).length;
    this.matchCount.textContent = `${matching} of ${anns.length} annotations match`;
  }

  /** Puts the keyboard in the panel. */
  focus(): void {
    (this.element.querySelector('input, select') as HTMLElement | null)?.focus();
  }
}
