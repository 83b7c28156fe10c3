/**
 * Annotations are painted with the CSS Custom Highlight API: ranges over the one text
 * node of the document, styled by `::highlight(name)`. Nothing is wrapped around parts of
 * words, so Arabic letters keep joining (an inline element inside a word breaks the
 * cursive join in most engines), and the text the DOM holds is exactly the file's text.
 *
 * Highlight names: `ann-<LABEL>` (outermost spans: a background), `ann-in-<LABEL>` (spans
 * inside or across another: a thick underline, so nesting stays visible),
 * `ann-rejected`, `ann-muted` (outside the filter). Each annotation is in exactly one of
 * them. `ui-focus` and `ui-draft` mark the focused annotation and a span being made.
 */

const PALETTE: Record<string, string> = {
  CARDINAL: '#3f7fe0',
  ORDINAL: '#2aa3b8',
  PERCENT: '#8a63d2',
  MONEY: '#2f9e44',
  CURR: '#8fb339',
  GPE: '#e8772e',
  LOC: '#c99a06',
  ORG: '#d6457a',
  DATE: '#6f7f99',
  PERS: '#c92a2a',
  NORP: '#9c6b3c',
};

const EXTRA = ['#1c7ed6', '#0ca678', '#f76707', '#ae3ec9', '#5c940d', '#e64980', '#1098ad', '#d9480f'];

/** A stable colour for a label. */
export function labelColour(label: string): string {
  const fixed = PALETTE[label];
  if (fixed !== undefined) return fixed;
  let hash = 0;
  for (let i = 0; i < label.length; i++) hash = (hash * 31 + label.charCodeAt(i)) >>> 0;
  return EXTRA[hash % EXTRA.length]!;
}

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Label names are checked upper-case ASCII on the server; checked again before use in CSS. */
const SAFE_LABEL = /^[A-Z][A-Z0-9_-]{0,31}$/;

/**
 * One constructed style sheet with the highlight and chip rules of every label. A
 * constructed sheet (not a `<style>` element) keeps the page's CSP free of inline styles.
 */
export function installLabelStyles(labels: readonly string[]): void {
  const rules: string[] = [];
  for (const label of labels) {
    if (!SAFE_LABEL.test(label)) continue;
    const c = labelColour(label);
    rules.push(`::highlight(ann-${label}) { background-color: ${rgba(c, 0.28)}; }`);
    rules.push(`::highlight(ann-in-${label}) { text-decoration-line: underline; text-decoration-color: ${c}; text-decoration-thickness: 3px; text-underline-offset: 0.45em; }`);
    rules.push(`.chip[data-label="${label}"], .swatch[data-label="${label}"] { --label-colour: ${c}; }`);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  document.adoptedStyleSheets = [sheet];
}

/** Names of the annotation highlights currently registered. */
const painted = new Set<string>();

/** Replaces the annotation highlights (`ann-*`) with `groups` (name -> ranges). */
export function paintAnnotations(groups: ReadonlyMap<string, readonly Range[]>): void {
  for (const name of painted) if (!groups.has(name)) CSS.highlights.delete(name);
  painted.clear();
  for (const [name, ranges] of groups) {
    const highlight = new Highlight(...ranges);
    // Inner spans are drawn over outer ones.
    highlight.priority = name.startsWith('ann-in-') ? 2 : name === 'ann-muted' ? 0 : 1;
    CSS.highlights.set(name, highlight);
    painted.add(name);
  }
}

/** Sets (or, with no range, removes) one of the page's own highlights (`ui-focus`, `ui-draft`). */
export function paintUi(name: string, range: Range | null): void {
  if (range === null) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(range);
  highlight.priority = 5;
  CSS.highlights.set(name, highlight);
}

/** Removes every highlight of the page. */
export function clearHighlights(): void {
  CSS.highlights.clear();
  painted.clear();
}
