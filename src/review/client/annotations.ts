/** Annotations as the page holds them, and their card (details panel and hover card). */
import { formatConfidence, formatValue } from '../shared/format.js';
import type { AnnotationRecord, ReviewStatus } from '../shared/protocol.js';
import { h, isolated } from './dom.js';

/** An annotation on the page: the server's record (code points) and its UTF-16 span. */
export interface Ann {
  rec: AnnotationRecord;
  start: number;
  end: number;
}

/** Reading order: by start, longer first, then label (as in the files). */
export function compareAnns(a: Ann, b: Ann): number {
  return a.start - b.start || b.end - a.end || (a.rec.label < b.rec.label ? -1 : a.rec.label > b.rec.label ? 1 : 0);
}

/** A deep copy of a JSON value. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The mark a chip carries after its label. */
export const STATUS_MARK: Record<ReviewStatus, string> = {
  auto: '',
  accepted: ' \u2713', // U+2713 CHECK MARK
  rejected: ' \u2717', // U+2717 BALLOT X
  edited: ' \u270E', // U+270E LOWER RIGHT PENCIL
  added: ' +',
};

/**
 * The card of an annotation: label and status, the surface right to left, the value in a
 * left-to-right box (`601000000 USD`), the rule that made it, its confidence and offsets.
 */
export function annotationCard(a: Ann, text: string): HTMLElement[] {
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
}
