/**
 * The review page's keys, in one table that drives both the key handler and the help
 * overlay. Letters and digits are matched by physical key (`KeyboardEvent.code`), so the
 * keys stay where they are on an Arabic keyboard layout, where `j` types `ت`.
 */

export type Action =
  | 'next'
  | 'previous'
  | 'accept'
  | 'reject'
  | 'label'
  | 'switch-edge'
  | 'grow'
  | 'shrink'
  | 'grow-token'
  | 'shrink-token'
  | 'new-span'
  | 'undo'
  | 'cancel'
  | 'filters'
  | 'chips'
  | 'list'
  | 'open'
  | 'help';

export interface KeyBinding {
  action: Action;
  /** How the help overlay writes the keys. */
  keys: string[];
  what: string;
  where: 'document' | 'list' | 'everywhere';
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { action: 'next', keys: ['j', 'n'], what: 'next annotation in reading order (among the filter\u2019s matches)', where: 'document' },
  { action: 'previous', keys: ['k', 'p'], what: 'previous annotation', where: 'document' },
  { action: 'accept', keys: ['a'], what: 'accept the annotation', where: 'document' },
  { action: 'reject', keys: ['r', 'x', 'Delete'], what: 'reject it (an added one is removed)', where: 'document' },
  { action: 'label', keys: ['1 \u2026 9', '0', 'Shift+1 \u2026'], what: 'relabel it, or label the new span (see the label bar)', where: 'document' },
  { action: 'switch-edge', keys: ['b'], what: 'switch the edge being moved: start \u2194 end (marked on the text)', where: 'document' },
  { action: 'grow', keys: ['='], what: 'move that edge outwards by one character (letter with its marks)', where: 'document' },
  { action: 'shrink', keys: ['-'], what: 'move that edge inwards by one character', where: 'document' },
  { action: 'grow-token', keys: ['Shift+='], what: 'move that edge outwards by one token', where: 'document' },
  { action: 'shrink-token', keys: ['Shift+-'], what: 'move that edge inwards by one token', where: 'document' },
  { action: 'new-span', keys: ['v'], what: 'new span: from the mouse selection, else the next token; then j/k move it, =/- resize, a number labels it', where: 'document' },
  { action: 'undo', keys: ['u', 'Ctrl+Z'], what: 'undo the last decision (saved too)', where: 'document' },
  { action: 'cancel', keys: ['Esc'], what: 'cancel the new span or selection; close this help', where: 'everywhere' },
  { action: 'filters', keys: ['/'], what: 'go to the filters (document) or the search box (list)', where: 'everywhere' },
  { action: 'chips', keys: ['l'], what: 'show or hide the label chips', where: 'document' },
  { action: 'list', keys: ['q'], what: 'back to the list of documents', where: 'document' },
  { action: 'next', keys: ['j', '\u2193'], what: 'next document', where: 'list' },
  { action: 'previous', keys: ['k', '\u2191'], what: 'previous document', where: 'list' },
  { action: 'open', keys: ['Enter'], what: 'open the document', where: 'list' },
  { action: 'help', keys: ['?'], what: 'show or hide this help', where: 'everywhere' },
];

/** A key press as the handlers see it. */
export interface KeyPress {
  action: Action;
  /** For `label`: the label's index (0 for key 1, ..., 9 for key 0, 10 for Shift+1, ...). */
  index?: number;
}

const LETTERS: Record<string, Action> = {
  KeyJ: 'next',
  KeyN: 'next',
  KeyK: 'previous',
  KeyP: 'previous',
  KeyA: 'accept',
  KeyR: 'reject',
  KeyX: 'reject',
  KeyB: 'switch-edge',
  KeyV: 'new-span',
  KeyU: 'undo',
  KeyL: 'chips',
  KeyQ: 'list',
};

/** The action of a key event, or null for keys the page leaves to the browser. */
export function actionOf(event: KeyboardEvent): KeyPress | null {
  if (event.altKey || event.metaKey) return null;
  if (event.ctrlKey) return event.code === 'KeyZ' && !event.shiftKey ? { action: 'undo' } : null;
  if (event.key === '?' || event.key === '\u061F' || (event.code === 'Slash' && event.shiftKey)) return { action: 'help' }; // U+061F ARABIC QUESTION MARK
  if (event.key === 'Escape') return { action: 'cancel' };
  if (event.key === 'Delete') return { action: 'reject' };
  if (event.key === 'Enter') return { action: 'open' };
  if (event.key === 'ArrowDown') return { action: 'next' };
  if (event.key === 'ArrowUp') return { action: 'previous' };
  if (event.code === 'Slash') return { action: 'filters' };
  if (event.code === 'Equal' || event.code === 'NumpadAdd') return { action: event.shiftKey ? 'grow-token' : 'grow' };
  if (event.code === 'Minus' || event.code === 'NumpadSubtract') return { action: event.shiftKey ? 'shrink-token' : 'shrink' };
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(event.code);
  if (digit !== null) {
    const n = Number(digit[1]);
    return { action: 'label', index: (n === 0 ? 9 : n - 1) + (event.shiftKey ? 10 : 0) };
  }
  if (event.shiftKey) return null;
  const letter = LETTERS[event.code];
  return letter === undefined ? null : { action: letter };
}

/** The key that picks label number `index` (as the label bar shows it). */
export function labelKey(index: number): string {
  const n = index % 10;
  const key = n === 9 ? '0' : String(n + 1);
  return index >= 20 ? '' : index >= 10 ? `\u21E7${key}` : key; // U+21E7 UPWARDS WHITE ARROW (Shift)
}
