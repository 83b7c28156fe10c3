/** The list of a run's documents: label counts, review progress, filters. */
import type { DocumentList, DocumentSummary } from '../shared/protocol.js';
import { h, isolated } from './dom.js';
import { installLabelStyles } from './highlights.js';
import type { KeyPress } from './keymap.js';

type Progress = 'all' | 'todo' | 'started' | 'done' | 'unanchored' | 'errors';

interface ListFilters {
  text: string;
  label: string;
  progress: Progress;
}

function progressOf(d: DocumentSummary): Exclude<Progress, 'all' | 'unanchored' | 'errors'> {
  if (d.annotations === 0 || d.reviewed === d.annotations) return d.reviewed === 0 && d.annotations === 0 ? 'todo' : 'done';
  return d.reviewed === 0 ? 'todo' : 'started';
}

function matches(d: DocumentSummary, f: ListFilters): boolean {
  if (f.text !== '' && !d.id.toLowerCase().includes(f.text.toLowerCase())) return false;
  if (f.label !== '' && (d.labels[f.label] ?? 0) === 0) return false;
  switch (f.progress) {
    case 'all':
      return true;
    case 'unanchored':
      return d.unanchored > 0;
    case 'errors':
      return d.error !== undefined;
    default:
      return d.error === undefined && progressOf(d) === f.progress;
  }
}

/** The list view; `keys` handles the page's keys while it is shown. */
export interface ListView {
  element: HTMLElement;
  keys(press: KeyPress, event: KeyboardEvent): boolean;
}

export function renderList(list: DocumentList, remembered: { filters?: ListFilters; focusId?: string }): ListView {
  installLabelStyles([...new Set([...list.labels, ...list.documents.flatMap((d) => Object.keys(d.labels))])]);
  const filters: ListFilters = remembered.filters ?? { text: '', label: '', progress: 'all' };
  remembered.filters = filters;
  const totalAnnotations = list.documents.reduce((n, d) => n + d.annotations, 0);
  const totalReviewed = list.documents.reduce((n, d) => n + d.reviewed, 0);

  const search = h('input', { id: 'list-search', attrs: { type: 'search', placeholder: 'document id contains\u2026', 'aria-label': 'Filter documents by id', autocomplete: 'off' } });
  search.value = filters.text;
  const labelSelect = h('select', { id: 'list-label', attrs: { 'aria-label': 'Only documents with this label' } }, h('option', { attrs: { value: '' } }, 'any label'));
  for (const l of list.labels) labelSelect.append(h('option', { attrs: { value: l } }, l));
  labelSelect.value = filters.label;
  const progressSelect = h('select', { id: 'list-progress', attrs: { 'aria-label': 'Review progress' } });
  const progressOptions: [Progress, string][] = [
    ['all', 'any progress'],
    ['todo', 'not started'],
    ['started', 'in progress'],
    ['done', 'reviewed'],
    ['unanchored', 'with unanchored decisions'],
    ['errors', 'cannot be opened'],
  ];
  for (const [value, text] of progressOptions) progressSelect.append(h('option', { attrs: { value } }, text));
  progressSelect.value = filters.progress;
  const count = h('span', { class: 'list-count', attrs: { role: 'status' } });
  const tbody = h('tbody');

  const row = (d: DocumentSummary): HTMLTableRowElement => {
    const href = `#/doc/${encodeURIComponent(d.id)}`;
    const labels = h('td', { class: 'labels' });
    for (const [label, n] of Object.entries(d.labels).sort((a, b) => b[1] - a[1])) {
      labels.append(h('span', { class: 'chip static', attrs: { 'data-label': label } }, `${label} ${n}`), ' ');
    }
    const share = d.annotations === 0 ? 0 : d.reviewed / d.annotations;
    const bar = h('progress', { attrs: { max: '1', value: String(share), 'aria-label': `${d.reviewed} of ${d.annotations} reviewed` } });
    return h(
      'tr',
      { attrs: { 'data-id': d.id } },
      h('td', { class: 'doc-id' }, h('a', { attrs: { href } }, isolated(d.id, 'ltr')), d.error !== undefined ? h('div', { class: 'row-error' }, d.error) : null),
      h('td', { class: 'num' }, d.length.toLocaleString('en')),
      h('td', { class: 'num' }, String(d.annotations)),
      labels,
      h('td', { class: 'progress' }, bar, ` ${d.reviewed}/${d.annotations}`),
      h('td', { class: 'num' }, d.unanchored > 0 ? h('span', { class: 'warn' }, String(d.unanchored)) : '0'),
    );
  };

  const refresh = () => {
    tbody.replaceChildren();
    const shown = list.documents.filter((d) => matches(d, filters));
    for (const d of shown) tbody.append(row(d));
    count.textContent = `${shown.length} of ${list.documents.length} documents`;
  };
  search.addEventListener('input', () => {
    filters.text = search.value;
    refresh();
  });
  labelSelect.addEventListener('change', () => {
    filters.label = labelSelect.value;
    refresh();
  });
  progressSelect.addEventListener('change', () => {
    filters.progress = progressSelect.value as Progress;
    refresh();
  });

  const element = h(
    'section',
    { class: 'list-view', attrs: { 'aria-labelledby': 'list-title' } },
    h(
      'div',
      { class: 'list-head' },
      h('h1', { id: 'list-title' }, 'Documents'),
      h('p', { class: 'muted' }, `${list.documents.length} in `, h('code', { title: list.dir }, list.dir.split(/[\\/]/).filter((p) => p !== '').pop() ?? list.dir), ` \u00B7 ${totalReviewed} of ${totalAnnotations} annotations reviewed`),
    ),
    h('div', { class: 'list-filters' }, search, labelSelect, progressSelect, count),
    h(
      'table',
      { class: 'documents' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Document'), h('th', {}, 'Length'), h('th', {}, 'Annotations'), h('th', {}, 'Labels'), h('th', {}, 'Reviewed'), h('th', {}, 'Unanchored'))),
      tbody,
    ),
  );
  refresh();

  const links = () => [...tbody.querySelectorAll<HTMLAnchorElement>('td.doc-id a')];
  const focusRow = (delta: number) => {
    const all = links();
    if (all.length === 0) return;
    const at = all.findIndex((a) => a === document.activeElement);
    const next = all[Math.max(0, Math.min(all.length - 1, at === -1 ? (delta > 0 ? 0 : all.length - 1) : at + delta))]!;
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  };
  queueMicrotask(() => {
    const previous = remembered.focusId === undefined ? null : links().find((a) => a.closest('tr')?.dataset.id === remembered.focusId);
    previous?.focus();
  });

  return {
    element,
    keys(press, event) {
      const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
      if (press.action === 'filters' && !inField) {
        search.focus();
        return true;
      }
      if (inField) {
        if (press.action === 'cancel' || (press.action === 'next' && event.key === 'ArrowDown')) {
          (event.target as HTMLElement).blur();
          if (press.action === 'next') focusRow(1);
          return true;
        }
        return false;
      }
      if (press.action === 'next') focusRow(1);
      else if (press.action === 'previous') focusRow(-1);
      else return false;
      return true;
    },
  };
}
