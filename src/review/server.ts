/**
 * The review page's local HTTP server (node:http, no framework). It serves the page, its
 * compiled scripts (from `dist/review/`, no CDN) and a small JSON API over a ReviewStore.
 *
 * Safety: loopback by default, and then only requests naming a loopback host (no DNS
 * rebinding); writes only as JSON from the page's own origin (no cross-site form posts);
 * request bodies capped; a Content-Security-Policy that runs no inline script, so corpus
 * text can only ever be shown, never run.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REVIEW_CSS, reviewPage } from './page.js';
import { HttpError, type ReviewStore } from './store.js';

/** The largest request body accepted (one decision is a few hundred bytes). */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ReviewServerOptions {
  store: ReviewStore;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Folder holding the compiled `client/` and `shared/` scripts (default: found next to this module). */
  assetsDir?: string;
}

export interface ReviewServer {
  /** Base URL, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for an address on this machine only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Where the compiled page scripts are: next to this module once built, else in dist/. */
export function defaultAssetsDir(): string {
  const here = fileURLToPath(new URL('./', import.meta.url));
  const candidates = [here, join(here, '..', '..', 'dist', 'review')];
  return candidates.find((dir) => existsSync(join(dir, 'client', 'app.js'))) ?? here;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** Reads a request body up to `MAX_BODY_BYTES`, or throws 413 as soon as it is larger. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      reject(new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The revision named by an If-Match header (`"abc"`, `W/"abc"` or bare). */
function parseIfMatch(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?([^",\s]*)"?\s*$/.exec(header);
  return m?.[1] === undefined || m[1] === '' ? undefined : m[1];
}

/** The host:port of an Origin header, or null when it is `null` or malformed. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

const ASSET_NAME = /^\/assets\/(client|shared)\/([a-z0-9][a-z0-9-]*\.js)$/;

/** Starts the server and resolves once it listens. */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const { store } = options;
  const host = options.host ?? '127.0.0.1';
  const assetsDir = options.assetsDir ?? defaultAssetsDir();
  const loopbackOnly = isLoopback(host);
  let port = options.port ?? 8080;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const hostHeader = req.headers.host ?? '';
    const hostName = hostHeader.replace(/:\d+$/, '');
    if (loopbackOnly && !isLoopback(hostName)) throw new HttpError(421, `this server only answers requests for a loopback host, not "${hostName}"`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path.startsWith('/api/')) {
      if (path === '/api/documents') {
        if (method !== 'GET') throw new HttpError(405, 'use GET');
        sendJson(res, 200, await store.list());
        return;
      }
      if (path === '/api/document' || path === '/api/document/decisions') {
        const id = url.searchParams.get('id');
        if (id === null || id === '') throw new HttpError(400, 'missing document id (?id=...)');
        if (path === '/api/document') {
          if (method !== 'GET') throw new HttpError(405, 'use GET');
          const doc = await store.get(id);
          sendJson(res, 200, doc, { ETag: `"${doc.revision}"` });
          return;
        }
        if (method !== 'POST') throw new HttpError(405, 'use POST');
        const origin = req.headers.origin;
        if (origin !== undefined && originHost(origin) !== hostHeader) throw new HttpError(403, `writes are only accepted from the review page itself, not from ${origin}`);
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send the decision as application/json');
        const raw = await readBody(req);
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch (error) {
          throw new HttpError(400, `the body is not valid JSON (${(error as Error).message})`);
        }
        const result = await store.decide(id, parseIfMatch(req.headers['if-match']), body);
        sendJson(res, 200, result, { ETag: `"${result.revision}"` });
        return;
      }
      throw new HttpError(404, `no API endpoint ${path}`);
    }

    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'use GET');
    if (path === '/' || path === '/index.html') {
      send(res, 200, 'text/html; charset=utf-8', reviewPage());
      return;
    }
    if (path === '/assets/review.css') {
      send(res, 200, 'text/css; charset=utf-8', REVIEW_CSS);
      return;
    }
    const asset = ASSET_NAME.exec(path);
    if (asset !== null) {
      let body: Buffer;
      try {
        body = await readFile(join(assetsDir, asset[1]!, asset[2]!));
      } catch {
        throw new HttpError(404, `no asset ${path} (run npm run build)`);
      }
      send(res, 200, 'text/javascript; charset=utf-8', body);
      return;
    }
    if (path === '/favicon.ico') {
      send(res, 204, 'text/plain', '');
      return;
    }
    throw new HttpError(404, `nothing at ${path}`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      const extra = error instanceof HttpError ? error.extra : {};
      if (!res.headersSent) sendJson(res, status, { error: status === 500 ? `internal error: ${message}` : message, ...extra }, status === 413 ? { Connection: 'close' } : {});
      else res.end();
      if (status === 413) req.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    host,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
