/**
 * The review page: a list of the run's documents (`#/`) and one document (`#/doc/<id>`).
 * Plain TypeScript compiled for the browser by `tsconfig.review.json`; no framework,
 * nothing loaded from elsewhere.
 */
import { ApiFailure, fetchDocument, fetchList } from './api.js';
import { byId, clear, h } from './dom.js';
import { renderDocument, type DocumentView } from './document-view.js';
import { KEY_BINDINGS, actionOf } from './keymap.js';
import { renderList, type ListView } from './list-view.js';

const main = byId('main');
const saveState = byId('save-state');
const conflict = byId('conflict');
const help = byId('help');
const live = byId('live');
const user = byId('user');

let view: ListView | DocumentView | null = null;
let documentView: DocumentView | null = null;
const remembered: Parameters<typeof renderList>[1] = {};
let helpReturnFocus: HTMLElement | null = null;

function announce(text: string): void {
  live.textContent = '';
  // A fresh text node makes screen readers read the message even when it repeats.
  requestAnimationFrame(() => (live.textContent = text));
}

function showError(message: string): void {
  clear(main);
  main.append(h('div', { class: 'page-error', attrs: { role: 'alert' } }, h('h1', {}, 'Cannot show this'), h('p', {}, message), h('p', {}, h('a', { attrs: { href: '#/' } }, 'Back to the documents'))));
}

function buildHelp(): void {
  const table = h('table', { class: 'keys' });
  for (const where of ['document', 'list', 'everywhere'] as const) {
    table.append(h('tbody', {}, h('tr', {}, h('th', { attrs: { colspan: '2', scope: 'rowgroup' } }, where === 'document' ? 'Reviewing a document' : where === 'list' ? 'The list of documents' : 'Everywhere'))));
    const body = table.lastElementChild!;
    for (const b of KEY_BINDINGS.filter((k) => k.where === where)) {
      const keys = h('td', { class: 'key-cell' });
      b.keys.forEach((k, i) => keys.append(i > 0 ? ' ' : '', h('kbd', {}, k)));
      body.append(h('tr', {}, keys, h('td', {}, b.what)));
    }
  }
  const close = h('button', { attrs: { type: 'button' } }, 'Close');
  close.addEventListener('click', () => toggleHelp(false));
  help.replaceChildren(
    h(
      'div',
      { class: 'help-card' },
      h('h2', { id: 'help-title' }, 'Keys'),
      h('p', { class: 'muted' }, 'Keys work by position, so they stay put on an Arabic keyboard layout. Every decision is saved at once; the file keeps who decided and when.'),
      table,
      h('p', { class: 'muted' }, 'New span with the mouse: select text (a double click takes a word), then press a number or click a label. Selections snap to whole letters with their marks.'),
      close,
    ),
  );
}

function toggleHelp(show = help.hidden): void {
  if (show) {
    helpReturnFocus = document.activeElement as HTMLElement | null;
    help.hidden = false;
    (help.querySelector('button') as HTMLElement | null)?.focus();
  } else {
    help.hidden = true;
    helpReturnFocus?.focus();
  }
}

async function route(): Promise<void> {
  documentView?.destroy();
  documentView = null;
  view = null;
  conflict.hidden = true;
  saveState.textContent = '';
  const hash = location.hash;
  const m = /^#\/doc\/(.+)$/.exec(hash);
  clear(main);
  main.append(h('p', { class: 'muted loading' }, 'Loading\u2026'));
  try {
    if (m !== null) {
      if (typeof CSS === 'undefined' || !('highlights' in CSS)) {
        // Without highlights the only way to mark spans would be elements inside words,
        // which break Arabic letter joining: better to say so than to show it wrong.
        showError('This browser lacks the CSS Custom Highlight API that the review page paints annotations with: use Chromium or Chrome 105+, Safari 17.2+ or Firefox 140+.');
        return;
      }
      const id = decodeURIComponent(m[1]!);
      remembered.focusId = id;
      const payload = await fetchDocument(id);
      user.textContent = payload.user;
      const v = renderDocument(payload, {
        saveState(text, kind) {
          saveState.textContent = text;
          saveState.dataset.kind = kind;
          saveState.title = `${text} (${new Date().toLocaleTimeString()})`;
        },
        conflict(message) {
          const reload = h('button', { attrs: { type: 'button' } }, 'Reload');
          reload.addEventListener('click', () => location.reload());
          conflict.replaceChildren(h('strong', {}, 'Not saved. '), message, ' ', reload);
          conflict.hidden = false;
        },
        goToList() {
          location.hash = '#/';
        },
        announce,
      });
      clear(main);
      main.append(v.element);
      document.title = `${id} \u00B7 tawsim review`;
      documentView = v;
      view = v;
      byId('doc-text').focus({ preventScroll: true });
    } else {
      const list = await fetchList();
      user.textContent = list.user;
      const v = renderList(list, remembered);
      clear(main);
      main.append(v.element);
      document.title = 'tawsim review';
      view = v;
    }
  } catch (error) {
    showError(error instanceof ApiFailure ? error.message : `the page could not load: ${(error as Error).message}`);
  }
}

document.addEventListener('keydown', (event) => {
  if (!help.hidden && event.key === 'Tab') {
    // A modal dialog keeps the keyboard: its one control is the Close button.
    event.preventDefault();
    (help.querySelector('button') as HTMLElement | null)?.focus();
    return;
  }
  const press = actionOf(event);
  if (press === null) return;
  if (!help.hidden) {
    if (press.action === 'help' || press.action === 'cancel') {
      toggleHelp(false);
      event.preventDefault();
    }
    return;
  }
  const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement || event.target instanceof HTMLTextAreaElement;
  if (press.action === 'help' && !inField) {
    toggleHelp(true);
    event.preventDefault();
    return;
  }
  if (press.action === 'open') return; // links and buttons handle Enter themselves
  if (view?.keys(press, event) === true) event.preventDefault();
});

byId('help-button').addEventListener('click', () => toggleHelp());
help.addEventListener('click', (event) => {
  if (event.target === help) toggleHelp(false);
});
window.addEventListener('hashchange', () => void route());
buildHelp();
void route();
