import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readStandoffFile } from '../../src/io/standoff-folder.js';
import type { StandoffDocument } from '../../src/io/standoff.js';
import { MAX_BODY_BYTES, startReviewServer, type ReviewServer } from '../../src/review/server.js';
import { revisionOf, ReviewStore } from '../../src/review/store.js';
import type { AnnotationRecord, DecisionResult, DocumentList, DocumentPayload } from '../../src/review/shared/protocol.js';
import { tempDir } from '../cli/cli-helpers.js';
import { BRIEF_ID, cpSpan, EMOJI_ID, EMOJI_TEXT, SAMPLE_ID, writeReviewFixture, type ReviewFixture } from './fixtures.js';

let root: string;
let fixture: ReviewFixture;
let server: ReviewServer;
const NOW = new Date('2026-11-29T10:00:00.000Z');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: any;
}

/** A raw HTTP request (so tests can send any Host, Origin or body). */
function call(method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolveCall, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown = null;
        try {
          json = JSON.parse(body);
        } catch {
          json = null;
        }
        resolveCall({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const docPath = (id: string) => `/api/document?id=${encodeURIComponent(id)}`;
const decisionPath = (id: string) => `/api/document/decisions?id=${encodeURIComponent(id)}`;

async function getDoc(id: string): Promise<DocumentPayload> {
  const r = await call('GET', docPath(id));
  expect(r.status, r.body).toBe(200);
  return r.json as DocumentPayload;
}

function decide(id: string, revision: string | null, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return call('POST', decisionPath(id), {
    headers: { 'Content-Type': 'application/json', ...(revision === null ? {} : { 'If-Match': `"${revision}"` }), ...headers },
    body: JSON.stringify(body),
  });
}

function fileOf(id: string): StandoffDocument {
  return JSON.parse(readFileSync(join(fixture.run, `${id}.json`), 'utf8')) as StandoffDocument;
}

function annotationAt(doc: { annotations: AnnotationRecord[] | StandoffDocument['annotations'] }, surface: string, label?: string) {
  const a = doc.annotations.find((x) => x.text === surface && (label === undefined || x.label === label));
  if (a === undefined) throw new Error(`no annotation ${surface}`);
  return a;
}

beforeAll(async () => {
  root = tempDir('tawsim-review-api-');
  const outside = join(root, 'outside.json');
  writeFileSync(outside, '{"secret": true}');
  fixture = writeReviewFixture(root);
  server = await startReviewServer({ store: new ReviewStore({ dir: fixture.run, corpus: fixture.corpus, user: 'tester', now: () => NOW }), port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  // Every test starts from the fixture as written.
  fixture = writeReviewFixture(root);
});

describe('list', () => {
  it('lists every document with label counts and review progress', async () => {
    const r = await call('GET', '/api/documents');
    expect(r.status).toBe(200);
    const list = r.json as DocumentList;
    expect(list.user).toBe('tester');
    expect(list.documents.map((d) => d.id)).toEqual([SAMPLE_ID, EMOJI_ID, BRIEF_ID].sort());
    const sample = list.documents.find((d) => d.id === SAMPLE_ID)!;
    expect(sample.annotations).toBe(174);
    expect(sample.labels).toEqual({ ORG: 50, GPE: 45, LOC: 33, CARDINAL: 11, NORP: 9, MONEY: 8, PERS: 6, DATE: 6, ORDINAL: 6 });
    expect(sample.statuses).toEqual({ auto: 174 });
    expect(sample.reviewed).toBe(0);
    const emoji = list.documents.find((d) => d.id === EMOJI_ID)!;
    expect(emoji.length).toBe(Array.from(EMOJI_TEXT).length);
    expect(list.labels.slice(0, 8)).toEqual(['CARDINAL', 'ORDINAL', 'PERCENT', 'MONEY', 'CURR', 'GPE', 'LOC', 'ORG']);
  });

  it('counts decisions once they are saved, and lists an unreadable file with its reason', async () => {
    const doc = await getDoc(BRIEF_ID);
    expect((await decide(BRIEF_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' })).status).toBe(200);
    writeFileSync(join(fixture.run, 'broken.json'), '{ not json');
    const list = (await call('GET', '/api/documents')).json as DocumentList;
    expect(list.documents.find((d) => d.id === BRIEF_ID)).toMatchObject({ reviewed: 1, statuses: { auto: 3, accepted: 1 } });
    expect(list.documents.find((d) => d.id === 'broken')?.error).toMatch(/not valid JSON/);
    rmSync(join(fixture.run, 'broken.json'));
  });
});

describe('get', () => {
  it('returns the text, code point annotations, token edges and the revision as ETag', async () => {
    const r = await call('GET', docPath(EMOJI_ID));
    expect(r.status).toBe(200);
    const doc = r.json as DocumentPayload;
    expect(doc.text).toBe(EMOJI_TEXT);
    expect(doc.revision).toBe(revisionOf(readFileSync(join(fixture.run, `${EMOJI_ID}.json`))));
    expect(r.headers.etag).toBe(`"${doc.revision}"`);
    const points = Array.from(EMOJI_TEXT);
    for (const a of doc.annotations) expect(points.slice(a.start, a.end).join('')).toBe(a.text);
    expect(annotationAt(doc, 'بغداد')).toMatchObject(cpSpan(EMOJI_TEXT, 'بغداد'));
    expect(doc.tokens.length % 2).toBe(0);
    const tokenTexts: string[] = [];
    for (let i = 0; i < doc.tokens.length; i += 2) tokenTexts.push(points.slice(doc.tokens[i], doc.tokens[i + 1]).join(''));
    expect(tokenTexts).toContain('الرِّياض');
    expect(tokenTexts).toContain('😀');
  });

  it('serves ids with a folder in them', async () => {
    expect((await getDoc(BRIEF_ID)).annotations).toHaveLength(4);
  });

  it('answers 404 for a document that does not exist', async () => {
    const r = await call('GET', docPath('nothing-here'));
    expect(r.status).toBe(404);
    expect(r.json.error).toMatch(/no document "nothing-here"/);
  });

  it('says so when the text cannot be found', async () => {
    const store = new ReviewStore({ dir: fixture.run, user: 'x' });
    rmSync(join(fixture.corpus, `${BRIEF_ID}.txt`));
    await expect(store.get(BRIEF_ID)).rejects.toThrow(/was not found .*--corpus/);
  });
});

describe('path escapes', () => {
  it.each([
    ['../outside', 400],
    ['/etc/passwd', 400],
    ['news/../../outside', 400],
    ['news/./brief', 400],
    ['a\u0000b', 400],
    ['manifest', 400],
    ['news\\..\\..\\outside', 400],
  ])('refuses the id %j', async (id, status) => {
    const r = await call('GET', docPath(id));
    expect(r.status).toBe(status);
    expect(r.body).not.toContain('secret');
    const w = await decide(id, 'x', { op: 'status', id: 'T1', status: 'accepted' });
    expect(w.status).toBe(status);
  });

  it('refuses a link that leads out of the folder', async () => {
    symlinkSync(join(root, 'outside.json'), join(fixture.run, 'linked.json'));
    try {
      const r = await call('GET', docPath('linked'));
      expect(r.status).toBe(400);
      expect(r.body).not.toContain('secret');
      const list = (await call('GET', '/api/documents')).json as DocumentList;
      expect(list.documents.map((d) => d.id)).not.toContain('linked');
    } finally {
      rmSync(join(fixture.run, 'linked.json'));
    }
  });

  it.each(['/assets/client/..%2f..%2fstore.js', '/assets/client/../server.js', '/assets/../store.js', '/assets/client/app.ts', '/assets/shared/%2e%2e/store.js'])('serves no file outside the page scripts: %s', async (path) => {
    const r = await call('GET', path);
    expect(r.status).toBe(404);
  });
});

describe('save', () => {
  it('saves a decision at once, atomically, with who and when, and returns the new revision', async () => {
    const doc = await getDoc(EMOJI_ID);
    const baghdad = annotationAt(doc, 'بغداد');
    const r = await decide(EMOJI_ID, doc.revision, { op: 'status', id: baghdad.id, status: 'accepted' });
    expect(r.status, r.body).toBe(200);
    const result = r.json as DecisionResult;
    const bytes = readFileSync(join(fixture.run, `${EMOJI_ID}.json`));
    expect(result.revision).toBe(revisionOf(bytes));
    expect(r.headers.etag).toBe(`"${result.revision}"`);
    expect(result.annotation).toMatchObject({ id: baghdad.id, status: 'accepted', reviewed_by: 'tester', reviewed_at: NOW.toISOString() });
    expect(annotationAt(fileOf(EMOJI_ID), 'بغداد')).toMatchObject({ status: 'accepted', reviewed_by: 'tester', reviewed_at: '2026-11-29T10:00:00.000Z', value: { id: 'geonames:98182', name: 'Baghdad' } });
    // Still a standoff file its readers accept, in the same (pretty) layout.
    const back = await readStandoffFile(join(fixture.run, `${EMOJI_ID}.json`), { corpus: fixture.corpus });
    expect(back.annotations).toHaveLength(doc.annotations.length);
    expect(bytes.toString('utf8')).toMatch(/^\{\n {2}"schema"/);
  });

  it('relabels and resizes as an edit that remembers the suggestion, and goes back to accepted when undone by hand', async () => {
    let doc = await getDoc(EMOJI_ID);
    const money = annotationAt(doc, '601 مليون دولار');
    let r = await decide(EMOJI_ID, doc.revision, { op: 'edit', id: money.id, label: 'CARDINAL', ...cpSpan(EMOJI_TEXT, '601 مليون'), text: '601 مليون' });
    expect(r.status, r.body).toBe(200);
    const edited = (r.json as DecisionResult).annotation!;
    expect(edited).toMatchObject({ label: 'CARDINAL', text: '601 مليون', status: 'edited', original: { label: 'MONEY', text: '601 مليون دولار', value: { amount: 601000000, currency: 'USD' } } });
    expect(edited.value).toBeUndefined();
    doc = await getDoc(EMOJI_ID);
    r = await decide(EMOJI_ID, doc.revision, { op: 'edit', id: money.id, label: 'MONEY', ...cpSpan(EMOJI_TEXT, '601 مليون دولار'), text: '601 مليون دولار' });
    expect((r.json as DecisionResult).annotation).toMatchObject({ status: 'accepted', label: 'MONEY', value: { amount: 601000000, currency: 'USD' } });
    expect((r.json as DecisionResult).annotation!.original).toBeUndefined();
  });

  it('rejects an edited annotation on the suggestion it came from', async () => {
    let doc = await getDoc(EMOJI_ID);
    const org = annotationAt(doc, 'وزارة المالية');
    let r = await decide(EMOJI_ID, doc.revision, { op: 'edit', id: org.id, label: 'ORG', ...cpSpan(EMOJI_TEXT, 'المالية'), text: 'المالية' });
    expect(r.status).toBe(200);
    doc = await getDoc(EMOJI_ID);
    r = await decide(EMOJI_ID, doc.revision, { op: 'status', id: org.id, status: 'rejected' });
    expect((r.json as DecisionResult).annotation).toMatchObject({ status: 'rejected', text: 'وزارة المالية', ...cpSpan(EMOJI_TEXT, 'وزارة المالية') });
  });

  it('adds a span after an emoji with its diacritics, and removes it again (undo)', async () => {
    let doc = await getDoc(EMOJI_ID);
    const span = cpSpan(EMOJI_TEXT, 'الرِّياض');
    let r = await decide(EMOJI_ID, doc.revision, { op: 'add', label: 'GPE', ...span, text: 'الرِّياض' });
    expect(r.status, r.body).toBe(200);
    const added = (r.json as DecisionResult).annotation!;
    expect(added).toMatchObject({ label: 'GPE', status: 'added', source: 'review', confidence: 1, ...span });
    expect(added.id).toBe('T9');
    expect(fileOf(EMOJI_ID).annotations.map((a) => a.id)).toContain('T9');
    // Sorted in reading order in the file.
    const starts = fileOf(EMOJI_ID).annotations.map((a) => a.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    doc = await getDoc(EMOJI_ID);
    r = await decide(EMOJI_ID, doc.revision, { op: 'add', label: 'GPE', ...span, text: 'الرِّياض' });
    expect(r.status).toBe(422);
    expect(r.json.error).toMatch(/already annotated GPE \(T9\)/);
    r = await decide(EMOJI_ID, doc.revision, { op: 'remove', id: 'T9' });
    expect(r.status).toBe(200);
    expect(fileOf(EMOJI_ID).annotations.map((a) => a.id)).not.toContain('T9');
  });

  it('restores an annotation exactly (undo of a decision)', async () => {
    let doc = await getDoc(EMOJI_ID);
    const before = annotationAt(doc, 'بغداد');
    await decide(EMOJI_ID, doc.revision, { op: 'status', id: before.id, status: 'rejected' });
    doc = await getDoc(EMOJI_ID);
    const r = await decide(EMOJI_ID, doc.revision, { op: 'restore', annotation: before });
    expect(r.status, r.body).toBe(200);
    expect(annotationAt(fileOf(EMOJI_ID), 'بغداد')).toEqual(before);
  });

  it('only removes added annotations', async () => {
    const doc = await getDoc(EMOJI_ID);
    const r = await decide(EMOJI_ID, doc.revision, { op: 'remove', id: 'T1' });
    expect(r.status).toBe(422);
    expect(r.json.error).toMatch(/only added annotations can be removed/);
  });
});

describe('conflicts', () => {
  it('refuses a decision made on a stale revision with 409, and leaves the file alone', async () => {
    const doc = await getDoc(EMOJI_ID);
    expect((await decide(EMOJI_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' })).status).toBe(200);
    const after = readFileSync(join(fixture.run, `${EMOJI_ID}.json`), 'utf8');
    const stale = await decide(EMOJI_ID, doc.revision, { op: 'status', id: 'T2', status: 'rejected' });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatch(/changed since you opened it/);
    expect(stale.json.revision).toBe(revisionOf(after));
    expect(readFileSync(join(fixture.run, `${EMOJI_ID}.json`), 'utf8')).toBe(after);
  });

  it('lets exactly one of two simultaneous decisions on one revision through', async () => {
    const doc = await getDoc(EMOJI_ID);
    const replies = await Promise.all([
      decide(EMOJI_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' }),
      decide(EMOJI_ID, doc.revision, { op: 'status', id: 'T2', status: 'accepted' }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(fileOf(EMOJI_ID).annotations.filter((a) => a.status === 'accepted')).toHaveLength(1);
  });

  it('sees a change made by another program (a run) as a conflict', async () => {
    const doc = await getDoc(BRIEF_ID);
    const path = join(fixture.run, `${BRIEF_ID}.json`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"confidence":0.7', '"confidence":0.75'));
    expect((await decide(BRIEF_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' })).status).toBe(409);
  });

  it('requires the revision (428 without If-Match)', async () => {
    const r = await decide(EMOJI_ID, null, { op: 'status', id: 'T1', status: 'accepted' });
    expect(r.status).toBe(428);
  });
});

describe('validation', () => {
  const riyadh = () => cpSpan(EMOJI_TEXT, 'الرِّياض');
  const cases: [string, () => unknown, RegExp][] = [
    ['a surface that is not what the span reads', () => ({ op: 'add', label: 'GPE', ...riyadh(), text: 'الرياض' }), /reads "الرِّياض", not "الرياض"/],
    ['a span past the end', () => ({ op: 'add', label: 'GPE', start: 500, end: 510, text: 'x' }), /ends after the text/],
    ['an empty span', () => ({ op: 'add', label: 'GPE', start: 5, end: 5, text: '' }), /empty or reversed/],
    ['a reversed span', () => ({ op: 'add', label: 'GPE', start: 9, end: 5, text: '' }), /empty or reversed/],
    ['a negative offset', () => ({ op: 'add', label: 'GPE', start: -1, end: 5, text: '' }), /start/],
    ['a fractional offset', () => ({ op: 'add', label: 'GPE', start: 1.5, end: 5, text: '' }), /start/],
    ['an unknown label', () => ({ op: 'add', label: 'CITY', ...riyadh(), text: 'الرِّياض' }), /unknown label CITY/],
    ['a label that is not upper-case', () => ({ op: 'add', label: 'gpe', ...riyadh(), text: 'الرِّياض' }), /label/],
    [
      'a span that leaves the shadda behind',
      () => {
        const s = riyadh();
        return { op: 'add', label: 'GPE', start: s.start, end: s.start + 3, text: 'الر' };
      },
      /cuts a character in two/,
    ],
    [
      'a span that starts with a mark',
      () => {
        const s = riyadh();
        const text = Array.from(EMOJI_TEXT).slice(s.start + 3, s.end).join('');
        expect(text.startsWith('\u0650') || text.startsWith('\u0651')).toBe(true); // KASRA or SHADDA
        return { op: 'add', label: 'GPE', start: s.start + 3, end: s.end, text };
      },
      /cuts a character in two/,
    ],
    [
      'a span that cuts the emoji family apart',
      () => {
        const s = cpSpan(EMOJI_TEXT, '👨');
        return { op: 'add', label: 'GPE', ...s, text: '👨' };
      },
      /cuts a character in two/,
    ],
    ['a span with a space at its end', () => ({ op: 'add', label: 'GPE', ...cpSpan(EMOJI_TEXT, 'الرِّياض '), text: 'الرِّياض ' }), /whitespace/],
    ['an unknown operation', () => ({ op: 'delete', id: 'T1' }), /invalid decision/],
    ['an extra field', () => ({ op: 'status', id: 'T1', status: 'accepted', who: 'mallory' }), /invalid decision/],
    ['an unknown status', () => ({ op: 'status', id: 'T1', status: 'auto' }), /invalid decision: status/],
    ['an annotation that does not exist', () => ({ op: 'status', id: 'T99', status: 'accepted' }), /no annotation T99/],
  ];
  it.each(cases)('refuses %s (422) and leaves the file alone', async (_what, body, message) => {
    const doc = await getDoc(EMOJI_ID);
    const before = readFileSync(join(fixture.run, `${EMOJI_ID}.json`), 'utf8');
    const r = await decide(EMOJI_ID, doc.revision, body());
    expect(r.status, r.body).toBe(422);
    expect(r.json.error).toMatch(message);
    expect(readFileSync(join(fixture.run, `${EMOJI_ID}.json`), 'utf8')).toBe(before);
  });

  it('refuses a restore whose surface does not match the text', async () => {
    const doc = await getDoc(EMOJI_ID);
    const a = annotationAt(doc, 'بغداد');
    const r = await decide(EMOJI_ID, doc.revision, { op: 'restore', annotation: { ...a, text: 'الموصل' } });
    expect(r.status).toBe(422);
  });

  it('refuses a body that is not JSON (400) or not sent as JSON (415)', async () => {
    const doc = await getDoc(EMOJI_ID);
    const notJson = await call('POST', decisionPath(EMOJI_ID), { headers: { 'Content-Type': 'application/json', 'If-Match': `"${doc.revision}"` }, body: '{op:' });
    expect(notJson.status).toBe(400);
    const form = await call('POST', decisionPath(EMOJI_ID), { headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'If-Match': `"${doc.revision}"` }, body: 'op=status' });
    expect(form.status).toBe(415);
  });
});

describe('limits and origin', () => {
  it('refuses a body over the size cap with 413', async () => {
    const doc = await getDoc(EMOJI_ID);
    const big = JSON.stringify({ op: 'add', label: 'GPE', start: 0, end: 1, text: 'x'.repeat(MAX_BODY_BYTES) });
    const r = await call('POST', decisionPath(EMOJI_ID), { headers: { 'Content-Type': 'application/json', 'If-Match': `"${doc.revision}"` }, body: big });
    expect(r.status).toBe(413);
  });

  it('refuses a body over the cap sent without a length (chunked)', async () => {
    const doc = await getDoc(EMOJI_ID);
    const r = await call('POST', decisionPath(EMOJI_ID), { headers: { 'Content-Type': 'application/json', 'If-Match': `"${doc.revision}"`, 'Transfer-Encoding': 'chunked' }, body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20) });
    expect(r.status).toBe(413);
  });

  it('answers only requests for a loopback host name (no DNS rebinding)', async () => {
    const r = await call('GET', '/api/documents', { headers: { Host: 'evil.example:8080' } });
    expect(r.status).toBe(421);
    expect((await call('GET', '/api/documents', { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('refuses writes from another origin', async () => {
    const doc = await getDoc(EMOJI_ID);
    const r = await decide(EMOJI_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' }, { Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    for (const origin of ['null', 'not a url']) {
      expect((await decide(EMOJI_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' }, { Origin: origin })).status).toBe(403);
    }
    const same = await decide(EMOJI_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' }, { Origin: `http://127.0.0.1:${server.port}` });
    expect(same.status).toBe(200);
  });

  it('serves the page with a policy that runs no inline script, and no data in the HTML', async () => {
    const r = await call('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(r.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect(r.body).not.toContain('وزارة');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown paths and methods clearly', async () => {
    expect((await call('GET', '/api/nothing')).status).toBe(404);
    expect((await call('DELETE', '/api/documents')).status).toBe(405);
    expect((await call('GET', decisionPath(EMOJI_ID))).status).toBe(405);
    expect((await call('GET', '/api/document')).status).toBe(400);
  });
});

describe('the store on its own', () => {
  it('offers the labels given, in their order', async () => {
    const store = new ReviewStore({ dir: fixture.run, corpus: fixture.corpus, user: 'x', labels: ['GPE', 'ORG', 'LOC'] });
    expect((await store.list()).labels).toEqual(['GPE', 'ORG', 'LOC']);
    const doc = await store.get(EMOJI_ID);
    await expect(store.decide(EMOJI_ID, doc.revision, { op: 'add', label: 'CARDINAL', ...cpSpan(EMOJI_TEXT, 'الرِّياض'), text: 'الرِّياض' })).rejects.toThrow(/unknown label CARDINAL/);
  });

  it('keeps a compact file compact', async () => {
    const path = join(fixture.run, `${BRIEF_ID}.json`);
    writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
    const store = new ReviewStore({ dir: fixture.run, corpus: fixture.corpus, user: 'x' });
    const doc = await store.get(BRIEF_ID);
    await store.decide(BRIEF_ID, doc.revision, { op: 'status', id: 'T1', status: 'accepted' });
    const written = readFileSync(path, 'utf8');
    expect(written.split('\n')).toHaveLength(1);
    expect(JSON.parse(written).annotations[0].status).toBe('accepted');
  });

  it('reads texts stored in the standoff file itself', async () => {
    const dir = join(root, 'with-text');
    mkdirSync(dir, { recursive: true });
    const standoff = fileOf(EMOJI_ID);
    writeFileSync(join(dir, 'inline.json'), JSON.stringify({ ...standoff, doc: { ...standoff.doc, source: 'gone.txt' }, text: EMOJI_TEXT }));
    const store = new ReviewStore({ dir, user: 'x' });
    expect((await store.get('inline')).text).toBe(EMOJI_TEXT);
  });
});
