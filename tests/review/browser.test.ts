/**
 * The review page in Debian's Chromium, driven by playwright-core: highlights, keyboard
 * decisions, a span added from a mouse selection after an emoji and over diacritics,
 * everything found again after a reload with exact code point offsets in the files, and a
 * stale second tab refused. Also writes the README's screenshots to docs/screenshots/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandoffAnnotation, StandoffDocument } from '../../src/io/standoff.js';
import { startReviewServer, type ReviewServer } from '../../src/review/server.js';
import { ReviewStore } from '../../src/review/store.js';
import { tempDir } from '../cli/cli-helpers.js';
import { BRIEF_ID, BRIEF_TEXT, cpSpan, EMOJI_ID, EMOJI_TEXT, SAMPLE_ID, writeReviewFixture, type ReviewFixture } from './fixtures.js';

/*
 * The callbacks given to page.evaluate run in Chromium, but this file is compiled for Node
 * (no DOM types, on purpose, so they cannot leak into Node code): the few browser globals
 * those callbacks touch are declared here, for this module only.
 */
interface BrowserNode {
  nodeType: number;
  textContent: string | null;
  firstChild: BrowserNode | null;
  parentElement: BrowserElement | null;
}
interface BrowserElement extends BrowserNode {
  dir: string;
  lang: string;
  dataset: Record<string, string | undefined>;
  childNodes: { length: number };
  querySelectorAll(selector: string): { length: number };
  scrollIntoView(options?: object): void;
}
interface BrowserRange {
  setStart(node: BrowserNode, offset: number): void;
  setEnd(node: BrowserNode, offset: number): void;
  startContainer: BrowserNode;
  getClientRects(): ArrayLike<{ left: number; top: number; width: number; height: number }>;
}
declare const document: {
  getElementById(id: string): BrowserElement | null;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): { length: number };
  getSelection(): { toString(): string; removeAllRanges(): void; addRange(range: BrowserRange): void } | null;
  body: { scrollHeight: number };
};
declare const window: { scrollTo(x: number, y: number): void };
declare const Range: new () => BrowserRange;
declare const CSS: { highlights: { forEach(visit: (highlight: { size: number }, name: string) => void): void } };
declare function getComputedStyle(element: unknown): { letterSpacing: string; direction: string };
type HTMLElement = BrowserElement;

const CHROMIUM = '/usr/bin/chromium';
/** Where the README's screenshots go; another folder (e.g. on a machine with other fonts) by TAWSIM_SCREENSHOTS. */
const SCREENSHOTS = process.env.TAWSIM_SCREENSHOTS ?? 'docs/screenshots';

let root: string;
let fixture: ReviewFixture;
let server: ReviewServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Newest modification time of the files below `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    t = Math.max(t, s.isDirectory() ? newest(path) : s.mtimeMs);
  }
  return t;
}

/** The page's scripts are built by `npm run build`; rebuild them here when they are stale. */
function ensureClientBuilt(): void {
  const built = 'dist/review/client/app.js';
  const sources = Math.max(newest('src/review/client'), newest('src/review/shared'));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.review.json'], { stdio: 'inherit' });
}

function fileOf(id: string): StandoffDocument {
  return JSON.parse(readFileSync(join(fixture.run, `${id}.json`), 'utf8')) as StandoffDocument;
}

function find(doc: StandoffDocument, surface: string, label?: string): StandoffAnnotation {
  const a = doc.annotations.find((x) => x.text === surface && (label === undefined || x.label === label));
  if (a === undefined) throw new Error(`no annotation "${surface}"`);
  return a;
}

async function openDocument(p: Page, id: string): Promise<void> {
  await p.goto(`${server.url}#/doc/${encodeURIComponent(id)}`);
  await p.waitForSelector('#doc-text');
}

/** Waits until every decision made on the page has been answered by the server. */
async function settled(p: Page): Promise<void> {
  await p.waitForFunction(() => (document.querySelector('.doc-view') as HTMLElement | null)?.dataset.pending === '0');
}

/** Number of annotation ranges painted, per highlight name. */
function highlightCounts(p: Page): Promise<Record<string, number>> {
  return p.evaluate(() => {
    const out: Record<string, number> = {};
    CSS.highlights.forEach((h, name) => {
      out[name] = h.size;
    });
    return out;
  });
}

