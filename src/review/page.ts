/**
 * The review page's HTML shell and style sheet. The shell holds no data: the script
 * fetches everything and puts text in as text nodes. Styles are served as a file so the
 * Content-Security-Policy needs no inline style or script.
 */

/** The HTML shell of the review page. */
export function reviewPage(): string {
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tawsim review</title>
<link rel="stylesheet" href="/assets/review.css">
<script type="module" src="/assets/client/app.js"></script>
</head>
<body>
<header class="top-bar">
  <a class="brand" href="#/">tawsim <span class="muted">review</span></a>
  <span id="save-state" class="save-state" role="status" aria-live="polite"></span>
  <span class="spacer"></span>
  <span class="muted">reviewer: <span id="user"></span></span>
  <button id="help-button" type="button" aria-keyshortcuts="?">Keys <kbd>?</kbd></button>
</header>
<div id="conflict" class="conflict" role="alert" hidden></div>
<main id="main"></main>
<div id="help" class="help" role="dialog" aria-modal="true" aria-labelledby="help-title" hidden></div>
<div id="live" class="visually-hidden" aria-live="polite"></div>
<noscript>The review page needs JavaScript.</noscript>
</body>
</html>
`;
}

/**
 * Styles. Arabic text: a Naskh face where the system has one, generous line height for the
 * chips above and below lines, and never any letter-spacing (it breaks cursive joining).
 */
export const REVIEW_CSS = `
:root {
  --fg: #1d2330; --muted: #667085; --bg: #f6f7f9; --panel: #ffffff; --line: #d9dde3;
  --accent: #2458d3; --warn: #b54708; --bad: #b42318; --good: #067647;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
  color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
kbd { font: 600 0.78em ui-monospace, "DejaVu Sans Mono", monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.35em; background: #fff; color: var(--fg); }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button { font: inherit; border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 0.25em 0.7em; cursor: pointer; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, .text:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }

.top-bar { display: flex; align-items: center; gap: 1rem; padding: 0.6rem 1.2rem; background: var(--panel); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 20; }
.brand { font-weight: 700; text-decoration: none; color: var(--fg); }
.spacer { flex: 1; }
.save-state { font-size: 0.9rem; color: var(--muted); }
.save-state[data-kind="saved"] { color: var(--good); }
.save-state[data-kind="error"] { color: var(--bad); }
.conflict { background: #fef3f2; color: var(--bad); border-bottom: 1px solid #fecdca; padding: 0.7rem 1.2rem; }
main { padding: 1rem 1.2rem 4rem; }
.page-error { max-width: 50rem; }

/* The list */
.list-head h1 { margin: 0 0 0.2rem; font-size: 1.4rem; }
.list-filters { display: flex; gap: 0.6rem; align-items: center; margin: 1rem 0; flex-wrap: wrap; }
.list-filters input, .list-filters select { font: inherit; padding: 0.3em 0.5em; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.list-filters input { min-width: 18rem; }
table.documents { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line); }
table.documents th, table.documents td { text-align: start; padding: 0.5rem 0.7rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.documents th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
td.labels { max-width: 32rem; }
td.progress progress { width: 7rem; vertical-align: middle; }
.row-error { color: var(--bad); font-size: 0.85rem; margin-top: 0.2rem; }
.warn { color: var(--warn); font-weight: 700; }

/* Label chips and swatches: Latin label names, always isolated from the Arabic. */
.chip, .swatch { --label-colour: #667085; unicode-bidi: isolate; direction: ltr; }
.chip { font: 600 10px/12px ui-monospace, "DejaVu Sans Mono", monospace; color: #fff; background: var(--label-colour); border-radius: 3px; padding: 0 3px; white-space: nowrap; }
.chip.static { font-size: 11px; line-height: 16px; padding: 1px 5px; display: inline-block; }
.chip.rejected { background: #98a2b3; text-decoration: line-through; }
.chip.muted { opacity: 0.35; }
.swatch { display: inline-flex; align-items: center; gap: 0.3em; font-size: 0.8rem; border-inline-start: 4px solid var(--label-colour); padding: 0.05em 0.45em; background: #fff; border-radius: 3px; }

/* A document */
.doc-view { display: grid; grid-template-columns: minmax(0, 1fr) 21rem; gap: 1.2rem; position: relative; }
.doc-head { display: flex; align-items: baseline; gap: 0.4rem; flex-wrap: wrap; }
.doc-head h1 { font-size: 1.15rem; margin: 0; }
.doc-progress { color: var(--muted); margin-inline-start: 1rem; }
.label-bar { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0.7rem 0; }
.text-wrap { position: relative; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.text {
  white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; text-align: start;
  font-family: "Noto Naskh Arabic", "Amiri", "Scheherazade New", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", "DejaVu Sans", sans-serif;
  font-size: 1.3rem; line-height: 2.7; letter-spacing: normal; word-spacing: normal;
  padding: 1.2rem 1.6rem; margin: 0; min-height: 8rem; cursor: text;
}
.text::selection { background: rgba(36, 88, 211, 0.25); }
.overlay { position: absolute; inset: 0; pointer-events: none; overflow: hidden; }
.overlay .chip { position: absolute; opacity: 0.92; }
.overlay .chip.inner { opacity: 0.75; }
.focus-box { position: absolute; outline: 2px solid var(--fg); border-radius: 3px; }
.draft-box { position: absolute; outline: 2px dashed var(--accent); border-radius: 3px; }
.edge-marker { position: absolute; width: 3px; background: var(--accent); border-radius: 2px; }
::highlight(ann-rejected) { text-decoration-line: line-through; text-decoration-color: #98a2b3; text-decoration-thickness: 2px; color: #667085; }
::highlight(ann-muted) { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: #98a2b3; }
::highlight(ui-focus) { background-color: rgba(29, 35, 48, 0.14); }
::highlight(ui-draft) { background-color: rgba(36, 88, 211, 0.22); }

.doc-side { display: flex; flex-direction: column; gap: 1rem; }
.doc-side section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.8rem 1rem; }
.doc-side section:empty { display: none; }
.doc-side h2 { font-size: 0.95rem; margin: 0 0 0.5rem; }
.details dl, .tooltip dl { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.8rem; margin: 0.5rem 0 0; font-size: 0.88rem; }
.details dt, .tooltip dt { color: var(--muted); }
.details dd, .tooltip dd { margin: 0; overflow-wrap: anywhere; }
.surface { font-family: "Noto Naskh Arabic", "Amiri", "Noto Sans Arabic", "DejaVu Sans", sans-serif; font-size: 1.25rem; line-height: 1.9; letter-spacing: normal; text-align: right; margin-top: 0.3rem; }
.value { display: inline-block; direction: ltr; unicode-bidi: isolate; font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #eef2ff; border: 1px solid #c7d2fe; border-radius: 4px; padding: 0 0.4em; }
.status { font-size: 0.8rem; font-weight: 600; }
.status.accepted, .status.edited, .status.added { color: var(--good); }
.status.rejected { color: var(--bad); }
.edge-hint { font-size: 0.8rem; margin: 0.5rem 0 0; }
.filters fieldset { border: 0; padding: 0; margin: 0 0 0.7rem; display: flex; flex-wrap: wrap; gap: 0.25rem 0.7rem; }
.filters legend { font-size: 0.8rem; color: var(--muted); margin-bottom: 0.2rem; padding: 0; }
.filters .check { display: inline-flex; align-items: center; gap: 0.3em; font-size: 0.85rem; }
.filters .field { display: block; font-size: 0.85rem; margin-bottom: 0.6rem; }
.filters input[type="number"] { width: 4.5rem; font: inherit; }
.match-count { font-size: 0.85rem; color: var(--muted); }
.unanchored ul { padding-inline-start: 1.1rem; margin: 0; font-size: 0.88rem; }

.tooltip { position: absolute; z-index: 15; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 6px 24px rgba(16, 24, 40, 0.14); padding: 0.6rem 0.8rem; max-width: 24rem; pointer-events: none; }
.tooltip .surface { font-size: 1.1rem; }
.add-bar { position: absolute; z-index: 16; display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; max-width: 44rem; background: var(--panel); border: 1px solid var(--accent); border-radius: 8px; padding: 0.45rem 0.6rem; box-shadow: 0 6px 24px rgba(16, 24, 40, 0.14); }
.add-bar button.swatch { cursor: pointer; }

.help { position: fixed; inset: 0; background: rgba(16, 24, 40, 0.45); display: flex; align-items: flex-start; justify-content: center; padding: 3rem 1rem; z-index: 30; overflow: auto; }
.help[hidden] { display: none; }
.help-card { background: var(--panel); border-radius: 10px; padding: 1.2rem 1.5rem; max-width: 46rem; width: 100%; box-shadow: 0 12px 40px rgba(16, 24, 40, 0.3); }
.help-card h2 { margin-top: 0; }
table.keys { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.keys th { text-align: start; padding: 0.8rem 0 0.3rem; font-size: 0.85rem; color: var(--muted); }
table.keys td { padding: 0.22rem 0.5rem 0.22rem 0; vertical-align: top; }
table.keys td.key-cell { white-space: nowrap; width: 11rem; }
[hidden] { display: none !important; }
`;
