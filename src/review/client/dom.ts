/**
 * Element building for the review page. Text always goes in through `textContent`
 * (never `innerHTML`): corpus text containing `<script>` is shown, not run.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  class?: string;
  id?: string;
  dir?: 'rtl' | 'ltr' | 'auto';
  lang?: string;
  title?: string;
  hidden?: boolean;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

/** Creates an element; string children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class !== undefined) el.className = props.class;
  if (props.id !== undefined) el.id = props.id;
  if (props.dir !== undefined) el.dir = props.dir;
  if (props.lang !== undefined) el.lang = props.lang;
  if (props.title !== undefined) el.title = props.title;
  if (props.hidden === true) el.hidden = true;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [type, listener] of Object.entries(props.on ?? {})) el.addEventListener(type, listener as EventListener);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Removes every child of `el`. */
export function clear(el: Element): void {
  while (el.firstChild !== null) el.firstChild.remove();
}

/** The element with `id`, which the page shell guarantees. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** Right-to-left text isolated from what surrounds it (a document id, an Arabic surface). */
export function isolated(text: string, dir: 'rtl' | 'ltr' | 'auto' = 'auto'): HTMLElement {
  const el = document.createElement('bdi');
  el.dir = dir;
  el.textContent = text;
  return el;
}