function annotationHighlights(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([name]) => name.startsWith('ann-'))
    .reduce((n, [, size]) => n + size, 0);
}

/** Viewport position of the middle of a span given in UTF-16 offsets of the text node. */
function pointOf(p: Page, start: number, end: number): Promise<{ x: number; y: number }> {
  return p.evaluate(
    ([s, e]) => {
      const node = document.getElementById('doc-text')!.firstChild!;
      const r = new Range();
      r.setStart(node, s!);
      r.setEnd(node, e!);
      r.startContainer.parentElement!.scrollIntoView({ block: 'nearest' });
      const box = r.getClientRects()[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    [start, end],
  );
}

/**
 * Share of pixels that differ between two PNGs of the same size (1 when the sizes differ),
 * measured in the browser itself (a canvas), so no image library is needed.
 */
async function pixelDifference(a: Buffer, b: Buffer): Promise<number> {
  const scratch = await context.newPage();
  try {
    return await scratch.evaluate(async ([x, y]) => {
      const load = (data: string) =>
        new Promise<{ width: number; height: number }>((resolveImage, reject) => {
          const image = new (globalThis as unknown as { Image: new () => { width: number; height: number; onload: () => void; onerror: () => void; src: string } }).Image();
          image.onload = () => resolveImage(image);
          image.onerror = reject;
          image.src = `data:image/png;base64,${data}`;
        });
      const [ia, ib] = await Promise.all([load(x!), load(y!)]);
      if (ia.width !== ib.width || ia.height !== ib.height) return 1;
      const pixels = (image: { width: number; height: number }) => {
        const canvas = (document as unknown as { createElement(t: string): { width: number; height: number; getContext(t: string): { drawImage(i: unknown, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } } }).createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const g = canvas.getContext('2d');
        g.drawImage(image, 0, 0);
        return g.getImageData(0, 0, image.width, image.height).data;
      };
      const pa = pixels(ia);
      const pb = pixels(ib);
      let differing = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.abs(pa[i]! - pb[i]!) + Math.abs(pa[i + 1]! - pb[i + 1]!) + Math.abs(pa[i + 2]! - pb[i + 2]!) > 24) differing++;
      }
      return differing / (pa.length / 4);
    }, [a.toString('base64'), b.toString('base64')]);
  } finally {
    await scratch.close();
  }
}

/**
 * Takes a screenshot for the README. Chromium's text anti-aliasing varies by a few pixels
 * from run to run; an existing file is only replaced when the page really looks different
 * (over 0.1% of its pixels), so test runs do not churn the committed images.
 */
async function screenshot(p: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  const shot = await p.screenshot(clip === undefined ? {} : { clip });
  const path = join(SCREENSHOTS, name);
  if (existsSync(path) && (await pixelDifference(readFileSync(path), shot)) <= 0.001) return;
  writeFileSync(path, shot);
}

beforeAll(async () => {
  ensureClientBuilt();
  root = tempDir('tawsim-review-browser-');
  fixture = writeReviewFixture(root);
  server = await startReviewServer({ store: new ReviewStore({ dir: fixture.run, corpus: fixture.corpus, user: 'reviewer-1' }), port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run', '--font-render-hinting=none'],
  });
  context = await browser.newContext({ viewport: { width: 1360, height: 860 }, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'UTC' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

describe('the review page in Chromium', () => {
  it('lists the run with label counts and progress, and filters it', async () => {
    await page.goto(server.url);
    await page.waitForSelector('table.documents tbody tr');
    const rows = await page.$$eval('table.documents tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));
    expect(rows).toEqual([SAMPLE_ID, EMOJI_ID, BRIEF_ID].sort());
    const sampleRow = await page.textContent(`tr[data-id="${SAMPLE_ID}"]`);
    expect(sampleRow).toContain('ORG 50');
    expect(sampleRow).toContain('0/174');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await screenshot(page, 'list.png');
    await page.keyboard.press('Slash');
    await page.keyboard.type('emoji');
    expect(await page.$$eval('table.documents tbody tr', (trs) => trs.length)).toBe(1);
    await page.fill('#list-search', '');
    await page.selectOption('#list-label', 'PERS');
    expect(await page.$$eval('table.documents tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id))).toEqual([SAMPLE_ID]);
    await page.selectOption('#list-label', '');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#doc-text');
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/doc/${EMOJI_ID}`);
    await page.keyboard.press('q');
    await page.waitForSelector('table.documents');
  });

  it('shows the sample right to left with as many highlights as annotations, the text untouched', async () => {
    await openDocument(page, SAMPLE_ID);
    const counts = await highlightCounts(page);
    expect(annotationHighlights(counts)).toBe(174);
    expect(counts['ann-ORG']).toBe(50);
    const shape = await page.evaluate(() => {
      const el = document.getElementById('doc-text')!;
      const style = getComputedStyle(el);
      return {
        dir: el.dir,
        lang: el.lang,
        children: el.childNodes.length,
        kind: el.firstChild?.nodeType,
        elements: el.querySelectorAll('*').length,
        letterSpacing: style.letterSpacing,
        text: el.firstChild?.textContent,
      };
    });
    expect(shape).toMatchObject({ dir: 'rtl', lang: 'ar', children: 1, kind: 3, elements: 0, letterSpacing: 'normal' });
    expect(shape.text).toBe(fixture.texts[SAMPLE_ID]);
    // Chips float outside the text, one per annotation near the screen (laid out as it scrolls).
    const chips = await page.$$eval('.overlay .chip', (cs) => cs.map((c) => (c as HTMLElement).dataset.id));
    expect(chips.length).toBeGreaterThan(20);
    expect(new Set(chips).size).toBe(chips.length);
    const ids = new Set(fileOf(SAMPLE_ID).annotations.map((a) => a.id));
    for (const id of chips) expect(ids.has(id!)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => document.querySelector('.overlay .chip[data-id="T174"]') !== null);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.querySelector('.overlay .chip[data-id="T1"]') !== null);
  });

  it('accepts, rejects and relabels with the keyboard, each saved at once', async () => {
    const before = fileOf(SAMPLE_ID).annotations;
    const [first, second, third] = before;
    await page.keyboard.press('j');
    expect(await page.textContent('#details h2')).toContain(first!.id);
    await page.keyboard.press('a');
    await page.keyboard.press('r');
    // key 6 = the sixth label of the bar: GPE (SPEC.md's order).
    expect(await page.textContent('.label-bar .swatch:nth-child(6)')).toContain('GPE');
    await page.keyboard.press('6');
    await settled(page);
    const after = fileOf(SAMPLE_ID).annotations;
    expect(after.find((a) => a.id === first!.id)).toMatchObject({ status: 'accepted', reviewed_by: 'reviewer-1', start: first!.start, end: first!.end });
    expect(after.find((a) => a.id === second!.id)).toMatchObject({ status: 'rejected', reviewed_by: 'reviewer-1' });
    expect(after.find((a) => a.id === third!.id)).toMatchObject({ label: third!.label === 'GPE' ? third!.label : 'GPE', status: third!.label === 'GPE' ? 'auto' : 'edited', start: third!.start, end: third!.end });
    expect(typeof after.find((a) => a.id === first!.id)!.reviewed_at).toBe('string');
    expect(await page.textContent('#save-state')).toBe('all changes saved');

    // The document view for the README: a focused annotation with its card.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(50);
    await screenshot(page, 'document.png');
  });

  it('lists every key in a help overlay', async () => {
    await page.keyboard.press('Shift+Slash');
    await page.waitForSelector('#help:not([hidden])');
    const help = await page.textContent('#help');
    for (const needle of ['accept', 'reject', 'relabel', 'undo', 'one token', 'one character', 'Shift+=']) expect(help).toContain(needle);
    await screenshot(page, 'help.png');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#help[hidden]', { state: 'attached' });
  });

  it('adds a span selected with the mouse after an emoji and over diacritics, at exact code points', async () => {
    await openDocument(page, EMOJI_ID);
    const text = EMOJI_TEXT;
    const word = 'الرِّياض';
    const u16 = text.indexOf(word);
    expect(text.slice(0, u16)).toContain('😀');
    const { x, y } = await pointOf(page, u16 + 2, u16 + 3);
    await page.mouse.dblclick(x, y);
    await page.waitForSelector('.add-bar:not([hidden])');
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(word);
    await page.keyboard.press('6'); // GPE
    await settled(page);
    const added = find(fileOf(EMOJI_ID), word);
    expect(added).toMatchObject({ label: 'GPE', status: 'added', source: 'review', reviewed_by: 'reviewer-1', ...cpSpan(text, word) });
    // Code points, not UTF-16: the emoji before it counts once.
    expect(added.start).toBe(u16 - 1);
    expect(annotationHighlights(await highlightCounts(page))).toBe(fixture.counts[EMOJI_ID]! + 1);
  });

  it('snaps a keyboard selection that cuts a letter from its marks, and undoes it', async () => {
    const text = EMOJI_TEXT;
    const word = 'الرِّياض';
    const u16 = text.indexOf(word);
    // From the start of the word to just after the raa, before its shadda and kasra.
    await page.evaluate(
      ([s, e]) => {
        const node = document.getElementById('doc-text')!.firstChild!;
        const r = new Range();
        r.setStart(node, s!);
        r.setEnd(node, e!);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(r);
      },
      [u16, u16 + 3],
    );
    await page.keyboard.press('v');
    await page.keyboard.press('7'); // LOC
    await settled(page);
    const snapped = find(fileOf(EMOJI_ID), text.slice(u16, u16 + 5), 'LOC');
    expect(snapped.text).toBe('الرِّ');
    expect(snapped.start).toBe(u16 - 1);
    expect(snapped.end).toBe(u16 - 1 + 5);
    await page.keyboard.press('u');
    await settled(page);
    expect(fileOf(EMOJI_ID).annotations.some((a) => a.label === 'LOC')).toBe(false);
  });

  it('shows markup in the text as text, keeps CR LF, and shows nested spans', async () => {
    expect(await page.$$eval('.overlay .chip', (c) => c.length)).toBe(fixture.counts[EMOJI_ID]! + 1);
    expect(await page.$$eval('.overlay .chip.inner', (cs) => cs.map((c) => c.textContent).sort())).toEqual(['CARDINAL', 'CURR']);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      scripts: document.querySelectorAll('#doc-text script').length,
      text: document.getElementById('doc-text')!.firstChild!.textContent,
    }));
    expect(state).toMatchObject({ pwned: undefined, scripts: 0, text: EMOJI_TEXT });
    const counts = await highlightCounts(page);
    expect(counts['ann-MONEY']).toBe(1);
    expect(counts['ann-in-CARDINAL']).toBe(1);
    expect(counts['ann-in-CURR']).toBe(1);
  });

  it('shows rule, confidence and the value in a left-to-right box on hover and on focus', async () => {
    const u16 = EMOJI_TEXT.indexOf('بغداد');
    const { x, y } = await pointOf(page, u16 + 1, u16 + 3);
    await page.mouse.move(x, y);
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = await page.textContent('#tooltip');
    for (const needle of ['GPE', 'gazetteer:places', '0.85', 'Baghdad (geonames:98182)']) expect(tip).toContain(needle);
    await page.mouse.move(5, 5);
    await page.waitForSelector('#tooltip[hidden]', { state: 'attached' });
    const money = find(fileOf(EMOJI_ID), '601 مليون دولار');
    for (let i = 0; i < 10 && !((await page.textContent('#details h2')) ?? '').includes(money.id); i++) await page.keyboard.press('j');
    const value = await page.$eval('#details .value', (el) => ({ text: el.textContent, direction: getComputedStyle(el).direction }));
    expect(value).toEqual({ text: '601000000 USD', direction: 'ltr' });
    expect(await page.textContent('#details')).toContain('money:amount+currency');
    await screenshot(page, 'nested.png', { x: 0, y: 0, width: 1360, height: 520 });
  });

  it('grows and shrinks an edge by a character and by a token, saved as an edit', async () => {
    await openDocument(page, BRIEF_ID);
    const mosul = find(fileOf(BRIEF_ID), 'الموصل');
    // Focus الموصل: j until the card names it.
    for (let i = 0; i < 5 && !((await page.textContent('#details h2')) ?? '').includes(mosul.id); i++) await page.keyboard.press('j');
    expect(await page.textContent('#details h2')).toContain(mosul.id);
    await page.keyboard.press('Equal'); // end edge, one character: the space is stepped over
    await settled(page);
    expect(find(fileOf(BRIEF_ID), 'الموصل ف')).toMatchObject({ status: 'edited', original: { text: 'الموصل' } });
    await page.keyboard.press('Minus');
    await settled(page);
    expect(fileOf(BRIEF_ID).annotations.find((a) => a.id === mosul.id)).toMatchObject({ text: 'الموصل', status: 'accepted' });
    await page.keyboard.press('Shift+Equal'); // one token
    await page.keyboard.press('b');
    await page.keyboard.press('Shift+Equal'); // the start edge, one token back
    await settled(page);
    expect(fileOf(BRIEF_ID).annotations.find((a) => a.id === mosul.id)).toMatchObject({ text: 'مدينة الموصل في', status: 'edited' });
  });

  it('adds a span with the keyboard alone: v, move it, resize it, label it', async () => {
    await page.keyboard.press('Escape'); // no focused annotation: the new span starts at the first token
    await page.keyboard.press('v');
    await page.keyboard.press('j');
    await page.keyboard.press('Shift+Equal');
    await page.waitForSelector('.add-bar:not([hidden])');
    expect(await page.textContent('.add-bar bdi')).toBe('وفد من');
    await page.keyboard.press('8'); // ORG
    await settled(page);
    expect(find(fileOf(BRIEF_ID), 'وفد من')).toMatchObject({ label: 'ORG', status: 'added', ...cpSpan(BRIEF_TEXT, 'وفد من') });
    await page.keyboard.press('u');
    await settled(page);
    expect(fileOf(BRIEF_ID).annotations.some((a) => a.text === 'وفد من')).toBe(false);
  });

  it('filters by status and confidence, and jumps between the matches only', async () => {
    await openDocument(page, SAMPLE_ID);
    const file = fileOf(SAMPLE_ID);
    const rejected = file.annotations.filter((a) => a.status === 'rejected');
    expect(await page.textContent('.filters label:has(input[value="accepted"]) .count')).toBe(String(file.annotations.filter((a) => a.status === 'accepted').length));
    await page.check('.filters input[value="rejected"]');
    expect(await page.textContent('.match-count')).toBe(`${rejected.length} of 174 annotations match`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    expect(await page.textContent('#details h2')).toContain(rejected[0]!.id);
    const counts = await highlightCounts(page);
    expect(counts['ann-muted']).toBe(174 - rejected.length);
    expect(annotationHighlights(counts)).toBe(174);
    await page.click('text=Clear filters');
    await page.fill('#filter-min', '0.9');
    const confident = file.annotations.filter((a) => a.confidence >= 0.9).length;
    expect(await page.textContent('.match-count')).toBe(`${confident} of 174 annotations match`);
    await page.click('text=Clear filters');
  });

  it('finds every decision again after a reload', async () => {
    await openDocument(page, SAMPLE_ID);
    await page.reload();
    await page.waitForSelector('#doc-text');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.querySelector('.overlay .chip[data-id="T1"]') !== null);
    const file = fileOf(SAMPLE_ID);
    const decided = file.annotations.filter((a) => a.status !== 'auto');
    expect(decided.length).toBeGreaterThanOrEqual(2);
    const chips = await page.$$eval('.overlay .chip', (cs) => cs.map((c) => ({ id: (c as HTMLElement).dataset.id, text: c.textContent })));
    for (const a of decided) expect(chips.find((c) => c.id === a.id)?.text).toMatch(a.status === 'accepted' ? /✓$/ : a.status === 'rejected' ? /✗$/ : /✎$/);
    expect(await page.textContent('.doc-progress')).toContain(`${decided.length} of 174 reviewed`);
    // Every annotation still reads its surface at its code point offsets.
    const points = Array.from(fixture.texts[SAMPLE_ID]!);
    for (const a of file.annotations) expect(points.slice(a.start, a.end).join('')).toBe(a.text);
    await openDocument(page, EMOJI_ID);
    expect(annotationHighlights(await highlightCounts(page))).toBe(fixture.counts[EMOJI_ID]! + 1);
  });

  it('refuses a decision from a stale second tab with a clear conflict', async () => {
    const second = await context.newPage();
    await openDocument(second, EMOJI_ID);
    await openDocument(page, EMOJI_ID);
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await settled(page);
    const saved = readFileSync(join(fixture.run, `${EMOJI_ID}.json`), 'utf8');
    await second.keyboard.press('j');
    await second.keyboard.press('j');
    await second.keyboard.press('r');
    await settled(second);
    await second.waitForSelector('#conflict:not([hidden])');
    expect(await second.textContent('#conflict')).toMatch(/changed since you opened it/);
    expect(readFileSync(join(fixture.run, `${EMOJI_ID}.json`), 'utf8')).toBe(saved);
    await second.close();
  });

  it('raised no error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
